// The background's feed subscriptions over a real Dexie database (fake-indexeddb) and the shipped knowledge base:
// real saved feeds served by a fetch function that answers like a web server (ETag, Last-Modified, 304, errors),
// read, linked to the shipped entities, stored without duplicates, scheduled with back-off, and listed as alerts.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DefaultData, Entity } from '@/src/core/types';
import { buildDefaultData } from '@/src/build/build-default-data';
import { compileMatcher } from '@/src/matcher';
import { KnowledgeService } from '@/src/extension/background/knowledge-service';
import { FeedService } from '@/src/extension/background/feed-service';
import { openKnowledgeDb } from '@/src/kb/db';
import { MAX_ALERTS_PER_FEED } from '@/src/kb/feeds';
import { replaceListRows } from '@/src/kb/lists';
import { MAX_SUMMARY_CHARS, MAX_TITLE_CHARS } from '@/src/scanner/parse-feed';
import { SUBSCRIPTION_MAX_BYTES } from '@/src/scanner/refresh-feed';
import { feedBytes } from '../scanner/feed-fixtures';

const ALERTS_FEED = 'https://alerts.example.org/feed.rss';
const HOSHINE = 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd';

interface Route {
  body?: Uint8Array | string;
  status?: number;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  retryAfter?: string;
}

/** A web server in a fetch function: answers 304 when the validators match, records what it was sent. */
class FeedHost {
  readonly routes = new Map<string, Route>();
  readonly requests: Array<{ url: string; headers: Record<string, string> }> = [];

  serve(url: string, route: Route): this {
    this.routes.set(url, route);
    return this;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    this.requests.push({ url, headers });
    const route = this.routes.get(url);
    if (!route) throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    const unchanged = (route.etag && headers['if-none-match'] === route.etag) || (route.lastModified && headers['if-modified-since'] === route.lastModified);
    const responseHeaders: Record<string, string> = { 'content-type': route.contentType ?? 'application/rss+xml' };
    if (route.etag) responseHeaders.etag = route.etag;
    if (route.lastModified) responseHeaders['last-modified'] = route.lastModified;
    if (route.retryAfter) responseHeaders['retry-after'] = route.retryAfter;
    if (unchanged) return new Response(null, { status: 304, headers: responseHeaders });
    const status = route.status ?? 200;
    const body = typeof route.body === 'string' || route.body === undefined ? (route.body ?? '') : new Uint8Array(route.body);
    return new Response(status === 200 ? body : null, { status, headers: responseHeaders });
  };
}

/** A clock the test moves by hand. */
class Clock {
  constructor(public time = new Date('2026-02-03T10:00:00.000Z')) {}
  readonly now = () => new Date(this.time);
  advanceMinutes(minutes: number): void {
    this.time = new Date(this.time.getTime() + minutes * 60_000);
  }
}

let defaults: DefaultData;
let n = 0;
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  defaults = await buildDefaultData();
});
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

function setUp() {
  const knowledge = new KnowledgeService(async () => defaults, openKnowledgeDb(`feeds-${n++}`));
  cleanup.push(() => knowledge.db.delete());
  const host = new FeedHost();
  const clock = new Clock();
  const feeds = new FeedService({
    db: knowledge.db,
    linking: async () => ({ matcher: await knowledge.freshMatcher(), decisions: await knowledge.db.decisions.toArray() }),
    fetch: host.fetch,
    now: clock.now,
  });
  return { knowledge, db: knowledge.db, host, clock, feeds };
}

const alertsFeed = () => feedBytes('supplier-alerts.rss');

