// Loading lists into the knowledge base: the first-run defaults in one transaction, and the atomic
// replacement of one list's rows when that list is updated (all of its old rows go, all new rows come, or nothing).
import type { CpvEntry, DefaultData, Entity, Facility, Flag, RiskCategory, Source } from '../core/types';
import { toEntityRow, type KnowledgeDb } from './db';
import { keepStoredList, withStoredRefresh } from '../sources/stored-refresh';

export interface ListRows {
  entities?: readonly Entity[];
  flags?: readonly Flag[];
  riskCategories?: readonly RiskCategory[];
  cpv?: readonly CpvEntry[];
  facilities?: readonly Facility[];
}

const REVISION_KEY = 'revision';
/** Rows written or deleted per step, so a long list reports its progress and the page stays responsive. */
const CHUNK = 5000;

/** Progress of a long write: rows done out of the total. */
export type RowProgress = (done: number, total: number) => void;
const DEFAULTS_KEY = 'defaultsBuiltFrom';

/** Replaces every row of `source` in the tables named in `rows`, and bumps the knowledge-base revision. */
export async function replaceListRows(db: KnowledgeDb, source: Source, rows: ListRows, now = new Date(), onProgress?: RowProgress): Promise<void> {
  await db.transaction('rw', [db.sources, db.entities, db.flags, db.riskCategories, db.cpv, db.facilities, db.meta], () =>
    writeListRows(db, source, rows, now, onProgress),
  );
}

async function writeListRows(db: KnowledgeDb, source: Source, rows: ListRows, now: Date, onProgress?: RowProgress): Promise<void> {
  const total = Object.values(rows).reduce((n, list: readonly unknown[] | undefined) => n + (list?.length ?? 0), 0);
  let done = 0;
  const putAll = async <T>(table: { bulkPut(items: readonly T[]): Promise<unknown> }, items: readonly T[]) => {
    for (let at = 0; at < items.length; at += CHUNK) {
      await table.bulkPut(items.slice(at, at + CHUNK));
      done += Math.min(CHUNK, items.length - at);
      onProgress?.(done, total);
    }
  };
  const sourceId = source.id;
  const own = <T extends { sourceId: string }>(items: readonly T[], table: string): T[] => {
    const stray = items.find((i) => i.sourceId !== sourceId);
    if (stray) throw new Error(`List ${sourceId}: a ${table} row belongs to source ${stray.sourceId}.`);
    return [...items];
  };
  if (rows.entities) {
    await db.entities.where('sourceId').equals(sourceId).delete();
    await putAll(db.entities, own(rows.entities, 'entities').map(toEntityRow));
  }
  if (rows.flags) {
    await db.flags.where('sourceId').equals(sourceId).delete();
    await putAll(db.flags, own(rows.flags, 'flags'));
  }
  if (rows.riskCategories) {
    await db.riskCategories.where('sourceId').equals(sourceId).delete();
    await putAll(db.riskCategories, rows.riskCategories.map((c) => ({ ...c, sourceId })));
  }
  if (rows.cpv) {
    await db.cpv.where('sourceId').equals(sourceId).delete();
    await putAll(db.cpv, rows.cpv.map((c) => ({ ...c, sourceId })));
  }
  if (rows.facilities) {
    await db.facilities.where('sourceId').equals(sourceId).delete();
    await putAll(db.facilities, own(rows.facilities, 'facilities'));
  }
  await db.sources.put({ ...source, loadedAt: now.toISOString() });
  const revision = ((await db.meta.get(REVISION_KEY))?.value as number | undefined) ?? 0;
  await db.meta.put({ key: REVISION_KEY, value: revision + 1 });
}

/** Which source each table's rows of the default data belong to. */
function splitBySource(data: DefaultData): Map<string, ListRows> {
  const bySource = new Map<string, ListRows>(data.sources.map((s) => [s.id, {}]));
  const add = <K extends keyof ListRows>(sourceId: string, key: K, row: NonNullable<ListRows[K]>[number]) => {
    const rows = bySource.get(sourceId);
    if (!rows) throw new Error(`Default data: a ${key} row names unknown source "${sourceId}".`);
    ((rows[key] ??= []) as unknown[]).push(row);
  };
  for (const e of data.entities) add(e.sourceId, 'entities', e);
  for (const f of data.flags) add(f.sourceId, 'flags', f);
  const cpvSource = data.sources.find((s) => s.kind === 'reference' && s.id.includes('cpv'));
  const mapSource = data.sources.find((s) => s.kind === 'reference' && s.id.includes('risk-map'));
  if (!cpvSource || !mapSource) throw new Error('Default data: the CPV and risk-map reference sources are missing.');
  for (const c of data.cpv) add(cpvSource.id, 'cpv', c);
  for (const c of data.riskCategories) add(mapSource.id, 'riskCategories', c);
  return bySource;
}

