// Triage of alerts over the real knowledge base (Dexie on fake-indexeddb, the shipped lists) and a real saved feed
// read by the background's feed service: read, important and archived marks (unread counts follow them, they
// survive the database being closed and opened again and every later read), and "not relevant" decisions: the
// link is set aside at once and on every later read (another feed's copy of the item included), shown with the
// decision in the profile, left out of notifications, digests and the exported feeds, and undone.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { buildDefaultData } from '@/src/build/build-default-data';
import type { DefaultData } from '@/src/core/types';
import { compileMatcher, type CompiledMatcher } from '@/src/matcher';
import { FeedService } from '@/src/extension/background/feed-service';
import { openKnowledgeDb, type KnowledgeDb } from '@/src/kb/db';
import { installDefaultData } from '@/src/kb/lists';
import { exportWatchlistFeed } from '@/src/publish/watchlist-feed';
import { WatchNotifier } from '@/src/watchlists/notifier';
import { applyNotRelevant, isAlertRead, notRelevantIndex } from '@/src/watchlists/alert-triage';
import { listNotRelevant, markNotRelevant, notRelevantForLinking, setAlertTriage, undoNotRelevant } from '@/src/watchlists/alert-triage-store';
import { createWatchlist, follow, listWatchlists, markRead, supplierProfile } from '@/src/watchlists/watchlist-store';
import { feedBytes } from '../scanner/feed-fixtures';

const MONITOR = 'https://alerts.example.org/feed.rss';
const MIRROR = 'https://ngo.example.net/mirror.rss';
const CAMEL = 'us-dhs-uflpa:camel-group-co-ltd';
const HOSHINE = 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd';
const HAOLIN_UFLPA = 'us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd';
const HAOLIN_CBP = 'us-cbp-wro:hetian-haolin-hair-accessories-co-ltd';
const CAMEL_ALERT = `feed:${MONITOR}:alerts.example.org/2023-08-02/camel-group`;
const HAOLIN_ALERT = `feed:${MONITOR}:alerts.example.org/2022-06-21/hetian-haolin`;

