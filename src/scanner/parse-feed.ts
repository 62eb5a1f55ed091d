// Parses the text of an RSS 0.9x/1.0 (RDF)/2.0 or Atom feed into plain-text items: a stable id, title, http(s)
// link, ISO date and summary per item. Everything the feed says is untrusted: HTML is reduced to text, sizes bounded.
import Parser from 'rss-parser';
import { safeHttpUrl } from '../core/safe-url';
import { capLength, htmlToPlainText } from './html-to-text';
import { wrapEmbeddedMarkupInTurns } from './embedded-markup';
import { hashText } from './hash-text';
import { describeFeedProblem, type FeedProblem } from './feed-problem';
import { feedStructureProblems } from './feed-structure';

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface FeedItem {
  /** The item's guid (RSS) or id (Atom), else its link, else a hash of its title and summary. */
  id: string;
  title: string;
  /** The item's http(s) link; undefined when it has none or only another kind (javascript:, data:, mailto:). */
  url?: string;
  /** ISO 8601 timestamp of publication (or last update), when the feed gives a readable date. */
  published?: string;
  /** Plain text of the item's fullest content (content:encoded, content, description, summary). */
  summary: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** The feed's own web page, when it names an http(s) one. */
  link?: string;
  items: FeedItem[];
  /** Items beyond MAX_FEED_ITEMS, left out. */
  omittedItems: number;
}

export interface ParseFeedOptions {
  /** Names the feed in error messages (a file name or URL). */
  source?: string;
  /** The address the feed was fetched from: relative links are resolved against it. */
  baseUrl?: string;
}

/** A feed longer than this is refused: no real feed comes near it, and the parser holds it all in memory. */
export const MAX_FEED_CHARS = 16 * 1024 * 1024;
export const MAX_FEED_ITEMS = 2000;
export const MAX_TITLE_CHARS = 500;
export const MAX_SUMMARY_CHARS = 20_000;
export const MAX_ITEM_ID_CHARS = 1000;

/** The feed could not be used; the message names the feed and says what was wrong. */
export class FeedParseError extends Error {
  /** What was wrong, when it is one of the problems the extension pages name in the user's language. */
  readonly problem: FeedProblem | undefined;

  constructor(message: string, problem?: FeedProblem) {
    super(message);
    this.name = 'FeedParseError';
    this.problem = problem;
  }
}

/** The XML parser reads this many characters per turn, then lets the worker answer other requests (pages). */
const XML_CHUNK_CHARS = 128 * 1024;
/** Reading items gives the worker back its turn at least this often, in milliseconds. */
const ITEM_SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A parsed XML value as xml2js gives it: text, or an element with attributes in `$` and text in `_`. */
type XmlValue = string | { _?: unknown; $?: Record<string, unknown>; [child: string]: unknown } | undefined;

interface XmlLink {
  $?: { href?: unknown; rel?: unknown; type?: unknown };
  _?: unknown;
}

interface RawItem {
  title?: XmlValue;
  link?: XmlValue;
  links?: (XmlLink | string)[];
  guid?: XmlValue;
  id?: XmlValue;
  'rdf:about'?: unknown;
  'content:encoded'?: XmlValue;
  content?: XmlValue;
  summary?: XmlValue;
  isoDate?: unknown;
  publishedRaw?: XmlValue;
  updatedRaw?: XmlValue;
}

interface RawFeed {
  title?: XmlValue;
  link?: XmlValue;
  links?: (XmlLink | string)[];
  items?: RawItem[];
}

/** The text of a parsed XML value; nested elements (an XHTML title) contribute their text in document order. */
function xmlText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(xmlText).join(' ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => key !== '$')
      .map(([, child]) => xmlText(child))
      .join(' ');
  }
  return '';
}

/**
 * rss-parser turns an Atom date with `new Date(...).toISOString()`, which throws on an unreadable date and would
 * lose the whole feed. Such an entry is read again without its dates (they are read here from the raw fields).
 */
class TolerantParser extends Parser<RawFeed, RawItem> {
  /** An exception thrown while the parsed XML was turned into a feed (see the constructor). */
  buildError: unknown;
  /** How many items the feed holds: only the first MAX_FEED_ITEMS are built. */
  itemCount: number | undefined;
  /** The parsed XML and the builder that turns it into a feed: called by buildInTurns, a slice of items a turn. */
  private pending: { build: (result: unknown) => unknown; result: unknown } | undefined;

