// Feed subscriptions and their alerts in the knowledge base: a subscription is a source of kind "feed" carrying
// its fetch state; its alerts are saved against what it already stored (same item id, or the same page under
// another id), keep the time they were first seen, and are capped per feed. Each feed keeps its own alerts: another
// feed's item at the same link never replaces or suppresses them (the views show them side by side as related).
import type { Source, SourceFetchState } from '../core/types';
import { normaliseItemUrl, storyTitleKey } from '../scanner/dedupe-items';
import { feedSourceId } from '../scanner/feed-address';
import type { LinkedAlert } from '../scanner/link-items';
import { safeHttpUrl } from '../core/safe-url';
import type { AlertRow, KnowledgeDb } from './db';
import { alertLinkKey, applyNotRelevant, notRelevantIndex } from '../watchlists/alert-triage';

/** The most alerts kept per feed; the ones first seen longest ago go first. */
export const MAX_ALERTS_PER_FEED = 300;

export class SubscriptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionError';
  }
}

/** Adds a subscription to a checked http(s) address (see checkFeedAddress). Its first read is due at once. */
export async function addSubscription(db: KnowledgeDb, url: string): Promise<Source> {
  const id = feedSourceId(url);
  const host = new URL(url).host;
  const source: Source = {
    id,
    kind: 'feed',
    title: host,
    publisher: host,
    url,
    licence: 'as published by the feed',
    version: 'not read yet',
    partial: false,
    fetch: {},
  };
  await db.transaction('rw', db.sources, async () => {
    if (await db.sources.get(id)) throw new SubscriptionError(`You already follow ${url}.`);
    await db.sources.add(source);
  });
  return source;
}

export function listSubscriptions(db: KnowledgeDb): Promise<Source[]> {
  return db.sources.where('kind').equals('feed').sortBy('title');
}

/** Removes a subscription and every alert it brought. */
export async function removeSubscription(db: KnowledgeDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.sources, db.alerts, async () => {
    const source = await db.sources.get(sourceId);
    if (source?.kind !== 'feed') throw new SubscriptionError(`No feed subscription "${sourceId}".`);
    await db.alerts.where('sourceId').equals(sourceId).delete();
    await db.sources.delete(sourceId);
  });
}

/** What a read of the feed says about the subscription itself. */
export interface FeedReadDetails {
  title?: string;
  readAt?: string;
}

/** Records an attempt's fetch state; after a read, also the feed's title and when it was read. */
export async function recordFeedAttempt(db: KnowledgeDb, sourceId: string, fetch: SourceFetchState, read: FeedReadDetails = {}): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(sourceId);
    // Removed while it was being read: nothing to record.
    if (!source) return;
    const updated: Source = { ...source, fetch };
    if (read.title) updated.title = read.title;
    if (read.readAt) {
      updated.loadedAt = read.readAt;
      updated.version = `read ${read.readAt.slice(0, 10)}`;
    }
    await db.sources.put(updated);
  });
}

export interface SavedAlerts {
  /** Items stored for the first time. */
  added: number;
  /** Items already stored (same id, or same page), updated with what the feed says now. */
  updated: number;
  /** Items stored that another feed also brought at the same link (its story is kept beside theirs, as related). */
  alsoElsewhere: number;
}

/**
 * Saves a feed's linked items. An item already stored under the same id, or as the same page by this feed, is
 * updated in place and keeps its id, first-seen time and the user's marks; the user's "not relevant" decisions are
 * applied. The same page brought by another feed is left as it is
 * and this feed's item is stored beside it: one source never erases another's story. Links are kept only when they
 * are http(s). Nothing is saved for a feed no longer subscribed to.
 */
export async function saveFeedAlerts(db: KnowledgeDb, sourceId: string, alerts: readonly LinkedAlert[], now: Date): Promise<SavedAlerts> {
  const seenAt = now.toISOString();
  const saved: SavedAlerts = { added: 0, updated: 0, alsoElsewhere: 0 };
  await db.transaction('rw', db.sources, db.alerts, db.notRelevantDecisions, async () => {
    // Removed while it was being read: its alerts are not wanted any more.
    if (!(await db.sources.get(sourceId))) return;
    // The user's "not relevant" decisions as they stand now (one taken while this feed was read included).
    const notRelevant = notRelevantIndex(await db.notRelevantDecisions.where('linkKey').anyOf(alerts.map(alertLinkKey)).toArray());
    for (const linked of alerts) {
      const alert = applyNotRelevant(linked, notRelevant);
      const url = safeHttpUrl(alert.url) ?? '';
      const urlKey = url ? normaliseItemUrl(url) : '';
      const sameId = await db.alerts.get(alert.id);
      const samePageRows = urlKey ? await db.alerts.where('urlKey').equals(urlKey).toArray() : [];
      // An alert's id is its feed's own (`feed:<address>:<item id>`): a row under it belongs to this feed.
      // The same story again (same title) under another id: updated in place; another story at the link is kept apart.
      const samePage = sameId ? undefined : samePageRows.find((a) => a.sourceId === sourceId && storyTitleKey(a.title) === storyTitleKey(alert.title));
      if (samePageRows.some((a) => a.sourceId !== sourceId)) saved.alsoElsewhere++;
      const stored = sameId ?? samePage;
      const row: AlertRow = { ...alert, sourceId, url, urlKey, id: stored?.id ?? alert.id, firstSeenAt: stored?.firstSeenAt ?? seenAt, ...(stored?.triage ? { triage: stored.triage } : {}) };
      await db.alerts.put(row);
      if (stored) saved.updated++;
      else saved.added++;
    }
    const kept = await db.alerts.where('sourceId').equals(sourceId).sortBy('firstSeenAt');
    const surplus = kept.length - MAX_ALERTS_PER_FEED;
    if (surplus > 0) await db.alerts.bulkDelete(kept.slice(0, surplus).map((a) => a.id));
  });
  return saved;
}

/** The newest alerts first (by publication date, else first-seen time), at most `limit`, of those `keep` keeps. */
export async function recentAlerts(db: KnowledgeDb, limit: number, keep: (alert: AlertRow) => boolean = () => true): Promise<AlertRow[]> {
  const all = await db.alerts.filter(keep).toArray();
  const when = (a: AlertRow) => a.published ?? a.firstSeenAt;
  return all.sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0)).slice(0, limit);
}

/** Alerts that name any of the given entities. */
export function alertsAboutEntities(db: KnowledgeDb, entityIds: readonly string[]): Promise<AlertRow[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db.alerts.where('entityIds').anyOf([...entityIds]).distinct().toArray();
}

/** Every stored alert at any of the given links (the `urlKey`s), from any feed. */
export function alertsAtLinks(db: KnowledgeDb, urlKeys: readonly string[]): Promise<AlertRow[]> {
  const keys = [...new Set(urlKeys.filter((k) => k !== ''))];
  if (keys.length === 0) return Promise.resolve([]);
  return db.alerts.where('urlKey').anyOf(keys).toArray();
}
