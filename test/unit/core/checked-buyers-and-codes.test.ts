// What a page's buyer and its UNSPSC, NAICS and PSC codes come to, on the real fixtures: a buyer is checked against
// the lists like a winner (a red mark when it is listed, the grey "nothing listed" mark when it is on none, never "no
// risk"), on a notice page and on each row of a TED search-results page; a code TenderLens maps to no high-risk
// category gets the grey mark that says so, as a CPV code does, and a mapped one its category's mark instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser, parseHTML } from 'linkedom';
import type { DefaultData, PageAnalysis } from '@/src/core/types';
import { buildDefaultData } from '@/src/build/build-default-data';
import { knowledgeFromSnapshot } from '@/src/core/knowledge';
import { analysePage } from '@/src/core/analyse-page';
import { readNotice } from '@/src/adapters';
import { LiveNoticeReader } from '@/src/adapters/read-notice-live';
import { extractPageText } from '@/src/page-text/extract';
import { planMarks } from '@/src/annotator/plan-marks';
import { useCatalogue } from '../ui/use-catalogue';
import { formatAnalysis } from '@/src/cli/format-analysis';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const xmlParser = new DOMParser() as unknown as { parseFromString(text: string, type: string): Document };
const t = (key: string, subs?: string[]) => [key, ...(subs ?? [])].join('|');

const TED_PAGE_URL = 'https://ted.europa.eu/en/notice/-/detail/043489-2024';
const TED_XML_URL = 'https://ted.europa.eu/en/notice/043489-2024/xml';
const BERLIN_BVG = 'Berliner Verkehrsbetriebe, Bereich Einkauf/ Materialwirtschaft';
const HOSHINE = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';

let defaults: DefaultData;
beforeAll(async () => {
  // A listed name's mark words its list's statement through the catalogue.
  useCatalogue('en', 'en-GB');
  defaults = await buildDefaultData();
});

/** A page as the content script sees it: the page read with its notice data served from `files`, and its text. */
async function analyseLive(html: string, url: string, files: Record<string, string>): Promise<PageAnalysis> {
  const doc = parseHTML(html).document as unknown as Document;
  const fetch = (async (input: RequestInfo | URL) =>
    String(input) in files ? new Response(files[String(input)]) : new Response('not found', { status: 404 })) as typeof globalThis.fetch;
  const reading = await new LiveNoticeReader({ fetch, xmlParser }).read(doc, url);
  return analysePage(knowledgeFromSnapshot(defaults), { url, text: extractPageText(doc.body).text, reading });
}

function analyseSaved(html: string, url: string): PageAnalysis {
  const doc = parseHTML(html).document as unknown as Document;
  return analysePage(knowledgeFromSnapshot(defaults), { url, text: extractPageText(doc.body).text, reading: readNotice(doc, url) });
}

/** Each planned mark as "tone: the marked text: its first line". */
function marksOn(analysis: PageAnalysis, text: string): string[] {
  return planMarks(analysis, t).map((m) => `${m.content.tone}: ${text.slice(m.anchor.start, m.anchor.end)}: ${m.content.lines[0]}`);
}

