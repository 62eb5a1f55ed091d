// The built extension in a real Chromium on every portal reader's fixtures, served from 127.0.0.1 under paths that
// mimic the portal: TED (the page and the notice XML it is read from), SAM.gov (the page and the record it loads),
// SECOP II; in-page navigation of a single-page app; and the host page's own text left as it was. The buyer and the
// UNSPSC, NAICS and PSC codes get the grey "nothing listed" mark that says what was checked; a TED notice whose XML
// fails first (server errors) is read once the XML answers, a 404 is not asked again.
// Screenshots land in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RouteHandler } from '../../src/demo/serve-pages';
import { here, SCREENSHOTS, openRead, startHarness, tabAnalysis, type Harness } from './harness';

const SAM_ID = 'f90fba9ebf6243ed8290c4ed4603c182';

const TED_PAGE = here('../fixtures/e2e-pages/ted_notice_043489-2024_page.html');
const TED_XML = here('../fixtures/ted/ted_eforms_can_standard_043489-2024.xml');

/** The TED notice XML answered by a server that fails first, in the order given, then serves it; requests counted. */
function failingXml(failures: Array<503 | 404>): { handler: RouteHandler; asked: () => number } {
  let asked = 0;
  const handler: RouteHandler = (_request, response, serveFile) => {
    const failure = failures[asked++];
    if (failure) return void response.writeHead(failure, { 'content-type': 'text/plain' }).end('unavailable');
    serveFile(TED_XML);
  };
  return { handler, asked: () => asked };
}
// Two server errors (a dropped connection is retried by Chromium itself, once, before the page sees it fail; the
// unit test drops one).
const XML_FAILING_TWICE = failingXml([503, 503]);
const XML_FAILING_THRICE = failingXml([503, 503, 503]);
const XML_MISSING = failingXml(Array.from({ length: 20 }, () => 404 as const));

const ROUTES: Record<string, string | RouteHandler> = {
  '/ted/en/notice/-/detail/043489-2024': TED_PAGE,
  '/ted-flaky/en/notice/-/detail/043489-2024': TED_PAGE,
  '/ted-flaky/en/notice/043489-2024/xml': XML_FAILING_TWICE.handler,
  '/ted-down/en/notice/-/detail/043489-2024': TED_PAGE,
  '/ted-down/en/notice/043489-2024/xml': XML_FAILING_THRICE.handler,
  '/ted-missing/en/notice/-/detail/043489-2024': TED_PAGE,
  '/ted-missing/en/notice/043489-2024/xml': XML_MISSING.handler,
  '/ted/en/notice/043489-2024/xml': here('../fixtures/ted/ted_eforms_can_standard_043489-2024.xml'),
  [`/sam/opp/${SAM_ID}/view`]: here(`../fixtures/e2e-pages/sam_opp_${SAM_ID}_page.html`),
  [`/sam/api/prod/opps/v2/opportunities/${SAM_ID}`]: here('../fixtures/portal_html/us_sam_gov_opportunities_v2_search_response.json'),
  '/secop/Public/Tendering/OpportunityDetail/Index': here('../fixtures/secop/secop2_opportunity_CO1.NTC.530313.html'),
  '/spa/notice/1': here('../fixtures/e2e-pages/single-page-app.html'),
  '/spa/notice/2': here('../fixtures/e2e-pages/single-page-app.html'),
  '/switches/ted-off.json': here('../fixtures/e2e-pages/adapter-switches-ted-off.json'),
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


/** Opens the card of the first grey mark in the element whose text includes `near`, and returns the card's text ('' if none). */
async function checkedCardText(page: Page, near: string): Promise<string> {
  const index = await page.evaluate((text) => Array.from(document.querySelectorAll('tenderlens-mark')).findIndex((m) => m.getAttribute('data-tenderlens') === 'checked' && (m.parentElement?.textContent ?? '').includes(text)), near);
  if (index < 0) return '';
  const mark = page.locator('tenderlens-mark').nth(index);
  await mark.locator('.pill').click();
  return page.evaluate((i) => document.querySelectorAll('tenderlens-mark')[i]!.shadowRoot!.querySelector('.card')!.textContent ?? '', index);
}

/** The page's text without the marks equals the text of the page as served: marks are all that was added. */
async function expectHostTextUnchanged(page: Page): Promise<void> {
  const same = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const clean = (root: Element) => {
      const copy = root.cloneNode(true) as Element;
      copy.querySelectorAll('tenderlens-mark, script, style').forEach((node) => node.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    return { now: clean(document.body), served: clean(served.body), wide: document.documentElement.scrollWidth <= innerWidth };
  });
  expect(same.now).toBe(same.served);
  expect(same.wide).toBe(true);
}

describe('TED notice page, read from its XML', () => {
  it('reads buyer, CPV code and the winner from the notice XML and marks the names where the page shows them', async () => {
    const { page, analysis } = await openRead(harness, '/ted/en/notice/-/detail/043489-2024', 'ted');
    expect(analysis.reading.noticeType).toBe('Contract award notice');
    expect(analysis.reading.buyer?.name).toBe('Berliner Verkehrsbetriebe, Bereich Einkauf/ Materialwirtschaft');
    expect(analysis.reading.suppliers).toEqual([expect.objectContaining({ name: 'Dunkel Baustoff-Recycling-Zentrum oHG', role: 'winner', country: 'DE' })]);
    expect(analysis.reading.cpv.map((c) => c.code8)).toEqual(['90000000']);
    // The winner is only in the XML's roles: the page reader alone reads no suppliers.
    const supplierMark = page.locator('tenderlens-mark[data-tenderlens="checked"]');
    await expect.poll(() => supplierMark.count()).toBeGreaterThanOrEqual(2);
    const marked = await page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => m.parentElement?.textContent ?? ''));
    expect(marked.some((text) => text.includes('Dunkel Baustoff-Recycling-Zentrum oHG'))).toBe(true);
    // The buyer, on none of the lists, is marked grey where the page shows it, and its card says what was checked.
    await expect.poll(() => checkedCardText(page, 'Official name: Berliner Verkehrsbetriebe')).toContain('This buyer is on none of the lists checked.');
    await expectHostTextUnchanged(page);
    await page.screenshot({ path: `${SCREENSHOTS}/ted-notice-page.png`, fullPage: true });
    await page.close();
  });
});

