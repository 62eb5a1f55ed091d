// The background's side of list sources: an alarm per list at its next attempt, refreshes through the list
// refresher (host permission checked), refreshes cut short by a stopped worker resumed at start-up, and the
// options page's requests (status with progress, switch on, add, remove, test, refresh now).
import { browser } from '../browser';
import type { KnowledgeDb } from '../../kb/db';
import { removeList } from '../../kb/lists';
import { addListSource, currentEntities, disableListRefresh, enableListRefresh, lastListChanges } from '../../sources/list-store';
import { ListRefresher, type ListProgress } from '../../sources/list-refresher';
import { officialList, OFFICIAL_LISTS } from '../../sources/official-lists';
import { refreshList } from '../../sources/refresh-list';
import type { Source } from '../../core/types';
import type { ListRequest, ListSourceStatus, ListTestResult, WatchReplies } from '../watch-messages';

export const LIST_ALARM_PREFIX = 'tenderlens-list:';

export class ListService {
  private readonly refresher: ListRefresher;
  private readonly progress = new Map<string, ListProgress>();

  constructor(private readonly db: KnowledgeDb, private readonly fetchImpl: typeof fetch, private readonly onListChanged: () => void) {
    this.refresher = new ListRefresher(db, {
      fetch: fetchImpl,
      onProgress: (p) => {
        this.progress.set(p.sourceId, p);
        browser.runtime.sendMessage({ type: 'tenderlens-list-progress', progress: p }).catch(() => undefined);
      },
    });
  }

  /** At start-up: resume refreshes cut short, and make sure every list has its alarm. */
  async start(): Promise<void> {
    await this.refreshDue();
  }

  async onAlarm(name: string): Promise<boolean> {
    if (!name.startsWith(LIST_ALARM_PREFIX)) return false;
    await this.refreshDue();
    return true;
  }

  private async refreshDue(): Promise<void> {
    const outcomes = await this.refresher.refreshDue();
    if (outcomes.some((o) => o.outcome === 'read')) this.onListChanged();
    await this.scheduleAlarms();
  }

  private async scheduleAlarms(): Promise<void> {
    for (const source of await this.db.sources.toArray()) {
      const name = `${LIST_ALARM_PREFIX}${source.id}`;
      if (!source.refresh) {
        await browser.alarms.clear(name);
        continue;
      }
      const next = Date.parse(source.fetch?.nextAttemptAt ?? '');
      await browser.alarms.create(name, { when: Number.isNaN(next) ? Date.now() + 60_000 : Math.max(next, Date.now() + 30_000) });
    }
  }

  private async status(source: Source): Promise<ListSourceStatus> {
    const [entities, flags, lastChanges] = await Promise.all([
      this.db.entities.where('sourceId').equals(source.id).count(),
      this.db.flags.where('sourceId').equals(source.id).count(),
      lastListChanges(this.db, source.id),
    ]);
    const status: ListSourceStatus = { sourceId: source.id, title: source.title, url: source.url, version: source.version, official: !!officialList(source.id), rows: entities || flags };
    if (source.refresh) status.refresh = source.refresh;
    if (source.fetch) status.fetch = source.fetch;
    if (source.loadedAt) status.loadedAt = source.loadedAt;
    const progress = this.progress.get(source.id);
    if (progress) status.progress = progress;
    if (lastChanges) status.lastChanges = lastChanges;
    return status;
  }

  private async statusOf(sourceId: string): Promise<ListSourceStatus> {
    const source = await this.db.sources.get(sourceId);
    if (!source) throw new Error(`No list "${sourceId}".`);
    return this.status(source);
  }

  async handle(request: ListRequest): Promise<WatchReplies[ListRequest['type']]> {
    switch (request.type) {
      case 'list-sources': {
        const sources = (await this.db.sources.toArray()).filter((s) => s.refresh || officialList(s.id));
        return Promise.all(sources.map((s) => this.status(s)));
      }
      case 'enable-list-refresh': {
        const official = officialList(request.sourceId);
        if (!official) throw new Error(`"${request.sourceId}" is not an official list TenderLens can read.`);
        await enableListRefresh(this.db, official.sourceId, official.url, official.refresh);
        void this.refreshNow(official.sourceId);
        return true;
      }
      case 'disable-list-refresh':
        await disableListRefresh(this.db, request.sourceId);
        await browser.alarms.clear(`${LIST_ALARM_PREFIX}${request.sourceId}`);
        return true;
      case 'add-list-source': {
        const source = await addListSource(this.db, request);
        void this.refreshNow(source.id);
        return this.status(source);
      }
      case 'remove-list-source':
        if (officialList(request.sourceId)) throw new Error('A shipped official list cannot be removed; switch its refresh off instead.');
        await removeList(this.db, request.sourceId);
        await browser.alarms.clear(`${LIST_ALARM_PREFIX}${request.sourceId}`);
        this.onListChanged();
        return true;
      case 'refresh-list':
        await this.refreshNow(request.sourceId);
        return this.statusOf(request.sourceId);
      case 'test-list-source':
        return this.test(request.url, request.refresh);
    }
  }

  private async refreshNow(sourceId: string): Promise<void> {
    const outcome = await this.refresher.refresh(sourceId);
    if (outcome.outcome === 'read') this.onListChanged();
    await this.scheduleAlarms();
  }

  /** Reads a list without keeping anything: what a subscription to it would load. */
  private async test(url: string, refresh: Source['refresh']): Promise<ListTestResult> {
    const probe: Source = { id: 'list-test', kind: 'entity-list', title: 'test', publisher: '', url, licence: '', version: '', partial: true, ...(refresh ? { refresh } : {}) };
    const result = await refreshList(probe, await currentEntities(this.db, 'list-test'), { fetch: this.fetchImpl });
    if (result.outcome !== 'read') throw new Error(`${url}: the server answered 304 to an unconditional request`);
    const { snapshot } = result;
    return { entities: snapshot.entities.length, flags: snapshot.flags.length, version: snapshot.version, sample: snapshot.entities.slice(0, 5).map((e) => e.name) };
  }
}

export { OFFICIAL_LISTS };
