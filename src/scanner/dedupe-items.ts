// Drops repeated feed items: the same id twice, or the same story (same title) at the same page under two ids
// (http and https, tracking parameters, a trailing slash or a fragment). The first occurrence is kept, in feed order.
// Two different stories at one link are both kept: a link alone never erases a story.
import type { FeedItem } from './parse-feed';

/** Query parameters that only say where a click came from. */
const TRACKING_PARAMETER = /^(?:utm_[a-z_]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|_hsenc|_hsmi)$/i;

/**
 * The key two links to the same page share: no scheme, no fragment, no tracking parameters, the other
 * parameters sorted, no trailing slash. Host case and default ports are normalised by the URL parser.
 */
export function normaliseItemUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  const parameters = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  parameters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(parameters).toString();
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : parsed.pathname;
  return `//${parsed.host}${path}${query ? `?${query}` : ''}`;
}

export interface DedupedItems {
  items: FeedItem[];
  /** How many items were dropped as repeats. */
  duplicates: number;
}

/** The title as two tellings of the same story share it: case, spacing and Unicode form evened out. */
export function storyTitleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function dedupeFeedItems(items: readonly FeedItem[]): DedupedItems {
  const seenIds = new Set<string>();
  const seenUrls = new Set<string>();
  const kept: FeedItem[] = [];
  for (const item of items) {
    const urlKey = item.url ? `${normaliseItemUrl(item.url)}\n${storyTitleKey(item.title)}` : undefined;
    if (seenIds.has(item.id) || (urlKey !== undefined && seenUrls.has(urlKey))) continue;
    seenIds.add(item.id);
    if (urlKey !== undefined) seenUrls.add(urlKey);
    kept.push(item);
  }
  return { items: kept, duplicates: items.length - kept.length };
}
