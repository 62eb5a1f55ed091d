// The typed messages between the content script, the extension pages and the background.
// Every request names its type; every reply is plain data (structured-clone safe).
import type { Decision, NoticeReading, PageAnalysis, Source, SourceFetchState } from '../core/types';
import { browser } from './browser';
import type { DecisionInput } from '../core/decisions';
import type { BidderCheckReport } from '../disclosures/check-bidders';
import type { SupplierDisclosureSummary } from './background/bidder-check-service';
import type { WatchReplies, WatchRequest } from './watch-messages';
import { LocalisedError } from '../core/localised-error';
import type { NotRelevantDecision } from '../watchlists/alert-triage';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../kb/storage-errors';

/** A list as the options page shows it: what it holds, counted separately (companies, their listings, codes). */
export interface SourceStatus extends Source {
  entities: number;
  flags: number;
  /** CPV codes and risk categories (reference lists). */
  references: number;
}

/** A feed subscription as the options page lists it. */
export interface FeedSubscriptionStatus {
  sourceId: string;
  url: string;
  /** The feed's own title once read, its host before. */
  title: string;
  fetch: SourceFetchState;
  /** When the feed was last read (not counting "not modified" answers). */
  readAt?: string;
  /** Alerts stored from this feed. */
  alerts: number;
}

/** What one refresh did. */
export interface FeedRefreshSummary {
  /** Feeds attempted. */
  feeds: number;
  read: number;
  notModified: number;
  failed: number;
  /** Items stored for the first time that name a known entity. */
  newAlerts: number;
}

/** A known entity an alert names, with how sure the link is and why. */
export interface AlertEntityView {
  id: string;
  name: string;
  confidence: 'high' | 'review';
  reason: string;
  /** Also found on the page the popup or side panel is showing. */
  onPage: boolean;
}

/** An alert as the popup and the side panel list it: plain text and an http(s) link only. */
export interface AlertView {
  id: string;
  title: string;
  url?: string;
  published?: string;
  firstSeenAt: string;
  sourceTitle: string;
  /** Other feeds that brought the same story at the same link. */
  alsoReportedBy?: string[];
  /** Other feeds' different stories at the same link: kept, never merged into this one. */
  related?: Array<{ id: string; title: string; sourceTitle: string }>;
  confidence: 'high' | 'review';
  entities: AlertEntityView[];
  /** The entities' names, each once (two lists can hold one company under two ids: `entities` keeps both). */
  names: string[];
  onPage: boolean;
  /** The user's marks (see watchlists/alert-triage). */
  read: boolean;
  important: boolean;
  archived: boolean;
  /** Links the user marked "not relevant" (no longer linked), each with that decision. */
  notRelevant?: Array<{ entityId: string; name: string; decision: NotRelevantDecision }>;
}

export interface AlertsReply {
  /** How many feeds the user follows: with none, no alert can come. */
  subscriptions: number;
  /** How many alerts the user archived (listed only when asked for). */
  archived: number;
  alerts: AlertView[];
}

export type Request =
  /** A page is loading: have the matcher ready (loaded, and its tables touched) before its text arrives. */
  | { type: 'prepare-analysis' }
  /** The page's findings, with the stored disclosures of the suppliers it names (one answer, one round trip). */
  | { type: 'analyse-page'; url: string; text: string; reading: NoticeReading }
  /** Content added to the page already analysed: analysed alone, its findings added to the page's. */
  | { type: 'analyse-addition'; url: string; text: string; reading: NoticeReading }
  | { type: 'get-tab-analysis'; tabId: number }
  | { type: 'record-decision'; decision: DecisionInput }
  | { type: 'remove-decision'; id: string }
  | { type: 'list-decisions' }
  /** The lists changed (an import or a removal, with its new matcher saved): re-annotate open tabs. */
  | { type: 'knowledge-changed' }
  | { type: 'knowledge-status' }
  | { type: 'list-feeds' }
  | { type: 'add-feed'; url: string }
  | { type: 'remove-feed'; sourceId: string }
  /** `relink`: read every feed whole, ignoring its validators, so items read before a list was imported are linked. */
  | { type: 'refresh-feeds'; sourceId?: string; relink?: boolean }
  /** `archived`: list the archived alerts instead of the others. */
  | { type: 'list-alerts'; pageEntityIds?: string[]; archived?: boolean }
  | { type: 'check-bidders'; bidders: string[]; asOf: string }
  | WatchRequest;

