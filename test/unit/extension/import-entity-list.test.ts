// Importing a FollowTheMoney file from the options page into the knowledge base (Dexie on fake-indexeddb).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importEntityList, importedListId } from '../../../src/extension/import-entity-list';
import { openKnowledgeDb, type KnowledgeDb } from '../../../src/kb/db';
import { knowledgeRevision, removeList } from '../../../src/kb/lists';

const zala = readFileSync(new URL('../../fixtures/ftm/yente_zala_cluster.ftm.jsonl', import.meta.url));
const dbs: KnowledgeDb[] = [];
let n = 0;
function freshDb(): KnowledgeDb {
  const db = openKnowledgeDb(`import-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('importing an entity list', () => {
  it('streams the file with progress and stores its companies with one flag each, under one list', async () => {
    const db = freshDb();
    const progress: number[] = [];
    const file = new File([zala], 'zala.ftm.jsonl', { lastModified: Date.UTC(2026, 5, 3) });
    const { source, report } = await importEntityList(
      db,
      file,
      { title: 'ZALA sanctions cluster', flagType: 'import_ban', evidenceUrl: 'https://example.org/list' },
      (read, total) => progress.push(read / total),
    );
    expect(source).toMatchObject({ id: importedListId('ZALA sanctions cluster'), kind: 'entity-list', version: '2026-06-03', partial: false });
    expect(report.imported).toBe(11);
    expect(report.skippedBySchema).toMatchObject({ Person: 6, Sanction: 41 });
    expect(progress.at(-1)).toBe(1);
    expect(await db.entities.where('sourceId').equals(source.id).count()).toBe(11);
    expect(await db.flags.where('sourceId').equals(source.id).count()).toBe(11);
    expect(await knowledgeRevision(db)).toBe(1);
  });

  it('replaces the list when imported again under the same name, and removes it on request', async () => {
    const db = freshDb();
    const file = new File([zala], 'zala.ftm.jsonl');
    await importEntityList(db, file, { title: 'ZALA' });
    const { source } = await importEntityList(db, file, { title: 'ZALA' });
    expect(await db.entities.where('sourceId').equals(source.id).count()).toBe(11);
    expect(await db.flags.count()).toBe(0);
    await removeList(db, source.id);
    expect(await db.entities.count()).toBe(0);
    expect(await db.sources.get(source.id)).toBeUndefined();
  });

  it('refuses files that are not UTF-8 JSON lines of companies, naming the file, and keeps what was there', async () => {
    const db = freshDb();
    await importEntityList(db, new File([zala], 'zala.ftm.jsonl'), { title: 'ZALA' });
    await expect(importEntityList(db, new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])], 'bad.jsonl'), { title: 'ZALA' })).rejects.toThrow(/bad\.jsonl: not UTF-8/);
    await expect(importEntityList(db, new File(['{"id":"p1","schema":"Person","properties":{"name":["A B"]}}\n'], 'people.jsonl'), { title: 'ZALA' })).rejects.toThrow(/people\.jsonl: no companies or organisations/);
    await expect(importEntityList(db, new File([zala], 'z.jsonl'), { title: 'ZALA', evidenceUrl: 'javascript:alert(1)' })).rejects.toThrow(/must start with http/);
    expect(await db.entities.count()).toBe(11);
  });
});
