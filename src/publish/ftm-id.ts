// The FollowTheMoney id of a knowledge-base entity: an imported record keeps its own id (the part after the
// list's prefix); an entity of a shipped list is known by its TenderLens id, which is its id in FtM exports.
import type { Entity } from '../core/types';

const SHIPPED_PREFIXES = ['us-dhs-uflpa:', 'us-cbp-wro:'];

export function ftmIdOf(entity: Pick<Entity, 'id' | 'sourceId'>): string {
  if (SHIPPED_PREFIXES.some((p) => entity.id.startsWith(p))) return entity.id;
  const prefix = `${entity.sourceId}:`;
  return entity.id.startsWith(prefix) ? entity.id.slice(prefix.length) : entity.id;
}
