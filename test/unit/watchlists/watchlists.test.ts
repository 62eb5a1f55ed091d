// Watchlists over the real knowledge base (Dexie on fake-indexeddb): following suppliers into named watchlists,
// unread counts, a supplier's profile, and the notifications new alerts give (baseline, one per supplier per
// refresh, severity, per-watchlist mode, daily digest).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDefaultData } from '@/src/build/build-default-data';
import type { DefaultData } from '@/src/core/types';
import { openKnowledgeDb, type AlertRow, type KnowledgeDb } from '@/src/kb/db';
import { installDefaultData } from '@/src/kb/lists';
import { WatchNotifier } from '@/src/watchlists/notifier';
import { notificationSeverity } from '@/src/watchlists/plan-notifications';
import { createWatchlist, DEFAULT_WATCHLIST_ID, follow, listWatchlists, markRead, supplierProfile, updateWatchlist } from '@/src/watchlists/watchlist-store';

const CAMEL = 'us-dhs-uflpa:camel-group-co-ltd';
const HAOLIN_CBP = 'us-cbp-wro:hetian-haolin-hair-accessories-co-ltd';
const FEED = 'feed:https://alerts.example.org/feed.rss';
let defaults: DefaultData;
let counter = 0;
const opened: KnowledgeDb[] = [];
beforeAll(() => {
  defaults = buildDefaultData();
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function setUp() {
  const db = openKnowledgeDb(`watch-${counter++}`);
  opened.push(db);
  await installDefaultData(db, defaults);
  await db.sources.put({ id: FEED, kind: 'feed', title: 'Supplier alerts', publisher: 'alerts.example.org', url: 'https://alerts.example.org/feed.rss', licence: '', version: '', partial: false });
  const clock = { now: new Date('2026-12-03T12:00:00Z') };
  const shown: { id: string; title: string; message: string; severity: string }[] = [];
  const notifier = new WatchNotifier(db, async (n) => void shown.push(n), () => clock.now);
  return { db, clock, shown, notifier };
}

let alertCounter = 0;
function alert(entityIds: string[], firstSeenAt: string, more: Partial<AlertRow> = {}): AlertRow {
  const n = alertCounter++;
  return { id: `${FEED}:item-${n}`, sourceId: FEED, title: `Item ${n}`, url: `https://alerts.example.org/${n}`, summary: '', entityIds, confidence: 'high', mentions: [], urlKey: `//alerts.example.org/${n}`, firstSeenAt, ...more };
}

describe('watchlists', () => {
  it('follows suppliers into named watchlists and counts unread alerts', async () => {
    const { db } = await setUp();
    const contract = await createWatchlist(db, 'Contract 2026/14 gloves', 'daily');
    await follow(db, CAMEL, DEFAULT_WATCHLIST_ID, new Date('2026-12-01T00:00:00Z'));
    await follow(db, HAOLIN_CBP, contract.id, new Date('2026-12-01T00:00:00Z'));
    await follow(db, CAMEL, DEFAULT_WATCHLIST_ID); // twice is once
    await db.alerts.bulkPut([alert([CAMEL], '2026-12-02T00:00:00Z'), alert([CAMEL, HAOLIN_CBP], '2026-12-02T01:00:00Z'), alert([CAMEL], '2026-11-30T00:00:00Z')]);
    const lists = await listWatchlists(db);
    expect(lists.map((w) => [w.name, w.notify, w.suppliers.map((s) => [s.entityName, s.unread, s.alerts]), w.unread])).toEqual([
      ['Contract 2026/14 gloves', 'daily', [['Hetian Haolin Hair Accessories Co. Ltd.', 1, 1]], 1],
      ['My suppliers', 'immediately', [['Camel Group Co., Ltd.', 2, 3]], 2],
    ]);
    await markRead(db, CAMEL, new Date('2026-12-03T00:00:00Z'));
    expect((await listWatchlists(db)).find((w) => w.id === DEFAULT_WATCHLIST_ID)!.unread).toBe(0);
    await expect(createWatchlist(db, 'my suppliers')).rejects.toThrow('There is already a watchlist named “my suppliers”.');
    await expect(follow(db, 'nobody:x')).rejects.toThrow('No known supplier "nobody:x".');
  });

  it('shows a followed supplier’s profile: flags with their lists and meanings, and its alert timeline', async () => {
    const { db } = await setUp();
    await follow(db, CAMEL);
    await db.alerts.bulkPut([alert([CAMEL], '2026-12-02T00:00:00Z', { published: '2026-12-01T00:00:00Z' }), alert([CAMEL], '2026-12-02T01:00:00Z', { published: '2026-12-02T00:00:00Z' })]);
    const profile = await supplierProfile(db, CAMEL);
    expect(profile).toMatchObject({ name: 'Camel Group Co., Ltd.', known: true, watchlists: [{ id: DEFAULT_WATCHLIST_ID, name: 'My suppliers' }] });
    expect(profile.flags).toEqual([expect.objectContaining({ source: expect.objectContaining({ title: 'UFLPA Entity List', meaning: 'import_ban' }) })]);
    expect(profile.alerts.map((a) => a.published)).toEqual(['2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z']);
  });
});

describe('notifications', () => {
  it('records the first read of a source as its baseline and notifies nothing', async () => {
    const { db, notifier, shown } = await setUp();
    await follow(db, CAMEL);
    await db.alerts.bulkPut([alert([CAMEL], '2026-12-03T11:00:00Z')]);
    expect(await notifier.processNewAlerts()).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('notifies once per followed supplier per refresh, with a severity from confidence and flags', async () => {
    const { db, notifier, shown } = await setUp();
    await follow(db, CAMEL);
    await db.alerts.bulkPut([alert([CAMEL], '2026-12-03T11:00:00Z')]);
    await notifier.processNewAlerts(); // baseline
    // One refresh stores three items: two about Camel (followed), one about an entity nobody follows.
    await db.alerts.bulkPut([
      alert([CAMEL], '2026-12-03T12:05:00Z', { title: 'Camel Group named in a report' }),
      alert([CAMEL], '2026-12-03T12:05:01Z', { confidence: 'review', title: 'Camel maybe' }),
      alert(['us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd'], '2026-12-03T12:05:02Z'),
    ]);
    const rows = await notifier.processNewAlerts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: CAMEL, severity: 'high', delivery: 'shown', title: '2 new alerts: Camel Group Co., Ltd.', message: 'Camel Group named in a report' });
    expect(shown.map((s) => s.title)).toEqual(['2 new alerts: Camel Group Co., Ltd.']);
    expect(await db.notifications.count()).toBe(1);
    // Nothing new: nothing more.
    expect(await notifier.processNewAlerts()).toEqual([]);
  });

  it('grades severity', () => {
    expect([notificationSeverity('high', true), notificationSeverity('high', false), notificationSeverity('review', true), notificationSeverity('review', false)]).toEqual(['high', 'medium', 'medium', 'low']);
  });

  it('queues a daily watchlist’s alerts for one digest, and a silent watchlist gives none', async () => {
    const { db, notifier, shown } = await setUp();
    const daily = await createWatchlist(db, 'Daily', 'daily');
    const silent = await createWatchlist(db, 'Silent', 'never');
    await follow(db, CAMEL, daily.id);
    await follow(db, HAOLIN_CBP, silent.id);
    await db.alerts.bulkPut([alert([CAMEL], '2026-12-03T11:00:00Z')]);
    await notifier.processNewAlerts();
    await db.alerts.bulkPut([alert([CAMEL], '2026-12-03T12:05:00Z'), alert([HAOLIN_CBP], '2026-12-03T12:06:00Z')]);
    const rows = await notifier.processNewAlerts();
    expect(rows.map((r) => [r.entityId, r.delivery])).toEqual([[CAMEL, 'digest-queued']]);
    expect(shown).toEqual([]);
    const digest = await notifier.sendDigest();
    expect(digest).toMatchObject({ title: 'Daily digest: 1 new alert(s)', message: 'Camel Group Co., Ltd.' });
    expect(shown).toHaveLength(1);
    expect(await notifier.sendDigest()).toBeUndefined();
    await updateWatchlist(db, silent.id, { notify: 'immediately' });
    await db.alerts.bulkPut([alert([HAOLIN_CBP], '2026-12-03T12:10:00Z')]);
    expect((await notifier.processNewAlerts()).map((r) => r.delivery)).toEqual(['shown']);
  });
});
