// Following a supplier in the built extension, in a real Chromium: follow Hoshine from its mark's card on the
// demonstration notice, subscribe to a feed (its first read is the baseline: no notification), the publisher adds
// an item naming Hoshine, a refresh brings it: one notification, recorded by the extension and known to
// chrome.notifications (created with its title); the side panel shows the alert in Hoshine's profile; the watchlist
// exports as Atom that a feed reader's parser reads, entries and <category term label> included. Then a daily-digest
// watchlist: its alert is queued, and firing the digest alarm in the real worker shows one digest. Then triage in the
// profile by keyboard (important, unread, not relevant, archived), kept across a stop of the real worker and a relink,
// left out of the exported Atom, and undone from the options page; screenshots light, dark, 400 px wide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import { isSerious, runAxe, sendFromPage } from './harness';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
const FIXTURE = here('../fixtures/rss/supplier-alerts.rss');
const HOSHINE = 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd';
const servedDir = mkdtempSync(path.join(tmpdir(), 'tenderlens-watch-'));
const servedFeed = path.join(servedDir, 'supplier-alerts.rss');
/** An NGO's feed carrying the same stories under its own titles, ids and links. */
const mirrorFeed = path.join(servedDir, 'mirror.rss');
const AKSU = 'us-dhs-uflpa:aksu-huafu-color-spinning-co-ltd';
const HOSHINE_NAME = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';
/** A feed reader's parser, asked to keep each entry's <category> elements with their attributes. */
const atomReader = () => new Parser<Record<string, never>, { categories: { $: { term: string; label: string } }[] }>({ customFields: { item: [['category', 'categories', { keepArray: true }]] } });

