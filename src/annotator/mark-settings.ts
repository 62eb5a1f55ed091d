// The user's settings for the in-page marks, kept in the extension's storage (so every tab and the options page
// share them): for now, whether the grey "nothing listed" marks are shown.
import { browser } from '../extension/browser';

export interface MarkSettings {
  /** Hide the grey marks on items that are on no loaded list (the popup still lists what was checked). */
  hideChecked: boolean;
}

const KEY = 'markSettings';
const DEFAULTS: MarkSettings = { hideChecked: false };

export async function readMarkSettings(): Promise<MarkSettings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<MarkSettings> | undefined;
  return { ...DEFAULTS, hideChecked: stored?.hideChecked === true };
}

export async function saveMarkSettings(changes: Partial<MarkSettings>): Promise<void> {
  await browser.storage.local.set({ [KEY]: { ...(await readMarkSettings()), ...changes } });
}

/** Calls `onChange` whenever the settings change (in any tab or the options page); returns the unsubscriber. */
export function watchMarkSettings(onChange: (settings: MarkSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) void readMarkSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
