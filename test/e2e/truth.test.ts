// What the extension says, in a real Chromium: a dismissed flag stays visible as dismissed by you (mark, card, popup,
// side panel) with Undo, and holds for the same page reached with tracking parameters; a list imported as a watch list
// gives possible matches only; every change to the lists or decisions reaches open tabs without a reload; removing a
// list asks first; the findings export as a printable page and as CSV with the date and list editions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
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
  server = await servePages({ '/demo/notice': here('../../src/demo/demo-notice.html'), '/drones/notice': here('./pages/drone-award-notice.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAnnotated(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
  return page;
}

async function tabIdOf(page: Page): Promise<number> {
  return browser.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, page.url());
}

async function badgeText(page: Page): Promise<string> {
  const tabId = await tabIdOf(page);
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function extensionPage(path: string, width = 440): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

const hoshineMark = (page: Page, tone: string) => page.locator(`tenderlens-mark[data-tenderlens="${tone}"]`, { hasText: /Flagged|Dismissed/ }).first();

describe('a dismissed flag', () => {
  it('asks why, stays visible as dismissed by you in the mark, card, popup and side panel, and comes back with Undo', async () => {
    const page = await openAnnotated('/demo/notice');
    const flag = hoshineMark(page, 'flag');
    await flag.getByRole('button').first().click();
    const card = flag.getByRole('dialog');
    expect(await card.textContent()).toMatch(/What this means for the award/);
    expect(await card.textContent()).toMatch(/What to ask the supplier/);
    // "Everywhere" asks to confirm first.
    await card.getByLabel('everywhere').check();
    await card.getByRole('button', { name: 'Not this company' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toMatch(/tick the box to confirm/);
    expect(await page.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBeGreaterThan(0);
    // This page, with a reason and a note.
    await card.getByLabel('this page').check();
    await card.getByLabel('Why it is not this company').selectOption('different-country');
    await card.getByLabel('Note for the award file (optional)').fill('Registered in Spain, checked the VAT number');
    const before = Number(await badgeText(page));
    await card.getByRole('button', { name: 'Not this company' }).click();

    const dismissed = page.locator('tenderlens-mark[data-tenderlens="dismissed"]').first();
    await dismissed.waitFor();
    expect(await page.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBe(0);
    await expect.poll(async () => Number(await badgeText(page))).toBe(before - 1);
    await dismissed.getByRole('button').first().click();
    const dismissedCard = dismissed.getByRole('dialog');
    const text = (await dismissedCard.textContent()) ?? '';
    expect(text).toMatch(/Dismissed by you on this browser for this page, on .+\. Same name, but another country or address\. “Registered in Spain, checked the VAT number”/);
    expect(text).toMatch(/What the list says: On “UFLPA Entity List”: an import ban/);
    expect(text).not.toMatch(/not on the loaded|nothing listed/i);
    await page.screenshot({ path: `${SCREENSHOTS}/dismissed-card.png` });
    await page.keyboard.press('Escape');

    const tabId = await tabIdOf(page);
    for (const view of ['popup.html', 'sidepanel.html']) {
      const panel = await extensionPage(`${view}?tab=${tabId}`);
      const item = panel.locator('.dismissed-findings li', { hasText: 'Hoshine' });
      await expect.poll(() => item.count()).toBe(1);
      expect(await item.textContent()).toMatch(/Dismissed by you on this browser for this page/);
      const checked = panel.locator('.checked li', { hasText: 'Hoshine' });
      expect(await checked.textContent()).toMatch(/listed, but dismissed by you for this page/);
      expect(await checked.textContent()).not.toMatch(/on none of the lists checked/);
      await panel.screenshot({ path: `${SCREENSHOTS}/dismissed-${view.replace('.html', '')}.png`, fullPage: true });
      await panel.close();
    }

    // The same page with tracking parameters and a fragment is the same page: the decision holds.
    const tracked = await browser.context.newPage();
    await tracked.goto(`${server.origin}/demo/notice?utm_source=newsletter&fbclid=x#award`);
    await tracked.locator('tenderlens-mark[data-tenderlens="dismissed"]').first().waitFor({ timeout: 20_000 });
    expect(await tracked.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBe(0);

    // Undo on the card brings the flag back on both open tabs, without a reload.
    await dismissed.getByRole('button').first().click();
    await dismissed.getByRole('dialog').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBeGreaterThan(0);
    await expect.poll(() => tracked.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBeGreaterThan(0);
    await expect.poll(async () => Number(await badgeText(page))).toBe(before);
    await tracked.close();
    await page.close();
  });

  it('a confirmation works for this site too, and the options page names the listed company', async () => {
    const page = await openAnnotated('/demo/notice');
    const review = page.locator('tenderlens-mark[data-tenderlens="review"]').first();
    await review.getByRole('button').first().click();
    await review.getByRole('dialog').getByLabel('this site').check();
    await review.getByRole('dialog').getByRole('button', { name: 'Confirm match' }).click();
    await expect.poll(() => page.locator('tenderlens-mark[data-tenderlens="review"]').count()).toBe(0);
    // Confirmed, it is a flag whose card says who confirmed it, where and when, with Undo.
    const camel = page.locator('tenderlens-mark[data-tenderlens="flag"]', { hasText: 'Flagged' }).last();
    await camel.getByRole('button').first().click();
    expect(await camel.getByRole('dialog').textContent()).toMatch(/Confirmed by you on this browser for this site, on /);
    await page.keyboard.press('Escape');
    const options = await extensionPage('options.html', 1100);
    const decision = options.locator('.decisions li', { hasText: 'Camel Group Co., Ltd.' });
    await expect.poll(() => decision.count()).toBe(1);
    expect(await decision.textContent()).toMatch(/found on the page as “Camel Group”.*Confirmed by you on this browser for this site/);
    // Undo on the options page reaches the open tab.
    await decision.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => page.locator('tenderlens-mark[data-tenderlens="review"]').count()).toBe(1);
    await options.close();
    await page.close();
  });
});

describe('a list imported as a watch list', () => {
  it('refuses an import without a meaning; as a watch list gives open tabs a possible match, never a red flag; removal asks first and reaches them too', async () => {
    const page = await openAnnotated('/drones/notice');
    const zalaMarks = page.locator('tenderlens-mark', { hasText: /Possible match|Flagged/ });
    expect(await zalaMarks.count()).toBe(0);

    const options = await extensionPage('options.html', 1100);
    await options.locator('form.import input[type=file]').setInputFiles(here('../fixtures/ftm/yente_zala_cluster.ftm.jsonl'));
    await options.getByLabel('List name').fill('ZALA watch');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('form.import [role=alert]').textContent()).toMatch(/Choose what being on this list means/);
    expect(await options.locator('table.lists tr', { hasText: 'ZALA watch' }).count()).toBe(0);

    await options.locator('form.import').getByLabel('Being on this list means').selectOption('watch');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByText(/Imported 11 companies and organisations into “ZALA watch”/).count()).toBe(1);
    // Listed apart from the shipped lists, with companies and listings counted separately.
    const row = options.locator('section[aria-labelledby="imported-heading"] tr', { hasText: 'ZALA watch' });
    await expect.poll(() => row.count()).toBe(1);
    expect((await row.locator('td').allTextContents()).slice(2, 5)).toEqual(['11', '0', '0']);
    await options.screenshot({ path: `${SCREENSHOTS}/options-watch-list.png`, fullPage: true });
    // The shipped UFLPA list says what it is: an import ban.
    expect(await options.locator('tr', { hasText: 'UFLPA Entity List' }).textContent()).toMatch(/Being on it means: an import ban/);

    // The open tab follows without a reload: a possible match, not a flag.
    const review = page.locator('tenderlens-mark[data-tenderlens="review"]', { hasText: 'Possible match' }).first();
    await review.waitFor({ timeout: 20_000 });
    expect(await page.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBe(0);
    await review.getByRole('button').first().click();
    const card = (await review.getByRole('dialog').textContent()) ?? '';
    expect(card).toMatch(/ZALA AERO JSC/);
    expect(card).toMatch(/On the watch list “ZALA watch”: being on it says nothing by itself/);
    expect(card).not.toMatch(/forced-labour list|without a flag/);
    await page.screenshot({ path: `${SCREENSHOTS}/watch-list-card.png` });
    await page.keyboard.press('Escape');

    await row.getByRole('button', { name: 'Remove list' }).click();
    await expect.poll(() => options.getByText(/Remove “ZALA watch” and its 11 companies\?/).count()).toBe(1);
    await options.getByRole('button', { name: 'Keep it' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: 'Remove list' }).click();
    await options.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => page.locator('tenderlens-mark[data-tenderlens="review"]', { hasText: 'Possible match' }).count()).toBe(0);
    await options.close();
    await page.close();
  });
});

describe('findings for the award file', () => {
  it('opens a printable page from the popup and downloads the CSV, both with the date, list editions, evidence and decisions', async () => {
    const page = await openAnnotated('/demo/notice');
    const review = page.locator('tenderlens-mark[data-tenderlens="review"]').first();
    await review.getByRole('button').first().click();
    await review.getByRole('dialog').getByLabel('Note for the award file (optional)').fill('Another Camel: the battery maker in Xiangyang is not named');
    await review.getByRole('dialog').getByRole('button', { name: 'Not this company' }).click();
    await page.locator('tenderlens-mark[data-tenderlens="dismissed"]').first().waitFor();

    const popup = await extensionPage(`popup.html?tab=${await tabIdOf(page)}`);
    await popup.locator('.dismissed-findings li').first().waitFor();
    const [report] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: /Findings for the award file/ }).click()]);
    await report.locator('.report-rows > li').first().waitFor();
    const text = (await report.locator('main').textContent()) ?? '';
    expect(text).toMatch(/Checked on/);
    expect(text).toMatch(/UFLPA Entity List \(edition reconstructed 2026-12-03, partial\)/);
    expect(text).toMatch(/Hoshine Silicon Industry \(Shanshan\) Co\., Ltd/);
    expect(text).toMatch(/Dismissed by you \(was: Possible match\)/);
    expect(text).toMatch(/Another Camel: the battery maker in Xiangyang is not named/);
    await report.setViewportSize({ width: 1200, height: 900 });
    await report.screenshot({ path: `${SCREENSHOTS}/findings-report.png`, fullPage: true });
    await report.emulateMedia({ media: 'print' });
    expect(await report.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    await report.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Download the findings (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tenderlens-findings-\d{4}-\d\d-\d\d-demo-notice\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\ufeff?notice,/);
    expect(csv).toMatch(/checked at,\d{4}-\d\d-\d\dT/);
    expect(csv).toMatch(/UFLPA Entity List \(edition reconstructed 2026-12-03, partial\)/);
    expect(csv).toMatch(/\r\nFlagged,"Hoshine Silicon Industry \(Shanshan\) Co\., Ltd",/);
    expect(csv).toMatch(/Dismissed by you \(was: Possible match\),Camel Group,.*dismissed \(page: http:\/\/127\.0\.0\.1:\d+\/demo\/notice\),[^,]+,A different company with a similar name,Another Camel/);
    await report.close();
    await popup.close();
    await page.close();
  });
});
