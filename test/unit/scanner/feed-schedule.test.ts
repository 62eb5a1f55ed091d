// When a subscribed feed is read again: hourly when healthy, later and later after failures, validators kept
// for the next conditional request.
import { describe, expect, it } from 'vitest';
import type { SourceFetchState } from '@/src/core/types';
import { FEED_REFRESH_INTERVAL_MINUTES, isFeedDue, MAX_RETRY_MINUTES, nextFetchState, retryDelayMinutes } from '@/src/scanner/feed-schedule';

const NOW = new Date('2026-02-03T10:00:00.000Z');
const plusMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

describe('back-off after failures', () => {
  it('waits 15 minutes after a first failure and doubles the wait with each further one, up to a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMinutes(n))).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
    expect(retryDelayMinutes(30)).toBe(MAX_RETRY_MINUTES);
  });

  it('never retries sooner than the server asked (Retry-After), nor later than a day', () => {
    expect(retryDelayMinutes(1, 2 * 3600)).toBe(120);
    expect(retryDelayMinutes(3, 60)).toBe(60);
    expect(retryDelayMinutes(1, 10 * 24 * 3600)).toBe(MAX_RETRY_MINUTES);
  });

  it('counts consecutive failures and schedules the next attempt from them, keeping the validators', () => {
    const read: SourceFetchState = nextFetchState(undefined, { outcome: 'read', itemCount: 5, etag: '"v1"', lastModified: 'Mon, 02 Feb 2026 09:00:00 GMT' }, NOW);
    const first = nextFetchState(read, { outcome: 'failed', error: 'https://example.org/feed: the server answered HTTP 502' }, NOW);
    expect(first).toMatchObject({
      status: 'failed',
      lastError: 'https://example.org/feed: the server answered HTTP 502',
      consecutiveFailures: 1,
      nextAttemptAt: plusMinutes(15),
      etag: '"v1"',
      lastModified: 'Mon, 02 Feb 2026 09:00:00 GMT',
      itemCount: 5,
      lastSuccessAt: NOW.toISOString(),
    });
    const second = nextFetchState(first, { outcome: 'failed', error: 'again' }, NOW);
    expect(second).toMatchObject({ consecutiveFailures: 2, nextAttemptAt: plusMinutes(30), lastError: 'again' });
  });
});

describe('after a read or a "not modified"', () => {
  it('a read resets the failures, clears the error, stores the new validators and waits the normal interval', () => {
    const failing: SourceFetchState = { status: 'failed', consecutiveFailures: 4, lastError: 'boom', etag: '"old"', lastModified: 'Sun, 01 Feb 2026 00:00:00 GMT' };
    const state = nextFetchState(failing, { outcome: 'read', itemCount: 12, etag: '"new"' }, NOW);
    expect(state).toEqual({
      status: 'ok',
      consecutiveFailures: 0,
      etag: '"new"',
      itemCount: 12,
      lastAttemptAt: NOW.toISOString(),
      lastSuccessAt: NOW.toISOString(),
      nextAttemptAt: plusMinutes(FEED_REFRESH_INTERVAL_MINUTES),
    });
  });

  it('a 304 keeps the validators and the item count of the last read', () => {
    const read = nextFetchState(undefined, { outcome: 'read', itemCount: 7, etag: '"v1"' }, new Date('2026-02-03T09:00:00.000Z'));
    const state = nextFetchState(read, { outcome: 'not-modified' }, NOW);
    expect(state).toMatchObject({ status: 'not-modified', etag: '"v1"', itemCount: 7, consecutiveFailures: 0, lastSuccessAt: NOW.toISOString(), nextAttemptAt: plusMinutes(60) });
  });
});

describe('which feeds are due', () => {
  it('a feed never read is due; then only once its next attempt time has come', () => {
    expect(isFeedDue(undefined, NOW)).toBe(true);
    expect(isFeedDue({}, NOW)).toBe(true);
    expect(isFeedDue({ nextAttemptAt: plusMinutes(1) }, NOW)).toBe(false);
    expect(isFeedDue({ nextAttemptAt: plusMinutes(0) }, NOW)).toBe(true);
    expect(isFeedDue({ nextAttemptAt: plusMinutes(-5) }, NOW)).toBe(true);
    expect(isFeedDue({ nextAttemptAt: 'not a date' }, NOW)).toBe(true);
  });
});
