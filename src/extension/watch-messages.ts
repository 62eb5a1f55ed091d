// Messages of the list sources, watchlists and alert feeds between the extension pages and the background; they
// join the main Request union in ./messages.
import type { ListRefreshSettings, Source } from '../core/types';
import type { ListChangeRecord } from '../sources/list-store';
import type { ListProgress } from '../sources/list-refresher';

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
  | { type: 'test-list-source'; url: string; refresh: ListRefreshSettings };

export interface WatchReplies {
  'list-sources': ListSourceStatus[];
  'enable-list-refresh': true;
  'disable-list-refresh': true;
  'add-list-source': ListSourceStatus;
  'remove-list-source': true;
  'refresh-list': ListSourceStatus;
  'test-list-source': ListTestResult;
}

const WATCH_TYPES: ReadonlySet<string> = new Set<WatchRequest['type']>([
  'list-sources', 'enable-list-refresh', 'disable-list-refresh', 'add-list-source', 'remove-list-source', 'refresh-list', 'test-list-source',
]);

export function isWatchRequest(request: { type: string }): request is WatchRequest {
  return WATCH_TYPES.has(request.type);
}