/**
 * Loads the shipped default data on first run (and again when a new build ships different defaults),
 * all lists in one transaction. User decisions, alerts and lists the user added are left untouched.
 */
export async function installDefaultData(db: KnowledgeDb, data: DefaultData, now = new Date()): Promise<boolean> {
  const bySource = splitBySource(data);
  return db.transaction('rw', [db.sources, db.entities, db.flags, db.riskCategories, db.cpv, db.facilities, db.meta], async () => {
    if ((await db.meta.get(DEFAULTS_KEY))?.value === data.builtFrom) return false;
    for (const source of data.sources) {
      const stored = await db.sources.get(source.id);
      if (keepStoredList(stored)) continue; // read from its publisher since: newer than the shipped copy
      await writeListRows(db, withStoredRefresh(source, stored), bySource.get(source.id) ?? {}, now);
    }
    await db.meta.put({ key: DEFAULTS_KEY, value: data.builtFrom });
    return true;
  });
}

/** Removes a list and all its rows, in one transaction (user decisions stay: they are the user's). */
export async function removeList(db: KnowledgeDb, sourceId: string, onProgress?: RowProgress): Promise<void> {
  type RowTable = { where(i: string): { equals(v: string): { primaryKeys(): Promise<unknown[]> } }; bulkDelete(keys: unknown[]): Promise<void> };
  const tables = [db.entities, db.flags, db.riskCategories, db.cpv, db.facilities] as unknown as RowTable[];
  await db.transaction('rw', [db.sources, db.entities, db.flags, db.riskCategories, db.cpv, db.facilities, db.meta], async () => {
    const keys = await Promise.all(tables.map((table) => table.where('sourceId').equals(sourceId).primaryKeys()));
    const total = keys.reduce((n, k) => n + k.length, 0);
    let done = 0;
    for (const [i, table] of tables.entries()) {
      const own = keys[i]!;
      for (let at = 0; at < own.length; at += CHUNK) {
        await table.bulkDelete(own.slice(at, at + CHUNK));
        done += Math.min(CHUNK, own.length - at);
        onProgress?.(done, total);
      }
    }
    await db.sources.delete(sourceId);
    const revision = ((await db.meta.get(REVISION_KEY))?.value as number | undefined) ?? 0;
    await db.meta.put({ key: REVISION_KEY, value: revision + 1 });
  });
}

export async function knowledgeRevision(db: KnowledgeDb): Promise<number> {
  return ((await db.meta.get(REVISION_KEY))?.value as number | undefined) ?? 0;
}

/** The `builtFrom` of the shipped data installed last, if any. */
export async function installedDefaultsStamp(db: KnowledgeDb): Promise<string | undefined> {
  const value = (await db.meta.get(DEFAULTS_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The knowledge revision, read with the installed-defaults key in one request: undefined when the defaults are not in. */
export async function installedRevision(db: KnowledgeDb): Promise<number | undefined> {
  const [defaults, revision] = await db.meta.bulkGet([DEFAULTS_KEY, REVISION_KEY]);
  if (defaults === undefined) return undefined;
  return (revision?.value as number | undefined) ?? 0;
}

/** Whether the shipped default lists are in the knowledge base (an emptied or recreated database has none). */
export async function defaultDataInstalled(db: KnowledgeDb): Promise<boolean> {
  return (await db.meta.get(DEFAULTS_KEY)) !== undefined;
}

const LOST_KEY = 'knowledgeLostAt';

/** Notes that the knowledge base was found emptied (its lists, feeds and decisions gone) and when. */
export async function recordKnowledgeLost(db: KnowledgeDb, at: Date): Promise<void> {
  await db.meta.put({ key: LOST_KEY, value: at.toISOString() });
}

/** When the knowledge base was last found emptied, if it ever was. */
export async function knowledgeLostAt(db: KnowledgeDb): Promise<string | undefined> {
  return (await db.meta.get(LOST_KEY))?.value as string | undefined;
}
