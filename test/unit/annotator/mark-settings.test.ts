// The marks' settings in the extension's storage: grey marks shown unless the user hid them, anything else stored
// under the key read as the default, and every change reported to the watchers (the open tabs).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readMarkSettings, saveMarkSettings, watchMarkSettings, type MarkSettings } from '../../../src/annotator/mark-settings';

beforeEach(() => fakeBrowser.reset());

describe('mark settings', () => {
  it('shows grey marks until the user hides them, and keeps the choice', async () => {
    expect(await readMarkSettings()).toEqual({ hideChecked: false });
    await saveMarkSettings({ hideChecked: true });
    expect(await readMarkSettings()).toEqual({ hideChecked: true });
  });

  it('reads a damaged stored value as the default', async () => {
    await fakeBrowser.storage.local.set({ markSettings: { hideChecked: 'yes' } });
    expect(await readMarkSettings()).toEqual({ hideChecked: false });
  });

  it('tells the watchers about a change, until they stop watching', async () => {
    const seen: MarkSettings[] = [];
    const stop = watchMarkSettings((settings) => seen.push(settings));
    await saveMarkSettings({ hideChecked: true });
    await expect.poll(() => seen).toEqual([{ hideChecked: true }]);
    stop();
    await saveMarkSettings({ hideChecked: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([{ hideChecked: true }]);
  });
});
