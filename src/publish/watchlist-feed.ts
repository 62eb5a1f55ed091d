// A watchlist's alerts as a feed to share: every alert about a supplier it follows, the same story read in several
// feeds as one entry, written as Atom or JSON Feed 1.1. Links the user marked "not relevant" are left out, and the
// feed's subtitle says how many.
import type { AlertRow, KnowledgeDb } from '../kb/db';
import { slugify } from '../data/slug';
import { entryId, FEED_ID_AUTHORITY, type AlertEntry, type AlertFeed } from './alert-feed';
import { writeAtom } from './atom';
import { ftmIdOf } from './ftm-id';
import { writeJsonFeed } from './json-feed';

/** Groups alerts that are the same story (same link key) into one entry each. */
export function alertEntries(alerts: readonly AlertRow[], entityNames: ReadonlyMap<string, { id: string; name: string }>, sourceTitles: ReadonlyMap<string, string>, onlyEntities?: ReadonlySet<string>): AlertEntry[] {
  const byKey = new Map<string, AlertEntry>();
  for (const alert of alerts) {
    const key = alert.urlKey || alert.id;
    const entities = alert.entityIds.filter((id) => !onlyEntities || onlyEntities.has(id)).map((id) => entityNames.get(id) ?? { id, name: id });
    if (entities.length === 0) continue;
    const source = sourceTitles.get(alert.sourceId) ?? alert.sourceId;
    const known = byKey.get(key);
    if (known) {
      for (const e of entities) if (!known.entities.some((k) => k.id === e.id)) known.entities.push(e);
      if (!known.sources.includes(source)) known.sources.push(source);
      if (alert.firstSeenAt < known.updated) known.updated = alert.firstSeenAt;
      if (alert.confidence === 'high') known.confidence = 'high';
      continue;
    }
    byKey.set(key, {
      id: entryId(key),
      title: alert.title,
      ...(alert.url ? { url: alert.url } : {}),
      ...(alert.published ? { published: alert.published } : {}),
      updated: alert.firstSeenAt,
      summary: alert.summary,
      sources: [source],
      entities,
      confidence: alert.confidence,
    });
  }
  return [...byKey.values()];
}

/** How many links between an item and a followed supplier the user marked "not relevant" (each item once). */
async function notRelevantLinks(db: KnowledgeDb, entityIds: ReadonlySet<string>): Promise<number> {
  if (entityIds.size === 0) return 0;
  const setAside = await db.alerts.where('notRelevantEntityIds').anyOf([...entityIds]).distinct().toArray();
  const links = new Set<string>();
  for (const alert of setAside) for (const id of alert.notRelevantEntityIds ?? []) if (entityIds.has(id)) links.add(`${alert.urlKey || alert.id}|${id}`);
  return links.size;
}

export async function exportWatchlistFeed(db: KnowledgeDb, watchlistId: string, format: 'atom' | 'json', now: Date): Promise<{ fileName: string; mediaType: string; text: string }> {
  const watchlist = await db.watchlists.get(watchlistId);
  if (!watchlist) throw new Error('That watchlist no longer exists.');
  const follows = await db.follows.where('watchlistId').equals(watchlistId).toArray();
  const entityIds = new Set(follows.map((f) => f.entityId));
  const alerts = entityIds.size ? await db.alerts.where('entityIds').anyOf([...entityIds]).distinct().toArray() : [];
  const names = new Map<string, { id: string; name: string }>();
  for (const f of follows) {
    const entity = await db.entities.get(f.entityId);
    names.set(f.entityId, { id: entity ? ftmIdOf(entity) : f.entityId, name: entity?.name ?? f.entityName });
  }
  const sourceTitles = new Map((await db.sources.where('kind').equals('feed').toArray()).map((s) => [s.id, s.title]));
  const leftOut = await notRelevantLinks(db, entityIds);
  const feed: AlertFeed = {
    id: `${FEED_ID_AUTHORITY}:watchlist:${watchlist.id}`,
    title: `TenderLens alerts: ${watchlist.name}`,
    subtitle: [
      `News and NGO items naming the ${follows.length} supplier(s) followed in “${watchlist.name}”, linked by TenderLens. Exported ${now.toISOString().slice(0, 10)}.`,
      leftOut ? `Left out: ${leftOut} link(s) between an item and a supplier that the user marked “not relevant” (a wrong link).` : '',
      'No item is not the same as no risk.',
    ].filter(Boolean).join(' '),
    generator: 'TenderLens',
    entries: alertEntries(alerts, names, sourceTitles, entityIds),
  };
  const base = `tenderlens-${slugify(watchlist.name) || 'watchlist'}`;
  return format === 'atom'
    ? { fileName: `${base}.atom`, mediaType: 'application/atom+xml', text: writeAtom(feed) }
    : { fileName: `${base}.json`, mediaType: 'application/feed+json', text: writeJsonFeed(feed) };
}
