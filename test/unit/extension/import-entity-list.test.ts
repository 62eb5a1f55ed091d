// Importing a FollowTheMoney file from the options page into the knowledge base (Dexie on fake-indexeddb).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importEntityList, importedListId, removeEntityList, type ListProgress } from '../../../src/extension/import-entity-list';
import { readMatcherSelfie } from '../../../src/kb/matcher-selfie';
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
  it('reports every phase (read, store, compile), stores its companies with one flag each of the chosen meaning, and saves the new matcher', async () => {
    const db = freshDb();
    const progress: ListProgress[] = [];
    const file = new File([zala], 'zala.ftm.jsonl', { lastModified: Date.UTC(2026, 5, 3) });
    const { source, report } = await importEntityList(
      db,
      file,
      { title: 'ZALA sanctions cluster', meaning: 'sanctions', evidenceUrl: 'https://example.org/list' },
      (p) => progress.push(p),
    );
    expect(source).toMatchObject({ id: importedListId('ZALA sanctions cluster'), kind: 'entity-list', version: '2026-06-03', partial: false, meaning: 'sanctions' });
    expect(report.imported).toBe(11);
    expect(report.skippedBySchema).toMatchObject({ Person: 6 });
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['read', 'store', 'compile']);
    const last = (phase: string) => progress.filter((p) => p.phase === phase).at(-1)!;
    expect(last('read').done).toBe(last('read').total);
    expect(last('store')).toEqual({ phase: 'store', done: 22, total: 22 });
    expect(await db.entities.where('sourceId').equals(source.id).count()).toBe(11);
    const flags = await db.flags.where('sourceId').equals(source.id).toArray();
    expect(flags).toHaveLength(11);
    expect(new Set(flags.map((f) => f.type))).toEqual(new Set(['sanctions']));
    expect(await knowledgeRevision(db)).toBe(1);
    expect((await readMatcherSelfie(db))?.revision).toBe(1);
  });

  it('has no default meaning: an import without one is refused, and a watch list gets no flag', async () => {
    const db = freshDb();
    const file = new File([zala], 'zala.ftm.jsonl');
    await expect(importEntityList(db, file, { title: 'ZALA' } as never)).rejects.toThrow(/Choose what being on this list means/);
    expect(await db.entities.count()).toBe(0);
    const { source } = await importEntityList(db, file, { title: 'ZALA', meaning: 'watch' });
    expect(source.meaning).toBe('watch');
    expect(await db.flags.count()).toBe(0);
  });

  it('removes a list with progress and saves the matcher without it', async () => {
    const db = freshDb();
    const { source } = await importEntityList(db, new File([zala], 'zala.ftm.jsonl'), { title: 'ZALA', meaning: 'forced_labour' });
    const progress: ListProgress[] = [];
    await removeEntityList(db, source.id, (p) => progress.push(p));
    expect(progress.find((p) => p.phase === 'remove' && p.done === p.total)).toEqual({ phase: 'remove', done: 22, total: 22 });
    expect(progress.at(-1)).toEqual({ phase: 'compile', done: 1, total: 1 });
    expect(await db.entities.count()).toBe(0);
    expect((await readMatcherSelfie(db))?.revision).toBe(await knowledgeRevision(db));
  });

  it('replaces the list when imported again under the same name, and removes it on request', async () => {
    const db = freshDb();
    const file = new File([zala], 'zala.ftm.jsonl');
    await importEntityList(db, file, { title: 'ZALA', meaning: 'watch' });
    const { source } = await importEntityList(db, file, { title: 'ZALA', meaning: 'watch' });
    expect(await db.entities.where('sourceId').equals(source.id).count()).toBe(11);
    expect(await db.flags.count()).toBe(0);
    await removeList(db, source.id);
    expect(await db.entities.count()).toBe(0);
    expect(await db.sources.get(source.id)).toBeUndefined();
  });

  it('refuses files that are not UTF-8 JSON lines of companies, naming the file, and keeps what was there', async () => {
    const db = freshDb();
    await importEntityList(db, new File([zala], 'zala.ftm.jsonl'), { title: 'ZALA', meaning: 'watch' });
    await expect(importEntityList(db, new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])], 'bad.jsonl'), { title: 'ZALA', meaning: 'watch' })).rejects.toThrow(/bad\.jsonl: not UTF-8/);
    await expect(importEntityList(db, new File(['{"id":"p1","schema":"Person","properties":{"name":["A B"]}}\n'], 'people.jsonl'), { title: 'ZALA', meaning: 'watch' })).rejects.toThrow(/people\.jsonl: no companies or organisations/);
    await expect(importEntityList(db, new File([zala], 'z.jsonl'), { title: 'ZALA', meaning: 'watch', evidenceUrl: 'javascript:alert(1)' })).rejects.toThrow(/must start with http/);
    expect(await db.entities.count()).toBe(11);
  });
});
