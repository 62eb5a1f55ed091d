// The knowledge base over IndexedDB (Dexie on fake-indexeddb): first-run install of the shipped defaults,
// atomic list replacement, and schema upgrades that lose nothing.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { DefaultData, Decision, Entity, Flag, Source } from '../../../src/core/types';
import { openKnowledgeDb, type KnowledgeDb } from '../../../src/kb/db';
import { installDefaultData, knowledgeRevision, replaceListRows } from '../../../src/kb/lists';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/kb/schema';
import { buildDefaultData } from '../../../src/build/build-default-data';

let defaults: DefaultData;
let counter = 0;
const opened: KnowledgeDb[] = [];

function freshDb(): KnowledgeDb {
  const db = openKnowledgeDb(`kb-test-${counter++}`);
  opened.push(db);
  return db;
}

beforeAll(async () => {
  defaults = await buildDefaultData();
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const decision: Decision = {
  id: 'dismissed:everywhere::x',
  entityId: 'x',
  verdict: 'dismissed',
  scope: 'everywhere',
  scopeKey: '',
  matchedText: 'Camel Group',
  decidedAt: '2026-01-01T00:00:00.000Z',
};

describe('first run', () => {
  it('loads every shipped list, with its rows, in one go, and only once per build', async () => {
    const db = freshDb();
    expect(await installDefaultData(db, defaults)).toBe(true);
    expect(await db.entities.count()).toBe(defaults.entities.length);
    expect(await db.flags.count()).toBe(defaults.flags.length);
    expect(await db.cpv.count()).toBe(defaults.cpv.length);
    expect(await db.riskCategories.count()).toBe(defaults.riskCategories.length);
    expect((await db.sources.toArray()).map((s) => s.id).sort()).toEqual(defaults.sources.map((s) => s.id).sort());
    const revision = await knowledgeRevision(db);
    expect(await installDefaultData(db, defaults)).toBe(false);
    expect(await knowledgeRevision(db)).toBe(revision);
  });

  it('finds entities by identifier and flags by entity through the indexes', async () => {
    const db = freshDb();
    await installDefaultData(db, defaults);
    const flagged = defaults.flags.find((f) => f.entityId);
    expect(flagged).toBeDefined();
    expect(await db.flags.where('entityId').equals(flagged!.entityId!).count()).toBeGreaterThan(0);
    expect(await db.cpv.get('33600000')).toMatchObject({ label: 'Pharmaceutical products' });
  });

  it('every row knows its source', async () => {
    const db = freshDb();
    await installDefaultData(db, defaults);
    const sourceIds = new Set((await db.sources.toArray()).map((s) => s.id));
    for (const table of [db.entities, db.flags, db.cpv, db.riskCategories] as const) {
      const rows = (await (table as Dexie.Table<{ sourceId: string }>).toArray());
      expect(rows.every((r) => sourceIds.has(r.sourceId))).toBe(true);
    }
  });
});

describe('list update', () => {
  const uflpaSource = () => defaults.sources.find((s) => s.kind === 'entity-list')!;

  it('replaces that list’s rows atomically and leaves other lists and user decisions alone', async () => {
    const db = freshDb();
    await installDefaultData(db, defaults);
    await db.decisions.put(decision);
    const source: Source = { ...uflpaSource(), version: 'refreshed', partial: false };
    const entity: Entity = {
      id: `${source.id}:new-entity`, sourceId: source.id, schema: 'Company', name: 'New Entity Co., Ltd.',
      aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: ['CN'],
    };
    const flag: Flag = {
      id: `${source.id}:new-entity:ban`, sourceId: source.id, listVersion: 'refreshed', type: 'import_ban',
      entityId: entity.id, evidenceUrl: 'https://www.dhs.gov/uflpa-entity-list',
    };
    const before = await knowledgeRevision(db);
    const otherFlags = await db.flags.where('sourceId').notEqual(source.id).count();
    await replaceListRows(db, source, { entities: [entity], flags: [flag] });
    expect(await db.entities.where('sourceId').equals(source.id).primaryKeys()).toEqual([entity.id]);
    expect(await db.flags.where('sourceId').equals(source.id).count()).toBe(1);
    expect(await db.flags.where('sourceId').notEqual(source.id).count()).toBe(otherFlags);
    expect((await db.sources.get(source.id))?.version).toBe('refreshed');
    expect(await db.decisions.get(decision.id)).toEqual(decision);
    expect(await knowledgeRevision(db)).toBe(before + 1);
  });

  it('keeps the old rows when the new rows are invalid (all or nothing)', async () => {
    const db = freshDb();
    await installDefaultData(db, defaults);
    const source = uflpaSource();
    const oldIds = await db.entities.where('sourceId').equals(source.id).primaryKeys();
    const stray = { ...defaults.flags.find((f) => f.sourceId !== source.id)! };
    await expect(replaceListRows(db, source, { entities: [], flags: [stray] })).rejects.toThrow(/belongs to source/);
    expect(await db.entities.where('sourceId').equals(source.id).primaryKeys()).toEqual(oldIds);
  });
});

describe('schema upgrades', () => {
  it('the schema history is ordered and ends at the current version', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
  });

  // For every earlier version: create a database as that version left it, fill it, open it with today's code.
  for (const earlier of [...SCHEMA_VERSIONS.slice(0, -1), SCHEMA_VERSIONS.at(-1)!]) {
    it(`upgrades a version ${earlier.version} database without losing a row`, async () => {
      const name = `kb-upgrade-${earlier.version}-${counter++}`;
      const old = new Dexie(name);
      for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= earlier.version)) old.version(v.version).stores(v.stores);
      await old.open();
      const sample = sampleRows(defaults);
      for (const [table, rows] of Object.entries(sample)) {
        if (old.tables.some((t) => t.name === table)) await old.table(table).bulkPut(rows);
      }
      const counts = Object.fromEntries(old.tables.map((t) => [t.name, 0]));
      for (const t of old.tables) counts[t.name] = await t.count();
      old.close();

      const db = openKnowledgeDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      for (const [table, count] of Object.entries(counts)) expect(await db.table(table).count()).toBe(count);
      const kept = await db.decisions.where('entityId').equals(decision.entityId).toArray();
      expect(kept).toEqual([expect.objectContaining({ ...decision, id: expect.any(String) })]);
    });
  }
});

