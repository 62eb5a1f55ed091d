// The FollowTheMoney id of a knowledge-base entity: an imported record keeps its own id (the part after the
// list's prefix); an entity of a shipped list is known by its TenderLens id, which is its id in FtM exports (the
// files `tenderlens lists refresh` writes), so the same entity has the same id whichever way it was loaded.
import type { Entity } from '../core/types';

const SHIPPED_PREFIXES = ['us-dhs-uflpa:', 'us-cbp-wro:'];

export function ftmIdOf(entity: Pick<Entity, 'id' | 'sourceId'>): string {
  if (SHIPPED_PREFIXES.some((p) => entity.id.startsWith(p))) return entity.id;
  return ownIdOf(entity);
}

/** The id after the "<list>:" prefix the importer adds: the record's id exactly as its file writes it. */
function ownIdOf(entity: Pick<Entity, 'id' | 'sourceId'>): string {
  const prefix = `${entity.sourceId}:`;
  return entity.id.startsWith(prefix) ? entity.id.slice(prefix.length) : entity.id;
}

/** How output names an entity: its own FollowTheMoney id, and the list it came from, apart. */
export interface EntityReference {
  entityId: string;
  list: string;
}

/**
 * The reference of an entity: one read from a FollowTheMoney file by its id in that file (even when the file is
 * named like a shipped list), a shipped one by the id TenderLens's own FtM files give it.
 */
export function entityReference(entity: Pick<Entity, 'id' | 'sourceId'>, origin: 'shipped' | 'file'): EntityReference {
  return { entityId: origin === 'file' ? ownIdOf(entity) : ftmIdOf(entity), list: entity.sourceId };
}
