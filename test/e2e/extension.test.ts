// The built extension in a real Chromium: the saved Find a Tender and Contracts Finder award notices and the
// demonstration notice, served from 127.0.0.1, get their marks, the toolbar badge and the popup's findings.
// Screenshots land in test-results/screenshots/ for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, here, startHarness, type Harness } from './harness';
import * as harness from './harness';

let h: Harness;
let browser: Harness['browser'];

beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});

afterAll(async () => {
  await h?.close();
});

const openAnnotated = (path: string): Promise<Page> => harness.openAnnotated(h, path);
const tabIdOf = (page: Page): Promise<number> => harness.tabIdOf(h, page);

async function badgeOf(page: Page): Promise<{ text: string; title: string }> {
  const tabId = await tabIdOf(page);
  return browser.worker.evaluate(
    async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
    tabId,
  );
}

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await tabIdOf(page);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 720 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('main.popup section, main.popup .empty').first().waitFor();
  return popup;
}

describe('Find a Tender award notice 008624-2023 (saved page)', () => {
  it('marks the CPV code and every winner as checked, with no flags, and says so in the popup', async () => {
    const page = await openAnnotated('/find-a-tender/Notice/008624-2023');
    await page.locator('tenderlens-mark').nth(0).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/find-a-tender-page.png` });

    expect(await page.locator('tenderlens-mark[data-tenderlens="flag"]').count()).toBe(0);
    const checkedMarks = await page.locator('tenderlens-mark[data-tenderlens="checked"]').count();
    expect(checkedMarks).toBeGreaterThanOrEqual(2);
    // A mark closes the main CPV entry, "33600000 - Pharmaceutical products".
    const markedEntries = await page.evaluate(() =>
      Array.from(document.querySelectorAll('tenderlens-mark')).map((mark) => mark.parentElement?.textContent?.trim() ?? ''),
    );
    expect(markedEntries).toContain('33600000 - Pharmaceutical products');

    const badge = await badgeOf(page);
    expect(badge.text).toBe('');
    expect(badge.title).toMatch(/no known risks/i);

    const popup = await openPopupFor(page);
    await expect.poll(() => popup.getByText('No known risks found on this page.').count()).toBe(1);
    await expect.poll(() => popup.getByText(/No information is not the same as no risk/).count()).toBeGreaterThan(0);
    await expect.poll(() => popup.getByText(/33600000 Pharmaceutical products/).count()).toBeGreaterThan(0);
    await expect.poll(() => popup.getByText('Amgen Ltd', { exact: false }).count()).toBeGreaterThan(0);
    await popup.screenshot({ path: `${SCREENSHOTS}/find-a-tender-popup.png`, fullPage: true });
    await popup.close();

    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${await tabIdOf(page)}`);
    await expect.poll(() => panel.getByText('No known risks found on this page.').count()).toBe(1);
    await expect.poll(() => panel.getByText(/Checked against: .*UFLPA Entity List \(reconstructed 2026-12-03, partial\)/).count()).toBe(1);
    await panel.close();
    await page.close();
  });
});

describe('Contracts Finder award notice 05c544dc (saved page)', () => {
  it('checks all five suppliers and the CPV code', async () => {
    const page = await openAnnotated('/contracts-finder/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac');
    await page.screenshot({ path: `${SCREENSHOTS}/contracts-finder-page.png` });
    const popup = await openPopupFor(page);
    for (const supplier of ['Abbvie Ltd', 'Amgen Ltd', 'Biogen Idec UK Limited', 'Mylan', 'Sandoz Ltd']) {
      await expect.poll(() => popup.locator('.checked li', { hasText: supplier }).count()).toBeGreaterThan(0);
    }
    await expect.poll(() => popup.getByText('No known risks found on this page.').count()).toBe(1);
    expect((await badgeOf(page)).text).toBe('');
    await popup.close();
    await page.close();
  });
});

