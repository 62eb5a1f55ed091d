// The state a scheduled `tenderlens scan --feeds` keeps in its output folder between runs: each feed's validators
// (for conditional requests) and every item seen, keyed so that the same story read in several feeds (same link
// without tracking parameters, or no link and the same title) is one item, first seen once. Pure.
import type { LinkedAlert } from '../scanner/link-items';
import { normaliseItemUrl } from '../scanner/dedupe-items';
import type { AlertRow } from '../kb/db';

export const SCAN_STATE_VERSION = 1;

export interface FeedState {
  title?: string;
  etag?: string;
  lastModified?: string;
  lastReadAt?: string;
  lastError?: string;
}

export interface SeenItem {
  id: string;
  title: string;
  url: string;
  published?: string;
  summary: string;
  entityIds: string[];
  confidence: 'high' | 'review';
  firstSeenAt: string;
  /** The feeds (by address) the item was read in. */
  feeds: string[];
}

export interface ScanState {
  version: typeof SCAN_STATE_VERSION;
  feeds: Record<string, FeedState>;
  items: Record<string, SeenItem>;
}

export const emptyScanState = (): ScanState => ({ version: SCAN_STATE_VERSION, feeds: {}, items: {} });

/** Reads a saved state; anything unexpected gives an error naming what is wrong (the caller names the file). */
export function parseScanState(text: string): ScanState {
  const value = JSON.parse(text) as Partial<ScanState>;
  if (value?.version !== SCAN_STATE_VERSION || typeof value.feeds !== 'object' || typeof value.items !== 'object' || !value.feeds || !value.items) {
    throw new Error(`expected a TenderLens scan state of version ${SCAN_STATE_VERSION}`);
  }
  return value as ScanState;
}

/** The key two reports of one story share. */
export function storyKey(alert: Pick<LinkedAlert, 'url' | 'title'>): string {
  if (alert.url) return `url:${normaliseItemUrl(alert.url)}`;
  return `title:${alert.title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Adds a feed's linked items to the state; returns how many stories were new. */
export function mergeAlerts(state: ScanState, feedUrl: string, alerts: readonly LinkedAlert[], now: Date): number {
  let added = 0;
  for (const alert of alerts) {
    const key = storyKey(alert);
    const known = state.items[key];
    if (known) {
      if (!known.feeds.includes(feedUrl)) known.feeds.push(feedUrl);
      for (const id of alert.entityIds) if (!known.entityIds.includes(id)) known.entityIds.push(id);
      if (alert.confidence === 'high') known.confidence = 'high';
      continue;
    }
    state.items[key] = {
      id: alert.id,
      title: alert.title,
      url: alert.url,
      ...(alert.published ? { published: alert.published } : {}),
      summary: alert.summary,
      entityIds: [...alert.entityIds],
      confidence: alert.confidence,
      firstSeenAt: now.toISOString(),
      feeds: [feedUrl],
    };
    added++;
  }
  return added;
}

/** The state's items as alert rows (one per story and feed it was read in: the writers join them), for the feed writers. */
export function stateAlertRows(state: ScanState): AlertRow[] {
  return Object.entries(state.items)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([key, item]) => item.feeds.map((feed) => ({
      id: item.id, sourceId: feed, title: item.title, url: item.url, ...(item.published ? { published: item.published } : {}), summary: item.summary,
      entityIds: item.entityIds, confidence: item.confidence, mentions: [], urlKey: key, firstSeenAt: item.firstSeenAt,
    })));
}
