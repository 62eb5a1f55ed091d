// No work in hidden tabs, in a real Chromium whose background tabs really are hidden (driven over CDP without
// Playwright's focus emulation, which keeps every page visible): a notice page is put behind another tab, checked to
// be `document.visibilityState === 'hidden'`, and navigates in-page to another notice (new DOM, new address). Nothing
// is read while it is hidden; once shown it is read once, and its marks are those of the new notice, none twice.
// Screenshot: test-results/screenshots/hidden-tab-after-shown.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithRealVisibility, type ExtensionBrowser } from '../../src/demo/launch-chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
/** Longer than the annotator's wait after a DOM change (800 ms), with room for a loaded machine. */
const QUIET_MS = 3_000;

let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await servePages({
    '/spa/notice/1': here('../fixtures/e2e-pages/single-page-app.html'),
    '/spa/notice/2': here('../fixtures/e2e-pages/single-page-app.html'),
    '/other': here('../fixtures/e2e-pages/single-page-app.html'),
  });
  browser = await launchWithRealVisibility(EXTENSION_DIR);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const marksOf = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => `${m.getAttribute('data-tenderlens')}:${m.parentElement?.textContent?.slice(0, 60)}`));

describe('a notice page in a hidden tab', () => {
  it('is not read while hidden, and is read once, without duplicated marks, when it is shown', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/spa/notice/1`);
    await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
    const before = await marksOf(page);
    expect(before.some((m) => m.includes('33600000'))).toBe(true);

    // Count every analysis the background stores for this tab from now on.
    const tab = await browser.worker.evaluate(async (url) => {
      const [found] = await chrome.tabs.query({ url });
      const key = `tab:${found!.id}`;
      const counter = globalThis as unknown as { tenderlensAnalyses: number };
      counter.tenderlensAnalyses = 0;
      chrome.storage.session.onChanged.addListener((changes) => {
        if (changes[key]?.newValue) counter.tenderlensAnalyses++;
      });
      return { id: found!.id!, windowId: found!.windowId };
    }, page.url());
    const analyses = () => browser.worker.evaluate(() => (globalThis as unknown as { tenderlensAnalyses: number }).tenderlensAnalyses);

    // Another tab in front: this one is hidden.
    await browser.worker.evaluate(async ({ windowId, url }) => void (await chrome.tabs.create({ windowId, url, active: true })), { windowId: tab.windowId, url: `${server.origin}/other` });
    await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('hidden');

    // The hidden page navigates in-page and renders the other notice, as a single-page portal does.
    await page.evaluate(() => {
      history.pushState({}, '', '/spa/notice/2');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Supply of protective gloves');
    await page.waitForTimeout(QUIET_MS);
    expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
    expect(await analyses()).toBe(0);
    // Nothing was marked on the new content either.
    expect((await marksOf(page)).some((m) => m.includes('18424000'))).toBe(false);

    // Shown again: read once, with the new notice's marks.
    await browser.worker.evaluate(async (id) => void (await chrome.tabs.update(id, { active: true })), tab.id);
    await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('visible');
    await expect.poll(analyses, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.includes('18424000')), { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(QUIET_MS);
    expect(await analyses()).toBe(1);
    const after = await marksOf(page);
    expect(new Set(after).size).toBe(after.length);
    expect(after.some((m) => m.includes('33600000'))).toBe(false);
    expect(after.filter((m) => m.includes('18424000'))).toHaveLength(1);
    await page.screenshot({ path: `${SCREENSHOTS}/hidden-tab-after-shown.png` });
    await page.close();
  });
});
