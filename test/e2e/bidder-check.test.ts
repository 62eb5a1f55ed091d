// The bidder check in a real Chromium with the built extension: two bidders' disclosures (three files, one a
// second version) and an Open Supply Hub list as XLSX are imported in the side panel, the check runs on the award
// page's bidders, the report is exported (every flag with its evidence chain, every disclosure gap named) and
// printed; the award page's supplier cards show the disclosures and their age, and keep their marks when grey marks
// are hidden; the popup offers the check of the page's bidders. Screenshots (side panel at 400 px, light and dark;
// the report printed, dark and at 400 px) land in test-results/screenshots/.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { templateXlsx } from '../../src/disclosures/xlsx-file';
import { FIELD_SPECS } from '../../src/disclosures/template';
import type { BidderCheckReport } from '../../src/disclosures/check-bidders';
import { monthsBetween } from '../../src/disclosures/quality';
import { runAxe, isSerious } from './harness';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
const FIX = here('../fixtures/disclosures/');
const AWARD = '/find-a-tender/Notice/000000-2026';

/** The machine may be busy: imports and checks get time to finish before an expectation gives up. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

let server: PageServer;
let browser: ExtensionBrowser;
let work: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'tenderlens-bidder-check-'));
  server = await servePages({ [AWARD]: join(FIX, 'award_notice_laptops_workwear.html') });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Evaluates an expression in the browser's own side panel (the first sidepanel.html target), '' when there is none. */
