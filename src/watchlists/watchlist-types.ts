// Stored shapes of watchlists: named lists of followed suppliers, each with how it notifies; a followed supplier
// with when the user last read its alerts; and every notification given (or queued for a digest).

/** How a watchlist tells the user about new alerts: a notification at once, one daily digest, or not at all. */
export type NotifyMode = 'immediately' | 'daily' | 'never';

export interface WatchlistRow {
  id: string;
  name: string;
  notify: NotifyMode;
  createdAt: string;
}

export interface FollowRow {
  /** `${watchlistId}|${entityId}`: a supplier is followed once per watchlist. */
  id: string;
  watchlistId: string;
  entityId: string;
  /** The entity's name when it was followed (shown if its list is later removed). */
  entityName: string;
  followedAt: string;
  /** Alerts first seen after this are unread. */
  readAt: string;
}

export type NotificationSeverity = 'high' | 'medium' | 'low';

export interface NotificationRow {
  /** `${batchId}|${entityId}`: one per supplier per refresh. */
  id: string;
  batchId: string;
  entityId: string;
  entityName: string;
  watchlistId: string;
  alertIds: string[];
  title: string;
  message: string;
  severity: NotificationSeverity;
  at: string;
  /**
   * How it was given: shown as a browser notification, queued for the daily digest, sent in a digest, or withdrawn
   * from the digest (every alert it told about was marked not relevant for the supplier before the digest went).
   */
  delivery: 'shown' | 'digest-queued' | 'digest-sent' | 'withdrawn';
}
