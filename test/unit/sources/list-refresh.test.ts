// Refreshing official lists from a local server serving saved list pages: the list replaced atomically with what
// changed, conditional requests and 304, back-off on 429/503 honouring Retry-After, a failed refresh keeping the
// last good list, a refresh cut short resumed, one request at a time per host.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDefaultData } from '@/src/build/build-default-data';
import type { DefaultData } from '@/src/core/types';
import { openKnowledgeDb, type KnowledgeDb } from '@/src/kb/db';
import { installDefaultData } from '@/src/kb/lists';
import { addListSource, enableListRefresh, lastListChanges, markRefreshing } from '@/src/sources/list-store';
import { ListRefresher } from '@/src/sources/list-refresher';
import { fixture, ListServer } from './list-server';

const server = new ListServer();
let defaults: DefaultData;
let counter = 0;
const opened: KnowledgeDb[] = [];
const UFLPA = 'us-dhs-uflpa';
const page = fixture('dhs_uflpa_entity_list.html');

beforeAll(async () => {
  defaults = buildDefaultData();
  await server.start();
});
afterAll(() => server.stop());
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function setUp(path: string, clock = { now: new Date('2026-12-03T12:00:00Z') }) {
  const db = openKnowledgeDb(`list-refresh-${counter++}`);
  opened.push(db);
  await installDefaultData(db, defaults);
  await enableListRefresh(db, UFLPA, `${server.base}${path}`, { parser: 'uflpa-page', intervalHours: 24 });
  const progress: string[] = [];
  const refresher = new ListRefresher(db, { now: () => clock.now, onProgress: (p) => progress.push(p.stage) });
  return { db, refresher, progress, clock };
}

const uflpaRows = async (db: KnowledgeDb) => ({
  entities: await db.entities.where('sourceId').equals(UFLPA).count(),
  flags: await db.flags.where('sourceId').equals(UFLPA).count(),
  source: (await db.sources.get(UFLPA))!,
});