describe('demonstration notice (flagged supplier, high-risk categories)', () => {
  it('flags the UFLPA-listed contractor, marks the high-risk CPV categories, counts them on the badge and lists them in the popup', async () => {
    const page = await openAnnotated('/demo/notice');
    const flag = page.locator('tenderlens-mark[data-tenderlens="flag"]').first();
    await flag.waitFor();
    expect(await page.locator('tenderlens-mark[data-tenderlens="category"]').count()).toBeGreaterThanOrEqual(3);

    // The flag's card explains itself: which list, and a link to it.
    await flag.getByRole('button').click();
    const card = flag.getByRole('dialog');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toMatch(/UFLPA/);
    // What it means for the award is on the card; the technical detail and the link are one click away.
    expect(await card.textContent()).toMatch(/What this means for the award/);
    await card.getByText(/^Details: why it matched/).click();
    expect(await card.getByRole('link').first().getAttribute('href')).toMatch(/^https:\/\/www\.dhs\.gov\//);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-page-flag-open.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);

    const popup = await openPopupFor(page);
    const findings = popup.locator('.findings > li');
    await expect.poll(() => findings.count()).toBeGreaterThanOrEqual(4);
    const count = await findings.count();
    expect((await badgeOf(page)).text).toBe(String(count));
    await expect.poll(() => popup.locator('.finding.flagged-entity', { hasText: 'Hoshine Silicon Industry' }).count()).toBe(1);
    await expect.poll(() => popup.locator('.finding.high-risk-category').count()).toBeGreaterThanOrEqual(3);
    await popup.screenshot({ path: `${SCREENSHOTS}/demo-popup.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('lets the user dismiss a possible match on this page, and the mark and the badge follow', async () => {
    const page = await openAnnotated('/demo/notice');
    const review = page.locator('tenderlens-mark[data-tenderlens="review"]').first();
    await review.waitFor();
    const before = Number((await badgeOf(page)).text);
    await review.getByRole('button').first().click();
    await review.getByRole('button', { name: 'Not this company' }).click();
    await expect.poll(() => page.locator('tenderlens-mark[data-tenderlens="review"]').count()).toBe(0);
    await expect.poll(async () => Number((await badgeOf(page)).text)).toBe(before - 1);
    await page.close();
  });
});

describe('options page', () => {
  it('shows every shipped list with its version and size, partial lists marked, and the user’s decisions', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const rows = options.locator('table.lists tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    await expect.poll(() => options.locator('table.lists', { hasText: 'UFLPA Entity List' }).count()).toBe(1);
    expect(await options.locator('tr', { hasText: 'UFLPA Entity List' }).textContent()).toMatch(/partial list/);
    const uflpa = (await options.locator('tr', { hasText: 'UFLPA Entity List' }).textContent())!;
    expect(uflpa).toContain('19 of 92 rows checked against the publisher');
    expect(uflpa).toContain('Covers the list up to 2025-01-15.');
    expect(uflpa).toContain('Incomplete: rows of the official list are missing until TenderLens refreshes it.');
    const cbp = (await options.locator('tr', { hasText: 'CBP Withhold Release Orders' }).textContent())!;
    expect(cbp).toContain('goods held at the US border under a Withhold Release Order or Finding');
    expect(cbp).toContain('16 of 80 rows checked');
    expect(await options.locator('tr', { hasText: 'Common Procurement Vocabulary' }).textContent()).toMatch(/9,454/);
    // The dismissal made on the demonstration notice above is listed and can be undone.
    const decision = options.locator('.decisions li', { hasText: 'Camel Group' });
    await expect.poll(() => decision.count()).toBe(1);
    await options.screenshot({ path: `${SCREENSHOTS}/options.png`, fullPage: true });
    await decision.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => options.locator('.decisions li').count()).toBe(0);

    // Import an entity list (FollowTheMoney JSON lines) and see it listed with its rows, then remove it.
    await options.locator('form.import input[type=file]').setInputFiles(here('../fixtures/ftm/yente_zala_cluster.ftm.jsonl'));
    await options.getByLabel('List name').fill('ZALA cluster (test)');
    await options.locator('form.import').getByLabel('Being on this list means').selectOption('watch');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByText(/Imported 11 companies and organisations into “ZALA cluster \(test\)”/).count()).toBe(1);
    await expect.poll(() => options.locator('table.lists tbody tr').count()).toBe(7);
    await options.screenshot({ path: `${SCREENSHOTS}/options-import.png`, fullPage: true });
    await options.locator('tr', { hasText: 'ZALA cluster (test)' }).getByRole('button', { name: 'Remove list' }).click();
    await options.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => options.locator('table.lists tbody tr').count()).toBe(6);

    // A hostile file's problems are quoted with its control and direction characters made visible, not obeyed.
    const hostile = [
      JSON.stringify({ id: 'ok-1', schema: 'Company', properties: { name: ['Harmless Trading Ltd'] } }),
      JSON.stringify({ id: 'bad-1', schema: 'Company', properties: { name: ['Beep Ltd'], ['note\u202e\u0007']: 'x' } }),
      JSON.stringify({ id: 'bad-2', schema: 'Wire\u0085Transfer\u202e', properties: {} }),
    ].join('\n');
    await options.locator('form.import input[type=file]').setInputFiles({ name: 'hostile.ftm.jsonl', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    await options.locator('form.import').getByLabel('Being on this list means').selectOption('watch');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const report = options.locator('form.import .report');
    await expect.poll(() => report.count()).toBe(1);
    const reportText = (await report.textContent())!;
    expect(reportText).toContain('properties.note\\u202e\\u0007');
    expect(reportText).toContain('Wire\\u0085Transfer\\u202e');
    expect(reportText).not.toMatch(/[\u0000-\u0008\u007f-\u009f\u202a-\u202e]/);
    await options.locator('tr', { hasText: 'hostile' }).getByRole('button', { name: 'Remove list' }).click();
    await options.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => options.locator('table.lists tbody tr').count()).toBe(6);
    await options.close();
  });
});
