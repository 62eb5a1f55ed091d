// The model of a published alert feed, shared by the Atom and JSON Feed writers: entries with stable ids and dates
// (so an unchanged set of alerts writes the same file), plain-text content, and the entities each names.
import { hashText } from '../scanner/hash-text';

export interface FeedEntity {
  /** The entity's FollowTheMoney id. */
  id: string;
  name: string;
}

export interface AlertEntry {
  /** Stable across runs: derived from the item's link key (or its id when it has no link). */
  id: string;
  title: string;
  url?: string;
  published?: string;
  /** When TenderLens first saw the item: the entry's "updated", stable once written. */
  updated: string;
  summary: string;
  /** The feeds the item was read in. */
  sources: string[];
  entities: FeedEntity[];
  confidence: 'high' | 'review';
}

export interface AlertFeed {
  /** A tag: URI naming this feed (stable). */
  id: string;
  title: string;
  subtitle: string;
  /** Where the feed is published, when known (its own address), and the page it describes. */
  selfUrl?: string;
  homeUrl?: string;
  generator: string;
  entries: AlertEntry[];
}

/**
 * The entities' names as a reader sees them: each name once (two lists can hold the same company under two ids;
 * the ids stay apart in the categories and in `_tenderlens`), in the entry's order.
 */
export function entityNamesOnce(entities: readonly FeedEntity[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const { name } of entities) {
    const key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

export const FEED_ID_AUTHORITY = 'tag:tenderlens.org,2026';

export function entryId(key: string): string {
  return `${FEED_ID_AUTHORITY}:alert:${hashText(key)}`;
}

/** The feed's "updated": its newest entry's, so that a feed with no new entry keeps the same date. */
export function feedUpdated(feed: AlertFeed): string {
  return feed.entries.map((e) => e.updated).sort().pop() ?? '1970-01-01T00:00:00.000Z';
}

/** Newest first; ties by id, so that the order never depends on how the alerts were read. */
export function sortEntries(entries: readonly AlertEntry[]): AlertEntry[] {
  return [...entries].sort((a, b) => (b.published ?? b.updated).localeCompare(a.published ?? a.updated) || a.id.localeCompare(b.id));
}

/** Text from a feed is hostile: control characters (other than tab and line breaks) and lone surrogates go. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** An http(s) address, or undefined: no javascript:, data: or other schemes in a published feed. */
export function cleanUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