describe('the buyer of a TED notice', () => {
  it('is checked against the lists and, on none of them, gets the grey mark where the page shows it', async () => {
    const html = fixture('e2e-pages/ted_notice_043489-2024_page.html');
    const analysis = await analyseLive(html, TED_PAGE_URL, { [TED_XML_URL]: fixture('ted/ted_eforms_can_standard_043489-2024.xml') });
    expect(analysis.reading.buyer?.name).toBe(BERLIN_BVG);
    const buyer = analysis.checked.find((c) => c.kind === 'buyer')!;
    expect(buyer).toMatchObject({ label: BERLIN_BVG, findingIds: [], dismissedIds: [] });
    expect(buyer.anchors).toHaveLength(1);
    const text = extractPageText(parseHTML(html).document.body as unknown as HTMLElement).text;
    expect(marksOn(analysis, text)).toEqual(
      expect.arrayContaining([`checked: ${BERLIN_BVG}: markCheckedBuyerPlain`, 'checked: Dunkel Baustoff-Recycling-Zentrum oHG: markCheckedSupplierPlain']),
    );
  });

  it('named on a list (the real XML and page with the buyer renamed to a UFLPA entity) gets the list’s mark, not the grey one', async () => {
    // The XML writes the name over two lines.
    const renamed = (s: string) => s.replace(/Berliner Verkehrsbetriebe, Bereich Einkauf\/\s+Materialwirtschaft/g, HOSHINE);
    const html = renamed(fixture('e2e-pages/ted_notice_043489-2024_page.html'));
    const xml = renamed(fixture('ted/ted_eforms_can_standard_043489-2024.xml'));
    expect(xml).toContain(HOSHINE);
    const analysis = await analyseLive(html, TED_PAGE_URL, { [TED_XML_URL]: xml });
    const buyer = analysis.checked.find((c) => c.kind === 'buyer')!;
    expect(buyer.label).toBe(HOSHINE);
    expect(buyer.findingIds).toEqual(['entity:us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd']);
    const text = extractPageText(parseHTML(html).document.body as unknown as HTMLElement).text;
    const marks = marksOn(analysis, text);
    expect(marks.filter((m) => m.includes(HOSHINE)).map((m) => m.split(':')[0])).toEqual(['flag']);
    expect(marks.some((m) => m.includes('markCheckedBuyerPlain'))).toBe(false);
    // The printed report says so on the buyer's line.
    expect(formatAnalysis(analysis)).toContain(`Buyer:     ${HOSHINE} (registration 0204:11-2000016000-38, DE) — FLAG: ${HOSHINE}`);
  });

  it('on a TED search-results page, each listed notice’s buyer gets its mark in its row', async () => {
    const numbers: Record<string, string> = {
      '43489-2024': 'ted_eforms_can_standard_043489-2024.xml',
      '497181-2023': 'ted_eforms_cn_subtype16_497181-2023.xml',
      '740039-2023': 'ted_eforms_cn_subtype17_740039-2023.xml',
      '163-2021': 'ted_r209_F03_award_000163-2021.xml',
      '2705-2021': 'ted_r209_F03_award_002705-2021.xml',
      '6737-2021': 'ted_r209_F03_award_006737-2021.xml',
    };
    const files = Object.fromEntries(Object.entries(numbers).map(([n, f]) => [`https://ted.europa.eu/en/notice/${n}/xml`, fixture(`ted/${f}`)]));
    const html = fixture('e2e-pages/ted_search_results_page.html');
    const analysis = await analyseLive(html, 'https://ted.europa.eu/en/search/result?FT=x', files);
    // Six buyers, none the same: the page's reading names no single buyer, each listed notice names its own.
    expect(analysis.reading.buyer).toBeUndefined();
    const buyers = analysis.checked.filter((c) => c.kind === 'buyer');
    expect(buyers.map((b) => b.label.slice(0, 24))).toEqual([
      'Berliner Verkehrsbetrieb', 'ΕΘΝΙΚΟΣ ΟΡΓΑΝΙΣΜΟΣ ΦΑΡΜΑ', 'MIEJSKIE PRZEDSIĘBIORSTW', 'Administração Regional d', 'Województwo Małopolskie ', 'Γενικό Νοσοκομείο Χαλκιδ',
    ]);
    // Each is printed in its row, once.
    expect(buyers.map((b) => b.anchors.length)).toEqual([1, 1, 1, 1, 1, 1]);
    const text = extractPageText(parseHTML(html).document.body as unknown as HTMLElement).text;
    expect(marksOn(analysis, text).filter((m) => m.endsWith('markCheckedBuyerPlain'))).toHaveLength(6);
  });
});

