// Watchlists in the knowledge base: create, rename, set how they notify, delete; follow and unfollow suppliers;
// unread counts (alerts not marked read, and first seen after the user last read a supplier's alerts); and a
// followed supplier's profile (its flags with their lists, its alert timeline with the user's marks, and the items
// the user said are not about it, each with that decision).
import type { Flag, Source } from '../core/types';
import { fromEntityRow, type AlertRow, type KnowledgeDb } from '../kb/db';
import type { FollowRow, NotifyMode, WatchlistRow } from './watchlist-types';
import { alertLinkKey, isAlertRead, type NotRelevantDecision } from './alert-triage';

export const DEFAULT_WATCHLIST_ID = 'watchlist-default';
const followId = (watchlistId: string, entityId: string) => `${watchlistId}|${entityId}`;

export interface FollowedSupplier extends FollowRow {
  unread: number;
  alerts: number;
}

export interface WatchlistView extends WatchlistRow {
  suppliers: FollowedSupplier[];
  unread: number;
}

export interface SupplierProfile {
  entityId: string;
  name: string;
  aliases: string[];
  countries: string[];
  /** Known to the knowledge base (false once its list was removed: the follow stays). */
  known: boolean;
  flags: { flag: Flag; source?: Pick<Source, 'id' | 'title' | 'version' | 'meaning' | 'partial'> }[];
  /** Its alerts, newest first, archived ones included (the view decides what it shows). */
  alerts: ProfileAlert[];
  /** Items the user said are not about this supplier, each with the decision (newest first). */
  notRelevant: { alert: AlertRow; decision: NotRelevantDecision }[];
  watchlists: { id: string; name: string }[];
  unread: number;
}

export type ProfileAlert = AlertRow & { read: boolean };

const defaultWatchlist = (now: Date): WatchlistRow => ({ id: DEFAULT_WATCHLIST_ID, name: 'My suppliers', notify: 'immediately', createdAt: now.toISOString() });

export async function createWatchlist(db: KnowledgeDb, name: string, notify: NotifyMode = 'immediately', now = new Date()): Promise<WatchlistRow> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A watchlist needs a name.');
  if ((await db.watchlists.toArray()).some((w) => w.name.toLowerCase() === trimmed.toLowerCase())) throw new Error(`There is already a watchlist named “${trimmed}”.`);
  const row: WatchlistRow = { id: `watchlist-${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`, name: trimmed, notify, createdAt: now.toISOString() };
  await db.watchlists.put(row);
  return row;
}

export async function updateWatchlist(db: KnowledgeDb, id: string, changes: { name?: string; notify?: NotifyMode }): Promise<void> {
  const row = await db.watchlists.get(id);
  if (!row) throw new Error('That watchlist no longer exists.');
  await db.watchlists.put({ ...row, ...(changes.name?.trim() ? { name: changes.name.trim() } : {}), ...(changes.notify ? { notify: changes.notify } : {}) });
}

export async function deleteWatchlist(db: KnowledgeDb, id: string): Promise<void> {
  await db.transaction('rw', db.watchlists, db.follows, async () => {
    await db.follows.where('watchlistId').equals(id).delete();
    await db.watchlists.delete(id);
  });
}

export async function follow(db: KnowledgeDb, entityId: string, watchlistId = DEFAULT_WATCHLIST_ID, now = new Date()): Promise<FollowRow> {
  return db.transaction('rw', db.watchlists, db.follows, db.entities, async () => {
    // Following without choosing a watchlist uses (and if need be re-creates) the default one.
    if (watchlistId === DEFAULT_WATCHLIST_ID && !(await db.watchlists.get(DEFAULT_WATCHLIST_ID))) await db.watchlists.put(defaultWatchlist(now));
    if (!(await db.watchlists.get(watchlistId))) throw new Error('That watchlist no longer exists.');
    const entity = await db.entities.get(entityId);
    if (!entity) throw new Error(`No known supplier "${entityId}".`);
    const existing = await db.follows.get(followId(watchlistId, entityId));
    if (existing) return existing;
    const row: FollowRow = { id: followId(watchlistId, entityId), watchlistId, entityId, entityName: entity.name, followedAt: now.toISOString(), readAt: now.toISOString() };
    await db.follows.put(row);
    return row;
  });
}

export async function unfollow(db: KnowledgeDb, entityId: string, watchlistId: string): Promise<void> {
  await db.follows.delete(followId(watchlistId, entityId));
}

