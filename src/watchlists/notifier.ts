// Turns newly stored alerts into notifications: reads the alerts stored since the last batch, plans them (one per
// followed supplier, baseline for a source's first read), records every notification in the knowledge base and
// shows those due at once; the daily digest shows the queued ones in one notification (leaving out the alerts the
// user has since marked not relevant for the supplier). Showing is given (the
// browser's notifications API in the background), so the same code runs in tests.
import type { KnowledgeDb } from '../kb/db';
import { planNotifications } from './plan-notifications';
import type { NotificationRow } from './watchlist-types';

const CURSOR_KEY = 'notify-cursor';
const BASELINED_KEY = 'notify-baselined-sources';

export type ShowNotification = (row: Pick<NotificationRow, 'id' | 'title' | 'message' | 'severity'>) => Promise<void>;

export class WatchNotifier {
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: KnowledgeDb, private readonly show: ShowNotification, private readonly now: () => Date = () => new Date()) {}

  /** Plans, records and shows the notifications of the alerts stored since the last call. Calls never overlap. */
  processNewAlerts(): Promise<NotificationRow[]> {
    const next = this.running.catch(() => undefined).then(() => this.process());
    this.running = next;
    return next;
  }

  private async process(): Promise<NotificationRow[]> {
    const db = this.db;
    const now = this.now();
    const rows = await db.transaction('rw', [db.meta, db.alerts, db.follows, db.watchlists, db.flags, db.sources, db.notifications], async () => {
      const cursor = (await db.meta.get(CURSOR_KEY))?.value as string | undefined;
      const baselined = new Set(((await db.meta.get(BASELINED_KEY))?.value as string[] | undefined) ?? []);
      const alerts = cursor === undefined ? await db.alerts.toArray() : await db.alerts.where('firstSeenAt').above(cursor).toArray();
      const [follows, watchlists, sources] = await Promise.all([db.follows.toArray(), db.watchlists.toArray(), db.sources.toArray()]);
      const flagged = new Set<string>();
      for (const entityId of new Set(follows.map((f) => f.entityId))) {
        if ((await db.flags.where('entityId').equals(entityId).count()) > 0) flagged.add(entityId);
      }
      const batch = `batch-${now.getTime().toString(36)}`;
      const planned = planNotifications({ batchId: batch, now, alerts, baselinedSources: baselined, follows, watchlists, flaggedEntities: flagged });
      await db.notifications.bulkPut(planned);
      const newest = alerts.map((a) => a.firstSeenAt).sort().pop();
      if (newest && (cursor === undefined || newest > cursor)) await db.meta.put({ key: CURSOR_KEY, value: newest });
      else if (cursor === undefined) await db.meta.put({ key: CURSOR_KEY, value: now.toISOString() });
      // A feed read once (with or without alerts) is past its baseline: its later alerts notify.
      for (const source of sources) if (source.kind === 'feed' && source.fetch?.lastSuccessAt) baselined.add(source.id);
      for (const alert of alerts) baselined.add(alert.sourceId);
      await db.meta.put({ key: BASELINED_KEY, value: [...baselined].sort() });
      return planned;
    });
    for (const row of rows.filter((r) => r.delivery === 'shown')) await this.show(row);
    return rows;
  }

  /** Shows the queued digest notifications as one, and marks them sent. */
  async sendDigest(): Promise<NotificationRow | undefined> {
    const waiting = await this.db.notifications.filter((n) => n.delivery === 'digest-queued').toArray();
    if (waiting.length === 0) return undefined;
    // An alert the user marked "not relevant" for the supplier since it was queued is not told about any more.
    const alerts = new Map((await this.db.alerts.bulkGet([...new Set(waiting.flatMap((n) => n.alertIds))])).filter((a) => a !== undefined).map((a) => [a.id, a]));
    const queued: NotificationRow[] = [];
    const withdrawn: NotificationRow[] = [];
    for (const row of waiting) {
      const alertIds = row.alertIds.filter((id) => alerts.get(id)?.entityIds.includes(row.entityId));
      if (alertIds.length) queued.push({ ...row, alertIds });
      else withdrawn.push({ ...row, delivery: 'withdrawn' });
    }
    await this.db.notifications.bulkPut(withdrawn);
    if (queued.length === 0) return undefined;
    const names = [...new Set(queued.map((n) => n.entityName))];
    const count = queued.reduce((n, q) => n + q.alertIds.length, 0);
    const severity = queued.some((q) => q.severity === 'high') ? 'high' : queued.some((q) => q.severity === 'medium') ? 'medium' : 'low';
    const digest = { id: `digest-${this.now().getTime().toString(36)}`, title: `Daily digest: ${count} new alert(s)`, message: names.slice(0, 5).join('; ') + (names.length > 5 ? `; and ${names.length - 5} more` : ''), severity } as const;
    await this.db.notifications.bulkPut(queued.map((q) => ({ ...q, delivery: 'digest-sent' as const })));
    await this.show(digest);
    return { ...queued[0]!, ...digest, delivery: 'digest-sent' };
  }
}
