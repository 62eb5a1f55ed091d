// Entities as FollowTheMoney JSON lines (OpenSanctions' format): what `tenderlens lists refresh` publishes, so the
// extension (or any FtM reader) can subscribe to a refreshed list by its address.
import type { Entity, Flag } from '../core/types';
import { ftmIdOf } from './ftm-id';

export function writeFtmLines(entities: readonly Entity[], flags: readonly Flag[]): string {
  const flagsByEntity = new Map<string, Flag[]>();
  for (const flag of flags) if (flag.entityId) flagsByEntity.set(flag.entityId, [...(flagsByEntity.get(flag.entityId) ?? []), flag]);
  return entities
    .map((entity) => {
      const own = flagsByEntity.get(entity.id) ?? [];
      const properties: Record<string, string[]> = { name: [entity.name] };
      if (entity.aliases.length) properties.alias = entity.aliases;
      if (entity.previousNames.length) properties.previousName = entity.previousNames;
      if (entity.countries.length) properties.country = entity.countries.map((c) => c.toLowerCase());
      const urls = [...new Set(own.map((f) => f.evidenceUrl))];
      if (urls.length) properties.sourceUrl = urls;
      const notes = own.map((f) => f.note).filter((n): n is string => !!n);
      if (notes.length) properties.notes = notes;
      const dates = own.map((f) => f.date).filter((d): d is string => !!d).sort();
      if (dates.length) properties.createdAt = [dates[0]!];
      return JSON.stringify({ id: ftmIdOf(entity), schema: entity.schema, properties });
    })
    .join('\n') + '\n';
}