describe('schema version 3 (decisions say who and where; imported lists say what they mean)', () => {
  it('keys a page decision by its address without fragment and tracking parameters, and reads each imported list’s meaning from its flags', async () => {
    const name = `kb-decisions-v2-${counter++}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 2)) old.version(v.version).stores(v.stores);
    await old.open();
    const url = 'https://www.find-tender.service.gov.uk/Notice/008624-2023?utm_source=mail&lot=2#section-5';
    await old.table('decisions').put({ ...decision, id: `page:${url}:x:camel group`, scope: 'page', scopeKey: url });
    const imported = (id: string): Source => ({
      id, kind: 'entity-list', title: id, publisher: 'Imported by you', url: '', licence: '', version: '2026-01-01', partial: false,
    });
    await old.table('sources').bulkPut([imported('import-banned'), imported('import-watched')]);
    await old.table('flags').put({ id: 'f1', sourceId: 'import-banned', listVersion: '2026-01-01', type: 'forced_labour', entityId: 'e1', evidenceUrl: '' });
    old.close();

    const db = openKnowledgeDb(name);
    opened.push(db);
    const [upgraded] = await db.decisions.toArray();
    const key = 'https://www.find-tender.service.gov.uk/Notice/008624-2023?lot=2';
    expect(upgraded).toEqual({ ...decision, scope: 'page', scopeKey: key, id: `page:${key}:x:camel group`, decidedBy: 'you' });
    expect((await db.sources.get('import-banned'))?.meaning).toBe('forced_labour');
    expect((await db.sources.get('import-watched'))?.meaning).toBe('watch');
  });
});

/** An alert as version 1 stored it: no link key, no first-seen time, no confidence or mentions. */
const versionOneAlert = {
  id: 'feed:https://alerts.example.org/feed.rss:item-1',
  sourceId: 'feed:https://alerts.example.org/feed.rss',
  title: 'Camel Group Co., Ltd. added to the UFLPA Entity List',
  url: 'https://alerts.example.org/2023/08/camel-group?utm_source=feed',
  published: '2023-08-02T12:00:00.000Z',
  summary: '',
  entityIds: ['us-dhs-uflpa:camel-group-co-ltd'],
};

const feedSource: Source = {
  id: 'feed:https://alerts.example.org/feed.rss', kind: 'feed', title: 'Supplier alerts', publisher: 'alerts.example.org',
  url: 'https://alerts.example.org/feed.rss', licence: 'as published by the feed', version: 'read 2026-01-01', partial: false,
  fetch: { etag: '"v1"', lastSuccessAt: '2026-01-01T00:00:00.000Z' },
};

describe('schema version 2 (feed alerts)', () => {
  it('gives version 1 alerts their link key, first-seen time and a review confidence, and keeps feed sources', async () => {
    const name = `kb-alerts-v1-${counter++}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await old.open();
    await old.table('alerts').put(versionOneAlert);
    await old.table('sources').put(feedSource);
    old.close();

    const db = openKnowledgeDb(name);
    opened.push(db);
    expect(await db.alerts.get(versionOneAlert.id)).toEqual({
      ...versionOneAlert,
      urlKey: '//alerts.example.org/2023/08/camel-group',
      firstSeenAt: '2023-08-02T12:00:00.000Z',
      confidence: 'review',
      mentions: [],
      // Version 6: no link set aside yet.
      notRelevantEntityIds: [],
    });
    expect(await db.alerts.where('urlKey').equals('//alerts.example.org/2023/08/camel-group').count()).toBe(1);
    expect(await db.alerts.where('entityIds').equals('us-dhs-uflpa:camel-group-co-ltd').count()).toBe(1);
    expect(await db.sources.get(feedSource.id)).toEqual(feedSource);
  });
});

