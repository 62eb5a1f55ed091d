// The references the commands name entities by (see src/publish/entity-references): from the entity sets a command
// loaded, or looked up in the shipped knowledge base.
import type { Entity } from '../core/types';
import { entityReference, type EntityReference } from '../publish/ftm-id';
import { referenceOfId, type ReferenceOf } from '../publish/entity-references';
import type { EntitySet } from './entity-sets';

/**
 * References for the entities of the sets a command loaded (the default knowledge base, FtM files). Given `only`
 * (the ids the output names, such as those of the mentions found), just those are prepared: a page names a few
 * of 100k entities, and a reference for each of the others was a tenth of a second spent for nothing.
 */
export function referencesOfSets(sets: readonly EntitySet[], only?: Iterable<string>): ReferenceOf {
  const byId = new Map<string, EntityReference>();
  const wanted = only === undefined ? undefined : new Set(only);
  if (wanted === undefined || wanted.size > 0) {
    for (const set of sets) {
      for (const entity of set.entities) {
        if (wanted === undefined || wanted.has(entity.id)) byId.set(entity.id, entityReference(entity, set.origin));
      }
    }
  }
  return (id) => byId.get(id) ?? referenceOfId(id);
}

/** References for entities looked up one by one (the knowledge base `inspect` loads, shipped lists only). */
export function referencesOfShipped(entity: (id: string) => Pick<Entity, 'id' | 'sourceId'> | undefined): ReferenceOf {
  return (id) => {
    const found = entity(id);
    return found ? entityReference(found, 'shipped') : referenceOfId(id);
  };
}
