// TED search results: the real Search API response (its one notice, listed twice, read once with its publication
// day in Brussels), each of the six real notice XMLs as a listed notice, and a search-results page whose listed
// notices are read from their XML (a few at a time, each once), with the one whose XML cannot be had listed by number.
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LiveNoticeReader } from '@/src/adapters/read-notice-live';
import { brusselsDate, listedNoticeFromXml, readTedSearchResponse } from '@/src/adapters/ted-search';
import { readNoticeData } from '@/src/adapters/machine-readable';
import { parseHtmlDocument } from '@/src/cli/html-document';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const xmlParser = new DOMParser() as unknown as { parseFromString(text: string, type: string): Document };

const NOTICES: Record<string, string> = {
  '43489-2024': 'ted/ted_eforms_can_standard_043489-2024.xml',
  '497181-2023': 'ted/ted_eforms_cn_subtype16_497181-2023.xml',
  '740039-2023': 'ted/ted_eforms_cn_subtype17_740039-2023.xml',
  '163-2021': 'ted/ted_r209_F03_award_000163-2021.xml',
  '2705-2021': 'ted/ted_r209_F03_award_002705-2021.xml',
  '6737-2021': 'ted/ted_r209_F03_award_006737-2021.xml',
};

describe('TED search results', () => {
  it('reads the real Search API response: each notice once, with the day TED published it', () => {
    const value = JSON.parse(fixture('ted/ted_api_v3_search_response.json')) as unknown;
    const reading = readTedSearchResponse(value);
    expect(reading.noticeType).toBe('Search results (1 notice)');
    expect(reading.listedNotices).toEqual([{ number: '67623-2022', published: '2022-02-07', countries: [], cpv: [], winners: [], readFrom: 'listing' }]);
    expect(brusselsDate('2022-02-06T23:00:00Z')).toBe('2022-02-07');
    expect(brusselsDate('2024-07-01T22:00:00Z')).toBe('2024-07-02'); // summer time
    expect(readNoticeData(JSON.stringify(value), xmlParser).format).toBe('ted-search');
  });

  it('reads each listed notice from its XML: number, title, type, date, buyer, countries, CPV codes and winners', () => {
    const listed = Object.entries(NOTICES).map(([number, file]) => listedNoticeFromXml(number, xmlParser.parseFromString(fixture(file), 'text/xml')));
    expect(listed.map((n) => [n.number, n.noticeType, n.published, n.buyer, n.countries, n.cpv, n.winners])).toEqual([
      ['43489-2024', 'Contract award notice', '2024-01-22', 'Berliner Verkehrsbetriebe, Bereich Einkauf/ Materialwirtschaft', ['DE'], ['90000000'], ['Dunkel Baustoff-Recycling-Zentrum oHG']],
      ['497181-2023', 'Contract notice', '2023-08-14', 'ΕΘΝΙΚΟΣ ΟΡΓΑΝΙΣΜΟΣ ΦΑΡΜΑΚΩΝ', ['GR'], ['30192800'], []],
      ['740039-2023', 'Contract notice', '2023-12-06', 'MIEJSKIE PRZEDSIĘBIORSTWO KOMUNIKACYJNE SPÓŁKA AKCYJNA W KRAKOWIE', ['PL'], ['34320000'], []],
      ['163-2021', 'F03: Contract award notice', '2021-01-04', 'Administração Regional de Saúde do Alentejo, I. P.', ['PT', 'ES'], ['45215100'], ['Acciona Construcción, S. A.']],
      ['2705-2021', 'F03: Contract award notice', '2021-01-05', 'Województwo Małopolskie – Urząd Marszałkowski Województwa Małopolskiego', ['PL'], ['09310000'], ['Tauron Sprzedaż Sp. z o.o.']],
      ['6737-2021', 'F03: Contract award notice', '2021-01-08', 'Γενικό Νοσοκομείο Χαλκιδικής', ['GR'], ['90911200'], ['Ipirotiki Facility Services Ανώνυμος Ιδιωτική Εταιρεία Παροχής Υπηρεσιών Καθαρισμού, Εμπορική και Αντιπροσωπειών']],
    ]);
    expect(listed.every((n) => n.title && n.readFrom === 'notice-data')).toBe(true);
  });

  it('reads a search-results page’s notices from their XML, a few at a time and each once, and lists the rest by number', async () => {
    const served = new Map(Object.entries(NOTICES).map(([number, file]) => [`http://127.0.0.1:9/ted/en/notice/${number}/xml`, fixture(file)]));
    const asked: string[] = [];
    let open = 0;
    let mostOpen = 0;
    const fetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      asked.push(url);
      open++;
      mostOpen = Math.max(mostOpen, open);
      await new Promise((resolve) => setTimeout(resolve, 5));
      open--;
      const body = served.get(url);
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
    }) as typeof globalThis.fetch;
    const reader = new LiveNoticeReader({ fetch, xmlParser });
    const page = parseHtmlDocument(fixture('e2e-pages/ted_search_results_page.html'));
    const url = 'http://127.0.0.1:9/ted/en/search/result?search-scope=ALL';
    const reading = await reader.read(page, url);
    expect(reading.portal).toBe('ted');
    expect(reading.noticeType).toBe('Search results (7 notices)');
    expect(reading.listedNotices?.map((n) => [n.number, n.readFrom])).toEqual([
      ['43489-2024', 'notice-data'], ['497181-2023', 'notice-data'], ['740039-2023', 'notice-data'], ['163-2021', 'notice-data'],
      ['2705-2021', 'notice-data'], ['6737-2021', 'notice-data'], ['67623-2022', 'listing'],
    ]);
    // The winners are the suppliers checked and marked; no single buyer for notices of six buyers.
    expect(reading.suppliers.map((s) => s.name)).toEqual(['Dunkel Baustoff-Recycling-Zentrum oHG', 'Acciona Construcción, S. A.', 'Tauron Sprzedaż Sp. z o.o.', 'Ipirotiki Facility Services Ανώνυμος Ιδιωτική Εταιρεία Παροχής Υπηρεσιών Καθαρισμού, Εμπορική και Αντιπροσωπειών']);
    expect(reading.buyer).toBeUndefined();
    expect(reading.cpv.map((c) => c.code8)).toEqual(['90000000', '30192800', '34320000', '45215100', '09310000', '90911200']);
    expect(reading.countries).toEqual(['DE', 'GR', 'PL', 'PT', 'ES']);
    expect(mostOpen).toBeLessThanOrEqual(4);
    expect(asked).toHaveLength(7);
    await reader.read(page, url);
    expect(asked).toHaveLength(7); // read again after a DOM change: nothing fetched twice
  });

  it('lists the page’s notices by number when it is read without their data (a saved page)', async () => {
    let asked = 0;
    const fetch = (async () => (asked++, new Response('', { status: 503 }))) as typeof globalThis.fetch;
    const reader = new LiveNoticeReader({ fetch, xmlParser, retry: { delaysMs: [1_000, 1_000], againAfterMs: 60_000 } });
    const page = parseHtmlDocument(fixture('e2e-pages/ted_search_results_page.html'));
    const reading = await reader.read(page, 'https://ted.europa.eu/en/search/result?FT=x');
    expect(reading.listedNotices?.map((n) => n.readFrom)).toEqual(Array(7).fill('listing'));
    expect(reading.suppliers).toEqual([]);
    // A listed notice's data is tried once per reading (a later reading tries again), not a few seconds apart.
    expect(asked).toBe(7);
  });
});
