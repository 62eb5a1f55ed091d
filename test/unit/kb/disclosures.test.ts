// Disclosures in the knowledge base (Dexie over fake-indexeddb): schema version 4 opens an earlier database
// without losing a row and adds its tables; a contractor's imports become numbered versions with their
// differences; link decisions and column mappings are kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDisclosureTable } from '@/src/disclosures/parse-disclosure';
import { readTable } from '@/src/disclosures/read-table';
import { openKnowledgeDb, type KnowledgeDb } from '@/src/kb/db';
import { columnMappingFor, latestDisclosures, recordLinkDecision, saveColumnMapping, storeDisclosures } from '@/src/kb/disclosures';
import { SCHEMA_VERSIONS } from '@/src/kb/schema';

const DIR = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
let counter = 0;
const opened: KnowledgeDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
function freshDb(name = `kb-disclosures-${counter++}`): KnowledgeDb {
  const db = openKnowledgeDb(name);
  opened.push(db);
  return db;
}
async function drafts(file: string) {
  return parseDisclosureTable(await readTable(file, new Uint8Array(readFileSync(DIR + file)))).disclosures;
}

describe('schema version 4 (disclosures)', () => {
  it('opens a database of every earlier version with its facilities and decisions intact, and adds the disclosure tables', async () => {
    for (const earlier of SCHEMA_VERSIONS.filter((v) => v.version < 4)) {
      const name = `kb-v4-from-${earlier.version}-${counter++}`;
      const old = new Dexie(name);
      for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= earlier.version)) old.version(v.version).stores(v.stores);
      await old.open();
      const facility = { id: 'osh:1', sourceId: 'osh', name: 'Scavi Hue', address: 'Phong Dien Industrial Zone', country: 'VN', sector: ['Apparel'], products: [] };
      await old.table('facilities').put(facility);
      await old.table('decisions').put({ id: 'd1', entityId: 'x', verdict: 'dismissed', scope: 'everywhere', scopeKey: '', matchedText: 'X', decidedAt: '2026-01-01' });
      old.close();
      const db = freshDb(name);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(4);
      expect(await db.facilities.get('osh:1')).toEqual(facility);
      expect(await db.decisions.count()).toBe(1);
      expect(await db.disclosures.count()).toBe(0);
      await storeDisclosures(db, await drafts('brightline_ict_2026-10.csv'));
      expect(await db.disclosures.where('supplierKey').equals('supplier:brightline ict solutions nv').count()).toBe(1);
    }
  });
});

describe('stored disclosures', () => {
  it('stores a contractor\'s second import as version 2 with its differences, and lists the latest', async () => {
    const db = freshDb();
    await storeDisclosures(db, await drafts('nordkust_workwear_2026-03.csv'));
    const { stored, diffs } = await storeDisclosures(db, await drafts('nordkust_workwear_2026-11.json'));
    expect(stored.map((d) => d.version)).toEqual([2]);
    expect(diffs[0]!.changes.map((c) => c.kind)).toEqual(['products-changed', 'moved', 'products-changed', 'added', 'removed']);
    expect(await db.disclosureDiffs.get('supplier:nordkust workwear bv#2')).toMatchObject({ fromVersion: 1, toVersion: 2 });
    await storeDisclosures(db, await drafts('osh_contributor_list_full_columns.csv'));
    await storeDisclosures(db, await drafts('osh_contributor_list_full_columns.csv'));
    const latest = await latestDisclosures(db);
    expect(latest.map((d) => `${d.kind}:${d.version}`).sort()).toEqual(['disclosure:2', 'facility-list:1']);
    expect(await db.disclosures.count()).toBe(3);
  });

  it('keeps the user\'s link decisions and column mappings', async () => {
    const db = freshDb();
    const d = await recordLinkDecision(db, { facilityRef: 'supplier:a/MY:gallant', knownId: 'list#1/MY:gallant', verdict: 'rejected' }, new Date('2026-12-03T10:00:00Z'));
    expect(await db.facilityLinkDecisions.where('facilityRef').equals('supplier:a/MY:gallant').toArray()).toEqual([d]);
    await saveColumnMapping(db, { layoutKey: 'layout-x-4', headers: ['Plant', 'Where', 'Nation', 'Makes'], fields: ['facility_name', 'facility_address', 'facility_country', 'products'], savedAt: '2026-12-03' });
    expect((await columnMappingFor(db, 'layout-x-4'))?.fields[3]).toBe('products');
  });
});