describe('subscribing to a feed', () => {
  it('refuses an address that answers 404 with a clear message, and adds nothing', async () => {
    const { host, feeds } = setUp();
    const missing = 'https://alerts.example.org/no-such-feed.rss';
    host.serve(missing, { body: '', status: 404 });
    await expect(feeds.subscribe(missing)).rejects.toThrow(/Nothing was added: https:\/\/alerts\.example\.org\/no-such-feed\.rss answered “not found” \(HTTP 404\)/);
    expect(await feeds.subscriptions()).toEqual([]);
  });

  it('reads it at once and stores an alert for each item that names a shipped entity, with its evidence', async () => {
    const { db, host, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed(), etag: '"a1"' });
    const status = await feeds.subscribe(ALERTS_FEED);
    expect(status).toMatchObject({
      sourceId: `feed:${ALERTS_FEED}`,
      title: 'Supplier alerts (test feed)',
      alerts: 4,
      readAt: '2026-02-03T10:00:00.000Z',
      fetch: { status: 'ok', itemCount: 5, etag: '"a1"', consecutiveFailures: 0, nextAttemptAt: '2026-02-03T11:00:00.000Z' },
    });
    const hoshine = (await db.alerts.where('entityIds').equals(HOSHINE).toArray())[0];
    expect(hoshine).toMatchObject({
      sourceId: `feed:${ALERTS_FEED}`,
      title: 'Hoshine Silicon Industry (Shanshan) Co., Ltd on the first UFLPA Entity List',
      url: 'https://alerts.example.org/2022/06/hoshine-silicon-industry',
      published: '2022-06-21T12:00:00.000Z',
      confidence: 'high',
      firstSeenAt: '2026-02-03T10:00:00.000Z',
    });
    expect(hoshine!.mentions[0]).toMatchObject({ entityId: HOSHINE, field: 'title', confidence: 'high', reason: expect.stringContaining('legal form') });
    // The item that names nobody is read (it counts) but brings no alert.
    expect((await db.alerts.toArray()).map((a) => a.title)).not.toContain('How the UFLPA Entity List is updated');
  });

  it('refuses addresses that are not http(s), and a feed already followed', async () => {
    const { host, feeds } = setUp();
    await expect(feeds.subscribe('javascript:alert(1)')).rejects.toThrow('only http and https feeds can be read, not javascript');
    await expect(feeds.subscribe('example.org/feed.rss')).rejects.toThrow('start the address with https:// or http://');
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    await expect(feeds.subscribe(`${ALERTS_FEED}#again`)).rejects.toThrow(`You already follow ${ALERTS_FEED}.`);
    expect(await feeds.subscriptions()).toHaveLength(1);
  });

  it('keeps a subscription whose first read failed, with the reason, to try again later', async () => {
    const { feeds } = setUp();
    const status = await feeds.subscribe('https://gone.example.org/feed.xml');
    expect(status.fetch).toMatchObject({ status: 'failed', lastError: 'https://gone.example.org/feed.xml: host not found', consecutiveFailures: 1 });
    expect(status.title).toBe('gone.example.org');
    expect(status.alerts).toBe(0);
  });

  it('removing a subscription removes its alerts and nothing else', async () => {
    const { db, host, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    const { sourceId } = await feeds.subscribe(ALERTS_FEED);
    const entitiesBefore = await db.entities.count();
    expect(entitiesBefore).toBeGreaterThan(0);
    await feeds.unsubscribe(sourceId);
    expect(await feeds.subscriptions()).toEqual([]);
    expect(await db.alerts.count()).toBe(0);
    expect(await db.entities.count()).toBe(entitiesBefore);
    await expect(feeds.unsubscribe('us-dhs-uflpa')).rejects.toThrow('No feed subscription "us-dhs-uflpa"');
  });
});

