// One attempt to read a subscribed feed: a conditional request with the validators of the last read, within a
// time limit and a size cap, then decoding, parsing and linking the items to entities. Returns what happened and
// the alerts; storing them and scheduling the next attempt are the caller's. The network is the given fetch.
import type { Decision, Source } from '../core/types';
import type { CompiledMatcher } from '../matcher';
import { FeedFetchError, fetchFeedIfChanged } from './fetch-feed';
import { feedProblemOf } from './feed-problem';
import type { FeedAttempt } from './feed-schedule';
import type { LinkedAlert } from './link-items';
import { scanFeed } from './scan-feed';

/** A background worker holds the whole feed in memory: real feeds stay far below this. */
export const SUBSCRIPTION_MAX_BYTES = 5 * 1024 * 1024;
/** Long enough for a slow server, short enough for a worker the browser stops when idle. */
export const SUBSCRIPTION_TIMEOUT_MS = 20_000;

export interface FeedRefreshOptions {
  matcher: CompiledMatcher;
  decisions?: readonly Decision[];
  /** The user's "not relevant" decisions on items' links (see watchlists/alert-triage). */
  notRelevant?: ReadonlyMap<string, ReadonlySet<string>>;
  fetch?: typeof fetch;
  userAgent?: string;
  maxBytes?: number;
  timeoutMs?: number;
  /** Whether a redirect may lead to this address (see fetchFeed). */
  mayRead?: (url: URL) => boolean | Promise<boolean>;
  /** Fetch the whole feed, without the validators of the last read (to link old items to a newly imported list). */
  whole?: boolean;
}

export interface FeedRefresh {
  attempt: FeedAttempt;
  /** The feed's own title, after a read. */
  title?: string;
  /** The items that name known entities, after a read. */
  alerts: LinkedAlert[];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(error: unknown, retryAfterSeconds?: number): FeedAttempt {
  const problem = feedProblemOf(error);
  return { outcome: 'failed', error: errorMessage(error), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(problem ? { problem } : {}) };
}

export async function refreshFeed(subscription: Pick<Source, 'id' | 'url' | 'fetch'>, options: FeedRefreshOptions): Promise<FeedRefresh> {
  const validators = options.whole ? {} : { ...(subscription.fetch?.etag ? { etag: subscription.fetch.etag } : {}), ...(subscription.fetch?.lastModified ? { lastModified: subscription.fetch.lastModified } : {}) };
  let fetched: Awaited<ReturnType<typeof fetchFeedIfChanged>>;
  try {
    fetched = await fetchFeedIfChanged(subscription.url, validators, {
      maxBytes: options.maxBytes ?? SUBSCRIPTION_MAX_BYTES,
      timeoutMs: options.timeoutMs ?? SUBSCRIPTION_TIMEOUT_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      ...(options.mayRead ? { mayRead: options.mayRead } : {}),
    });
  } catch (error) {
    const retryAfter = error instanceof FeedFetchError ? error.retryAfterSeconds : undefined;
    return { attempt: failure(error, retryAfter), alerts: [] };
  }
  if ('notModified' in fetched) return { attempt: { outcome: 'not-modified' }, alerts: [] };

  try {
    const scan = await scanFeed(
      { bytes: fetched.bytes, url: fetched.url, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) },
      { matcher: options.matcher, source: { id: subscription.id }, label: subscription.url, ...(options.decisions ? { decisions: options.decisions } : {}), ...(options.notRelevant ? { notRelevant: options.notRelevant } : {}) },
    );
    return {
      // The validators are kept only once the feed was usable: a broken feed is fetched whole next time.
      attempt: { outcome: 'read', itemCount: scan.feed.items.length, ...(fetched.etag ? { etag: fetched.etag } : {}), ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}) },
      ...(scan.feed.title ? { title: scan.feed.title } : {}),
      alerts: scan.alerts,
    };
  } catch (error) {
    return { attempt: failure(error), alerts: [] };
  }
}
