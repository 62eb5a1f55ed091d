// The background's side of watchlists: answers the pages (watchlists, follow, profile, read, the triage of alerts and
// the "not relevant" decisions, the notification record, feed exports), turns newly stored alerts into browser notifications, and sends the daily digest.
import { browser } from '../browser';
import type { KnowledgeDb } from '../../kb/db';
import { WatchNotifier } from '../../watchlists/notifier';
import { createWatchlist, deleteWatchlist, follow, listWatchlists, markRead, supplierProfile, unfollow, updateWatchlist } from '../../watchlists/watchlist-store';
import { exportWatchlistFeed } from '../../publish/watchlist-feed';
import type { NotificationRow } from '../../watchlists/watchlist-types';
import { WATCHLISTS_CHANGED, type WatchlistRequest, type WatchReplies } from '../watch-messages';
import { ALERTS_CHANGED } from '../messages';
import { listNotRelevant, markNotRelevant, setAlertTriage, undoNotRelevant } from '../../watchlists/alert-triage-store';

export const DIGEST_ALARM = 'tenderlens-daily-digest';
const PRIORITY = { high: 2, medium: 1, low: 0 } as const;

export class WatchService {
  readonly notifier: WatchNotifier;

  constructor(private readonly db: KnowledgeDb) {
    this.notifier = new WatchNotifier(db, async (row) => {
      await browser.notifications.create(row.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/notification-48.png'),
        title: row.title,
        message: row.message,
        priority: PRIORITY[row.severity],
      });
    });
  }

  async ensureDigestAlarm(): Promise<void> {
    if (!(await browser.alarms.get(DIGEST_ALARM))) await browser.alarms.create(DIGEST_ALARM, { delayInMinutes: 24 * 60, periodInMinutes: 24 * 60 });
  }

  /** After a feed read stored alerts: notify about followed suppliers. */
  async afterAlerts(): Promise<void> {
    const rows = await this.notifier.processNewAlerts();
    if (rows.length) this.announce();
  }

  async onAlarm(name: string): Promise<void> {
    if (name === DIGEST_ALARM) await this.notifier.sendDigest();
  }

  /** Tells open pages; `alerts`: the alerts' marks or links changed too, so alert lists read them again. */
  private announce(alerts = false): void {
    browser.runtime.sendMessage({ type: WATCHLISTS_CHANGED }).catch(() => undefined);
    if (alerts) browser.runtime.sendMessage({ type: ALERTS_CHANGED }).catch(() => undefined);
  }

  async handle(request: WatchlistRequest): Promise<WatchReplies[WatchlistRequest['type']]> {
    switch (request.type) {
      case 'list-watchlists':
        return listWatchlists(this.db);
      case 'create-watchlist': {
        const row = await createWatchlist(this.db, request.name, request.notify);
        return (await listWatchlists(this.db)).find((w) => w.id === row.id)!;
      }
      case 'update-watchlist':
        await updateWatchlist(this.db, request.id, request);
        return true;
      case 'delete-watchlist':
        await deleteWatchlist(this.db, request.id);
        this.announce();
        return true;
      case 'follow-entity': {
        const row = await follow(this.db, request.entityId, request.watchlistId);
        this.announce();
        return row;
      }
      case 'unfollow-entity':
        await unfollow(this.db, request.entityId, request.watchlistId);
        this.announce();
        return true;
      case 'supplier-profile':
        return supplierProfile(this.db, request.entityId);
      case 'mark-read':
        await markRead(this.db, request.entityId);
        this.announce();
        return true;
      case 'list-notifications':
        return (await this.db.notifications.orderBy('at').reverse().toArray()) as NotificationRow[];
      case 'export-watchlist-feed':
        return exportWatchlistFeed(this.db, request.watchlistId, request.format, new Date());
      case 'triage-alert':
        await setAlertTriage(this.db, request.alertId, request.change);
        this.announce(true);
        return true;
      case 'mark-not-relevant': {
        const decision = await markNotRelevant(this.db, request.alertId, request.entityId);
        this.announce(true);
        return decision;
      }
      case 'undo-not-relevant':
        await undoNotRelevant(this.db, request.decisionId);
        this.announce(true);
        return true;
      case 'list-not-relevant':
        return listNotRelevant(this.db);
    }
  }
}
