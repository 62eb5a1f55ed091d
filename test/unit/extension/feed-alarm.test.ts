// The background's feed alarm on WXT's fake browser: created once, never pushed back.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ensureFeedAlarm, FEED_ALARM, FEED_ALARM_PERIOD_MINUTES } from '@/src/extension/background/feed-alarm';

beforeEach(() => fakeBrowser.reset());

describe('the feed alarm', () => {
  it('is created once, every quarter of an hour, and not pushed back at each wake', async () => {
    await ensureFeedAlarm();
    const created = await fakeBrowser.alarms.get(FEED_ALARM);
    expect(created).toMatchObject({ name: FEED_ALARM, periodInMinutes: FEED_ALARM_PERIOD_MINUTES });
    await ensureFeedAlarm();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(FEED_ALARM))?.scheduledTime).toBe(created!.scheduledTime);
  });
});
