// In-memory knowledge for one process (the CLI, tests): indexes a knowledge-base snapshot for the analysis
// and compiles its matcher. The extension's background builds the same lookups from Dexie instead.
import type { DefaultData, Entity, Flag, Source } from './types';
import type { Knowledge } from './analyse-page';
import { compileMatcher, type CompiledMatcher } from '../matcher';

export type KnowledgeSnapshot = Pick<DefaultData, 'sources' | 'entities' | 'flags' | 'riskCategories' | 'cpv'>;

export function knowledgeFromSnapshot(data: KnowledgeSnapshot, matcher?: CompiledMatcher): Knowledge {
  const entities = new Map<string, Entity>(data.entities.map((e) => [e.id, e]));
  const flags = new Map<string, Flag>(data.flags.map((f) => [f.id, f]));
  const sources = new Map<string, Source>(data.sources.map((s) => [s.id, s]));
  const cpv = new Map(data.cpv.map((c) => [c.code8, c.label]));
  const flagsByEntity = new Map<string, Flag[]>();
  for (const flag of data.flags) {
    if (flag.entityId) flagsByEntity.set(flag.entityId, [...(flagsByEntity.get(flag.entityId) ?? []), flag]);
  }
  return {
    matcher: matcher ?? compileMatcher(data.entities),
    entity: (id) => entities.get(id),
    flagsForEntity: (id) => flagsByEntity.get(id) ?? [],
    flag: (id) => flags.get(id),
    source: (id) => sources.get(id),
    sources: () => data.sources,
    cpvLabel: (code8) => cpv.get(code8),
    riskCategories: data.riskCategories,
  };
}