let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const text = readFileSync(FIXTURE, 'utf8');
  writeFileSync(servedFeed, text.replace(/<item><title><!\[CDATA\[Hoshine[\s\S]*?<\/item>/, ''));
  writeFileSync(mirrorFeed, text
    .replace('Supplier alerts (test feed)', 'NGO mirror')
    .replace(/<item><title><!\[CDATA\[/g, '<item><title><![CDATA[NGO mirror: ')
    .replace(/<guid isPermaLink="false">/g, '<guid isPermaLink="false">mirror/')
    .replace(/<link>https:\/\/alerts\.example\.org\//g, '<link>https://mirror.example.net/'));
  server = await servePages({ '/alerts/feed.rss': servedFeed, '/alerts/mirror.rss': mirrorFeed, '/demo/notice': here('../../src/demo/demo-notice.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const send = sendFromPage;

/** The notifications the worker asked Chromium to create since the spy was set (see the first test). */
const createdNotifications = () => browser.worker.evaluate(() => (globalThis as unknown as { createdNotifications: { id: string; title: string; message: string }[] }).createdNotifications);

/** The extension's worker as it runs now (a stopped worker comes back as a new one). */
async function currentWorker() {
  await expect.poll(() => browser.context.serviceWorkers().filter((w) => w.url().includes(browser.extensionId)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  return browser.context.serviceWorkers().filter((w) => w.url().includes(browser.extensionId)).at(-1)!;
}

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

    // What the worker asks Chromium to show, as it asks (the real call goes on: the notification is created).
    await browser.worker.evaluate(() => {
      const created: { id: string; title: string; message: string }[] = [];
      (globalThis as unknown as { createdNotifications: typeof created }).createdNotifications = created;
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (id, options, ...callback) => {
        created.push({ id, title: options.title, message: options.message });
        return create(id, options, ...callback);
      };
    });

    // The publisher adds the Hoshine item; a refresh reads it.
    copyFileSync(FIXTURE, servedFeed);
    await send(options, { type: 'refresh-feeds' });
    await expect.poll(async () => (await send<NotificationRecord[]>(options, { type: 'list-notifications' })).length, { timeout: 20_000 }).toBe(1);
    const [record] = await send<NotificationRecord[]>(options, { type: 'list-notifications' });
    expect(record).toMatchObject({ entityId: HOSHINE, severity: 'high', delivery: 'shown', title: 'New alert: Hoshine Silicon Industry (Shanshan) Co., Ltd' });
    // What Chromium itself holds: the notification the extension created, under the id it recorded.
    const shown = await browser.worker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toEqual([record!.id]);
    expect(await createdNotifications()).toEqual([{ id: record!.id, title: 'New alert: Hoshine Silicon Industry (Shanshan) Co., Ltd', message: expect.stringContaining('Hoshine Silicon Industry (Shanshan) Co., Ltd on the first UFLPA Entity List') }]);
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
    const parsed = await atomReader().parseString(atom);
    expect(parsed.title).toBe('TenderLens alerts: My suppliers');
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]!.link).toBe('https://alerts.example.org/2022/06/hoshine-silicon-industry');
    expect(parsed.items[0]!.title).toContain('Hoshine Silicon Industry (Shanshan) Co., Ltd on the first UFLPA Entity List');
    expect(parsed.items[0]!.categories.map((c) => c.$)).toEqual([{ term: HOSHINE, label: HOSHINE_NAME }]);
    await watchSection.scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SCREENSHOTS}/options-watchlists.png`, fullPage: true });
  });

  it('queues a daily-digest watchlist’s alert, and the digest alarm fired in the real worker shows one digest', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const daily = await send<{ id: string }>(options, { type: 'create-watchlist', name: 'Contract 14 (daily)', notify: 'daily' });
    await send(options, { type: 'follow-entity', entityId: AKSU, watchlistId: daily.id });
    // The publisher adds a second item about Aksu Huafu.
    const text = readFileSync(FIXTURE, 'utf8');
    const aksuItem = /<item><title><!\[CDATA\[Aksu[\s\S]*?<\/item>/.exec(text)![0];
    const update = aksuItem.replace('added to the UFLPA Entity List', 'shipment detained under the UFLPA').replace('aksu-huafu-color-spinning<', 'aksu-huafu-detained<').replace('2025-01-15/aksu-huafu', '2025-02-10/aksu-huafu-detained');
    writeFileSync(servedFeed, text.replace(aksuItem, `${update}${aksuItem}`));
    await send(options, { type: 'refresh-feeds' });
    await expect.poll(async () => (await send<NotificationRecord[]>(options, { type: 'list-notifications' })).filter((n) => n.entityId === AKSU).map((n) => n.delivery), { timeout: 20_000 }).toEqual(['digest-queued']);
    // Queued, not shown.
    expect((await createdNotifications()).map((n) => n.title)).toEqual(['New alert: Hoshine Silicon Industry (Shanshan) Co., Ltd']);

    // Fire the digest alarm now, in the real worker (its period stays daily).
    await browser.worker.evaluate(() => chrome.alarms.create('tenderlens-daily-digest', { when: Date.now() + 200, periodInMinutes: 24 * 60 }));
    await expect.poll(async () => (await send<NotificationRecord[]>(options, { type: 'list-notifications' })).filter((n) => n.entityId === AKSU).map((n) => n.delivery), { timeout: 20_000 }).toEqual(['digest-sent']);
    const digest = (await createdNotifications()).at(-1)!;
    expect(digest).toEqual({ id: expect.stringMatching(/^digest-/), title: 'Daily digest: 1 new alert(s)', message: 'Aksu Huafu Color Spinning Co., Ltd.' });
    expect(Object.keys(await browser.worker.evaluate(() => chrome.notifications.getAll()))).toContain(digest.id);
    expect((await browser.worker.evaluate(() => chrome.alarms.get('tenderlens-daily-digest')))?.periodInMinutes).toBe(24 * 60);
    await options.close();
  });

  it('triages alerts in the supplier’s profile by keyboard, keeps it across a worker stop and a relink, and undoes “not relevant” from the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // A second feed names Hoshine again (its first read is its baseline: no notification).
    await send(options, { type: 'add-feed', url: `${server.origin}/alerts/mirror.rss` });
    const before = (await send<NotificationRecord[]>(options, { type: 'list-notifications' })).length;

    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const section = panel.locator('section.watchlists');
    const openHoshine = async () => {
      await section.getByRole('button', { name: HOSHINE_NAME }).click();
      await expect.poll(() => section.locator('.supplier-profile .timeline li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    };
    await openHoshine();
    const profile = section.locator('.supplier-profile');
    const mirrorAlert = profile.locator('.timeline li', { hasText: 'NGO mirror: Hoshine' });
    const firstAlert = profile.locator('.timeline li', { hasText: /^(?!.*NGO mirror)/ });
    await expect.poll(() => profile.locator('.timeline li').count()).toBe(2);
    await expect.poll(() => mirrorAlert.locator('.chip.unread').count()).toBe(1);
    const mySuppliersBadge = section.locator('.watchlist', { hasText: 'My suppliers' }).locator('.badge');
    await expect.poll(() => mySuppliersBadge.textContent()).toBe('1');

    // By keyboard: the mirror's item is important; the first item is marked unread, then not relevant.
    await mirrorAlert.getByRole('button', { name: 'Important' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => mirrorAlert.getByRole('button', { name: 'Important' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => mirrorAlert.locator('.chip.important').count()).toBe(1);
    await firstAlert.getByRole('button', { name: 'Mark unread' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => mySuppliersBadge.textContent()).toBe('2');
    await firstAlert.getByRole('button', { name: `Not relevant: this item is not about ${HOSHINE_NAME}` }).focus();
    await panel.keyboard.press('Space');
    const setAside = profile.locator('.not-relevant-list li');
    await expect.poll(() => setAside.count()).toBe(1);
    expect(await setAside.textContent()).toMatch(/Hoshine Silicon Industry \(Shanshan\) Co\., Ltd on the first UFLPA Entity List.*Not relevant — your decision \(you, on this browser, .+\)\. This item is no longer linked to this company\. Undo/);
    await expect.poll(() => profile.locator('.timeline li').count()).toBe(1);
    // The item no longer counts: one unread (the mirror's), and no notification came of any of this.
    await expect.poll(() => mySuppliersBadge.textContent()).toBe('1');
    expect(await send<NotificationRecord[]>(options, { type: 'list-notifications' })).toHaveLength(before);

    // Look at it: light, dark, 400 px wide.
    await profile.scrollIntoViewIfNeeded();
    await panel.emulateMedia({ colorScheme: 'light' });
    await profile.screenshot({ path: `${SCREENSHOTS}/sidepanel-profile-triage.png` });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await profile.screenshot({ path: `${SCREENSHOTS}/sidepanel-profile-triage-dark.png` });
    await panel.emulateMedia({ colorScheme: 'light' });
    const violations = await runAxe(panel, { within: 'section.watchlists' });
    expect(violations.filter(isSerious)).toEqual([]);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

    // The real worker stopped (as Chromium stops idle workers), then every feed read whole again: all is kept.
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.reload();
    await send(options, { type: 'refresh-feeds', relink: true });
    await currentWorker();
    await panel.reload();
    await openHoshine();
    await expect.poll(() => profile.locator('.not-relevant-list li').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => profile.locator('.timeline li').count()).toBe(1);
    expect(await mirrorAlert.locator('.chip.important').count()).toBe(1);
    expect(await mirrorAlert.locator('.chip.unread').count()).toBe(1);

    // The exported watchlist leaves the wrong link out, and says so.
    await options.reload();
    const watchSection = options.locator('section', { has: options.getByRole('heading', { name: 'Watchlists' }) });
    const mySuppliers = watchSection.locator('li.watchlist', { hasText: 'My suppliers' });
    const [download] = await Promise.all([options.waitForEvent('download'), mySuppliers.getByRole('button', { name: 'Download as Atom' }).click()]);
    const atom = readFileSync((await download.path())!, 'utf8');
    const parsed = await atomReader().parseString(atom);
    expect(parsed.items.map((i) => i.link)).toEqual(['https://mirror.example.net/2022/06/hoshine-silicon-industry']);
    expect(parsed.items[0]!.categories.map((c) => c.$)).toEqual([{ term: HOSHINE, label: HOSHINE_NAME }]);
    expect(atom).toContain('Left out: 1 link(s) between an item and a supplier that the user marked “not relevant” (a wrong link).');

    // Undo from the options page, among the decisions: the item is Hoshine's again.
    const decisions = options.locator('section', { has: options.getByRole('heading', { name: 'Your match decisions' }) });
    const undo = decisions.getByRole('button', { name: `Undo “not relevant” for ${HOSHINE_NAME}` });
    await undo.scrollIntoViewIfNeeded();
    await decisions.screenshot({ path: `${SCREENSHOTS}/options-not-relevant-decision.png` });
    await undo.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => decisions.getByText('You have marked no alert as not relevant.').count()).toBe(1);
    await expect.poll(() => profile.locator('.timeline li').count(), { timeout: 20_000 }).toBe(2);
    expect(await profile.locator('.not-relevant-list li').count()).toBe(0);

    // Archived: out of the timeline, back on request.
    await mirrorAlert.getByRole('button', { name: 'Archive' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => profile.locator('.timeline li').count()).toBe(1);
    const showArchived = profile.getByRole('button', { name: 'Show archived alerts (1)' });
    await showArchived.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => mirrorAlert.locator('.chip.archived').count()).toBe(1);
    expect(await profile.getByRole('button', { name: 'Hide archived alerts' }).getAttribute('aria-expanded')).toBe('true');
    await profile.scrollIntoViewIfNeeded();
    await profile.screenshot({ path: `${SCREENSHOTS}/sidepanel-profile-archived-400.png` });
    await panel.locator('section.alerts').screenshot({ path: `${SCREENSHOTS}/sidepanel-alerts-triage-400.png` });
    await panel.close();
    await options.close();
  });
});
