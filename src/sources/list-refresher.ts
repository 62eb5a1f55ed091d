// Refreshes the lists that are due, one at a time, through one fetch that sends one request at a time per host:
// marks a refresh as under way, reads and parses the list, then saves the outcome (or the failure) in one
// transaction. Lists whose refresh was cut short by a stopped worker are due at once. Storage is the knowledge base;
// the network and the clock are given, so the same code runs in the background, in the CLI and in tests.
import type { Source } from '../core/types';
import type { KnowledgeDb } from '../kb/db';
import { isFeedDue } from '../scanner/feed-schedule';
import { FeedFetchError } from '../scanner/fetch-feed';
import { oneRequestPerHost } from './host-queue';
import { currentEntities, interruptedRefreshes, markRefreshing, recordListFailure, saveListRefresh, type ListChangeRecord } from './list-store';
import { refreshList, type RefreshStage } from './refresh-list';

export interface ListProgress {
  sourceId: string;
  stage: RefreshStage | 'done' | 'failed';
  error?: string;
}

export interface ListRefresherOptions {
  fetch?: typeof fetch;
  userAgent?: string;
  timeoutMs?: number;
  now?: () => Date;
  onProgress?: (progress: ListProgress) => void;
}

export type ListRefreshOutcome = { sourceId: string; outcome: 'read'; record: ListChangeRecord } | { sourceId: string; outcome: 'not-modified' } | { sourceId: string; outcome: 'failed'; error: string };

export class ListRefresher {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: KnowledgeDb, private readonly options: ListRefresherOptions = {}) {
    this.fetch = oneRequestPerHost(options.fetch ?? ((input, init) => fetch(input, init)));
    this.now = options.now ?? (() => new Date());
  }

  /** Refreshes one list now, whatever its schedule. Refreshes never overlap: a second call waits for the first. */
  refresh(sourceId: string): Promise<ListRefreshOutcome> {
    const next = this.running.catch(() => undefined).then(() => this.refreshNow(sourceId));
    this.running = next;
    return next;
  }

  /** Refreshes every list whose next attempt has come, and every list whose refresh was cut short. */
  async refreshDue(): Promise<ListRefreshOutcome[]> {
    const now = this.now();
    const interrupted = new Set((await interruptedRefreshes(this.db)).map((s) => s.id));
    const due = (await this.db.sources.toArray()).filter((s: Source) => s.refresh && (interrupted.has(s.id) || isFeedDue(s.fetch, now)));
    const outcomes: ListRefreshOutcome[] = [];
    for (const source of due) outcomes.push(await this.refresh(source.id));
    return outcomes;
  }

  private async refreshNow(sourceId: string): Promise<ListRefreshOutcome> {
    const report = (progress: Omit<ListProgress, 'sourceId'>) => this.options.onProgress?.({ sourceId, ...progress });
    const source = await this.db.sources.get(sourceId);
    if (!source?.refresh) return { sourceId, outcome: 'failed', error: `${sourceId}: not a list that can be refreshed` };
    await markRefreshing(this.db, sourceId, this.now());
    try {
      const result = await refreshList(source, await currentEntities(this.db, sourceId), {
        fetch: this.fetch,
        ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
        ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
        onStage: (stage) => report({ stage }),
      });
      report({ stage: 'saving' });
      const record = await saveListRefresh(this.db, sourceId, result, this.now());
      report({ stage: 'done' });
      return record ? { sourceId, outcome: 'read', record } : { sourceId, outcome: 'not-modified' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordListFailure(this.db, sourceId, message, this.now(), error instanceof FeedFetchError ? error.retryAfterSeconds : undefined);
      report({ stage: 'failed', error: message });
      return { sourceId, outcome: 'failed', error: message };
    }
  }
}