describe('schema version 5 (watchlists)', () => {
  it('adds the watchlist tables to a version 2 database, with one default watchlist, and keeps every row', async () => {
    const name = `kb-watch-v2-${counter++}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 2)) old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('sources').put(feedSource);
    await old.table('decisions').put(decision);
    old.close();

    const db = openKnowledgeDb(name);
    opened.push(db);
    expect((await db.watchlists.toArray()).map((w) => [w.id, w.name, w.notify])).toEqual([['watchlist-default', 'My suppliers', 'immediately']]);
    expect(await db.follows.count()).toBe(0);
    expect(await db.notifications.count()).toBe(0);
    expect(await db.follows.where('entityId').equals('x').count()).toBe(0);
    expect(await db.sources.get(feedSource.id)).toEqual(feedSource);
    // Version 3 re-keys decisions and records who decided; the decision itself is kept.
    expect(await db.decisions.where('entityId').equals('x').toArray()).toEqual([
      expect.objectContaining({ entityId: 'x', verdict: 'dismissed', scope: 'everywhere', matchedText: 'Camel Group', decidedAt: decision.decidedAt }),
    ]);
  });
});

describe('schema version 6 (triage of alerts)', () => {
  it('gives version 5 alerts an empty list of links set aside, indexed, and adds the "not relevant" decisions', async () => {
    const name = `kb-triage-v5-${counter++}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 5)) old.version(v.version).stores(v.stores);
    await old.open();
    const versionFiveAlert = { ...versionOneAlert, urlKey: '//alerts.example.org/2023/08/camel-group', firstSeenAt: '2026-01-01T00:00:00.000Z', confidence: 'high', mentions: [] };
    await old.table('alerts').put(versionFiveAlert);
    old.close();

    const db = openKnowledgeDb(name);
    opened.push(db);
    expect(await db.alerts.get(versionOneAlert.id)).toEqual({ ...versionFiveAlert, notRelevantEntityIds: [] });
    expect(await db.alerts.where('notRelevantEntityIds').equals('us-dhs-uflpa:camel-group-co-ltd').count()).toBe(0);
    expect(await db.notRelevantDecisions.where('linkKey').equals(versionFiveAlert.urlKey).count()).toBe(0);
    await db.alerts.update(versionOneAlert.id, { entityIds: [], notRelevantEntityIds: ['us-dhs-uflpa:camel-group-co-ltd'] });
    expect(await db.alerts.where('notRelevantEntityIds').equals('us-dhs-uflpa:camel-group-co-ltd').count()).toBe(1);
  });
});

function sampleRows(data: DefaultData): Record<string, unknown[]> {
  const entity = data.entities[0]!;
  return {
    sources: [...data.sources.slice(0, 2), feedSource],
    alerts: [versionOneAlert],
    entities: [{ ...entity, identifierKeys: [] }],
    flags: data.flags.slice(0, 5),
    riskCategories: data.riskCategories.slice(0, 2).map((c) => ({ ...c, sourceId: 'tenderlens-risk-map' })),
    cpv: data.cpv.slice(0, 3).map((c) => ({ ...c, sourceId: 'eu-cpv-2008' })),
    decisions: [decision],
    meta: [{ key: 'revision', value: 3 }],
    watchlists: [{ id: 'watchlist-contract-14', name: 'Contract 14', notify: 'daily', createdAt: '2026-12-01T00:00:00.000Z' }],
    notRelevantDecisions: [{ id: `//alerts.example.org/x|${entity.id}`, linkKey: '//alerts.example.org/x', entityId: entity.id, entityName: entity.name, alertTitle: 'x', decidedAt: '2026-12-01T00:00:00.000Z', decidedBy: 'you' }],
    follows: [{ id: `watchlist-contract-14|${entity.id}`, watchlistId: 'watchlist-contract-14', entityId: entity.id, entityName: entity.name, followedAt: '2026-12-01T00:00:00.000Z', readAt: '2026-12-01T00:00:00.000Z' }],
  };
}