  constructor() {
    super({
      // In chunks, each in its own turn: a large feed never holds up the pages the worker serves meanwhile.
      xml2js: { async: true, chunkSize: XML_CHUNK_CHARS } as never,
      defaultRSS: 2, // <rss> without a version attribute (older feeds) is read as RSS 2.0
      customFields: {
        feed: [['link', 'links', { keepArray: true }]] as unknown as (keyof RawFeed)[],
        item: [
          ['link', 'links', { keepArray: true }],
          ['published', 'publishedRaw'],
          ['updated', 'updatedRaw'],
          'id',
        ],
      },
    });
    // With the XML parser in chunks, an exception while the feed is built would be lost inside xml2js and the
    // promise never settle: the builders run after it (buildInTurns), keep their exception, and parseFeed throws it.
    const builders = this as unknown as Record<string, (result: unknown) => unknown>;
    for (const name of ['buildAtomFeed', 'buildRSS2', 'buildRSS1', 'buildRSS0_9']) {
      const build = builders[name]!.bind(this);
      // The feed is built later, a slice of items a turn (buildInTurns): here only the parsed XML is kept.
      builders[name] = (result) => {
        this.pending = { build: (r) => this.guarded(() => build(r)), result };
        return { items: [] };
      };
    }
    const parser = this as unknown as { parseItemAtom(entry: Record<string, unknown>): unknown };
    const parseItemAtom = parser.parseItemAtom.bind(this);
    parser.parseItemAtom = (entry) => {
      try {
        return parseItemAtom(entry);
      } catch {
        const withoutDates = { ...entry };
        delete withoutDates.published;
        delete withoutDates.updated;
        return parseItemAtom(withoutDates);
      }
    };
  }

  private guarded(build: () => unknown): RawFeed {
    try {
      return build() as RawFeed;
    } catch (error) {
      this.buildError ??= error;
      return { items: [] };
    }
  }

  /**
   * The feed from the XML parseString read: its first MAX_FEED_ITEMS items, built BUILD_SLICE_ITEMS at a time, each
   * slice in its own turn (building thousands of items at once held a worker for 100 ms and more).
   */
  async buildInTurns(): Promise<RawFeed> {
    if (!this.pending) return { items: [] };
    const { build, result } = this.pending;
    this.pending = undefined;
    const items = itemsOf(result);
    this.itemCount = items?.list.length;
    const first = items ? items.list.slice(0, MAX_FEED_ITEMS) : [];
    const feed = build(items ? items.with(first.slice(0, BUILD_SLICE_ITEMS)) : result) as RawFeed;
    const built = [...(feed.items ?? [])];
    for (let at = BUILD_SLICE_ITEMS; at < first.length; at += BUILD_SLICE_ITEMS) {
      await nextTurn();
      built.push(...((build(items!.with(first.slice(at, at + BUILD_SLICE_ITEMS))) as RawFeed).items ?? []));
    }
    return { ...feed, items: built };
  }
}

/** Items built per turn: a few milliseconds' work. */
const BUILD_SLICE_ITEMS = 100;

/**
 * The items (RSS) or entries (Atom) of the parsed XML, and a copy of the parsed XML holding other items instead
 * (the rest shared, not copied).
 */
function itemsOf(result: unknown): { list: unknown[]; with(items: unknown[]): unknown } | undefined {
  const xml = result as { feed?: Record<string, unknown>; rss?: { channel?: Record<string, unknown>[] } & Record<string, unknown>; 'rdf:RDF'?: Record<string, unknown> } & Record<string, unknown>;
  if (xml?.feed && Array.isArray(xml.feed.entry)) {
    const feed = xml.feed;
    return { list: feed.entry as unknown[], with: (entry) => ({ ...xml, feed: { ...feed, entry } }) };
  }
  const channel = xml?.rss?.channel?.[0];
  if (channel && Array.isArray(channel.item)) {
    const rss = xml.rss!;
    return { list: channel.item, with: (item) => ({ ...xml, rss: { ...rss, channel: [{ ...channel, item }, ...rss.channel!.slice(1)] } }) };
  }
  const rdf = xml?.['rdf:RDF'];
  if (rdf && Array.isArray(rdf.item)) return { list: rdf.item, with: (item) => ({ ...xml, 'rdf:RDF': { ...rdf, item } }) };
  return undefined;
}

/** The name of the document's first element, after the XML declaration, comments, processing instructions and doctype. */
function rootElementName(text: string): string | undefined {
  const withoutProlog = text.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(withoutProlog)?.[1];
}

function formatOf(root: string | undefined): FeedFormat | undefined {
  if (root === 'rss') return 'rss';
  if (root === 'rdf:RDF') return 'rdf';
  if (root === 'feed') return 'atom';
  return undefined;
}

/** A link resolved against the base address, kept only when it is http(s). */
function httpLink(href: string, baseUrl: string | undefined): string | undefined {
  const trimmed = href.trim();
  if (!trimmed) return undefined;
  try {
    return safeHttpUrl(new URL(trimmed, baseUrl).href);
  } catch {
    return undefined;
  }
}

/**
 * The page an Atom element or RSS item links to. Atom: a link without rel or with rel="alternate" (HTML preferred),
 * never self, enclosure or next; RSS: the text of <link>. Falls back to the RDF about address.
 */
