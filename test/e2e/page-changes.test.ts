// Reading only what changed, in a real Chromium: rows appended to a results page are read on their own and marked,
// the marks already there (and an open card) stay, a countdown ticking beside them changes nothing, two batches in
// quick succession are both read, the page's findings grow with them, and a new search that removes a flagged row
// takes its finding away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import { EXTENSION_DIR, SCREENSHOTS, here, tabAnalysis } from './harness';

let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await servePages({ '/suppliers/results': here('../fixtures/e2e-pages/growing-results.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The analysis the background saved for the page's tab. */
const analysisOf = (page: Page) => tabAnalysis(browser, page);

/** The names flagged in the page's findings (the popup's and the badge's), each once. */
const flaggedTitles = async (page: Page) => [...new Set(((await analysisOf(page))?.findings ?? []).filter((f) => f.severity === 'flag').map((f) => f.title.slice(0, 12)))].sort();

/** Each mark's tone and the row it stands in, and whether it is the very element marked first (kept, not re-made). */
const marksOf = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => ({
      tone: m.getAttribute('data-tenderlens'),
      row: (m.closest('li')?.textContent ?? '').slice(0, 24),
      first: m === (window as unknown as { firstMark?: Element }).firstMark,
      open: m.shadowRoot?.querySelector('.pill')?.getAttribute('aria-expanded') === 'true',
    })),
  );

describe('content added to a page already read', () => {
  it('reads the added rows alone, keeps the other marks and the open card, and drops what a new search removed', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.origin}/suppliers/results`);
    const flag = page.locator('tenderlens-mark[data-tenderlens="flag"]').first();
    await flag.waitFor({ timeout: 20_000 });
    expect(await flaggedTitles(page)).toEqual(['Changji Esqu']);
    // Remember the first mark itself, and open its card.
    await page.evaluate(() => ((window as unknown as { firstMark?: Element }).firstMark = document.querySelector('tenderlens-mark[data-tenderlens="flag"]')!));
    await flag.locator('.pill').click();
    await expect.poll(async () => (await marksOf(page)).find((m) => m.first)?.open).toBe(true);

    // The countdown ticks for two seconds: nothing is read again, the card stays open.
    await page.waitForTimeout(2_000);
    expect((await marksOf(page)).find((m) => m.first)?.open).toBe(true);

    // Rows appended: read and marked; the first mark is the same element and its card is still open.
    await page.evaluate(() => (window as unknown as { loadMore(): void }).loadMore());
    await expect.poll(() => flaggedTitles(page), { timeout: 10_000 }).toEqual(['Changji Esqu', 'Hetian Haoli']);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.row.startsWith('Hetian Haolin'))).toBe(true);
    let marks = await marksOf(page);
    expect(marks.find((m) => m.first)?.open).toBe(true);
    expect(marks.filter((m) => m.row.startsWith('Changji'))).toHaveLength(1);

    // Two batches in quick succession: both read.
    await page.evaluate(() => (window as unknown as { loadTwo(): void }).loadTwo());
    await expect.poll(() => flaggedTitles(page), { timeout: 10_000 }).toEqual(['Aksu Huafu C', 'Changji Esqu', 'Hetian Haoli']);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.row.startsWith('Aksu Huafu'))).toBe(true);
    marks = await marksOf(page);
    expect(marks.some((m) => m.first)).toBe(true);
    const rows = marks.map((m) => `${m.tone}:${m.row}`);
    expect(new Set(rows).size).toBe(rows.length);
    await page.screenshot({ path: `${SCREENSHOTS}/page-changes-grown.png` });

    // A new search replaces the list: the page is read whole again and the flagged rows are gone from its findings.
    await page.evaluate(() => (window as unknown as { newSearch(): void }).newSearch());
    await expect.poll(() => flaggedTitles(page), { timeout: 10_000 }).toEqual([]);
    expect(await page.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBe(0);
    await page.close();
  });
});
