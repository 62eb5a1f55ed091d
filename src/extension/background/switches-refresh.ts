// The background's side of the switched-off readers list: an alarm every six hours, and a refresh at install and
// start-up, each downloading the list into local storage (src/extension/adapter-switches.ts keeps the last good one).
import shippedSwitches from '../../../public/adapter-switches.json';
import { browser } from '../browser';
import { refreshSwitches, SWITCHES_ALARM, SWITCHES_PERIOD_MINUTES, type SwitchesState } from '../adapter-switches';

export async function ensureSwitchesAlarm(): Promise<void> {
  if (await browser.alarms.get(SWITCHES_ALARM)) return;
  await browser.alarms.create(SWITCHES_ALARM, { delayInMinutes: 1, periodInMinutes: SWITCHES_PERIOD_MINUTES });
}

export function refreshSwitchesNow(): Promise<SwitchesState> {
  return refreshSwitches({ storage: browser.storage.local as never, shipped: shippedSwitches, fetch: (input, init) => fetch(input, init) });
}