describe('refreshing the UFLPA Entity List from its page', () => {
  it('replaces the shipped list with the page, says what changed, and is no longer partial', async () => {
    const renamed = page.replace(
      'Hoshine Silicon Industry (Shanshan) Co.,&nbsp;Ltd (including one alias: Hesheng Silicon Industry (Shanshan) Co.)',
      'Hoshine Silicon Group (Shanshan) Co., Ltd (formerly known as Hoshine Silicon Industry (Shanshan) Co., Ltd)',
    );
    expect(renamed).not.toBe(page);
    server.serve('/uflpa-1', { body: renamed });
    const { db, refresher, progress } = await setUp('/uflpa-1');
    expect((await uflpaRows(db)).entities).toBe(92);
    const outcome = await refresher.refresh(UFLPA);
    expect(outcome.outcome).toBe('read');
    const { entities, source } = await uflpaRows(db);
    expect(entities).toBe(82);
    expect(source).toMatchObject({ version: 'dhs.gov, latest listing 2025-01-15', partial: false, coverage: { rows: 82, verifiedRows: 82, incomplete: false, coversUntil: '2025-01-15' } });
    expect(source.note).toBeUndefined();
    expect(source.fetch).toMatchObject({ status: 'ok', itemCount: 82, nextAttemptAt: '2026-12-04T12:00:00.000Z' });
    expect(source.fetch?.refreshingSince).toBeUndefined();
    const changes = (await lastListChanges(db, UFLPA))!;
    expect(changes.previousVersion).toBe('reconstructed 2026-12-03');
    // The 10 shipped rows the page lacks (unverified, undated or without a section) are removed; one was renamed.
    expect(changes.changes.renamed).toContainEqual(expect.objectContaining({ from: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', to: 'Hoshine Silicon Group (Shanshan) Co., Ltd' }));
    expect(changes.changes.removed).toHaveLength(10);
    expect(changes.changes.added).toHaveLength(0);
    expect(progress).toEqual(['fetching', 'parsing', 'saving', 'done']);
  });

  it('sends the validators back and changes nothing on a 304', async () => {
    server.serve('/uflpa-2', { body: page });
    const { db, refresher, clock } = await setUp('/uflpa-2');
    await refresher.refresh(UFLPA);
    const first = await uflpaRows(db);
    clock.now = new Date('2026-12-04T13:00:00Z');
    expect(await refresher.refreshDue()).toEqual([{ sourceId: UFLPA, outcome: 'not-modified' }]);
    const conditional = server.requests.filter((r) => r.path === '/uflpa-2');
    expect(conditional[1]!.headers['if-none-match']).toBe(first.source.fetch!.etag);
    const second = await uflpaRows(db);
    expect(second.source.loadedAt).toBe(first.source.loadedAt);
    expect(second.source.fetch).toMatchObject({ status: 'not-modified', nextAttemptAt: '2026-12-05T13:00:00.000Z' });
    expect(await refresher.refreshDue()).toEqual([]); // not due again until tomorrow
  });

  it('keeps the last good list when the server is busy, waiting as long as Retry-After asks', async () => {
    server.serve('/uflpa-busy', { status: 503, headers: { 'retry-after': '7200' } });
    const { db, refresher } = await setUp('/uflpa-busy');
    const outcome = await refresher.refresh(UFLPA);
    expect(outcome).toEqual({ sourceId: UFLPA, outcome: 'failed', error: `${server.base}/uflpa-busy: the server answered HTTP 503 Service Unavailable` });
    const { entities, source } = await uflpaRows(db);
    expect(entities).toBe(92);
    expect(source).toMatchObject({ version: 'reconstructed 2026-12-03', partial: true });
    expect(source.fetch).toMatchObject({ status: 'failed', consecutiveFailures: 1, nextAttemptAt: '2026-12-03T14:00:00.000Z', lastError: outcome.outcome === 'failed' ? outcome.error : '' });
  });

  it('backs off on 429 too, doubling the wait', async () => {
    server.serve('/uflpa-429', { status: 429 });
    const { db, refresher, clock } = await setUp('/uflpa-429');
    await refresher.refresh(UFLPA);
    expect((await uflpaRows(db)).source.fetch?.nextAttemptAt).toBe('2026-12-03T12:15:00.000Z');
    clock.now = new Date('2026-12-03T12:15:00Z');
    await refresher.refreshDue();
    expect((await uflpaRows(db)).source.fetch).toMatchObject({ consecutiveFailures: 2, nextAttemptAt: '2026-12-03T12:45:00.000Z' });
  });

  it('keeps the last good list when the page changed shape, and says why', async () => {
    server.serve('/uflpa-moved', { body: '<html><body><h1>UFLPA Entity List</h1><p>See the new list.</p></body></html>' });
    const { db, refresher } = await setUp('/uflpa-moved');
    await refresher.refresh(UFLPA);
    const { entities, source } = await uflpaRows(db);
    expect(entities).toBe(92);
    expect(source.fetch?.lastError).toBe(`${server.base}/uflpa-moved: found no table with a "Name of Entity" column; the page may have changed`);
  });

  it('resumes a refresh cut short: the old list is whole, and the list is due at once', async () => {
    server.serve('/uflpa-3', { body: page });
    const { db, refresher } = await setUp('/uflpa-3');
    await refresher.refresh(UFLPA);
    // A worker stopped after marking the refresh: nothing else was written.
    await markRefreshing(db, UFLPA, new Date('2026-12-03T12:30:00Z'));
    expect((await uflpaRows(db)).entities).toBe(82);
    const outcomes = await refresher.refreshDue();
    expect(outcomes.map((o) => o.outcome)).toEqual(['not-modified']);
    const { entities, flags, source } = await uflpaRows(db);
    expect([entities, flags]).toEqual([82, 82]);
    expect(source.fetch?.refreshingSince).toBeUndefined();
  });

  it('keeps a refreshed list when a new build reinstalls the defaults', async () => {
    server.serve('/uflpa-4', { body: page });
    const { db, refresher } = await setUp('/uflpa-4');
    await refresher.refresh(UFLPA);
    await installDefaultData(db, { ...defaults, builtFrom: 'a newer build' });
    const { entities, source } = await uflpaRows(db);
    expect(entities).toBe(82);
    expect(source.refresh).toEqual({ parser: 'uflpa-page', intervalHours: 24 });
  });

  it('sends one request at a time to a host', async () => {
    server.serve('/slow-a', { body: page, delayMs: 150 });
    server.serve('/slow-b', { body: page, delayMs: 150 });
    const { db, refresher } = await setUp('/slow-a');
    await enableListRefresh(db, 'us-cbp-wro', `${server.base}/slow-b`, { parser: 'cbp-page', intervalHours: 24 });
    server.maxInFlight = 0;
    await Promise.all([refresher.refresh(UFLPA), refresher.refresh('us-cbp-wro')]);
    expect(server.maxInFlight).toBe(1);
  });
});

describe('refreshing CBP orders from the page and the CSV it links', () => {
  it('follows the page to the CSV and loads the active orders', async () => {
    const csvPath = '/sites/default/files/2025-12/withhold-release-orders-findings-fy26-dec.csv';
    server.serve('/cbp', { body: fixture('cbp_withhold_release_orders_findings.html') });
    server.serve(csvPath, { body: fixture('withhold-release-orders-findings-fy26-dec.csv'), headers: { 'content-type': 'text/csv' } });
    const { db, refresher } = await setUp('/uflpa-unused');
    await enableListRefresh(db, 'us-cbp-wro', `${server.base}/cbp`, { parser: 'cbp-page', intervalHours: 24 });
    const outcome = await refresher.refresh('us-cbp-wro');
    expect(outcome.outcome).toBe('read');
    const source = (await db.sources.get('us-cbp-wro'))!;
    expect(source.version).toBe('cbp.gov withhold-release-orders-findings-fy26-dec.csv');
    expect(await db.flags.where('sourceId').equals('us-cbp-wro').count()).toBeGreaterThan(20);
  });
});

describe('a FollowTheMoney list added by address', () => {
  it('is read into its own list, whatever the address (a port included)', async () => {
    const ftm = (await import('node:fs')).readFileSync(new URL('../../fixtures/ftm/yente_zala_cluster.ftm.jsonl', import.meta.url), 'utf8');
    server.serve('/datasets/zala/entities.ftm.json', { body: ftm });
    const { db, refresher } = await setUp('/unused');
    const source = await addListSource(db, { title: 'ZALA', url: `${server.base}/datasets/zala/entities.ftm.json`, refresh: { parser: 'ftm', intervalHours: 24, flagType: 'forced_labour' } });
    expect(source.id).toMatch(/^list-127-0-0-1-\d+-[0-9a-z]+$/);
    const outcome = await refresher.refresh(source.id);
    expect(outcome.outcome === 'read' && outcome.record.changes.added).toHaveLength(11);
    expect(await db.entities.where('sourceId').equals(source.id).count()).toBe(11);
  });
});
