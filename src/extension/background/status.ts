// Summarises what the knowledge base holds, per source, for the options page and the popup footer.
import type { KnowledgeDb } from '../../kb/db';
import { knowledgeLostAt, knowledgeRevision } from '../../kb/lists';
import type { Replies, SourceStatus } from '../messages';
import type { FlagType, ListMeaning } from '../../core/types';

function listMeaningOf(type: FlagType | undefined): ListMeaning {
  if (type === 'import_ban' || type === 'sanctions' || type === 'child_labour') return type;
  return type ? 'forced_labour' : 'watch';
}

export async function knowledgeStatus(db: KnowledgeDb): Promise<Replies['knowledge-status']> {
  const sources = await db.sources.toArray();
  const statuses: SourceStatus[] = await Promise.all(
    sources.map(async (source) => {
      const counts = await Promise.all([
        db.entities.where('sourceId').equals(source.id).count(),
        db.flags.where('sourceId').equals(source.id).count(),
        db.cpv.where('sourceId').equals(source.id).count(),
        db.riskCategories.where('sourceId').equals(source.id).count(),
      ]);
      const [entities, flags, cpv, categories] = counts;
      // A shipped list says what it means through its flags (the UFLPA list: an import ban); none: a watch list.
      const meaning = source.kind === 'entity-list' ? (source.meaning ?? listMeaningOf((await db.flags.where('sourceId').equals(source.id).first())?.type)) : undefined;
      return { ...source, ...(meaning ? { meaning } : {}), entities: entities!, flags: flags!, references: cpv! + categories! };
    }),
  );
  const [entities, flags, cpv, revision, lostAt] = await Promise.all([db.entities.count(), db.flags.count(), db.cpv.count(), knowledgeRevision(db), knowledgeLostAt(db)]);
  return { sources: statuses, revision, entities, flags, cpv, ...(lostAt ? { lostAt } : {}) };
}