describe('UNSPSC, NAICS and PSC codes', () => {
  it('a UNSPSC code mapped to no high-risk category gets the grey mark saying so (Mercado Público ficha)', () => {
    const html = fixture('mercado_publico/mp_ficha_1509-5-L114.html');
    const analysis = analyseSaved(html, 'https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=1509-5-L114');
    const codes = analysis.checked.filter((c) => c.kind === 'classification');
    expect(codes.map((c) => [c.scheme, c.label.split(' ').slice(0, 2).join(' '), c.findingIds])).toEqual([
      ['unspsc', 'UNSPSC 42271718', []],
      ['unspsc', 'UNSPSC 42311528', []],
      ['unspsc', 'UNSPSC 51121603', []],
      ['unspsc', 'UNSPSC 51131603', []],
      ['unspsc', 'UNSPSC 51131613', []],
    ]);
    expect(analysis.summary.categories).toBe(0);
    const text = extractPageText(parseHTML(html).document.body as unknown as HTMLElement).text;
    const codeMarks = marksOn(analysis, text).filter((m) => m.endsWith('markCheckedCodePlain|UNSPSC'));
    expect(codeMarks.map((m) => m.split(': ')[1])).toEqual(['42271718', '42311528', '51121603', '51131603', '51131613']);
  });

  it('a mapped code gets its category’s mark and no grey one (batteries on the Mercado Público acta)', () => {
    const html = fixture('mercado_publico/mp_acta_two_suppliers_illustrative.html');
    const analysis = analyseSaved(html, 'https://www.mercadopublico.cl/Procurement/Modules/RFB/StepsProcessAward/PreviewAwardAct.aspx?qs=WD6yac0APV');
    const codes = analysis.checked.filter((c) => c.kind === 'classification');
    expect(codes.map((c) => c.label.split(' ').slice(0, 2).join(' '))).toEqual(['UNSPSC 26111701', 'UNSPSC 26111704']);
    for (const code of codes) expect(code.findingIds.length).toBeGreaterThan(0);
    const text = extractPageText(parseHTML(html).document.body as unknown as HTMLElement).text;
    expect(marksOn(analysis, text).some((m) => m.includes('markCheckedCodePlain'))).toBe(false);
  });

  it('NAICS and PSC codes of a SAM.gov award mapped to nothing get the grey mark with their scheme', async () => {
    const id = 'f90fba9ebf6243ed8290c4ed4603c182';
    const record = JSON.parse(fixture('portal_html/us_sam_gov_opportunities_v2_search_response.json')) as { opportunitiesData: { noticeId: string }[] };
    const data2 = record.opportunitiesData.find((r) => r.noticeId === id)!;
    const analysis = await analyseLive(fixture(`e2e-pages/sam_opp_${id}_page.html`), `https://sam.gov/opp/${id}/view`, {
      [`https://sam.gov/api/prod/opps/v2/opportunities/${id}`]: JSON.stringify({ data2, latest: true, cancelled: false, archived: false }),
    });
    const codes = analysis.checked.filter((c) => c.kind === 'classification');
    expect(codes.map((c) => [c.scheme, c.label, c.findingIds.length, c.anchors.length > 0])).toEqual([
      ['naics', 'NAICS 561320', 0, true],
      ['psc', 'PSC Q999', 0, true],
    ]);
    const text = extractPageText(parseHTML(fixture(`e2e-pages/sam_opp_${id}_page.html`)).document.body as unknown as HTMLElement).text;
    const lines = marksOn(analysis, text).filter((m) => m.includes('markCheckedCodePlain')).map((m) => m.replace(/^checked: /, ''));
    // Each mark closes the code's entry with its label, as a CPV code's does; the title's "Q999--Cancer …" is not it.
    expect(lines.sort()).toEqual(['561320 - Temporary Help Services: markCheckedCodePlain|NAICS', 'Q999 - MEDICAL- OTHER: markCheckedCodePlain|PSC']);
  });

  it('a SAM.gov buyer, read as its organisation path, gets the grey mark on the office the page prints', async () => {
    const id = 'f90fba9ebf6243ed8290c4ed4603c182';
    const record = JSON.parse(fixture('portal_html/us_sam_gov_opportunities_v2_search_response.json')) as { opportunitiesData: { noticeId: string }[] };
    const data2 = record.opportunitiesData.find((r) => r.noticeId === id)!;
    const html = fixture(`e2e-pages/sam_opp_${id}_page.html`);
    const analysis = await analyseLive(html, `https://sam.gov/opp/${id}/view`, {
      [`https://sam.gov/api/prod/opps/v2/opportunities/${id}`]: JSON.stringify({ data2, latest: true, cancelled: false, archived: false }),
    });
    const buyer = analysis.checked.find((c) => c.kind === 'buyer')!;
    // The card names the whole path; the mark goes where its most specific part is printed (the Office field).
    expect(buyer.label).toBe('VETERANS AFFAIRS, DEPARTMENT OF › NAC FEDERAL SUPPLY SCHEDULE (36F797)');
    const text = extractPageText(parseHTML(html).document.body as unknown as HTMLElement).text;
    expect(buyer.anchors.map((a) => text.slice(a.start, a.end))).toEqual(['NAC FEDERAL SUPPLY SCHEDULE (36F797)']);
    expect(marksOn(analysis, text).filter((m) => m.startsWith('checked: NAC FEDERAL'))).toHaveLength(1);
  });

  it('a buyer path none of whose parts the page prints is not marked', () => {
    const analysis = analysePage(knowledgeFromSnapshot(defaults), {
      url: 'https://example.org/notice',
      text: 'Award notice for temporary help services',
      reading: { portal: 'sam-gov', cpv: [], suppliers: [], countries: [], buyer: { name: 'DEPT OF DEFENSE › NAVSEA', identifiers: [] } },
    });
    expect(analysis.checked.find((c) => c.kind === 'buyer')?.anchors).toEqual([]);
  });

  it('a CPC code, which TenderLens does not map, is not said to be checked', () => {
    const analysis = analysePage(knowledgeFromSnapshot(defaults), {
      url: 'https://example.org/notice',
      text: 'Classification CPC 84 computer services',
      reading: { portal: 'ocds', cpv: [], classifications: [{ scheme: 'cpc', code: '84' }], suppliers: [], countries: [] },
    });
    expect(analysis.checked).toEqual([]);
  });
});
