// The built extension in a real Chromium on the Belgian e-Procurement and Mercado Público fixtures, served from
// 127.0.0.1 under the portals' own path shapes: the notice is read by the portal's reader (buyer, codes, winners),
// marks are placed on the winners and the unmapped UNSPSC codes, a mark's card opens from the mouse and the keyboard, and the host page's text is
// unchanged apart from the marks. Screenshots (light, dark, 400 px) land in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isSerious, onMarks, runAxe, here, SCREENSHOTS, openRead, startHarness, tabAnalysis, type Harness } from './harness';


const PAGES = {
  belgiumFr: '/publication-workspaces/7d2c4e1a-3b6f-4c2d-9a8e-51f0c3d2b7a4/general',
  belgiumNl: '/publication-workspaces/a41e9b07-6c3d-4f5a-8b21-9e7d0c6f3a15/general',
  ficha: '/Procurement/Modules/RFB/DetailsAcquisition.aspx',
  acta: '/Procurement/Modules/RFB/StepsProcessAward/PreviewAwardAct.aspx',
};
const ROUTES = {
  [PAGES.belgiumFr]: here('../fixtures/belgium/be_award_fr_illustrative.html'),
  [PAGES.belgiumNl]: here('../fixtures/belgium/be_award_nl_illustrative.html'),
  [PAGES.ficha]: here('../fixtures/mercado_publico/mp_ficha_1509-5-L114.html'),
  [PAGES.acta]: here('../fixtures/mercado_publico/mp_acta_two_suppliers_illustrative.html'),
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


/** Each mark's tone and the text of the element it sits in. */
const marksOf = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => ({ tone: m.getAttribute('data-tenderlens') ?? '', on: m.parentElement?.textContent ?? '' })));

/** The page's text without the marks equals the text of the page as served, and the marks widen nothing. */
async function expectHostTextUnchanged(page: Page): Promise<void> {
  const same = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const clean = (root: Element) => {
      const copy = root.cloneNode(true) as Element;
      copy.querySelectorAll('tenderlens-mark, script, style').forEach((node) => node.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    // The marks make the page no wider than the window, or than the page is without them (the portals' own pages are
    // of a fixed width, wider than a narrow window).
    const marked = document.documentElement.scrollWidth;
    const marks = Array.from(document.querySelectorAll<HTMLElement>('tenderlens-mark'));
    marks.forEach((m) => (m.style.display = 'none'));
    const unmarked = document.documentElement.scrollWidth;
    marks.forEach((m) => (m.style.display = ''));
    return { now: clean(document.body), served: clean(served.body), wide: marked <= Math.max(innerWidth, unmarked) };
  });
  expect(same.now).toBe(same.served);
  expect(same.wide).toBe(true);
}

/** Opens the card of the first mark on `name` with a click, checks it shows, closes it with Escape, then opens it from the keyboard. */
async function expectCardOpens(page: Page, name: string): Promise<void> {
  const index = (await marksOf(page)).findIndex((m) => m.on.includes(name));
  expect(index).toBeGreaterThanOrEqual(0);
  const pill = page.locator('tenderlens-mark').nth(index).locator('.pill');
  const cardShown = () =>
    page.evaluate((i) => {
      const card = document.querySelectorAll('tenderlens-mark')[i]!.shadowRoot!.querySelector('.card') as HTMLElement;
      return card.getBoundingClientRect().width > 0 && getComputedStyle(card).display !== 'none' ? card.textContent ?? '' : '';
    }, index);
  await pill.click();
  await expect.poll(cardShown).toContain(name.slice(0, 12));
  await page.keyboard.press('Escape');
  await expect.poll(cardShown).toBe('');
  await pill.focus();
  await page.keyboard.press('Enter');
  await expect.poll(cardShown).not.toBe('');
}

