// The background's feed subscriptions: adds and removes them, reads the ones that are due (or all, when the user
// asks) one after another, links their items with the knowledge base's matcher, stores the alerts and each feed's
// fetch state, and lists the alerts for the popup and the side panel. The network and the clock are given.
import type { Decision } from '../../core/types';
import type { CompiledMatcher } from '../../matcher';
import type { AlertRow, KnowledgeDb } from '../../kb/db';
import { alertsAboutEntities, alertsAtLinks, addSubscription, listSubscriptions, recentAlerts, recordFeedAttempt, removeSubscription, saveFeedAlerts, SubscriptionError } from '../../kb/feeds';
import { checkFeedAddress, describeFeedAddressProblem, feedHostPermission } from '../../scanner/feed-address';
import { isFeedDue, nextFetchState, type FeedAttempt } from '../../scanner/feed-schedule';
import { describeFeedProblem, type FeedProblem } from '../../scanner/feed-problem';
import { isStorageFull } from '../../kb/storage-errors';
import { refreshFeed } from '../../scanner/refresh-feed';
import type { AlertsReply, FeedRefreshSummary, FeedSubscriptionStatus } from '../messages';
import { buildAlertViews } from './alert-views';

export interface FeedLinking {
  matcher: CompiledMatcher;
  decisions: readonly Decision[];
  /** The user's "not relevant" decisions on items' links (see watchlists/alert-triage). */
  notRelevant?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface FeedServiceOptions {
  db: KnowledgeDb;
  /** The matcher and the user's decisions, as the pages use them. */
  linking: () => Promise<FeedLinking>;
  fetch?: typeof fetch;
  /** Whether the browser lets TenderLens read this address (its host permission); every address by default. */
  hostGranted?: (url: URL) => Promise<boolean>;
  /** The time limit of one read (see refreshFeed). */
  timeoutMs?: number;
  now?: () => Date;
}

export interface RefreshRequest {
  /** Every subscription (or `sourceId`) whatever its schedule: the user asked. */
  force?: boolean;
  sourceId?: string;
  /** Read every feed whole, without its validators: a list was imported, so earlier items may name its entities. */
  relink?: boolean;
}

/** Alerts shown at most in the popup and the side panel. */
export const ALERT_LIST_LIMIT = 50;

function failedWith(problem: FeedProblem, extra: { retrySoon?: boolean } = {}): FeedAttempt {
  return { outcome: 'failed', error: describeFeedProblem(problem), problem, ...extra };
}

export class FeedService {
  private readonly db: KnowledgeDb;
  private readonly now: () => Date;
  /** Refreshes run one at a time: an alarm and a click never read the same feed twice at once. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles once the reads cut short by the last stop are recorded: until then the listed states are stale. */
  private recovered: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FeedServiceOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
  }

  /** Subscribes to a feed and reads it at once; the reply carries the outcome of that first read. */
  async subscribe(input: string): Promise<FeedSubscriptionStatus> {
    const check = checkFeedAddress(input);
    if (!check.ok) throw new SubscriptionError(describeFeedAddressProblem(input, check));
    const source = await addSubscription(this.db, check.url);
    await this.refresh({ sourceId: source.id });
    const status = (await this.subscriptions()).find((s) => s.sourceId === source.id);
    if (!status) throw new SubscriptionError(`The subscription to ${check.url} was removed while it was being read.`);
    // An address that is not there (HTTP 404 or 410) is not a feed that failed once: nothing is added.
    const gone = status.fetch.status === 'failed' ? /\bHTTP (404|410)\b/.exec(status.fetch.lastError ?? '')?.[1] : undefined;
    if (gone) {
      await removeSubscription(this.db, source.id);
      throw new SubscriptionError(`Nothing was added: ${check.url} answered “not found” (HTTP ${gone}). Check the feed’s address on the publisher’s site.`);
    }
    return status;
  }

  unsubscribe(sourceId: string): Promise<void> {
    return removeSubscription(this.db, sourceId);
  }

