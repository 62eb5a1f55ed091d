// Following a supplier in the built extension, in a real Chromium: follow Hoshine from its mark's card on the
// demonstration notice, subscribe to a feed (its first read is the baseline: no notification), the publisher adds
// an item naming Hoshine, a refresh brings it: one notification, recorded by the extension and known to
// chrome.notifications; the side panel shows the alert in Hoshine's profile; the watchlist exports as Atom that a
// feed reader's parser reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import { sendFromPage } from './harness';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
const FIXTURE = here('../fixtures/rss/supplier-alerts.rss');
const HOSHINE = 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd';
const servedFeed = path.join(mkdtempSync(path.join(tmpdir(), 'tenderlens-watch-')), 'supplier-alerts.rss');

let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const text = readFileSync(FIXTURE, 'utf8');
  writeFileSync(servedFeed, text.replace(/<item><title><!\[CDATA\[Hoshine[\s\S]*?<\/item>/, ''));
  server = await servePages({ '/alerts/feed.rss': servedFeed, '/demo/notice': here('../../src/demo/demo-notice.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const send = sendFromPage;

interface NotificationRecord { id: string; entityId: string; title: string; message: string; severity: string; delivery: string }

describe('following a supplier', () => {
  it('follows from the mark, notifies once for a new alert, shows it in the profile, and exports the watchlist as Atom', async () => {
    const notice = await browser.context.newPage();
    await notice.goto(`${server.origin}/demo/notice`);
    const mark = notice.locator('tenderlens-mark[data-tenderlens="flag"]').first();
    await mark.waitFor({ timeout: 20_000 });
    await mark.locator('button.pill').click();
    await mark.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => mark.locator('.follow-status').textContent()).toBe('Followed in “My suppliers”.');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const watchlists = await send<{ name: string; suppliers: { entityId: string }[] }[]>(options, { type: 'list-watchlists' });
    expect(watchlists.map((w) => [w.name, w.suppliers.map((s) => s.entityId)])).toEqual([['My suppliers', [HOSHINE]]]);

    // The first read of a new feed is its baseline: three alerts, no notification.
    await send(options, { type: 'add-feed', url: `${server.origin}/alerts/feed.rss` });
    await expect.poll(async () => (await send<unknown[]>(options, { type: 'list-alerts' }) as unknown as { alerts: unknown[] }).alerts.length, { timeout: 20_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 500));
    expect(await send<NotificationRecord[]>(options, { type: 'list-notifications' })).toEqual([]);

    // The publisher adds the Hoshine item; a refresh reads it.
    copyFileSync(FIXTURE, servedFeed);
    await send(options, { type: 'refresh-feeds' });
    await expect.poll(async () => (await send<NotificationRecord[]>(options, { type: 'list-notifications' })).length, { timeout: 20_000 }).toBe(1);
    const [record] = await send<NotificationRecord[]>(options, { type: 'list-notifications' });
    expect(record).toMatchObject({ entityId: HOSHINE, severity: 'high', delivery: 'shown', title: 'New alert: Hoshine Silicon Industry (Shanshan) Co., Ltd' });
    // What Chromium itself holds: the notification the extension created, under the id it recorded.
    const shown = await browser.worker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toEqual([record!.id]);
    // Another refresh with nothing new notifies nothing more.
    await send(options, { type: 'refresh-feeds' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await send<NotificationRecord[]>(options, { type: 'list-notifications' })).toHaveLength(1);

    // The side panel: the watchlist with one unread alert, and Hoshine's profile with it in the timeline.
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const section = panel.locator('section.watchlists');
    await expect.poll(() => section.locator('.badge').textContent(), { timeout: 20_000 }).toBe('1');
    await section.getByRole('button', { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd' }).click();
    const profile = section.locator('.supplier-profile');
    await expect.poll(() => profile.textContent()).toContain('UFLPA Entity List');
    expect(await profile.textContent()).toContain('imports are barred unless the importer proves there was no forced labour');
    expect(await profile.locator('.timeline li').count()).toBe(1);
    await section.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SCREENSHOTS}/sidepanel-watchlist.png`, fullPage: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: `${SCREENSHOTS}/sidepanel-watchlist-dark.png`, fullPage: true });
    await profile.getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(() => section.locator('.badge').count()).toBe(0);

    // Export the watchlist as Atom from the options page, and read it with a feed reader's parser.
    await options.reload();
    const watchSection = options.locator('section', { has: options.getByRole('heading', { name: 'Watchlists' }) });
    const [download] = await Promise.all([options.waitForEvent('download'), watchSection.getByRole('button', { name: 'Download as Atom' }).click()]);
    expect(download.suggestedFilename()).toBe('tenderlens-my-suppliers.atom');
    const atom = readFileSync((await download.path())!, 'utf8');
    const parsed = await new Parser().parseString(atom);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]!.link).toBe('https://alerts.example.org/2022/06/hoshine-silicon-industry');
    expect(atom).toContain(`<category term="${HOSHINE}" label="Hoshine Silicon Industry (Shanshan) Co., Ltd"/>`);
    await watchSection.scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SCREENSHOTS}/options-watchlists.png`, fullPage: true });
  });
});