/** Marks all of a supplier's alerts read (in every watchlist that follows it), those marked unread included. */
export async function markRead(db: KnowledgeDb, entityId: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.follows, db.alerts, async () => {
    await db.follows.where('entityId').equals(entityId).modify({ readAt: now.toISOString() });
    await db.alerts
      .where('entityIds')
      .equals(entityId)
      .filter((a) => a.triage?.read === false)
      .modify((a: AlertRow) => {
        a.triage = { ...a.triage, read: true, changedAt: now.toISOString() };
      });
  });
}

async function alertsOf(db: KnowledgeDb, entityId: string): Promise<AlertRow[]> {
  const alerts = await db.alerts.where('entityIds').equals(entityId).toArray();
  return alerts.sort((a, b) => (b.published ?? b.firstSeenAt).localeCompare(a.published ?? a.firstSeenAt));
}

export async function listWatchlists(db: KnowledgeDb): Promise<WatchlistView[]> {
  const [watchlists, follows] = await Promise.all([db.watchlists.orderBy('name').toArray(), db.follows.toArray()]);
  const alertsByEntity = new Map<string, AlertRow[]>();
  for (const entityId of new Set(follows.map((f) => f.entityId))) alertsByEntity.set(entityId, await alertsOf(db, entityId));
  return watchlists.map((watchlist) => {
    const suppliers = follows
      .filter((f) => f.watchlistId === watchlist.id)
      .map((f) => {
        const alerts = alertsByEntity.get(f.entityId) ?? [];
        return { ...f, alerts: alerts.length, unread: alerts.filter((a) => !isAlertRead(a, [f.readAt])).length };
      })
      .sort((a, b) => a.entityName.localeCompare(b.entityName));
    return { ...watchlist, suppliers, unread: suppliers.reduce((n, s) => n + s.unread, 0) };
  });
}

/** Entity ids followed in any watchlist. */
export async function followedEntityIds(db: KnowledgeDb): Promise<Set<string>> {
  return new Set((await db.follows.toArray()).map((f) => f.entityId));
}

export async function supplierProfile(db: KnowledgeDb, entityId: string): Promise<SupplierProfile> {
  const [row, flags, follows, alerts, sources, watchlists, setAside, decisions] = await Promise.all([
    db.entities.get(entityId),
    db.flags.where('entityId').equals(entityId).toArray(),
    db.follows.where('entityId').equals(entityId).toArray(),
    alertsOf(db, entityId),
    db.sources.toArray(),
    db.watchlists.toArray(),
    db.alerts.where('notRelevantEntityIds').equals(entityId).toArray(),
    db.notRelevantDecisions.where('entityId').equals(entityId).toArray(),
  ]);
  const readAts = follows.map((f) => f.readAt);
  const decisionByLink = new Map(decisions.map((d) => [d.linkKey, d]));
  const notRelevant = setAside
    .map((alert) => ({ alert, decision: decisionByLink.get(alertLinkKey(alert)) }))
    .filter((n): n is { alert: AlertRow; decision: NotRelevantDecision } => n.decision !== undefined)
    .sort((a, b) => b.decision.decidedAt.localeCompare(a.decision.decidedAt));
  // The same item read in several feeds is decided once: shown once.
  const shownNotRelevant = [...new Map(notRelevant.map((n) => [n.decision.id, n])).values()];
  const profileAlerts = alerts.map((a) => ({ ...a, read: follows.length > 0 ? isAlertRead(a, readAts) : a.triage?.read === true }));
  const entity = row ? fromEntityRow(row) : undefined;
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return {
    entityId,
    name: entity?.name ?? follows[0]?.entityName ?? entityId,
    aliases: entity?.aliases ?? [],
    countries: entity?.countries ?? [],
    known: !!entity,
    flags: flags.map((flag) => {
      const source = sourceById.get(flag.sourceId);
      return { flag, ...(source ? { source: { id: source.id, title: source.title, version: source.version, partial: source.partial, ...(source.meaning ? { meaning: source.meaning } : {}) } } : {}) };
    }),
    alerts: profileAlerts,
    notRelevant: shownNotRelevant,
    watchlists: follows.map((f) => ({ id: f.watchlistId, name: watchlists.find((w) => w.id === f.watchlistId)?.name ?? f.watchlistId })),
    unread: follows.length > 0 ? profileAlerts.filter((a) => !a.read).length : 0,
  };
}
