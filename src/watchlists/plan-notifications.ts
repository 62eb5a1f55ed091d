// Which notifications a batch of newly stored alerts gives (pure): only alerts on followed suppliers, from sources
// already read once before (a source's first read is its baseline and notifies nothing), at most one per supplier
// per batch, with a severity from the alerts' confidence and the supplier's flags, and each watchlist's mode.
import type { AlertRow } from '../kb/db';
import type { FollowRow, NotificationRow, NotificationSeverity, WatchlistRow } from './watchlist-types';

export interface NotificationInput {
  batchId: string;
  now: Date;
  /** Alerts stored since the last batch. */
  alerts: readonly AlertRow[];
  /** Sources read before this batch: alerts of other sources are their baseline. */
  baselinedSources: ReadonlySet<string>;
  follows: readonly FollowRow[];
  watchlists: readonly WatchlistRow[];
  /** Entity ids that are on a list with legal effect (an import ban, goods detained at import). */
  flaggedEntities: ReadonlySet<string>;
}

/** High: a sure link to a flagged supplier; medium: a sure link, or a possible link to a flagged one; low: the rest. */
export function notificationSeverity(confidence: 'high' | 'review', flagged: boolean): NotificationSeverity {
  if (confidence === 'high' && flagged) return 'high';
  if (confidence === 'high' || flagged) return 'medium';
  return 'low';
}

export function planNotifications(input: NotificationInput): NotificationRow[] {
  const watchlistById = new Map(input.watchlists.map((w) => [w.id, w]));
  const followsByEntity = new Map<string, FollowRow[]>();
  for (const f of input.follows) followsByEntity.set(f.entityId, [...(followsByEntity.get(f.entityId) ?? []), f]);
  const alertsByEntity = new Map<string, AlertRow[]>();
  for (const alert of input.alerts) {
    if (!input.baselinedSources.has(alert.sourceId)) continue;
    for (const entityId of alert.entityIds) {
      if (!followsByEntity.has(entityId)) continue;
      alertsByEntity.set(entityId, [...(alertsByEntity.get(entityId) ?? []), alert]);
    }
  }
  const rows: NotificationRow[] = [];
  for (const [entityId, alerts] of alertsByEntity) {
    const follows = followsByEntity.get(entityId)!;
    // The most eager of the watchlists following this supplier decides how it is told.
    const modes = follows.map((f) => watchlistById.get(f.watchlistId)).filter((w): w is WatchlistRow => !!w && w.notify !== 'never');
    const watchlist = modes.find((w) => w.notify === 'immediately') ?? modes[0];
    if (!watchlist) continue;
    const flagged = input.flaggedEntities.has(entityId);
    const confidence = alerts.some((a) => a.confidence === 'high') ? 'high' : 'review';
    const severity = notificationSeverity(confidence, flagged);
    // The item told about: a sure link first, then the newest.
    const newest = [...alerts].sort((a, b) => Number(b.confidence === 'high') - Number(a.confidence === 'high') || (b.published ?? b.firstSeenAt).localeCompare(a.published ?? a.firstSeenAt))[0]!;
    const name = follows[0]!.entityName;
    rows.push({
      id: `${input.batchId}|${entityId}`,
      batchId: input.batchId,
      entityId,
      entityName: name,
      watchlistId: watchlist.id,
      alertIds: alerts.map((a) => a.id),
      title: alerts.length === 1 ? `New alert: ${name}` : `${alerts.length} new alerts: ${name}`,
      message: `${newest.title || '(untitled item)'}${confidence === 'review' ? ' (possible match, needs review)' : ''}`,
      severity,
      at: input.now.toISOString(),
      delivery: watchlist.notify === 'immediately' ? 'shown' : 'digest-queued',
    });
  }
  return rows;
}
