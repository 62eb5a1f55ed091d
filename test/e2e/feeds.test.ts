// Feed subscriptions in the built extension, in a real Chromium: the user subscribes on the options page (by
// keyboard) to a feed served from 127.0.0.1, the background reads it, a "refresh now" brings the items added since,
// and the popup lists the alerts, those about the supplier flagged on the open notice first, as plain text with
// http(s) links only; a company listed under two ids is named once; an OPML import's feeds show in the table at once.
// Screenshots land in test-results/screenshots/ for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import { writeOpml } from '../../src/publish/opml';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
const FIXTURE = here('../fixtures/rss/supplier-alerts.rss');

/** The feed as served: first without its Hoshine item, then whole, so that a refresh has something new to find. */
const servedFeed = path.join(mkdtempSync(path.join(tmpdir(), 'tenderlens-feed-')), 'supplier-alerts.rss');
function serveFeedWithoutHoshine(): void {
  const text = readFileSync(FIXTURE, 'utf8');
  const withoutHoshine = text.replace(/<item><title><!\[CDATA\[Hoshine[\s\S]*?<\/item>/, '');
  expect(withoutHoshine.length).toBeLessThan(text.length);
  writeFileSync(servedFeed, withoutHoshine);
}

let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  serveFeedWithoutHoshine();
  server = await servePages({ '/alerts/feed.rss': servedFeed, '/demo/notice': here('../../src/demo/demo-notice.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  return browser.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

async function openPopup(query = ''): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  await popup.locator('section.alerts').waitFor();
  return popup;
}

describe('feed subscriptions', () => {
  it('says in the popup that no feed is followed yet', async () => {
    const popup = await openPopup();
    // The first message of a fresh profile waits for the shipped lists to be installed.
    await expect.poll(() => popup.getByText('You follow no feeds, so there are no alerts.').count(), { timeout: 20_000 }).toBe(1);
    expect(await popup.getByRole('button', { name: 'Add a feed' }).count()).toBe(1);
    await popup.close();
  });

  it('subscribes from the options page by keyboard, refreshes on request, and lists the alerts in the popup', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Feed subscriptions' }) });
    await expect.poll(() => section.getByText('You follow no feeds yet.').count()).toBe(1);

    // A wrong address is refused with a specific message, and nothing is added.
    const address = options.getByLabel('Feed address');
    await address.focus();
    await options.keyboard.type('javascript:alert(1)');
    await options.keyboard.press('Enter');
    await expect.poll(() => section.getByRole('alert').textContent()).toBe('Only web feeds (http or https) can be followed, not “javascript” addresses.');
    expect(await address.getAttribute('aria-invalid')).toBe('true');

    const feedUrl = `${server.origin}/alerts/feed.rss`;
    await address.fill('');
    await options.keyboard.type(feedUrl);
    await options.keyboard.press('Enter');
    await expect.poll(() => section.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Now following “Supplier alerts (test feed)”: 3 alerts so far.');
    const row = section.locator('table.feed-list tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).toBe('4'); // items read
    expect(await row.locator('td').nth(3).textContent()).toBe('3'); // alerts
    // A feed is not a list the pages are checked against.
    expect(await options.locator('section', { has: options.getByRole('heading', { name: 'Lists in the knowledge base' }) }).getByText('Supplier alerts').count()).toBe(0);

    // A popup left open lists the three alerts...
    const openAlerts = await openPopup();
    await expect.poll(() => openAlerts.locator('.alert-list > li').count(), { timeout: 20_000 }).toBe(3);

    // The publisher adds an item; "Refresh all now" reads it at once.
    copyFileSync(FIXTURE, servedFeed);
    await section.getByRole('button', { name: 'Refresh all now' }).click();
    await expect.poll(() => section.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Read 1 feed: 1 new alert.');
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('4');
    // ...and shows the new one without being reopened.
    await expect.poll(() => openAlerts.locator('.alert-list > li').count(), { timeout: 20_000 }).toBe(4);
    await openAlerts.close();
    await options.screenshot({ path: `${SCREENSHOTS}/options-feeds.png`, fullPage: true });
    await options.close();

    // The demonstration notice flags Hoshine Silicon Industry and names Camel Group as a possible match: their
    // alerts come first in the popup, marked as on the page, the newest first.
    const notice = await browser.context.newPage();
    await notice.goto(`${server.origin}/demo/notice`);
    await notice.locator('tenderlens-mark[data-tenderlens="flag"]').first().waitFor({ timeout: 20_000 });
    const popup = await openPopup(`?tab=${await tabIdOf(notice)}`);
    const alerts = popup.locator('.alert-list > li');
    await expect.poll(() => alerts.count()).toBe(4);
    const entitiesInOrder = await alerts.locator('p:first-child strong').allTextContents();
    expect(entitiesInOrder).toEqual([
      'Camel Group Co., Ltd.',
      'Hoshine Silicon Industry (Shanshan) Co., Ltd',
      'Aksu Huafu Color Spinning Co., Ltd.',
      // On the UFLPA Entity List and under a CBP Withhold Release Order: one entity per list, one name to read.
      'Hetian Haolin Hair Accessories Co. Ltd.',
    ]);
    expect(await popup.locator('.alert-list .chip.on-page').count()).toBe(2);
    const hoshine = alerts.nth(1);
    expect(await hoshine.textContent()).toContain('Flagged on this page');
    expect(await hoshine.textContent()).toContain('Sure match');
    // The page shows Camel Group only as a possible match: its alert says so, whatever the feed item's own link.
    expect(await alerts.nth(0).textContent()).toContain('Possible match on this page');
    expect(await alerts.nth(0).textContent()).not.toMatch(/Flagged on this page/);
    expect(await hoshine.textContent()).toContain('Supplier alerts (test feed)');
    expect(await hoshine.getByRole('link').getAttribute('href')).toBe('https://alerts.example.org/2022/06/hoshine-silicon-industry');
    expect(await hoshine.getByRole('link').getAttribute('rel')).toBe('noopener noreferrer');
    await hoshine.getByText('Why it was linked').click();
    await expect.poll(() => hoshine.getByText(/matches the name "Hoshine Silicon Industry \(Shanshan\) Co\., Ltd"/).isVisible()).toBe(true);

    // The hostile item: its title is text, with no link (its link was javascript:), and nothing of it ran.
    const hostile = alerts.filter({ hasText: 'Hetian Haolin' });
    expect(await hostile.count()).toBe(1);
    expect(await hostile.getByRole('link').count()).toBe(0);
    // Both lists' entries stay apart in the details, each with its own id.
    await hostile.getByText('Why it was linked').click();
    expect(await hostile.locator('.entity-id').allTextContents()).toEqual([
      '(list entry us-cbp-wro:hetian-haolin-hair-accessories-co-ltd)',
      '(list entry us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd)',
    ]);
    expect(await popup.locator('.alert-list a[href^="javascript:"], .alert-list script, .alert-list img').count()).toBe(0);
    expect(await popup.evaluate(() => document.body.dataset.injected ?? null)).toBeNull();

    // The popup scrolls inside its own box: show the alerts as a user who scrolled down to them sees them.
    await popup.getByRole('heading', { name: 'Alerts from your feeds' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-alerts.png` });
    await popup.close();
    await notice.close();
  });

  it('removes a subscription with its alerts', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const remove = options.getByRole('button', { name: 'Remove the feed “Supplier alerts (test feed)”' });
    await remove.waitFor();
    await remove.click();
    await expect.poll(() => options.getByText('You follow no feeds yet.').count()).toBe(1);
    await options.close();
    const popup = await openPopup();
    await expect.poll(() => popup.getByText('You follow no feeds, so there are no alerts.').count()).toBe(1);
    await popup.close();
  });

  it('lists the feeds an OPML import added at once, without reloading the page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Feed subscriptions' }) });
    await expect.poll(() => section.getByText('You follow no feeds yet.').count(), { timeout: 20_000 }).toBe(1);
    const opml = path.join(mkdtempSync(path.join(tmpdir(), 'tenderlens-opml-')), 'feeds.opml');
    writeFileSync(opml, writeOpml('Monitors', [{ title: 'Supplier alerts', url: `${server.origin}/alerts/feed.rss` }]));
    await section.getByLabel('Import feeds (OPML)').setInputFiles(opml);
    await expect.poll(() => section.getByRole('status').filter({ hasText: 'Now following 1 more feed(s)' }).count(), { timeout: 30_000 }).toBe(1);
    const rows = section.locator('table.feed-list tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('Supplier alerts (test feed)');
    expect(await section.getByText('You follow no feeds yet.').count()).toBe(0);
    await options.close();
  });
});
