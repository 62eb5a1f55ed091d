// Messages of the list sources, watchlists and alert feeds between the extension pages and the background; they
// join the main Request union in ./messages.
import type { ListRefreshSettings, Source } from '../core/types';
import type { ListChangeRecord } from '../sources/list-store';
import type { ListProgress } from '../sources/list-refresher';
import type { SupplierProfile, WatchlistView } from '../watchlists/watchlist-store';
import type { FollowRow, NotificationRow, NotifyMode } from '../watchlists/watchlist-types';
import type { NotRelevantDecision, TriageChange } from '../watchlists/alert-triage';

/** A list that can be kept current, as the options page shows it. */
export interface ListSourceStatus {
  sourceId: string;
  title: string;
  url: string;
  version: string;
  /** Shipped with TenderLens and readable from its publisher. */
  official: boolean;
  /** Set once the user switched refreshing on (or added the list by address). */
  refresh?: ListRefreshSettings;
  fetch?: Source['fetch'];
  loadedAt?: string;
  rows: number;
  progress?: ListProgress;
  lastChanges?: ListChangeRecord;
}

export interface ListTestResult {
  entities: number;
  flags: number;
  version: string;
  sample: string[];
}

export type WatchRequest =
  | { type: 'list-sources' }
  | { type: 'enable-list-refresh'; sourceId: string }
  | { type: 'disable-list-refresh'; sourceId: string }
  | { type: 'add-list-source'; title: string; url: string; refresh: ListRefreshSettings }
  | { type: 'remove-list-source'; sourceId: string }
  | { type: 'refresh-list'; sourceId: string }
  | { type: 'test-list-source'; url: string; refresh: ListRefreshSettings }
  | { type: 'list-watchlists' }
  | { type: 'create-watchlist'; name: string; notify: NotifyMode }
  | { type: 'update-watchlist'; id: string; name?: string; notify?: NotifyMode }
  | { type: 'delete-watchlist'; id: string }
  | { type: 'follow-entity'; entityId: string; watchlistId?: string }
  | { type: 'unfollow-entity'; entityId: string; watchlistId: string }
  | { type: 'supplier-profile'; entityId: string }
  | { type: 'mark-read'; entityId: string }
  | { type: 'list-notifications' }
  | { type: 'export-watchlist-feed'; watchlistId: string; format: 'atom' | 'json' }
  | { type: 'triage-alert'; alertId: string; change: TriageChange }
  | { type: 'mark-not-relevant'; alertId: string; entityId: string }
  | { type: 'undo-not-relevant'; decisionId: string }
  | { type: 'list-not-relevant' };

export interface WatchReplies {
  'list-sources': ListSourceStatus[];
  'enable-list-refresh': true;
  'disable-list-refresh': true;
  'add-list-source': ListSourceStatus;
  'remove-list-source': true;
  'refresh-list': ListSourceStatus;
  'test-list-source': ListTestResult;
  'list-watchlists': WatchlistView[];
  'create-watchlist': WatchlistView;
  'update-watchlist': true;
  'delete-watchlist': true;
  'follow-entity': FollowRow;
  'unfollow-entity': true;
  'supplier-profile': SupplierProfile;
  'mark-read': true;
  'list-notifications': NotificationRow[];
  'export-watchlist-feed': { fileName: string; mediaType: string; text: string };
  'triage-alert': true;
  'mark-not-relevant': NotRelevantDecision;
  'undo-not-relevant': true;
  'list-not-relevant': NotRelevantDecision[];
}

/** Sent by the background when a follow or the user's triage of an alert changes, so open pages show it. */
export const WATCHLISTS_CHANGED = 'tenderlens-watchlists-changed';

export type ListRequest = Extract<WatchRequest, { type: 'list-sources' | 'enable-list-refresh' | 'disable-list-refresh' | 'add-list-source' | 'remove-list-source' | 'refresh-list' | 'test-list-source' }>;
export type WatchlistRequest = Exclude<WatchRequest, ListRequest>;

const LIST_TYPES: ReadonlySet<string> = new Set<ListRequest['type']>([
  'list-sources', 'enable-list-refresh', 'disable-list-refresh', 'add-list-source', 'remove-list-source', 'refresh-list', 'test-list-source',
]);
const WATCHLIST_TYPES: ReadonlySet<string> = new Set<WatchlistRequest['type']>([
  'list-watchlists', 'create-watchlist', 'update-watchlist', 'delete-watchlist', 'follow-entity', 'unfollow-entity', 'supplier-profile', 'mark-read', 'list-notifications', 'export-watchlist-feed',
  'triage-alert', 'mark-not-relevant', 'undo-not-relevant', 'list-not-relevant',
]);

export function isListRequest(request: { type: string }): request is ListRequest {
  return LIST_TYPES.has(request.type);
}

export function isWatchlistRequest(request: { type: string }): request is WatchlistRequest {
  return WATCHLIST_TYPES.has(request.type);
}
