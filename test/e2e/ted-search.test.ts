// The built extension in a real Chromium on a TED search-results page served from 127.0.0.1: every listed notice
// is read from its own notice XML (the six real notices in test/fixtures/ted), the one whose XML is not served stays
// listed by number, and the winners and buyers are marked where the page shows them, once each. Screenshot in
// test-results/screenshots/ted-search-results.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageAnalysis } from '../../src/core/types';
import { here, SCREENSHOTS, startHarness, tabAnalysis, type Harness } from './harness';


const NOTICES: Record<string, string> = {
  '43489-2024': 'ted_eforms_can_standard_043489-2024.xml',
  '497181-2023': 'ted_eforms_cn_subtype16_497181-2023.xml',
  '740039-2023': 'ted_eforms_cn_subtype17_740039-2023.xml',
  '163-2021': 'ted_r209_F03_award_000163-2021.xml',
  '2705-2021': 'ted_r209_F03_award_002705-2021.xml',
  '6737-2021': 'ted_r209_F03_award_006737-2021.xml',
};

const ROUTES: Record<string, string> = {
  '/ted/en/search/result': here('../fixtures/e2e-pages/ted_search_results_page.html'),
  ...Object.fromEntries(Object.entries(NOTICES).map(([number, file]) => [`/ted/en/notice/${number}/xml`, here(`../fixtures/ted/${file}`)])),
};

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(ROUTES);
});

afterAll(async () => {
  await harness?.close();
});

/** The analysis the background saved for the page's tab. */
const analysisOf = (page: Page) => tabAnalysis(harness.browser, page);

describe('TED search-results page', () => {
  it('reads every listed notice from its XML and marks the winners the page shows, once each', async () => {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${harness.server.origin}/ted/en/search/result?search-scope=ALL`);
    await expect.poll(async () => (await analysisOf(page))?.reading.listedNotices?.filter((n) => n.readFrom === 'notice-data').length, { timeout: 30_000 }).toBe(6);
    const { reading } = (await analysisOf(page))!;
    expect(reading.portal).toBe('ted');
    expect(reading.noticeType).toBe('Search results (7 notices)');
    expect(reading.listedNotices!.map((n) => [n.number, n.published, n.noticeType, n.buyer?.slice(0, 30), n.countries.join(' '), n.cpv.join(' '), n.readFrom])).toEqual([
      ['43489-2024', '2024-01-22', 'Contract award notice', 'Berliner Verkehrsbetriebe, Ber', 'DE', '90000000', 'notice-data'],
      ['497181-2023', '2023-08-14', 'Contract notice', 'ΕΘΝΙΚΟΣ ΟΡΓΑΝΙΣΜΟΣ ΦΑΡΜΑΚΩΝ', 'GR', '30192800', 'notice-data'],
      ['740039-2023', '2023-12-06', 'Contract notice', 'MIEJSKIE PRZEDSIĘBIORSTWO KOMU', 'PL', '34320000', 'notice-data'],
      ['163-2021', '2021-01-04', 'F03: Contract award notice', 'Administração Regional de Saúd', 'PT ES', '45215100', 'notice-data'],
      ['2705-2021', '2021-01-05', 'F03: Contract award notice', 'Województwo Małopolskie – Urzą', 'PL', '09310000', 'notice-data'],
      ['6737-2021', '2021-01-08', 'F03: Contract award notice', 'Γενικό Νοσοκομείο Χαλκιδικής', 'GR', '90911200', 'notice-data'],
      ['67623-2022', undefined, undefined, undefined, '', '', 'listing'],
    ]);
    expect(reading.suppliers.map((s) => s.name)).toEqual([
      'Dunkel Baustoff-Recycling-Zentrum oHG', 'Acciona Construcción, S. A.', 'Tauron Sprzedaż Sp. z o.o.',
      'Ipirotiki Facility Services Ανώνυμος Ιδιωτική Εταιρεία Παροχής Υπηρεσιών Καθαρισμού, Εμπορική και Αντιπροσωπειών',
    ]);
    // The three winners the page shows get one "checked" mark each; the fourth is not on the page.
    const markedRows = () => page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark[data-tenderlens="checked"]'))
      .map((m) => m.closest('tr')?.querySelector('a')?.textContent ?? '').filter(Boolean));
    await expect.poll(markedRows, { timeout: 20_000 }).toEqual(expect.arrayContaining(['43489-2024', '163-2021', '2705-2021']));
    const winnerMarks = await page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark[data-tenderlens="checked"]'))
      .map((m) => m.previousSibling?.textContent ?? m.parentElement?.textContent ?? '')
      .filter((text) => /Winner:/.test(text)).length);
    expect(winnerMarks).toBe(3);
    // Each listed notice's buyer, on none of the lists, gets its grey mark in its row, once.
    const buyerRows = await page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark[data-tenderlens="checked"]'))
      .filter((m) => /Buyer:/.test(m.previousSibling?.textContent ?? '') && !/Winner:/.test(m.previousSibling?.textContent ?? ''))
      .map((m) => m.closest('tr')?.querySelector('a')?.textContent ?? ''));
    expect(buyerRows).toEqual(['43489-2024', '497181-2023', '740039-2023', '163-2021', '2705-2021', '6737-2021']);
    await page.screenshot({ path: `${SCREENSHOTS}/ted-search-results.png`, fullPage: true });
    await page.close();
  });
});
