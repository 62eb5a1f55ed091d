// What a refresh changed in a list: entities added, removed and renamed (a new name whose aliases or former names
// hold the old one, or an entity kept under the same id with another name). Pure.
import type { Entity } from '../core/types';
import { normaliseName } from '../matcher';

export interface ListChanges {
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  renamed: { id: string; from: string; to: string }[];
}

const key = (name: string) => normaliseName(name);

export function diffLists(before: readonly Entity[], after: readonly Entity[]): ListChanges {
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const afterById = new Map(after.map((e) => [e.id, e]));
  const changes: ListChanges = { added: [], removed: [], renamed: [] };
  const gone = before.filter((e) => !afterById.has(e.id));
  const goneByName = new Map(gone.map((e) => [key(e.name), e]));
  const matchedGone = new Set<string>();
  for (const entity of after) {
    const previous = beforeById.get(entity.id);
    if (previous) {
      if (previous.name !== entity.name) changes.renamed.push({ id: entity.id, from: previous.name, to: entity.name });
      continue;
    }
    const formerly = [...entity.previousNames, ...entity.aliases].map((n) => goneByName.get(key(n))).find((e) => e && !matchedGone.has(e.id));
    if (formerly) {
      matchedGone.add(formerly.id);
      changes.renamed.push({ id: entity.id, from: formerly.name, to: entity.name });
    } else changes.added.push({ id: entity.id, name: entity.name });
  }
  for (const entity of gone) if (!matchedGone.has(entity.id)) changes.removed.push({ id: entity.id, name: entity.name });
  return changes;
}
