// Whether reinstalling the shipped defaults must leave a list alone: a list read from its publisher is newer than
// the shipped copy, and the user's refresh settings of a shipped list survive a new build.
import type { Source } from '../core/types';

/** A list read from its publisher keeps its rows when a new build ships other defaults; its settings always stay. */
export function keepStoredList(stored: Source | undefined): boolean {
  // Only a read (not a 304 or a failure) sets the item count.
  return !!stored?.refresh && stored.fetch?.itemCount !== undefined;
}

/** The shipped source with the user's refresh settings and fetch state, so reinstalling defaults keeps them. */
export function withStoredRefresh(source: Source, stored: Source | undefined): Source {
  if (!stored?.refresh) return source;
  return { ...source, refresh: stored.refresh, ...(stored.fetch ? { fetch: stored.fetch } : {}) };
}

