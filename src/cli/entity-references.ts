// Names entities in the commands' JSON output as FollowTheMoney does: every `entityId` becomes the entity's own
// id as written in its file, with the list it came from beside it as `list`; an `entityIds` list becomes
// `entities` (one reference each); an entity record keeps its own id with its list. One rule for every command.
import type { Entity } from '../core/types';
import { entityIdParts } from '../import/ftm';
import { entityReference, type EntityReference } from '../publish/ftm-id';
import type { EntitySet } from './entity-sets';

export type ReferenceOf = (internalId: string) => EntityReference;

/** References for the entities of the sets a command loaded (the default knowledge base, FtM files). */
export function referencesOfSets(sets: readonly EntitySet[]): ReferenceOf {
  const byId = new Map<string, EntityReference>();
  for (const set of sets) for (const entity of set.entities) byId.set(entity.id, entityReference(entity, set.origin));
  return (id) => byId.get(id) ?? fallbackReference(id);
}

/** References for entities looked up one by one (the knowledge base `inspect` loads, shipped lists only). */
export function referencesOfShipped(entity: (id: string) => Pick<Entity, 'id' | 'sourceId'> | undefined): ReferenceOf {
  return (id) => {
    const found = entity(id);
    return found ? entityReference(found, 'shipped') : fallbackReference(id);
  };
}

/** An id no loaded entity has (an entity since removed): split at the importer's prefix. */
function fallbackReference(id: string): EntityReference {
  const { list, id: own } = entityIdParts(id);
  return { entityId: own, list };
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
