// Feeds in their own process: the saved feeds of test/fixtures/rss scaled up into larger RSS feeds (their items'
// real titles and texts, copied under new ids and links, every fourth copy naming a company of the 100k-entity bench
// corpus), read and linked as the background and the CLI read them. Measures items parsed and linked per second
// against rss-parser's own parse of the same feed and a plain matcher scan of the same text, and how long a 10 MB
// feed's reading holds the event loop at most (a 1 ms ticker's longest gap) against rss-parser parsing it in one go.
// Prints the measurements as one JSON line.
// Usage: node --expose-gc .output/bench/measure-feeds.mjs

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { compileMatcher, findMentions } from '@/src/matcher';
import { linkFeedItems } from '@/src/scanner/link-items';
import { MAX_FEED_ITEMS, parseFeed, type FeedItem } from '@/src/scanner/parse-feed';
import { scanFeed } from '@/src/scanner/scan-feed';
import { decodeFeed } from '@/src/scanner/decode-feed';
import { generateEntities, seededRandom } from './bench-corpus';
import { collectGarbage, median, MB } from './bench-stats';

/** The saved feeds; the same path from test/bench and from the bundle in .output/bench. */
const RSS_FIXTURES = fileURLToPath(new URL('../../test/fixtures/rss/', import.meta.url));
const ENTITIES = 100_000;
/** As many items as a feed may have to be read whole (MAX_FEED_ITEMS). */
const THROUGHPUT_FEED_ITEMS = MAX_FEED_ITEMS;
const LARGE_FEED_BYTES = 10 * MB;
const REPETITIONS = 3;

export interface FeedMeasurement {
  entities: number;
  fixtureItems: number;
  throughput: { bytes: number; items: number; alerts: number; parseMs: number; linkMs: number; rssParserMs: number; plainScanMs: number; textChars: number };
  large: { bytes: number; itemsInFeed: number; items: number; alerts: number; totalMs: number; longestBlockMs: number; rssParserTotalMs: number; rssParserLongestBlockMs: number };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The items of every saved feed that parses, in file order. */
async function fixtureItems(): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  for (const name of readdirSync(RSS_FIXTURES).filter((f) => /\.(rss|atom|xml)$/.test(f)).sort()) {
    try {
      const feed = await parseFeed(decodeFeed(readFileSync(`${RSS_FIXTURES}${name}`)).text, { source: name });
      items.push(...feed.items.filter((i) => i.title || i.summary));
    } catch {
      // A fixture kept to test a broken feed: not an item source.
    }
  }
  return items;
}

/**
 * An RSS 2.0 feed of about `bytes`: the saved items copied in turn, each copy under its own id and link, with
 * `paragraphs` saved texts in its description, every fourth one naming a corpus company.
 */
function scaledFeed(bytes: number, maxItems: number, items: readonly FeedItem[], names: readonly string[], paragraphs: number): { xml: string; items: number } {
  const random = seededRandom(13);
  const parts = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Scaled saved feeds</title><link>https://bench.example.org/</link>\n'];
  let size = Buffer.byteLength(parts[0]!);
  let n = 0;
  for (; n < maxItems; n++) {
    const item = items[n % items.length]!;
    const texts = Array.from({ length: paragraphs }, (_, k) => items[(n + k * 7) % items.length]!.summary || items[(n + k * 7) % items.length]!.title);
    if (n % 4 === 0) texts.push(`The report names ${names[Math.floor(random() * names.length)]} among the suppliers.`);
    const description = texts.map((t) => `<p>${escapeXml(t)}</p>`).join('');
    const xml = `<item><title>${escapeXml(item.title)}</title><link>https://bench.example.org/item/${n}</link><guid isPermaLink="false">bench-${n}</guid><description>${escapeXml(description)}</description><pubDate>Wed, 15 Jan 2025 12:00:00 GMT</pubDate></item>\n`;
    if (size + Buffer.byteLength(xml) + 20 > bytes) break;
    parts.push(xml);
    size += Buffer.byteLength(xml);
  }
  parts.push('</channel></rss>\n');
  return { xml: parts.join(''), items: n };
}

/** Runs `work` while a 1 ms ticker notes the longest stretch the event loop was held (its longest gap). */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; totalMs: number; longestBlockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  const result = await work();
  const totalMs = performance.now() - start;
  // The stretch still running when the work ended counts too.
  longest = Math.max(longest, performance.now() - last);
  clearInterval(ticker);
  return { result, totalMs, longestBlockMs: longest };
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const entities = generateEntities(ENTITIES);
  const matcher = compileMatcher(entities);
  const names = entities.filter((_, i) => i % 97 === 0).map((e) => e.name);
  const items = await fixtureItems();
  const source = { id: 'feed:https://bench.example.org/feed.rss' };

  const small = scaledFeed(Number.POSITIVE_INFINITY, THROUGHPUT_FEED_ITEMS, items, names, 1).xml;
  const parsed = await parseFeed(small, { source: 'scaled feed' });
  const parseTimes: number[] = [];
  const linkTimes: number[] = [];
  const rssParserTimes: number[] = [];
  const plainTimes: number[] = [];
  let alerts = 0;
  const text = parsed.items.map((i) => `${i.title}\n${i.summary}`).join('\n');
  for (let r = 0; r < REPETITIONS; r++) {
    parseTimes.push(await timeAsync(() => parseFeed(small, { source: 'scaled feed' })));
    linkTimes.push(await timeAsync(async () => void (alerts = linkFeedItems(matcher, parsed.items, source).length)));
    rssParserTimes.push(await timeAsync(() => new Parser().parseString(small)));
    plainTimes.push(await timeAsync(async () => void findMentions(matcher, text)));
  }

  const scaled = scaledFeed(LARGE_FEED_BYTES, Number.POSITIVE_INFINITY, items, names, 6);
  const big = scaled.xml;
  const bytes = new TextEncoder().encode(big);
  collectGarbage();
  const ours = await longestBlock(() => scanFeed({ bytes, contentType: 'application/rss+xml' }, { matcher, source, label: 'scaled 10 MB feed' }));
  collectGarbage();
  const theirs = await longestBlock(() => new Parser().parseString(big));

  const measurement: FeedMeasurement = {
    entities: ENTITIES,
    fixtureItems: items.length,
    throughput: { bytes: Buffer.byteLength(small), items: parsed.items.length, alerts, parseMs: median(parseTimes), linkMs: median(linkTimes), rssParserMs: median(rssParserTimes), plainScanMs: median(plainTimes), textChars: text.length },
    large: { bytes: bytes.length, itemsInFeed: scaled.items, items: ours.result.feed.items.length, alerts: ours.result.alerts.length, totalMs: ours.totalMs, longestBlockMs: ours.longestBlockMs, rssParserTotalMs: theirs.totalMs, rssParserLongestBlockMs: theirs.longestBlockMs },
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

await main();