  /**
   * Reads the subscriptions that are due, or with `force` every one (or only `sourceId`) whatever its back-off:
   * the user asked. One feed's failure is recorded on it and never stops the others.
   */
  refresh(request: RefreshRequest = {}): Promise<FeedRefreshSummary> {
    const run = this.queue.then(() => this.refreshNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refreshNow({ force = false, sourceId, relink = false }: RefreshRequest): Promise<FeedRefreshSummary> {
    const all = await listSubscriptions(this.db);
    const chosen = sourceId ? all.filter((s) => s.id === sourceId) : all;
    const due = sourceId || force || relink ? chosen : chosen.filter((s) => isFeedDue(s.fetch, this.now()));
    const summary: FeedRefreshSummary = { feeds: due.length, read: 0, notModified: 0, failed: 0, newAlerts: 0 };
    if (due.length === 0) return summary;
    const { matcher, decisions, notRelevant } = await this.options.linking();
    // A redirect may only lead to a site the user allowed for a feed: one of their subscriptions' hosts.
    const allowedHosts = new Set(all.map((s) => feedHostPermission(s.url)));
    const mayRead = async (url: URL) => allowedHosts.has(feedHostPermission(url.href)) && ((await this.options.hostGranted?.(url)) ?? true);
    for (const subscription of due) {
      const startedAt = this.now().toISOString();
      // Marked before the read: a worker stopped mid-read leaves the mark, and the next start records it (see below).
      await recordFeedAttempt(this.db, subscription.id, { ...subscription.fetch, readingSince: startedAt });
      const result = await refreshFeed(subscription, {
        matcher,
        decisions,
        ...(notRelevant ? { notRelevant } : {}),
        mayRead,
        ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
        ...(relink ? { whole: true } : {}),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
      const now = this.now();
      let attempt = result.attempt;
      if (attempt.outcome === 'read') {
        try {
          summary.newAlerts += (await saveFeedAlerts(this.db, subscription.id, result.alerts, now)).added;
        } catch (error) {
          if (!isStorageFull(error)) throw error;
          attempt = failedWith({ code: 'disk-full', args: [] });
        }
      }
      const state = nextFetchState(subscription.fetch, attempt, now);
      if (attempt.outcome === 'read') {
        summary.read++;
        await recordFeedAttempt(this.db, subscription.id, state, { ...(result.title ? { title: result.title } : {}), readAt: now.toISOString() });
      } else {
        if (attempt.outcome === 'not-modified') summary.notModified++;
        else summary.failed++;
        await recordFeedAttempt(this.db, subscription.id, state);
      }
    }
    return summary;
  }

  /**
   * Records every read the browser cut short (the worker stopped while it ran: its mark is still set) as an
   * interrupted attempt, due again at once. Call it when the worker starts, before any refresh; it is queued first.
   */
  recoverInterruptedReads(): Promise<number> {
    const run = this.queue.then(async () => {
      const interrupted = (await listSubscriptions(this.db)).filter((s) => s.fetch?.readingSince);
      for (const subscription of interrupted) {
        const attempt = failedWith({ code: 'interrupted', args: [subscription.fetch!.readingSince!] }, { retrySoon: true });
        await recordFeedAttempt(this.db, subscription.id, nextFetchState(subscription.fetch, attempt, this.now()));
      }
      return interrupted.length;
    });
    this.queue = run.catch(() => undefined);
    this.recovered = this.queue;
    return run;
  }

  async subscriptions(): Promise<FeedSubscriptionStatus[]> {
    await this.recovered;
    const sources = await listSubscriptions(this.db);
    return Promise.all(
      sources.map(async (s) => ({
        sourceId: s.id,
        url: s.url,
        title: s.title,
        fetch: s.fetch ?? {},
        ...(s.loadedAt ? { readAt: s.loadedAt } : {}),
        alerts: await this.db.alerts.where('sourceId').equals(s.id).count(),
      })),
    );
  }

  /**
   * The newest alerts, those naming an entity found on the current page first; archived ones only when asked for
   * (the reply counts them either way), each with the user's marks and the links the user set aside.
   */
  async alerts(pageEntityIds: readonly string[] = [], limit = ALERT_LIST_LIMIT, { archived = false }: { archived?: boolean } = {}): Promise<AlertsReply> {
    const shown = (a: AlertRow) => a.entityIds.length > 0 && (a.triage?.archived === true) === archived;
    const [sources, recent, aboutPage, archivedCount, follows, notRelevant] = await Promise.all([
      listSubscriptions(this.db),
      recentAlerts(this.db, limit, shown),
      alertsAboutEntities(this.db, pageEntityIds),
      this.db.alerts.filter((a) => a.triage?.archived === true && a.entityIds.length > 0).count(),
      this.db.follows.toArray(),
      this.db.notRelevantDecisions.toArray(),
    ]);
    const rows = [...new Map([...aboutPage.filter(shown), ...recent].map((a) => [a.id, a])).values()];
    const sameLink = await alertsAtLinks(this.db, rows.map((a) => a.urlKey));
    const entityIds = [...new Set(rows.flatMap((a) => [...a.entityIds, ...(a.notRelevantEntityIds ?? [])]))];
    const entities = (await this.db.entities.bulkGet(entityIds)).filter((e) => e !== undefined);
    const readAts = new Map<string, string[]>();
    for (const f of follows) readAts.set(f.entityId, [...(readAts.get(f.entityId) ?? []), f.readAt]);
    return {
      subscriptions: sources.length,
      archived: archivedCount,
      alerts: buildAlertViews(rows, {
        entityNames: new Map(entities.map((e) => [e.id, e.name])),
        sameLink,
        sources: new Map(sources.map((s) => [s.id, s])),
        pageEntityIds: new Set(pageEntityIds),
        readAts,
        notRelevant: new Map(notRelevant.map((d) => [d.id, d])),
        limit,
      }),
    };
  }
}
