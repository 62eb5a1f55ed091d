// Names entities in JSON output as FollowTheMoney does: every `entityId` becomes the entity's own id as written in
// its file, with the list it came from beside it as `list`; an `entityIds` list becomes `entities` (one reference
// each); an entity record keeps its own id with its list. One rule for the commands and the extension's exports.
import type { Entity } from '../core/types';
import { entityIdParts } from '../import/ftm';
import { ftmIdOf, type EntityReference } from './ftm-id';

export type ReferenceOf = (internalId: string) => EntityReference;

/**
 * The reference of a knowledge-base id alone (the extension's stored entities, an entity since removed): the list
 * is the importer's prefix, the id the entity's FollowTheMoney id.
 */
export function referenceOfId(id: string): EntityReference {
  const { list } = entityIdParts(id);
  return { entityId: ftmIdOf({ id, sourceId: list }), list };
}

function isEntityRecord(value: Record<string, unknown>): value is Record<string, unknown> & Pick<Entity, 'id' | 'sourceId'> {
  return typeof value.id === 'string' && typeof value.sourceId === 'string' && typeof value.name === 'string'
    && (value.schema === 'Company' || value.schema === 'Organization' || value.schema === 'LegalEntity');
}

/** A copy of `value` (plain JSON data) with every entity named by its reference. */
export function withEntityReferences(value: unknown, referenceOf: ReferenceOf): unknown {
  if (Array.isArray(value)) return value.map((item) => withEntityReferences(item, referenceOf));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (key === 'entityId' && typeof item === 'string') {
      const reference = referenceOf(item);
      out.entityId = reference.entityId;
      out.list = reference.list;
    } else if (key === 'entityIds' && Array.isArray(item)) {
      out.entities = item.filter((id): id is string => typeof id === 'string').map(referenceOf);
    } else if (key === 'list' && 'entityId' in record) {
      continue; // set from the entity's reference
    } else {
      out[key] = withEntityReferences(item, referenceOf);
    }
  }
  if (isEntityRecord(record)) {
    const reference = referenceOf(record.id);
    out.id = reference.entityId;
    out.list = reference.list;
  }
  return out;
}
