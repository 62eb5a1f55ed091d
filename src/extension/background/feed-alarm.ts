// The alarm that wakes the background to read the feeds that are due. It fires every quarter of an hour; each feed
// decides from its own fetch state whether it is due (hourly, later after failures).
import { browser } from '../browser';

export const FEED_ALARM = 'tenderlens-feed-refresh';
export const FEED_ALARM_PERIOD_MINUTES = 15;

/** Creates the alarm unless it exists: creating it again at every wake would keep pushing its first firing back. */
export async function ensureFeedAlarm(): Promise<void> {
  if (await browser.alarms.get(FEED_ALARM)) return;
  await browser.alarms.create(FEED_ALARM, { delayInMinutes: 1, periodInMinutes: FEED_ALARM_PERIOD_MINUTES });
}
