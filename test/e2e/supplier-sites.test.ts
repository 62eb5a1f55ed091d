// Supplier sites on request, in a real Chromium: a page of a site the user has not chosen is not read; "Check this
// site" in the popup reads it once; "Always check" reads its pages on every visit; the options page lists the site
// and takes it back. Local pages under /supplier-site/ stand for such a site (the local build's portal content
// script skips them, and its 127.0.0.1 host permission stands in for the toolbar click's activeTab grant).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');

let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await servePages({ '/supplier-site/about': here('../../src/demo/demo-notice.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function tabIdOf(page: Page): Promise<number> {
  return browser.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, page.url());
}

async function popupFor(page: Page, width = 440): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width, height: 720 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(page)}`);
  return popup;
}

const marks = (page: Page) => page.locator('tenderlens-mark').count();

/** Nothing appears within a few seconds (the portal script would have marked the page by then). */
async function expectNoMarks(page: Page): Promise<void> {
  await page.waitForTimeout(1500);
  expect(await marks(page)).toBe(0);
}

describe('supplier sites on request', () => {
  it('reads nothing until asked, once on "Check this site", always after "Always check", and stops when taken back', async () => {
    const site = await browser.context.newPage();
    await site.goto(`${server.origin}/supplier-site/about`);
    await expectNoMarks(site);

    const popup = await popupFor(site);
    await popup.getByRole('button', { name: 'Check this site' }).click();
    await site.locator('tenderlens-mark[data-tenderlens="flag"]').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => popup.locator('.finding.flagged-entity').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await popup.screenshot({ path: `${SCREENSHOTS}/supplier-site-popup-checked.png`, fullPage: true });
    await site.screenshot({ path: `${SCREENSHOTS}/supplier-site-checked.png` });
    await popup.close();

    // Once means once: the next visit is not read.
    await site.reload();
    await expectNoMarks(site);

    const narrow = await popupFor(site, 400);
    await narrow.screenshot({ path: `${SCREENSHOTS}/supplier-site-popup-400px.png`, fullPage: true });
    await narrow.getByRole('button', { name: 'Always check 127.0.0.1' }).click();
    await expect.poll(() => narrow.getByText(/will read the pages of 127\.0\.0\.1 from now on/).count(), { timeout: 15_000 }).toBe(1);
    await narrow.close();
    await site.reload();
    await site.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
    // Registered and injected on the same page: marked once.
    const flagged = await site.locator('tenderlens-mark[data-tenderlens="flag"]').count();
    const again = await browser.context.newPage();
    await again.goto(`${server.origin}/supplier-site/about`);
    await again.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => again.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBe(flagged);
    await again.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const listed = options.locator('.supplier-sites li', { hasText: '127.0.0.1' });
    await expect.poll(() => listed.count()).toBe(1);
    await options.locator('section', { has: options.locator('#sites-heading') }).screenshot({ path: `${SCREENSHOTS}/options-supplier-sites.png` });
    await listed.getByRole('button', { name: 'Stop reading this site' }).click();
    await expect.poll(() => options.locator('.supplier-sites li').count()).toBe(0);
    // The portal readers, each on, from the shipped list: at 400 px in the dark theme.
    await options.setViewportSize({ width: 400, height: 900 });
    await options.emulateMedia({ colorScheme: 'dark' });
    const readers = options.locator('section', { has: options.locator('#readers-heading') });
    // One line per portal reader: Find a Tender, Contracts Finder, TED, SAM.gov, SECOP II, Belgium, Mercado Público.
    await expect.poll(() => readers.locator('.readers li').count()).toBe(7);
    expect(await readers.textContent()).toContain('TED: On');
    expect(await readers.textContent()).toContain('Mercado Público: On');
    await readers.screenshot({ path: `${SCREENSHOTS}/options-readers-400px-dark.png` });
    await options.close();

    await site.reload();
    await expectNoMarks(site);
    await site.close();
  });
});