/** Screenshots in the light and dark colour schemes, and in a 400 px window with the card open. */
async function screenshots(page: Page, name: string, markedName: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 400, height: 800 });
  await expectHostTextUnchanged(page);
  const index = (await marksOf(page)).findIndex((m) => m.on.includes(markedName));
  await page.locator('tenderlens-mark').nth(index).scrollIntoViewIfNeeded();
  await page.locator('tenderlens-mark').nth(index).locator('.pill').click();
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-400px-card.png` });
}

describe('Belgian e-Procurement publication workspace', () => {
  it('French award notice: reads buyer, CPV codes and both winners, marks the winners, the listed one as a flag', async () => {
    const { page, analysis } = await openRead(harness, PAGES.belgiumFr, 'belgium-eprocurement', { marked: true });
    expect(analysis.reading.buyer).toMatchObject({ name: 'Régie communale autonome de Val-Mosan', identifiers: [{ scheme: 'vat', value: 'BE0712345630' }] });
    expect(analysis.reading.cpv.map((c) => c.code8)).toEqual(['09331200', '45261215', '09332000']);
    expect(analysis.reading.suppliers.filter((s) => s.role === 'winner').map((s) => s.name)).toEqual(['Hoshine Silicon Industry (Shanshan) Co., Ltd', 'Solartech Wallonie SA']);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.on.includes('Solartech Wallonie SA'))).toBe(true);
    const marks = await marksOf(page);
    expect(marks.some((m) => m.on.includes('Hoshine Silicon Industry') && m.tone !== 'checked')).toBe(true);
    // The buyer is checked against the lists too: on none of them, its grey mark sits beside its name.
    expect(marks.some((m) => m.on.includes('Régie communale autonome de Val-Mosan') && m.tone === 'checked')).toBe(true);
    await expectHostTextUnchanged(page);
    await expectCardOpens(page, 'Hoshine Silicon Industry');
    expect(onMarks(await runAxe(page)).filter(isSerious)).toEqual([]);
    await page.keyboard.press('Escape');
    await screenshots(page, 'belgium-award-fr', 'Hoshine Silicon Industry');
    await page.close();
  });

  it('Dutch award notice: reads the Dutch labels and marks the winners', async () => {
    const { page, analysis } = await openRead(harness, PAGES.belgiumNl, 'belgium-eprocurement', { marked: true });
    expect(analysis.reading).toMatchObject({ noticeType: 'Aankondiging van gegunde opdracht', buyer: { name: 'Autonoom Gemeentebedrijf Scheldevallei' } });
    expect(analysis.reading.suppliers.map((s) => s.name)).toEqual(['Camel Group Co., Ltd.', 'Batterijcentrale Vlaanderen NV']);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.on.includes('Batterijcentrale Vlaanderen NV'))).toBe(true);
    expect((await marksOf(page)).some((m) => m.on.includes('Camel Group Co., Ltd.') && m.tone !== 'checked')).toBe(true);
    expect((await marksOf(page)).some((m) => m.on.includes('Autonoom Gemeentebedrijf Scheldevallei') && m.tone === 'checked')).toBe(true);
    await expectHostTextUnchanged(page);
    await expectCardOpens(page, 'Camel Group');
    await page.keyboard.press('Escape');
    await screenshots(page, 'belgium-award-nl', 'Camel Group');
    await page.close();
  });
});

describe('Mercado Público', () => {
  it('acta de adjudicación: each winner once with the items it won, both marked, the listed one as a flag', async () => {
    const { page, analysis } = await openRead(harness, `${PAGES.acta}?qs=WD6yac0APV`, 'mercado-publico', { marked: true });
    const winners = analysis.reading.suppliers.filter((s) => s.role === 'winner');
    expect(winners.map((s) => [s.name, s.values?.length])).toEqual([['Camel Group Co., Ltd.', 3], ['COMERCIAL ANDES BATERIAS SPA', 2]]);
    expect(winners[1]!.identifiers).toEqual([{ scheme: 'registration', value: '76.543.210-3' }]);
    expect(analysis.reading.classifications?.map((c) => c.code)).toEqual(['26111701', '26111704']);
    await expect.poll(async () => (await marksOf(page)).some((m) => m.on.includes('COMERCIAL ANDES BATERIAS SPA'))).toBe(true);
    expect((await marksOf(page)).some((m) => m.on.includes('Camel Group Co., Ltd.') && m.tone !== 'checked')).toBe(true);
    await expectHostTextUnchanged(page);
    await expectCardOpens(page, 'Camel Group');
    expect(onMarks(await runAxe(page)).filter(isSerious)).toEqual([]);
    await page.keyboard.press('Escape');
    await screenshots(page, 'mercado-publico-acta', 'Camel Group');
    await page.close();
  });

  it('ficha de licitación: reads the buyer with its RUT and the items’ UNSPSC codes, and leaves the page text as it was', async () => {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${harness.server.origin}${PAGES.ficha}?idlicitacion=1509-5-L114`);
    await expect.poll(async () => (await analysisOf(page))?.reading.portal, { timeout: 20_000 }).toBe('mercado-publico');
    const analysis = (await analysisOf(page))!;
    expect(analysis.reading.buyer).toMatchObject({ name: 'SERVICIO DE SALUD METROPOLITANO NORTE HOSPITAL DE TIL TIL', identifiers: [{ scheme: 'registration', value: '61.608.006-7' }] });
    expect(analysis.reading.classifications?.map((c) => c.code)).toEqual(['42271718', '42311528', '51121603', '51131603', '51131613']);
    // None of the five codes is mapped to a high-risk category: each gets one grey mark saying so, at its first row.
    await expect.poll(async () => (await marksOf(page)).filter((m) => m.tone === 'checked' && /^\d{8}$/.test(m.on.trim())).map((m) => m.on.trim()), { timeout: 20_000 })
      .toEqual(['42271718', '42311528', '51121603', '51131603', '51131613']);
    expect((await marksOf(page)).some((m) => m.on.includes('SERVICIO DE SALUD METROPOLITANO NORTE HOSPITAL DE TIL TIL') && m.tone === 'checked')).toBe(true);
    const index = (await marksOf(page)).findIndex((m) => m.on.trim() === '42271718');
    await page.locator('tenderlens-mark').nth(index).locator('.pill').click();
    await expect.poll(() => page.evaluate((i) => document.querySelectorAll('tenderlens-mark')[i]!.shadowRoot!.querySelector('.card')!.textContent ?? '', index))
      .toContain('This UNSPSC code is mapped to no high-risk product category');
    await page.locator('tenderlens-mark').nth(index).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/mercado-publico-ficha-code-card.png` });
    await page.keyboard.press('Escape');
    await expectHostTextUnchanged(page);
    await page.screenshot({ path: `${SCREENSHOTS}/mercado-publico-ficha-light.png`, fullPage: true });
    await page.close();
  });
});
