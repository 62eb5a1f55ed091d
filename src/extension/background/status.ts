// Summarises what the knowledge base holds, per source, for the options page and the popup footer.
import type { KnowledgeDb } from '../../kb/db';
import { knowledgeLostAt, knowledgeRevision } from '../../kb/lists';
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
      return { ...source, rows: counts.reduce((a, b) => a + b, 0) };
    }),
  );
  const [entities, flags, cpv, revision, lostAt] = await Promise.all([db.entities.count(), db.flags.count(), db.cpv.count(), knowledgeRevision(db), knowledgeLostAt(db)]);
  return { sources: statuses, revision, entities, flags, cpv, ...(lostAt ? { lostAt } : {}) };
}