function pickLink(links: (XmlLink | string)[] | undefined, baseUrl: string | undefined): string | undefined {
  const candidates: { href: string; rank: number }[] = [];
  // An empty element reads as a string, not a list of links.
  for (const link of Array.isArray(links) ? links : []) {
    if (typeof link === 'string') {
      candidates.push({ href: link, rank: 0 });
      continue;
    }
    const href = typeof link.$?.href === 'string' ? link.$.href : typeof link._ === 'string' ? link._ : undefined;
    if (href === undefined) continue;
    const rel = typeof link.$?.rel === 'string' ? link.$.rel.trim().toLowerCase() : 'alternate';
    if (rel !== 'alternate') continue;
    const type = typeof link.$?.type === 'string' ? link.$.type.toLowerCase() : '';
    candidates.push({ href, rank: type === '' || type.includes('html') ? 0 : 1 });
  }
  candidates.sort((a, b) => a.rank - b.rank);
  for (const candidate of candidates) {
    const url = httpLink(candidate.href, baseUrl);
    if (url) return url;
  }
  return undefined;
}

function isoDate(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = xmlText(value).trim();
    if (!text) continue;
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return undefined;
}

function plainTitle(value: unknown): string {
  return htmlToPlainText(xmlText(value), { maxLength: MAX_TITLE_CHARS, keepLineBreaks: false });
}

function plainSummary(item: RawItem): string {
  for (const field of [item['content:encoded'], item.content, item.summary]) {
    const html = xmlText(field);
    if (html.trim()) {
      const text = htmlToPlainText(html, { maxLength: MAX_SUMMARY_CHARS, keepLineBreaks: true });
      if (text) return text;
    }
  }
  return '';
}

function stableItemId(item: RawItem, url: string | undefined, title: string, summary: string): string {
  for (const value of [item.guid, item.id, item['rdf:about']]) {
    const id = xmlText(value).trim();
    if (id) return capLength(id, MAX_ITEM_ID_CHARS);
  }
  if (url) return url;
  return `sha:${hashText(`${title}\n${summary}`)}`;
}

function readItem(item: RawItem, baseUrl: string | undefined): FeedItem {
  const title = plainTitle(item.title);
  const summary = plainSummary(item);
  const url = pickLink(item.links, baseUrl) ?? httpLink(xmlText(item['rdf:about']), baseUrl);
  const published = isoDate(item.publishedRaw, item.updatedRaw, item.isoDate);
  const feedItem: FeedItem = { id: stableItemId(item, url, title, summary), title, summary };
  if (url) feedItem.url = url;
  if (published) feedItem.published = published;
  return feedItem;
}

/** Parses a feed's text. Rejects with a FeedParseError naming the feed when it is not an RSS or Atom feed. */
export async function parseFeed(text: string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const source = options.source ?? 'feed';
  if (text.length > MAX_FEED_CHARS) {
    throw new FeedParseError(`${source}: too large to be a feed (${Math.ceil(text.length / 1024 / 1024)} M characters; at most ${MAX_FEED_CHARS / 1024 / 1024} M)`);
  }
  if (!text.trim()) throw new FeedParseError(`${source}: is empty, not a feed`);
  const root = rootElementName(text);
  const format = formatOf(root);
  if (!format) {
    const found = root ? `its first element is <${root}>` : /^\s*[{[]/.test(text) ? 'it looks like JSON' : 'it does not start with an XML element';
    throw new FeedParseError(`${source}: not an RSS or Atom feed (${found}; expected <rss>, <rdf:RDF> or <feed>)`);
  }

  const structure = feedStructureProblems(text, format);
  const refuse = (problem: FeedProblem) => new FeedParseError(`${source}: ${describeFeedProblem(problem)}`, problem);
  if (structure.parser) throw refuse(structure.parser);
  // Each step over the whole text in its own turn (see XML_CHUNK_CHARS).
  await nextTurn();

  let raw: RawFeed;
  let itemCount: number | undefined;
  try {
    const parser = new TolerantParser();
    await parser.parseString(await wrapEmbeddedMarkupInTurns(text, ITEM_SLICE_MS));
    raw = await parser.buildInTurns();
    if (parser.buildError !== undefined) throw parser.buildError;
    itemCount = parser.itemCount;
  } catch (error) {
    // A missing or empty channel also breaks the RSS reader; say that rather than its internals.
    if (structure.channel && structure.channel.code !== 'item-outside-channel') throw refuse(structure.channel);
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error);
    throw new FeedParseError(`${source}: the ${format === 'atom' ? 'Atom' : 'RSS'} feed is not well-formed XML (${reason})`);
  }
  if (structure.channel) throw refuse(structure.channel);

  const link = pickLink(raw.links, options.baseUrl);
  const baseUrl = options.baseUrl ?? link;
  const rawItems = Array.isArray(raw.items) ? raw.items : [];
  const items: FeedItem[] = [];
  let sliceStart = performance.now();
  for (const item of rawItems.slice(0, MAX_FEED_ITEMS)) {
    items.push(readItem(item, baseUrl));
    if (performance.now() - sliceStart > ITEM_SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return {
    format,
    title: plainTitle(raw.title),
    ...(link ? { link } : {}),
    items,
    omittedItems: Math.max(0, (itemCount ?? rawItems.length) - MAX_FEED_ITEMS),
  };
}