async function evaluateInSidePanel(from: Page, expression: string): Promise<string> {
  const cdp = await browser.context.newCDPSession(from);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const target = targetInfos.find((t) => t.url.endsWith('/sidepanel.html'));
    if (!target) return '';
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<string>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (event.sessionId === sessionId && message.id === 1) resolve(String(message.result?.result?.value ?? ''));
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    const value = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  return browser.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

/** An Open Supply Hub list as an XLSX workbook, written with the template's columns. */
async function oshListXlsx(): Promise<string> {
  const row = (values: Partial<Record<string, string>>) => FIELD_SPECS.map((s) => values[s.field] ?? '');
  const bytes = await templateXlsx([
    row({ facility_name: 'Lianbao (Kunshan) Electronics Co., Ltd.', facility_address: 'No. 2, Yuanfeng Road, Kunshan Economic and Technological Development Zone, Kunshan, Jiangsu', facility_country: 'China', products: 'Notebook computers', os_id: 'CN2021188H2W5TN' }),
    row({ facility_name: 'Erateks Tekstil Sanayi ve Ticaret A.Ş.', facility_address: 'Zafer Mah. 140. Sok. No:45 /1, Esenyurt/Istanbul, PK 34513, Istanbul', facility_country: 'TR', os_id: 'TR2019351K4Q7M4' }),
  ]);
  const file = join(work, 'osh_list.xlsx');
  writeFileSync(file, bytes);
  return file;
}

describe('bidder check from an award page', () => {
  it('imports two bidders\' disclosures, checks the page\'s bidders, exports and prints the report', async () => {
    // grey "nothing listed" marks hidden: before any disclosure, the two suppliers (on no list) have no mark
    await browser.worker.evaluate(() => (chrome.storage as unknown as { local: { set(v: unknown): Promise<void> } }).local.set({ markSettings: { hideChecked: true } }));
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${AWARD}`);
    await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
    const supplierMark = (name: RegExp) => page.locator('tenderlens-mark').filter({ has: page.getByRole('button', { name }) });
    expect(await supplierMark(/Brightline|Nordkust/).count()).toBe(0);
    const tabId = await tabIdOf(page);

    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    const input = panel.getByLabel('Import disclosures (CSV, XLSX or JSON)');
    await input.setInputFiles([join(FIX, 'nordkust_workwear_2026-03.csv'), join(FIX, 'brightline_ict_2026-10.csv'), await oshListXlsx()]);
    await poll(() => panel.getByText('nordkust_workwear_2026-03.csv: 4 facilities imported for Nordkust Workwear BV (version 1).').count()).toBe(1);
    await poll(() => panel.getByText('osh_list.xlsx: imported as a facility list (2 facilities).').count()).toBe(1);
    await input.setInputFiles([join(FIX, 'nordkust_workwear_2026-11.json'), join(FIX, 'broken_missing_address_column.csv')]);
    await poll(() => panel.getByText('nordkust_workwear_2026-11.json: 4 facilities imported for Nordkust Workwear BV (version 2).').count()).toBe(1);
    await poll(() => panel.getByText(/^removed: Gallant Industries \(M\) Sdn Bhd/).count()).toBe(1);
    await poll(() => panel.getByText('broken_missing_address_column.csv was refused; nothing was imported:').count()).toBe(1);
    await poll(() => panel.getByText(/no column for "facility_address"/).count()).toBe(1);
    await poll(() => panel.getByText(/^Nordkust Workwear BV: version 2, .*2026, 4 facilities$/).count()).toBe(1);

    // the bidders come from the award page
    const bidders = panel.getByLabel('Bidders (one a line)');
    await poll(() => bidders.inputValue()).toBe('Brightline ICT Solutions NV\nNordkust Workwear BV');
    await panel.getByLabel('Judge freshness as of').fill('2026-12-03');
    await panel.getByRole('button', { name: 'Check bidders' }).click();
    const summary = panel.locator('table.bc-summary tbody tr');
    await poll(() => summary.count()).toBe(2);
    expect(await summary.nth(0).textContent()).toMatch(/^Brightline ICT Solutions NVv1, .*2026/);
    const brightline = panel.locator('details.bc-bidder').filter({ hasText: 'Brightline ICT Solutions NV' });
    await poll(() => brightline.getByText('disclosed facility Camel Group Co., Ltd. is Camel Group Co., Ltd.: import ban').count()).toBe(1);
    await poll(() => brightline.getByText(/Lianbao \(Kunshan\) Electronics Co., Ltd. may be Lianbao/).count()).toBe(1);
    expect(await panel.locator('.bc-chart img[src^="data:image/svg+xml"]').count()).toBe(1);
    // the world map: China (a listed facility, and Xinjiang) shaded as flagged, Malaysia (gloves) as derived risk
    const map = panel.locator('figure.bc-map');
    await poll(() => map.locator('svg[role="img"] path').count()).toBeGreaterThan(150);
    expect(await map.locator('path.map-flagged title').allTextContents()).toEqual([expect.stringMatching(/^China: \d+ flagged/)]);
    expect(await map.locator('path.map-derived title').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Malaysia: /)]));
    expect(await map.locator('.bc-map-legend li').allTextContents()).toContain(' flagged (list or Xinjiang)');
    await map.screenshot({ path: `${SCREENSHOTS}/bidder-check-map.png` });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await map.screenshot({ path: `${SCREENSHOTS}/bidder-check-map-dark.png` });
    await panel.emulateMedia({ colorScheme: 'light' });
    expect((await runAxe(panel, { within: 'section.bc' })).filter(isSerious)).toEqual([]);
    await panel.locator('section.bc').screenshot({ path: `${SCREENSHOTS}/bidder-check-sidepanel.png` });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.locator('section.bc').screenshot({ path: `${SCREENSHOTS}/bidder-check-sidepanel-dark.png` });
    await panel.emulateMedia({ colorScheme: 'light' });

    // a proposed link, confirmed, is shown as the user's decision
    await brightline.getByRole('button', { name: 'Same facility' }).first().click();
    await poll(() => brightline.getByText(/Lianbao \(Kunshan\) Electronics Co., Ltd. may be/).count()).toBe(0);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'printable page (HTML)' }).click()]);
    const saved = join(work, download.suggestedFilename());
    await download.saveAs(saved);
    const html = readFileSync(saved, 'utf8');
    expect(html).toContain('freshness judged as of 2026-12-03');
    expect(html).toContain('Lianbao (Kunshan) Electronics Co., Ltd. (CN2021188H2W5TN) — confirmed by you');
    expect(html).toContain('<figure class="world-map">');

    // the acceptance: in the exported report every flag shows its evidence chain and every disclosure gap is named
    const [jsonDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'JSON file' }).last().click()]);
    const jsonFile = join(work, jsonDownload.suggestedFilename());
    await jsonDownload.saveAs(jsonFile);
    const exported = JSON.parse(readFileSync(jsonFile, 'utf8')) as BidderCheckReport;
    const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const flags = exported.bidders.flatMap((b) => b.flags.map((f) => ({ b, f })));
    expect(flags.filter(({ f }) => f.severity === 'flag').length).toBeGreaterThanOrEqual(4);
    for (const { b, f } of flags) {
      expect(f.chain[0], f.title).toEqual({ kind: 'bidder', text: b.name });
      if (f.title.startsWith('disclosed facility')) expect(f.chain.map((c) => c.kind), f.title).toEqual(['bidder', 'facility', f.title.includes('Xinjiang') ? 'region' : 'list-entry']);
      expect(['list-entry', 'region']).toContain(f.chain.at(-1)!.kind);
      // the printed page shows the same chain, step by step, in order
      const chainHtml = `<ol class="chain">${f.chain.map((c) => `<li>${c.url ? `<a href="${esc(c.url)}" rel="noreferrer noopener">${esc(c.text)}</a>` : esc(c.text)}</li>`).join('')}</ol>`;
      expect(html, f.title).toContain(chainHtml);
    }
    const gaps = exported.bidders.flatMap((b) => b.quality?.gaps ?? []);
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(html, g.message).toContain(esc(g.message));
    const [csvDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'CSV file' }).last().click()]);
    const csvFile = join(work, csvDownload.suggestedFilename());
    await csvDownload.saveAs(csvFile);
    expect(readFileSync(csvFile, 'utf8')).toMatch(/^# TenderLens bidder check, generated /);

    const report = await browser.context.newPage();
    await report.goto(`file://${saved}`);
    await report.emulateMedia({ media: 'print' });
    await report.setViewportSize({ width: 794, height: 1123 });
    await report.screenshot({ path: `${SCREENSHOTS}/bidder-check-report-print.png`, fullPage: true });
    const pdf = await report.pdf({ path: `${SCREENSHOTS}/bidder-check-report.pdf`, format: 'A4', printBackground: false });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await report.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await report.screenshot({ path: `${SCREENSHOTS}/bidder-check-report-dark.png`, clip: { x: 0, y: 0, width: 794, height: 1400 } });
    await report.setViewportSize({ width: 400, height: 900 });
    await report.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await report.screenshot({ path: `${SCREENSHOTS}/bidder-check-report-400.png`, clip: { x: 0, y: 0, width: 400, height: 1600 } });
    expect(await report.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await report.close();
    await panel.close();

    // the award page's cards: Brightline's disclosed Camel Group facility makes its mark a flag, with the chain;
    // grey marks are still hidden, but a supplier with a disclosure keeps its mark
    await page.reload();
    const mark = supplierMark(/Brightline/).first();
    await mark.waitFor({ timeout: 20_000 });
    expect(await mark.getAttribute('data-tenderlens')).toBe('flag');
    await mark.getByRole('button').first().click();
    const card = mark.getByRole('dialog');
    await poll(() => card.isVisible()).toBe(true);
    const text = await card.textContent();
    expect(text).toMatch(/Disclosed facilities \(version 1, Oct 1, 2026\)/);
    const months = monthsBetween('2026-10-01', new Date().toISOString().slice(0, 10));
    expect(text).toContain(months === 0 ? 'Disclosed less than a month ago' : months === 1 ? 'Disclosed 1 month ago' : `Disclosed ${months} months ago`);
    expect(text!.includes('Older than 6 months')).toBe(months >= 6);
    expect(text).toContain('Brightline ICT Solutions NV → Camel Group Co., Ltd. → Camel Group Co., Ltd. is on UFLPA Entity List (reconstructed 2026-12-03, partial)');
    expect(text).toContain('Hoshine Silicon Industry (Shanshan) Co., Ltd (CN): Xinjiang (UFLPA); Polysilicon (ILAB)');
    await page.screenshot({ path: `${SCREENSHOTS}/bidder-check-award-card.png` });
    expect(await supplierMark(/Nordkust/).count()).toBeGreaterThan(0);

    // the popup offers the check of the page's bidders; it opens the side panel at the check, bidders filled in
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const offer = popup.getByRole('button', { name: 'Check these 2 bidders' });
    await offer.waitFor({ timeout: 20_000 });
    await popup.screenshot({ path: `${SCREENSHOTS}/bidder-check-popup.png` });
    await offer.click();
    // Chromium opens its own side panel (a target Playwright does not list): it is read through the DevTools protocol
    const read = () => evaluateInSidePanel(page, `(() => { const f = [...document.querySelectorAll('label')].find((l) => l.textContent.startsWith('Bidders (one a line)'))?.querySelector('textarea'); return f ? JSON.stringify({ value: f.value, focused: f === document.activeElement }) : ''; })()`);
    await poll(read).toBe(JSON.stringify({ value: 'Brightline ICT Solutions NV\nNordkust Workwear BV', focused: true }));
    const left = await browser.worker.evaluate(() => (chrome.storage as unknown as { local: { get(k: string): Promise<Record<string, unknown>> } }).local.get('bidderCheckRequest'));
    expect(left).toEqual({});
    await page.close();
  });
});
