// The bidder check's knowledge from a knowledge-base snapshot (the CLI's default data plus entity files, the
// extension's Dexie tables read once): the matcher, entity and flag lookups, and the product-country statements.
import type { Entity, Flag, RiskCategory, Source } from '../core/types';
import { compileMatcher, type CompiledMatcher } from '../matcher';
import type { CheckKnowledge } from './check-bidders';

export function checkKnowledgeFrom(data: { sources: readonly Source[]; entities: readonly Entity[]; flags: readonly Flag[]; riskCategories: readonly RiskCategory[] }, matcher?: CompiledMatcher): CheckKnowledge {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const flags = new Map(data.flags.map((f) => [f.id, f]));
  const byEntity = new Map<string, Flag[]>();
  for (const f of data.flags) if (f.entityId) byEntity.set(f.entityId, [...(byEntity.get(f.entityId) ?? []), f]);
  return {
    matcher: matcher ?? compileMatcher(data.entities),
    entity: (id) => entities.get(id),
    flagsForEntity: (id) => byEntity.get(id) ?? [],
    flag: (id) => flags.get(id),
    productFlags: data.flags.filter((f) => f.product && f.country),
    riskCategories: data.riskCategories,
    sources: data.sources,
  };
}