export interface Replies extends WatchReplies {
  'prepare-analysis': true;
  'analyse-page': { analysis: PageAnalysis; disclosures: SupplierDisclosureSummary[] };
  'analyse-addition': PageAnalysis;
  'get-tab-analysis': PageAnalysis | null;
  'record-decision': Decision;
  'remove-decision': true;
  'list-decisions': Decision[];
  'knowledge-changed': true;
  /** `lostAt`: when the knowledge base was found emptied and the shipped lists installed again. */
  'knowledge-status': { sources: SourceStatus[]; revision: number; entities: number; flags: number; cpv: number; lostAt?: string };
  'list-feeds': FeedSubscriptionStatus[];
  'add-feed': FeedSubscriptionStatus;
  'remove-feed': true;
  'refresh-feeds': FeedRefreshSummary;
  'list-alerts': AlertsReply;
  'check-bidders': BidderCheckReport;
}

export type Reply<R extends Request> = Replies[R['type']];

/**
 * Errors cross the message boundary as data, so the sender sees the real message, not a closed port; a
 * LocalisedError keeps its catalogue key, so the page shows it in the user's language.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string; key?: string; substitutions?: string[] };

export function errorEnvelope(error: unknown): Envelope<never> {
  // A full disk in plain words, whatever Dexie wrapped it in.
  if (isStorageFull(error)) return { ok: false, error: STORAGE_FULL_MESSAGE, key: 'storageFull', substitutions: [] };
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof LocalisedError ? { ok: false, error: message, key: error.key, substitutions: error.substitutions } : { ok: false, error: message };
}

/** What Chromium and Firefox say when the background stopped (or restarted) before it answered. */
const BACKGROUND_GONE = /message channel closed|message port closed|Receiving end does not exist|Could not establish connection/i;
const BACKGROUND_STOPPED = 'The browser stopped TenderLens before it finished. Anything it was reading is recorded as interrupted and read again; try again in a moment.';

export async function sendToBackground<R extends Request>(request: R): Promise<Reply<R>> {
  let envelope: Envelope<Reply<R>> | undefined;
  try {
    envelope = (await browser.runtime.sendMessage(request)) as Envelope<Reply<R>> | undefined;
  } catch (error) {
    // Not Chromium's "A listener indicated an asynchronous response…": what happened, and what happens next.
    const message = error instanceof Error ? error.message : String(error);
    if (BACKGROUND_GONE.test(message)) throw new LocalisedError('backgroundStopped', [], BACKGROUND_STOPPED);
    throw error;
  }
  if (!envelope) throw new Error(`No reply from the TenderLens background to "${request.type}".`);
  if (!envelope.ok) throw envelope.key ? new LocalisedError(envelope.key, envelope.substitutions ?? [], envelope.error) : new Error(envelope.error);
  return envelope.value;
}

/** Tells an open content script that the knowledge base or the user's decisions changed, so it re-annotates. */
export interface ContentNotice {
  type: 'tenderlens-reannotate';
}

/** Tells open extension pages that the lists or the decisions changed, so they read them again. */
export const KNOWLEDGE_CHANGED = 'tenderlens-knowledge-changed';

export function isKnowledgeChangedNotice(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === KNOWLEDGE_CHANGED;
}

/** Tells open extension pages (popup, side panel) that feed reads stored new alerts, so they list them again. */
export const ALERTS_CHANGED = 'tenderlens-alerts-changed';

export function isAlertsChangedNotice(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === ALERTS_CHANGED;
}
