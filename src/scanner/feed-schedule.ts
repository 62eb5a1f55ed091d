// When a subscribed feed is read next, and what its fetch state becomes after an attempt: a steady interval after
// a read or a "not modified", and after failures a wait that doubles with each one (capped, and never shorter
// than the server's Retry-After). Pure: the clock is an argument.
import type { SourceFetchState } from '../core/types';
import type { FeedProblem } from './feed-problem';

/** How often a healthy feed is read. */
export const FEED_REFRESH_INTERVAL_MINUTES = 60;
/** The wait after a first failure; it doubles with every further failure. */
export const FIRST_RETRY_MINUTES = 15;
/** The longest wait between attempts, however often a feed failed. */
export const MAX_RETRY_MINUTES = 24 * 60;

/** How one attempt to read a feed ended. */
export type FeedAttempt =
  | { outcome: 'read'; itemCount: number; etag?: string; lastModified?: string }
  | { outcome: 'not-modified' }
  | { outcome: 'failed'; error: string; retryAfterSeconds?: number; problem?: FeedProblem; retrySoon?: boolean };

const MINUTE_MS = 60_000;

/** Minutes to wait after the given number of consecutive failures (1 for the first). */
export function retryDelayMinutes(consecutiveFailures: number, retryAfterSeconds?: number): number {
  const doubled = FIRST_RETRY_MINUTES * 2 ** Math.max(0, consecutiveFailures - 1);
  const backOff = Math.min(MAX_RETRY_MINUTES, doubled);
  const asked = retryAfterSeconds === undefined ? 0 : Math.min(MAX_RETRY_MINUTES, Math.ceil(retryAfterSeconds / 60));
  return Math.max(backOff, asked);
}

/** The fetch state after an attempt made at `now`. Validators survive failures; a read replaces them. */
export function nextFetchState(previous: SourceFetchState | undefined, attempt: FeedAttempt, now: Date): SourceFetchState {
  const at = now.toISOString();
  const after = (minutes: number) => new Date(now.getTime() + minutes * MINUTE_MS).toISOString();
  const state: SourceFetchState = { ...previous, lastAttemptAt: at };
  delete state.readingSince;
  delete state.lastProblem;
  if (attempt.outcome === 'failed') {
    // An attempt cut short by the browser says nothing about the feed: it is due again at once, without back-off.
    const failures = (previous?.consecutiveFailures ?? 0) + (attempt.retrySoon ? 0 : 1);
    const next = attempt.retrySoon ? at : after(retryDelayMinutes(failures, attempt.retryAfterSeconds));
    return { ...state, status: 'failed', lastError: attempt.error, ...(attempt.problem ? { lastProblem: attempt.problem } : {}), consecutiveFailures: failures, nextAttemptAt: next };
  }
  delete state.lastError;
  state.status = attempt.outcome === 'read' ? 'ok' : 'not-modified';
  state.lastSuccessAt = at;
  state.consecutiveFailures = 0;
  state.nextAttemptAt = after(FEED_REFRESH_INTERVAL_MINUTES);
  if (attempt.outcome === 'read') {
    state.itemCount = attempt.itemCount;
    // A server that stopped sending a validator must not be sent the old one.
    delete state.etag;
    delete state.lastModified;
    if (attempt.etag) state.etag = attempt.etag;
    if (attempt.lastModified) state.lastModified = attempt.lastModified;
  }
  return state;
}

/** A feed never read is due at once; otherwise when its next attempt time has come. */
export function isFeedDue(state: SourceFetchState | undefined, now: Date): boolean {
  if (!state?.nextAttemptAt) return true;
  const next = Date.parse(state.nextAttemptAt);
  return Number.isNaN(next) || next <= now.getTime();
}