describe('TED notice whose XML fails first', () => {
  const winnerMarked = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark')).some((m) => m.parentElement?.textContent?.includes('Dunkel Baustoff')));

  it('after two server errors, reads the XML a few seconds later and marks the winner', async () => {
    const { page } = await openRead(harness, '/ted-flaky/en/notice/-/detail/043489-2024', 'ted');
    await expect.poll(async () => (await analysisOf(page))?.reading.suppliers.map((s) => s.name), { timeout: 30_000 }).toEqual(['Dunkel Baustoff-Recycling-Zentrum oHG']);
    await expect.poll(() => winnerMarked(page), { timeout: 10_000 }).toBe(true);
    expect(XML_FAILING_TWICE.asked()).toBe(3);
    await page.screenshot({ path: `${SCREENSHOTS}/ted-notice-xml-retried.png`, fullPage: true });
    await page.close();
  });

  it('still failing after its tries, reads the page itself, and tries again when the page changes', async () => {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${harness.server.origin}/ted-down/en/notice/-/detail/043489-2024`);
    await expect.poll(() => XML_FAILING_THRICE.asked(), { timeout: 30_000 }).toBe(3);
    await expect.poll(async () => (await analysisOf(page))?.reading.portal, { timeout: 20_000 }).toBe('ted');
    expect((await analysisOf(page))!.reading.suppliers).toEqual([]);
    // The pause before a later reading may try again, then a change of the page's content.
    await page.waitForTimeout(5_500);
    await page.evaluate(() => document.querySelector('#root')!.append(Object.assign(document.createElement('p'), { textContent: 'Updated notice view' })));
    await expect.poll(async () => (await analysisOf(page))?.reading.suppliers.map((s) => s.name), { timeout: 30_000 }).toEqual(['Dunkel Baustoff-Recycling-Zentrum oHG']);
    await expect.poll(() => winnerMarked(page), { timeout: 10_000 }).toBe(true);
    expect(XML_FAILING_THRICE.asked()).toBe(4);
    await page.close();
  });

  it('a 404 is asked once: neither retried nor asked again when the page changes', async () => {
    const { page, analysis } = await openRead(harness, '/ted-missing/en/notice/-/detail/043489-2024', 'ted');
    expect(analysis.reading.suppliers).toEqual([]);
    await page.waitForTimeout(5_500);
    await page.evaluate(() => document.querySelector('#root')!.append(Object.assign(document.createElement('p'), { textContent: 'Updated notice view' })));
    await page.waitForTimeout(3_000);
    expect(XML_MISSING.asked()).toBe(1);
    await page.close();
  });
});

describe('SAM.gov award notice page, read from the record it loads', () => {
  it('reads the awardee with UEI and CAGE, NAICS and PSC, the organisation path as buyer, and marks the awardee', async () => {
    const { page, analysis } = await openRead(harness, `/sam/opp/${SAM_ID}/view`, 'sam-gov');
    expect(analysis.reading.suppliers).toEqual([
      expect.objectContaining({
        name: 'CANCER CAREPOINT ASSOCIATES, LLC',
        identifiers: [{ scheme: 'uei', value: 'LPZ2UE7MLNL5' }, { scheme: 'cage', value: '135X2' }],
        role: 'winner',
      }),
    ]);
    expect(analysis.reading.classifications).toEqual([{ scheme: 'naics', code: '561320' }, { scheme: 'psc', code: 'Q999' }]);
    expect(analysis.reading.buyer?.name).toBe('VETERANS AFFAIRS, DEPARTMENT OF › NAC FEDERAL SUPPLY SCHEDULE (36F797)');
    await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
    // Neither code is mapped to a high-risk category: each entry gets the grey mark saying so, not the title's "Q999--".
    await expect.poll(() => checkedCardText(page, 'NAICS Code:')).toContain('This NAICS code is mapped to no high-risk product category of the lists checked');
    await page.keyboard.press('Escape');
    await expect.poll(() => checkedCardText(page, 'Product Service Code:')).toContain('This PSC code is mapped to no high-risk product category');
    await page.keyboard.press('Escape');
    // The buyer, read as its organisation path, is marked on the office the page prints; the card names the path.
    await expect.poll(() => checkedCardText(page, 'NAC FEDERAL SUPPLY SCHEDULE')).toContain('This buyer is on none of the lists checked.');
    await page.keyboard.press('Escape');
    expect(await checkedCardText(page, 'NAC FEDERAL SUPPLY SCHEDULE')).toContain('VETERANS AFFAIRS, DEPARTMENT OF › NAC FEDERAL SUPPLY SCHEDULE (36F797)');
    expect((await page.locator('h1 tenderlens-mark').count())).toBe(0);
    await page.keyboard.press('Escape');
    await expectHostTextUnchanged(page);
    await page.screenshot({ path: `${SCREENSHOTS}/sam-gov-award-page.png`, fullPage: true });
    await page.close();
  });
});

describe('SECOP II process page', () => {
  it('reads buyer, procedure, state and the UNSPSC code from the labelled rows', async () => {
    const { page, analysis } = await openRead(harness, '/secop/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.530313', 'secop');
    expect(analysis.reading).toMatchObject({
      buyer: { name: 'AGENCIA PARA LA REINCORPORACIÓN Y LA NORMALIZACIÓN', country: 'CO' },
      noticeType: 'Contratación directa',
      classifications: [{ scheme: 'unspsc', code: '80111500', label: 'Desarrollo de recursos humanos' }],
      suppliers: [],
    });
    await expect.poll(() => checkedCardText(page, 'V1.80111500')).toContain('This UNSPSC code is mapped to no high-risk product category');
    await expect.poll(() => checkedCardText(page, 'AGENCIA PARA LA REINCORPORACIÓN')).toContain('This buyer is on none of the lists checked.');
    await expectHostTextUnchanged(page);
    await page.screenshot({ path: `${SCREENSHOTS}/secop-page.png`, fullPage: true });
    await page.close();
  });
});

describe('single-page app navigation', () => {
  const marksOf = (page: Page) =>
    page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => `${m.getAttribute('data-tenderlens')}:${m.parentElement?.textContent?.slice(0, 40)}`));

  it('reads the new notice after in-page navigation, back and forth, and never duplicates a mark', async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}/spa/notice/1`);
    await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
    const first = await marksOf(page);
    expect(first.length).toBeGreaterThan(0);

    await page.click('#to-2');
    await expect.poll(async () => (await analysisOf(page))?.reading.cpv.map((c) => c.code8).sort(), { timeout: 20_000 }).toEqual(['18424000', '33141420']);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.includes('18424000'))).toBe(true);
    const second = await marksOf(page);
    expect(new Set(second).size).toBe(second.length);
    expect(second.some((m) => m.includes('33600000'))).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/spa-after-navigation.png` });

    await page.goBack();
    await expect.poll(async () => (await analysisOf(page))?.reading.cpv.map((c) => c.code8), { timeout: 20_000 }).toEqual(['33600000']);
    await expect.poll(() => marksOf(page)).toEqual(first);
    await page.close();
  });
});

describe('a reader switched off by the maintainers list', () => {
  it('downloads the list from the address set on the options page, and reads TED pages with the generic reader', async () => {
    const options = await harness.browser.context.newPage();
    await options.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
    const readers = options.locator('section', { has: options.locator('#readers-heading') });
    await readers.getByLabel('Address of the list').fill(`${harness.server.origin}/switches/ted-off.json`);
    await readers.getByRole('button', { name: 'Save and update now' }).click();
    await expect.poll(() => readers.locator('li', { hasText: 'TED' }).textContent(), { timeout: 15_000 }).toContain('Switched off: TED notice pages changed on 3 December');
    await readers.screenshot({ path: `${SCREENSHOTS}/options-reader-switched-off.png` });
    await options.close();

    const { page, analysis } = await openRead(harness, '/ted/en/notice/-/detail/043489-2024', 'generic');
    // The page still gets its CPV code from the text; the winner, which only the XML names as such, is not read.
    expect(analysis.reading.cpv.map((c) => c.code8)).toEqual(['90000000']);
    expect(analysis.reading.suppliers).toEqual([]);
    await page.close();
  });
});