describe('refreshing', () => {
  it('stores nothing for a feed removed while it was being read', async () => {
    const { db, host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: '<rss version="2.0"><channel><title>Quiet</title></channel></rss>' });
    const { sourceId } = await feeds.subscribe(ALERTS_FEED);
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    // The read waits at the network until the subscription is gone.
    let started!: () => void;
    let release!: () => void;
    const fetchStarted = new Promise<void>((resolve) => (started = resolve));
    const answered = new Promise<void>((resolve) => (release = resolve));
    const gated = new FeedService({
      db,
      linking: async () => ({ matcher: compileMatcher(defaults.entities), decisions: [] }),
      fetch: async (input, init) => {
        started();
        await answered;
        return host.fetch(input, init);
      },
      now: clock.now,
    });
    const reading = gated.refresh({ force: true });
    await fetchStarted;
    await feeds.unsubscribe(sourceId);
    release();
    expect(await reading).toMatchObject({ read: 1, newAlerts: 0 });
    expect(await db.alerts.count()).toBe(0);
    expect(await db.sources.get(sourceId)).toBeUndefined();
  });

  it('sends the validators back; a 304 changes nothing but the fetch state', async () => {
    const { db, host, clock, feeds } = setUp();
    const lastModified = 'Wed, 15 Jan 2025 12:00:00 GMT';
    host.serve(ALERTS_FEED, { body: alertsFeed(), etag: '"a1"', lastModified });
    await feeds.subscribe(ALERTS_FEED);
    const before = await db.alerts.toArray();
    clock.advanceMinutes(60);
    expect(await feeds.refresh()).toEqual({ feeds: 1, read: 0, notModified: 1, failed: 0, newAlerts: 0 });
    expect(host.requests.at(-1)!.headers).toMatchObject({ 'if-none-match': '"a1"', 'if-modified-since': lastModified });
    expect(await db.alerts.toArray()).toEqual(before);
    const [status] = await feeds.subscriptions();
    expect(status).toMatchObject({ readAt: '2026-02-03T10:00:00.000Z', fetch: { status: 'not-modified', etag: '"a1"', itemCount: 5, lastSuccessAt: '2026-02-03T11:00:00.000Z', nextAttemptAt: '2026-02-03T12:00:00.000Z' } });
  });

  it('reads only the feeds that are due, unless the user asks for all', async () => {
    const { host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    clock.advanceMinutes(30);
    expect(await feeds.refresh()).toMatchObject({ feeds: 0 });
    expect(await feeds.refresh({ force: true })).toMatchObject({ feeds: 1, read: 1 });
    expect(host.requests).toHaveLength(2);
  });

  it('never stores an item twice: same id, the same page under another id, or a changed feed', async () => {
    const { db, host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed(), etag: '"a1"' });
    await feeds.subscribe(ALERTS_FEED);
    const firstIds = (await db.alerts.toArray()).map((a) => a.id).sort();

    // The publisher republishes: Camel Group's item under a new guid and a cleaner link, and one new item.
    const text = new TextDecoder().decode(alertsFeed())
      .replace('alerts.example.org/2023-08-02/camel-group', 'alerts.example.org/items/48151')
      .replace('https://alerts.example.org/2023/08/camel-group?utm_source=feed&amp;utm_medium=rss', 'http://alerts.example.org/2023/08/camel-group/')
      .replace(
        '</channel>',
        '<item><title>Baoding LYSZD Trade and Business Co., Ltd. on the first UFLPA Entity List</title><link>https://alerts.example.org/2022/06/baoding-lyszd</link><guid>alerts.example.org/2022-06-21/baoding</guid><pubDate>Tue, 21 Jun 2022 10:00:00 GMT</pubDate></item></channel>',
      );
    host.serve(ALERTS_FEED, { body: text, etag: '"a2"' });
    clock.advanceMinutes(60);
    expect(await feeds.refresh()).toEqual({ feeds: 1, read: 1, notModified: 0, failed: 0, newAlerts: 1 });
    const alerts = await db.alerts.toArray();
    expect(alerts).toHaveLength(5);
    expect(alerts.map((a) => a.id).filter((id) => !firstIds.includes(id))).toEqual([`feed:${ALERTS_FEED}:alerts.example.org/2022-06-21/baoding`]);
    const camel = alerts.find((a) => a.title.startsWith('Camel Group'))!;
    expect(camel).toMatchObject({ id: `feed:${ALERTS_FEED}:alerts.example.org/2023-08-02/camel-group`, url: 'http://alerts.example.org/2023/08/camel-group/', firstSeenAt: '2026-02-03T10:00:00.000Z' });
    expect((await feeds.subscriptions())[0]!.fetch).toMatchObject({ etag: '"a2"', itemCount: 6 });
  });

  it('keeps the same story from a second feed once in the lists, "also reported by" it, and keeps its rows', async () => {
    const { db, host, feeds } = setUp();
    const mirror = 'https://mirror.example.net/alerts.rss';
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    // Same links, other guids, a title of its own: the same pages and stories.
    const sameLinks = new TextDecoder()
      .decode(alertsFeed())
      .replaceAll('<guid isPermaLink="false">alerts.example.org/', '<guid isPermaLink="false">mirror/')
      .replace('<title>Supplier alerts (test feed)</title>', '<title>Mirror of supplier alerts</title>');
    host.serve(mirror, { body: sameLinks });
    await feeds.subscribe(mirror);
    expect(await db.alerts.where('sourceId').equals(`feed:${mirror}`).count()).toBe(4);
    expect(await db.alerts.where('sourceId').equals(`feed:${ALERTS_FEED}`).count()).toBe(4);
    const { alerts } = await feeds.alerts();
    const withLinks = alerts.filter((a) => a.url);
    expect(withLinks).toHaveLength(3);
    for (const alert of withLinks) expect(alert.alsoReportedBy).toEqual(['Mirror of supplier alerts']);
    // Removing the first feed leaves the mirror's stories: nothing it reported is lost.
    await feeds.unsubscribe(`feed:${ALERTS_FEED}`);
    expect((await feeds.alerts()).alerts.filter((a) => a.url)).toHaveLength(3);
  });

  it('never lets one feed suppress another feed\'s different story at the same link: both are kept, as related', async () => {
    const { db, host, feeds } = setUp();
    const whitewash = 'https://pr.example.com/news.rss';
    const hoshineLink = 'https://alerts.example.org/2022/06/hoshine-silicon-industry';
    // Feed A gets there first with a different story at the very link feed B uses.
    host.serve(whitewash, {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Company news</title><item><title>Hoshine Silicon Industry (Shanshan) Co., Ltd cleared of all allegations</title><link>${hoshineLink}</link><guid>pr-1</guid></item></channel></rss>`,
    });
    await feeds.subscribe(whitewash);
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    const atLink = await db.alerts.where('entityIds').equals(HOSHINE).toArray();
    expect(atLink.map((a) => a.title).sort()).toEqual([
      'Hoshine Silicon Industry (Shanshan) Co., Ltd cleared of all allegations',
      'Hoshine Silicon Industry (Shanshan) Co., Ltd on the first UFLPA Entity List',
    ]);
    const views = (await feeds.alerts()).alerts.filter((a) => a.url === hoshineLink);
    expect(views).toHaveLength(2);
    const listed = views.find((v) => v.title.endsWith('Entity List'))!;
    expect(listed.related).toEqual([{ id: `feed:${whitewash}:pr-1`, title: 'Hoshine Silicon Industry (Shanshan) Co., Ltd cleared of all allegations', sourceTitle: 'Company news' }]);
    expect(views.find((v) => v.title.endsWith('allegations'))!.related?.[0]).toMatchObject({ sourceTitle: 'Supplier alerts (test feed)' });
  });

  it('backs off after each failure, retries at once when asked, and a success resets it; the last good alerts stay', async () => {
    const { db, host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    host.serve(ALERTS_FEED, { status: 500 });
    const waits: number[] = [];
    clock.advanceMinutes(60);
    for (let i = 0; i < 4; i++) {
      expect(await feeds.refresh()).toMatchObject({ feeds: 1, failed: 1 });
      const state = (await feeds.subscriptions())[0]!.fetch;
      waits.push((Date.parse(state.nextAttemptAt!) - clock.time.getTime()) / 60_000);
      clock.advanceMinutes(waits.at(-1)! - 1);
      expect(await feeds.refresh()).toMatchObject({ feeds: 0 });
      clock.advanceMinutes(1);
    }
    expect(waits).toEqual([15, 30, 60, 120]);
    const [failing] = await feeds.subscriptions();
    expect(failing).toMatchObject({ alerts: 4, readAt: '2026-02-03T10:00:00.000Z', fetch: { status: 'failed', consecutiveFailures: 4, lastError: `${ALERTS_FEED}: the server answered HTTP 500` } });

    host.serve(ALERTS_FEED, { body: alertsFeed() });
    expect(await feeds.refresh({ force: true })).toMatchObject({ read: 1 });
    const [healthy] = await feeds.subscriptions();
    expect(healthy!.fetch).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
    expect(healthy!.fetch.lastError).toBeUndefined();
    expect(await db.alerts.count()).toBe(4);
  });

  it('waits as long as a busy server asks (Retry-After)', async () => {
    const { host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { status: 503, retryAfter: '7200' });
    const status = await feeds.subscribe(ALERTS_FEED);
    expect(status.fetch.nextAttemptAt).toBe(new Date(clock.time.getTime() + 120 * 60_000).toISOString());
  });

  it('a page that is not a feed is a failure that keeps the last good alerts, and is fetched whole next time', async () => {
    const { db, host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed(), etag: '"a1"' });
    await feeds.subscribe(ALERTS_FEED);
    host.serve(ALERTS_FEED, { body: feedBytes('unrecognized.rss'), etag: '"broken"', contentType: 'text/html' });
    clock.advanceMinutes(60);
    expect(await feeds.refresh()).toMatchObject({ failed: 1 });
    const [status] = await feeds.subscriptions();
    expect(status!.fetch).toMatchObject({ status: 'failed', etag: '"a1"', lastError: expect.stringMatching(/^https:\/\/alerts\.example\.org\/feed\.rss: not an RSS or Atom feed/) });
    expect(await db.alerts.count()).toBe(4);
  });
});

describe('hostile feeds', () => {
  it('keeps only http(s) links and plain text: no script, no javascript: link', async () => {
    const { db, host, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    const hetian = (await db.alerts.toArray()).find((a) => a.title.startsWith('Hetian Haolin'))!;
    expect(hetian.url).toBe('');
    expect(hetian.title).toBe('Hetian Haolin Hair Accessories Co. Ltd. on the first UFLPA Entity List');
    expect(hetian.summary).not.toMatch(/<|injected|javascript/);
    expect(hetian.summary).toContain('Read more');
  });

  it('caps huge items and refuses a feed over the size limit with a clear error', async () => {
    const { db, host, feeds } = setUp();
    const hugeTitle = `Hoshine Silicon Industry (Shanshan) Co., Ltd ${'very '.repeat(40_000)}long title`;
    const hugeBody = `Camel Group Co., Ltd. ${'padding words '.repeat(100_000)}`;
    const huge = `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><item><title>${hugeTitle}</title><link>https://huge.example.org/1</link><description>${hugeBody}</description></item></channel></rss>`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    host.serve('https://huge.example.org/feed', { body: huge });
    await feeds.subscribe('https://huge.example.org/feed');
    const [alert] = await db.alerts.toArray();
    expect(alert!.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(alert!.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(alert!.entityIds).toContain(HOSHINE);

    host.serve('https://huge.example.org/too-big', { body: new Uint8Array(SUBSCRIPTION_MAX_BYTES + 1) });
    const refused = await feeds.subscribe('https://huge.example.org/too-big');
    expect(refused.fetch.lastError).toBe('https://huge.example.org/too-big: the feed is larger than 5 MB; refused');
  });

  it('keeps at most a few hundred alerts per feed, dropping those first seen longest ago', async () => {
    const { db, host, clock, feeds } = setUp();
    const items = (from: number) =>
      Array.from({ length: 200 }, (_, i) => `<item><title>Camel Group Co., Ltd. note ${from + i}</title><link>https://many.example.org/${from + i}</link></item>`).join('');
    const feed = (from: number) => `<rss version="2.0"><channel><title>Many</title>${items(from)}</channel></rss>`;
    host.serve('https://many.example.org/feed', { body: feed(0) });
    await feeds.subscribe('https://many.example.org/feed');
    clock.advanceMinutes(60);
    host.serve('https://many.example.org/feed', { body: feed(200) });
    expect(await feeds.refresh()).toMatchObject({ newAlerts: 200 });
    const kept = await db.alerts.toArray();
    expect(kept).toHaveLength(MAX_ALERTS_PER_FEED);
    expect(kept.filter((a) => a.firstSeenAt === clock.time.toISOString())).toHaveLength(200);
  });
});

describe('the alerts the popup lists', () => {
  it('says how many feeds are followed when there is nothing to show', async () => {
    const { host, feeds } = setUp();
    expect(await feeds.alerts()).toEqual({ subscriptions: 0, archived: 0, alerts: [] });
    host.serve(ALERTS_FEED, { body: '<rss version="2.0"><channel><title>Quiet</title></channel></rss>' });
    await feeds.subscribe(ALERTS_FEED);
    expect(await feeds.alerts()).toEqual({ subscriptions: 1, archived: 0, alerts: [] });
  });

  it('names the entities, newest first, and puts the alerts about the page’s entities first', async () => {
    const { host, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    await feeds.subscribe(ALERTS_FEED);
    const { alerts } = await feeds.alerts();
    expect(alerts.map((a) => a.entities.map((e) => e.name))).toEqual([
      ['Aksu Huafu Color Spinning Co., Ltd.'],
      ['Camel Group Co., Ltd.'],
      ['Hoshine Silicon Industry (Shanshan) Co., Ltd'],
      // On the UFLPA Entity List and under a CBP Withhold Release Order: one entity per list.
      ['Hetian Haolin Hair Accessories Co. Ltd.', 'Hetian Haolin Hair Accessories Co. Ltd.'],
    ]);
    expect(alerts[0]).toMatchObject({ sourceTitle: 'Supplier alerts (test feed)', confidence: 'high', onPage: false, published: '2025-01-15T12:00:00.000Z', url: 'https://alerts.example.org/2025/01/aksu-huafu-color-spinning' });
    expect(alerts[3]!.url).toBeUndefined();

    const onPage = await feeds.alerts([HOSHINE]);
    expect(onPage.alerts[0]).toMatchObject({ title: expect.stringContaining('Hoshine'), onPage: true, entities: [expect.objectContaining({ id: HOSHINE, onPage: true })] });
    expect(onPage.alerts.slice(1).every((a) => !a.onPage)).toBe(true);
  });

  it('after a list is imported, reads every feed whole so that items read before link to it', async () => {
    const { db, host, clock, feeds } = setUp();
    const heise = 'https://www.heise.de/developer/rss/news-atom.xml';
    host.serve(heise, { body: feedBytes('heise.atom'), contentType: 'application/atom+xml', etag: '"h1"' });
    await feeds.subscribe(heise);
    expect((await feeds.alerts()).alerts).toEqual([]);
    const source = { id: 'import-tech', kind: 'entity-list' as const, title: 'Tech', publisher: 'Imported by you', url: '', licence: '', version: 'test', partial: false };
    const apache: Entity = { id: 'import-tech:apache', sourceId: 'import-tech', schema: 'Organization', name: 'Apache Software Foundation', aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] };
    await replaceListRows(db, source, { entities: [apache] });
    clock.advanceMinutes(5);
    // An ordinary refresh asks whether the feed changed: it did not, so nothing new is linked.
    expect(await feeds.refresh({ force: true })).toMatchObject({ notModified: 1, newAlerts: 0 });
    // The refresh after an import reads the feed whole and links its old items to the new list.
    expect(await feeds.refresh({ relink: true })).toMatchObject({ read: 1, newAlerts: 1 });
    expect(host.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect((await feeds.alerts()).alerts.map((a) => a.title)).toEqual(['Apache Software Foundation bekommt ein neues Logo']);
  });

  it('links items to imported lists too, and hides an alert whose entities were all removed', async () => {
    const { db, host, feeds } = setUp();
    const source = { id: 'import-tech', kind: 'entity-list' as const, title: 'Tech', publisher: 'Imported by you', url: '', licence: '', version: 'test', partial: false };
    const apache: Entity = { id: 'import-tech:apache', sourceId: 'import-tech', schema: 'Organization', name: 'Apache Software Foundation', aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] };
    await replaceListRows(db, source, { entities: [apache] });
    host.serve('https://www.heise.de/developer/rss/news-atom.xml', { body: feedBytes('heise.atom'), contentType: 'application/atom+xml' });
    await feeds.subscribe('https://www.heise.de/developer/rss/news-atom.xml');
    expect((await feeds.alerts()).alerts.map((a) => a.title)).toEqual(['Apache Software Foundation bekommt ein neues Logo']);
    await replaceListRows(db, source, { entities: [] });
    expect((await feeds.alerts()).alerts).toEqual([]);
  });
});

describe('hostile servers and interrupted reads', () => {
  it('never reads or stores an alert from a host the user did not allow, however the feed redirects', async () => {
    const { db, host, feeds } = setUp();
    const elsewhere = 'https://elsewhere.example.com/feed.rss';
    host.serve(elsewhere, { body: alertsFeed() });
    const redirectTo = (location: string) => async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === ALERTS_FEED ? new Response(null, { status: 302, headers: { location } }) : host.fetch(input, init);
    const redirecting = new FeedService({ db, linking: async () => ({ matcher: compileMatcher(defaults.entities), decisions: [] }), fetch: redirectTo(elsewhere) });
    const status = await redirecting.subscribe(ALERTS_FEED);
    expect(status.fetch).toMatchObject({ status: 'failed', lastProblem: { code: 'redirect-host', args: ['elsewhere.example.com'] } });
    expect(host.requests.map((r) => r.url)).not.toContain(elsewhere);
    expect(await db.alerts.count()).toBe(0);
    // Once the user follows a feed on that host too, the redirect is allowed.
    await feeds.subscribe(elsewhere);
    expect(await redirecting.refresh({ force: true, sourceId: `feed:${ALERTS_FEED}` })).toMatchObject({ read: 1 });
  });

  it('records a read the browser cut short as interrupted, due again at once, and reads it on the next start', async () => {
    const { db, host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    // The first worker starts a read and is stopped at the network: its promise never settles.
    const stopped = new FeedService({ db, linking: async () => ({ matcher: compileMatcher(defaults.entities), decisions: [] }), fetch: () => new Promise<Response>(() => undefined), now: clock.now });
    await db.sources.add({ id: `feed:${ALERTS_FEED}`, kind: 'feed', title: 'alerts.example.org', publisher: 'alerts.example.org', url: ALERTS_FEED, licence: '', version: 'not read yet', partial: false, fetch: {} });
    void stopped.refresh({ force: true });
    await expect.poll(async () => (await db.sources.get(`feed:${ALERTS_FEED}`))?.fetch?.readingSince).toBe('2026-02-03T10:00:00.000Z');
    // The next worker starts.
    clock.advanceMinutes(1);
    expect(await feeds.recoverInterruptedReads()).toBe(1);
    const [feed] = await feeds.subscriptions();
    expect(feed!.fetch).toMatchObject({ status: 'failed', consecutiveFailures: 0, nextAttemptAt: '2026-02-03T10:01:00.000Z', lastProblem: { code: 'interrupted', args: ['2026-02-03T10:00:00.000Z'] } });
    expect(feed!.fetch.readingSince).toBeUndefined();
    expect(await feeds.refresh()).toMatchObject({ feeds: 1, read: 1, newAlerts: 4 });
    expect(await feeds.recoverInterruptedReads()).toBe(0);
    expect(await db.alerts.count()).toBe(4);
  });

  it('says in plain words that the disk is full, keeps the alerts stored before, and stores the new ones later', async () => {
    const { db, host, clock, feeds } = setUp();
    host.serve(ALERTS_FEED, { body: '<rss version="2.0"><channel><title>Alerts</title></channel></rss>' });
    await feeds.subscribe(ALERTS_FEED);
    // The storage refuses every write to the alerts as IndexedDB does when the quota is used up.
    let full = true;
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'quota-used-up',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (request) => (full && name === 'alerts' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request)) };
        },
      }),
    });
    await db.open();
    host.serve(ALERTS_FEED, { body: alertsFeed() });
    clock.advanceMinutes(60);
    expect(await feeds.refresh()).toMatchObject({ failed: 1, newAlerts: 0 });
    const [feed] = await feeds.subscriptions();
    expect(feed!.fetch).toMatchObject({ status: 'failed', lastProblem: { code: 'disk-full', args: [] }, lastError: expect.stringContaining('there is no room left to store data') });
    expect(feed!.fetch.lastError).not.toContain('QuotaExceededError');
    expect(await db.alerts.count()).toBe(0);
    full = false;
    expect(await feeds.refresh({ force: true })).toMatchObject({ read: 1, newAlerts: 4 });
  });
});

