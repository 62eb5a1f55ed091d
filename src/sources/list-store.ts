// Storing list refreshes in the knowledge base: a successful read replaces the list's rows and records what
// changed in one transaction (the previous version stays until the new one is complete); a failure records only
// why, keeping the last good list; a refresh under way is marked so a worker stopped mid-way resumes it.
import type { ListCoverage, ListRefreshSettings, Source, SourceFetchState } from '../core/types';
import { fromEntityRow, type KnowledgeDb } from '../kb/db';
import { replaceListRows } from '../kb/lists';
import { nextFetchState } from '../scanner/feed-schedule';
import { slugify } from '../data/slug';
import type { ListChanges } from './list-diff';
import type { ListRefreshResult } from './refresh-list';

export { keepStoredList, withStoredRefresh } from './stored-refresh';

export interface ListChangeRecord {
  at: string;
  version: string;
  previousVersion: string;
  changes: ListChanges;
}

const changesKey = (sourceId: string) => `list-changes:${sourceId}`;
const HOUR_MS = 3_600_000;

export async function currentEntities(db: KnowledgeDb, sourceId: string) {
  return (await db.entities.where('sourceId').equals(sourceId).toArray()).map(fromEntityRow);
}

export async function markRefreshing(db: KnowledgeDb, sourceId: string, now: Date): Promise<void> {
  await db.sources.where('id').equals(sourceId).modify((source: Source) => {
    source.fetch = { ...source.fetch, refreshingSince: now.toISOString() };
  });
}

/** Lists whose refresh was cut short (the worker stopped before it finished). */
export async function interruptedRefreshes(db: KnowledgeDb): Promise<Source[]> {
  return (await db.sources.toArray()).filter((s) => s.refresh && s.fetch?.refreshingSince);
}

function scheduled(state: SourceFetchState, settings: ListRefreshSettings, now: Date): SourceFetchState {
  const next = { ...state };
  delete next.refreshingSince;
  if (state.status !== 'failed') next.nextAttemptAt = new Date(now.getTime() + settings.intervalHours * HOUR_MS).toISOString();
  return next;
}

/** Saves a refresh's outcome. A read replaces the rows, version and coverage, and records the changes. */
export async function saveListRefresh(db: KnowledgeDb, sourceId: string, result: ListRefreshResult, now: Date): Promise<ListChangeRecord | undefined> {
  return db.transaction('rw', [db.sources, db.entities, db.flags, db.riskCategories, db.cpv, db.facilities, db.meta], async () => {
    const source = await db.sources.get(sourceId);
    if (!source?.refresh) return undefined; // removed while it was being read
    if (result.outcome === 'not-modified') {
      await db.sources.put({ ...source, fetch: scheduled(nextFetchState(source.fetch, { outcome: 'not-modified' }, now), source.refresh, now) });
      return undefined;
    }
    const { snapshot, changes } = result;
    const fetch = scheduled(
      nextFetchState(source.fetch, { outcome: 'read', itemCount: snapshot.entities.length || snapshot.flags.length, ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) }, now),
      source.refresh,
      now,
    );
    const coverage: ListCoverage = { rows: snapshot.flags.length, verifiedRows: snapshot.flags.length, secondaryRows: 0, unverifiedRows: 0, incomplete: false, ...(snapshot.listDate ? { coversUntil: snapshot.listDate } : {}) };
    const updated: Source = { ...source, version: snapshot.version, partial: false, coverage, fetch };
    delete updated.note;
    await replaceListRows(db, updated, { entities: snapshot.entities, flags: snapshot.flags }, now);
    // replaceListRows stamps loadedAt with `now`, which is also the fetch state's lastSuccessAt.
    const record: ListChangeRecord = { at: now.toISOString(), version: snapshot.version, previousVersion: source.version, changes };
    await db.meta.put({ key: changesKey(sourceId), value: record });
    return record;
  });
}

/** Records a failed refresh: the list stays as it was; the error and the next attempt (backed off) are kept. */
export async function recordListFailure(db: KnowledgeDb, sourceId: string, error: string, now: Date, retryAfterSeconds?: number): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(sourceId);
    if (!source?.refresh) return;
    const state = nextFetchState(source.fetch, { outcome: 'failed', error, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) }, now);
    await db.sources.put({ ...source, fetch: scheduled(state, source.refresh, now) });
  });
}

export async function lastListChanges(db: KnowledgeDb, sourceId: string): Promise<ListChangeRecord | undefined> {
  return (await db.meta.get(changesKey(sourceId)))?.value as ListChangeRecord | undefined;
}

/** Switches on the refresh of a list already in the knowledge base (a shipped official list). */
export async function enableListRefresh(db: KnowledgeDb, sourceId: string, url: string, refresh: ListRefreshSettings): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(sourceId);
    if (!source) throw new Error(`No list "${sourceId}" in the knowledge base.`);
    await db.sources.put({ ...source, url, refresh });
  });
}

export async function disableListRefresh(db: KnowledgeDb, sourceId: string): Promise<void> {
  await db.sources.where('id').equals(sourceId).modify((source: Source) => {
    delete source.refresh;
    delete source.fetch;
  });
}

/** Adds a list the user subscribes to by address (FtM or CSV); its rows come with its first refresh. */
export async function addListSource(db: KnowledgeDb, input: { title: string; url: string; refresh: ListRefreshSettings }): Promise<Source> {
  const url = new URL(input.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${input.url}: only http and https lists can be read`);
  const id = `list-${slugify(url.host)}-${[...url.pathname].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36)}`;
  const source: Source = {
    id, kind: 'entity-list', title: input.title.trim() || url.host, publisher: url.host, url: url.href, licence: 'as published at the address',
    version: 'not read yet', partial: true, note: 'Not read yet.', refresh: input.refresh,
  };
  await db.sources.put(source);
  return source;
}
