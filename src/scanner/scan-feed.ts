// One feed from bytes to alerts: decode, parse, link (parsing and linking in turns, so a large feed never blocks). The same steps for the CLI and the background scanner;
// fetching the bytes stays with the caller.
import type { CompiledMatcher } from '../matcher';
import type { Decision, Source } from '../core/types';
import { decodeFeed, type FeedEncoding } from './decode-feed';
import { dedupeFeedItems } from './dedupe-items';
import { linkFeedItemsInTurns, type LinkedAlert } from './link-items';
import { parseFeed, type ParsedFeed } from './parse-feed';

export interface FeedBytes {
  bytes: Uint8Array;
  /** The HTTP Content-Type header, when the feed came over HTTP. */
  contentType?: string;
  /** The address the feed was read from, for relative links. */
  url?: string;
}

export interface FeedScan {
  feed: ParsedFeed;
  encoding: FeedEncoding;
  /** Items dropped as repeats of an earlier item (same id or same link). */
  duplicates: number;
  alerts: LinkedAlert[];
}

export interface ScanFeedOptions {
  matcher: CompiledMatcher;
  source: Pick<Source, 'id'>;
  /** Names the feed in error messages. */
  label: string;
  decisions?: readonly Decision[];
  /** The user's "not relevant" decisions on items' links (see watchlists/alert-triage). */
  notRelevant?: ReadonlyMap<string, ReadonlySet<string>>;
}

export async function scanFeed(input: FeedBytes, options: ScanFeedOptions): Promise<FeedScan> {
  const { text, ...encoding } = decodeFeed(input.bytes, input.contentType);
  // Decoding a large feed is one long step: parsing starts in the next turn.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  const feed = await parseFeed(text, { source: options.label, ...(input.url ? { baseUrl: input.url } : {}) });
  const alerts = await linkFeedItemsInTurns(options.matcher, feed.items, options.source, { ...(options.decisions ? { decisions: options.decisions } : {}), ...(options.notRelevant ? { notRelevant: options.notRelevant } : {}) });
  return { feed, encoding, duplicates: dedupeFeedItems(feed.items).duplicates, alerts };
}
