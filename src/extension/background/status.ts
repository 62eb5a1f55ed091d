// Summarises what the knowledge base holds, per source, for the options page and the popup footer.
import type { KnowledgeDb } from '../../kb/db';
import { knowledgeRevision } from '../../kb/lists';
import type { Replies, SourceStatus } from '../messages';

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
      return { ...source, entities: entities!, flags: flags!, references: cpv! + categories! };
    }),
  );
  const [entities, flags, cpv, revision] = await Promise.all([db.entities.count(), db.flags.count(), db.cpv.count(), knowledgeRevision(db)]);
  return { sources: statuses, revision, entities, flags, cpv };
}