let defaults: DefaultData;
let matcher: CompiledMatcher;
let counter = 0;
const opened: KnowledgeDb[] = [];
beforeAll(() => {
  defaults = buildDefaultData();
  matcher = compileMatcher(defaults.entities);
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const rss = new TextDecoder().decode(feedBytes('supplier-alerts.rss'));
/** Two publishers: the monitor's feed, and an NGO's mirror of it (same items at the same links, under other ids). */
const served: Record<string, string> = { [MONITOR]: rss, [MIRROR]: rss.replace('Supplier alerts (test feed)', 'NGO mirror').replace(/<guid isPermaLink="false">/g, '<guid isPermaLink="false">mirror/') };
const serve = async (input: RequestInfo | URL) => new Response(served[String(input)] ?? null, { status: served[String(input)] ? 200 : 404, headers: { 'content-type': 'application/rss+xml' } });

async function setUp(name = `triage-${counter++}`) {
  const db = openKnowledgeDb(name);
  opened.push(db);
  await installDefaultData(db, defaults);
  const clock = { now: new Date('2026-12-03T12:00:00Z') };
  const feeds = new FeedService({ db, linking: async () => ({ matcher, decisions: [], notRelevant: await notRelevantForLinking(db) }), fetch: serve, now: () => clock.now });
  const shown: string[] = [];
  const notifier = new WatchNotifier(db, async (n) => void shown.push(n.title), () => clock.now);
  return { db, name, clock, feeds, notifier, shown };
}

const unread = async (db: KnowledgeDb) => Object.fromEntries((await listWatchlists(db)).flatMap((w) => w.suppliers.map((s) => [s.entityId, s.unread])));

describe('marking alerts read, important, archived', () => {
  it('keeps the marks on every later read and after the database is opened again; unread counts follow them', async () => {
    const { db, name, feeds } = await setUp();
    await follow(db, CAMEL, undefined, new Date('2026-12-01T00:00:00Z'));
    await follow(db, HOSHINE, undefined, new Date('2026-12-01T00:00:00Z'));
    await feeds.subscribe(MONITOR);
    expect(await unread(db)).toEqual({ [CAMEL]: 1, [HOSHINE]: 1 });

    await setAlertTriage(db, CAMEL_ALERT, { read: true, important: true });
    expect(await unread(db)).toEqual({ [CAMEL]: 0, [HOSHINE]: 1 });
    const listed = (await feeds.alerts()).alerts.find((a) => a.id === CAMEL_ALERT)!;
    expect([listed.read, listed.important, listed.archived]).toEqual([true, true, false]);

    // Marked unread again after "mark all read": unread until read again.
    await markRead(db, HOSHINE, new Date('2026-12-04T00:00:00Z'));
    await setAlertTriage(db, `feed:${MONITOR}:alerts.example.org/2022-06-21/hoshine`, { read: false });
    expect((await unread(db))[HOSHINE]).toBe(1);

    // Archived: out of the default list (and read), in the archived list.
    await setAlertTriage(db, `feed:${MONITOR}:alerts.example.org/2022-06-21/hoshine`, { archived: true });
    expect((await unread(db))[HOSHINE]).toBe(0);
    const everyday = await feeds.alerts();
    expect(everyday.archived).toBe(1);
    expect(everyday.alerts.map((a) => a.id)).not.toContain(`feed:${MONITOR}:alerts.example.org/2022-06-21/hoshine`);
    expect((await feeds.alerts([], undefined, { archived: true })).alerts.map((a) => [a.id, a.archived, a.read])).toEqual([[`feed:${MONITOR}:alerts.example.org/2022-06-21/hoshine`, true, true]]);

    // The feed read whole again (a relink), then the database closed and opened again: the marks are kept.
    await feeds.refresh({ relink: true });
    db.close();
    const again = openKnowledgeDb(name);
    opened.push(again);
    expect((await again.alerts.get(CAMEL_ALERT))!.triage).toMatchObject({ read: true, important: true });
    expect((await supplierProfile(again, HOSHINE)).alerts.map((a) => [a.triage?.archived, a.read])).toEqual([[true, true]]);
  });
});

describe('"not relevant": a wrong link, kept as the user’s decision', () => {
  it('sets the link aside on every copy and every later read, shows the decision in the profile, and is undone', async () => {
    const { db, clock, feeds, notifier, shown } = await setUp();
    await follow(db, CAMEL, undefined, new Date('2026-12-01T00:00:00Z'));
    await feeds.subscribe(MONITOR);
    await notifier.processNewAlerts(); // the monitor's first read: its baseline
    expect((await unread(db))[CAMEL]).toBe(1);

    clock.now = new Date('2026-12-03T12:30:00Z');
    const decision = await markNotRelevant(db, CAMEL_ALERT, CAMEL, clock.now);
    expect(decision).toEqual({
      id: `//alerts.example.org/2023/08/camel-group|${CAMEL}`,
      linkKey: '//alerts.example.org/2023/08/camel-group',
      entityId: CAMEL,
      entityName: 'Camel Group Co., Ltd.',
      alertTitle: expect.stringContaining('Camel Group Co., Ltd. added to the UFLPA Entity List'),
      alertUrl: 'https://alerts.example.org/2023/08/camel-group?utm_source=feed&utm_medium=rss',
      decidedAt: '2026-12-03T12:30:00.000Z',
      decidedBy: 'you',
    });
    expect(await db.alerts.get(CAMEL_ALERT)).toMatchObject({ entityIds: [], notRelevantEntityIds: [CAMEL] });
    expect((await unread(db))[CAMEL]).toBe(0);
    expect((await feeds.alerts()).alerts.map((a) => a.id)).not.toContain(CAMEL_ALERT);
    const profile = await supplierProfile(db, CAMEL);
    expect(profile.alerts).toEqual([]);
    expect(profile.notRelevant.map((n) => [n.alert.id, n.decision.decidedBy, n.decision.decidedAt])).toEqual([[CAMEL_ALERT, 'you', '2026-12-03T12:30:00.000Z']]);

    // Read whole again, and the same item in a second feed (another id, the same link): never linked to Camel.
    clock.now = new Date('2026-12-03T13:00:00Z');
    await feeds.refresh({ relink: true });
    await feeds.subscribe(MIRROR);
    await notifier.processNewAlerts(); // the mirror's baseline
    expect(await db.alerts.get(CAMEL_ALERT)).toMatchObject({ entityIds: [], notRelevantEntityIds: [CAMEL] });
    const mirrorCopy = (await db.alerts.where('urlKey').equals(decision.linkKey).toArray()).find((a) => a.sourceId === `feed:${MIRROR}`)!;
    expect(mirrorCopy).toMatchObject({ entityIds: [], notRelevantEntityIds: [CAMEL] });
    // A later, different story of the mirror at that link is stored as a new alert, and notifies nothing for Camel.
    served[MIRROR] = served[MIRROR]!.replace('mirror/alerts.example.org/2023-08-02/camel-group', 'mirror/camel-group-again').replace('Camel Group Co., Ltd. added to the UFLPA Entity List', 'Camel Group Co., Ltd. appeals its UFLPA Entity List listing');
    clock.now = new Date('2026-12-03T14:00:00Z');
    expect((await feeds.refresh({ force: true })).newAlerts).toBe(1);
    expect(await db.alerts.get(`feed:${MIRROR}:mirror/camel-group-again`)).toMatchObject({ entityIds: [], notRelevantEntityIds: [CAMEL] });
    expect(await notifier.processNewAlerts()).toEqual([]);
    expect(shown).toEqual([]);
    expect((await supplierProfile(db, CAMEL)).notRelevant).toHaveLength(1);

    // The exported watchlist leaves the link out and says so.
    const atom = await exportWatchlistFeed(db, 'watchlist-default', 'atom', clock.now);
    const parsed = await new Parser().parseString(atom.text);
    expect(parsed.items).toEqual([]);
    expect(atom.text).toContain('Left out: 1 link(s) between an item and a supplier that the user marked “not relevant” (a wrong link).');
    const json = JSON.parse((await exportWatchlistFeed(db, 'watchlist-default', 'json', clock.now)).text);
    expect(json.description).toContain('Left out: 1 link(s)');

    // Undone: linked again on every copy, in the profile and the feed.
    expect((await listNotRelevant(db)).map((d) => d.id)).toEqual([decision.id]);
    await undoNotRelevant(db, decision.id);
    expect(await listNotRelevant(db)).toEqual([]);
    expect(await db.alerts.get(CAMEL_ALERT)).toMatchObject({ entityIds: [CAMEL], notRelevantEntityIds: [] });
    expect((await supplierProfile(db, CAMEL)).alerts.map((a) => a.id)).toContain(CAMEL_ALERT);
    const restored = await exportWatchlistFeed(db, 'watchlist-default', 'atom', clock.now);
    expect(restored.text).not.toContain('Left out');
    expect(restored.text).toContain(`<category term="${CAMEL}" label="Camel Group Co., Ltd."/>`);
  });

  it('keys an item without a web link by its id, and leaves the other entity of the item linked', async () => {
    const { db, feeds } = await setUp();
    await feeds.subscribe(MONITOR);
    const decision = await markNotRelevant(db, HAOLIN_ALERT, HAOLIN_CBP);
    expect(decision.linkKey).toBe(HAOLIN_ALERT);
    await feeds.refresh({ relink: true });
    expect(await db.alerts.get(HAOLIN_ALERT)).toMatchObject({ entityIds: [HAOLIN_UFLPA], notRelevantEntityIds: [HAOLIN_CBP] });
    const view = (await feeds.alerts()).alerts.find((a) => a.id === HAOLIN_ALERT)!;
    expect(view.entities.map((e) => e.id)).toEqual([HAOLIN_UFLPA]);
    expect(view.notRelevant).toEqual([{ entityId: HAOLIN_CBP, name: 'Hetian Haolin Hair Accessories Co. Ltd.', decision }]);
    await expect(markNotRelevant(db, HAOLIN_ALERT, CAMEL)).rejects.toThrow(`That alert is not linked to "${CAMEL}".`);
  });

  it('withdraws a queued digest notification whose alert was marked not relevant before the digest went', async () => {
    const { db, clock, feeds, notifier, shown } = await setUp();
    const daily = await createWatchlist(db, 'Daily', 'daily');
    await follow(db, CAMEL, daily.id);
    served[MONITOR] = rss.replace(/<item><title><!\[CDATA\[Camel[\s\S]*?<\/item>/, '');
    await feeds.subscribe(MONITOR);
    await notifier.processNewAlerts(); // baseline
    served[MONITOR] = rss;
    clock.now = new Date('2026-12-03T13:00:00Z');
    await feeds.refresh({ force: true });
    expect((await notifier.processNewAlerts()).map((r) => [r.entityId, r.delivery])).toEqual([[CAMEL, 'digest-queued']]);
    await markNotRelevant(db, CAMEL_ALERT, CAMEL);
    expect(await notifier.sendDigest()).toBeUndefined();
    expect(shown).toEqual([]);
    expect((await db.notifications.toArray()).map((n) => n.delivery)).toEqual(['withdrawn']);
  });
});

describe('the rules (pure)', () => {
  it('sets aside decided links, keeps the confidence of the links left, and links an undone one again', () => {
    const alert = {
      id: 'feed:x:1',
      url: 'https://example.org/a?utm_source=x',
      entityIds: ['a', 'b'],
      confidence: 'high' as const,
      mentions: [{ entityId: 'a', confidence: 'high' as const }, { entityId: 'b', confidence: 'review' as const }],
    };
    const decided = applyNotRelevant(alert, notRelevantIndex([{ linkKey: '//example.org/a', entityId: 'a' }]));
    expect(decided).toMatchObject({ entityIds: ['b'], notRelevantEntityIds: ['a'], confidence: 'review' });
    expect(applyNotRelevant(decided, notRelevantIndex([]))).toMatchObject({ entityIds: ['b', 'a'], notRelevantEntityIds: [], confidence: 'high' });
  });

  it('reads an alert as the user marked it, else by the follows’ read times', () => {
    expect(isAlertRead({ firstSeenAt: '2026-12-02' }, [])).toBe(false);
    expect(isAlertRead({ firstSeenAt: '2026-12-02' }, ['2026-12-03'])).toBe(true);
    expect(isAlertRead({ firstSeenAt: '2026-12-02' }, ['2026-12-03', '2026-12-01'])).toBe(false);
    expect(isAlertRead({ firstSeenAt: '2026-12-02', triage: { read: false } }, ['2026-12-03'])).toBe(false);
    expect(isAlertRead({ firstSeenAt: '2026-12-02', triage: { read: true } }, [])).toBe(true);
  });
});
