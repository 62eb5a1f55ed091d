// Reads TED's search results: every notice listed, each from its own notice XML where that can be had (number,
// title, notice type, publication date, buyer, countries, CPV codes, winners), otherwise as the listing gives it.
// Two sources: the search-results page, whose listed publication numbers the extension reads one notice XML each
// for (at most MAX_LISTED_NOTICES), and a saved response of TED's Search API (`POST api.ted.europa.eu/v3/notices/
// search`), whose notices carry the publication number, the notice id, the publication time and links (other fields
// only when the search asked for them; none is assumed). Pure.
import type { ListedNotice, NoticeParty, NoticeReading } from '../core/types';
import { buildReading } from './notice-reading';
import { descendants, localNameOf, textOf } from './xml-tree';
import { readTedXml, TED_PORTAL_ID } from './ted-xml';

/** The notices of one page read from their XML; the rest of a longer page are listed by number only. */
export const MAX_LISTED_NOTICES = 50;

const PUBLICATION_NUMBER = /^\d{1,8}-\d{4}$/;

/** A publication number without its leading zeros ("00043489-2024" → "43489-2024"), or undefined. */
export function normalisePublicationNumber(text: string): string | undefined {
  const trimmed = text.trim();
  return PUBLICATION_NUMBER.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : undefined;
}

/** The day a notice was published, from its XML: eForms `efbc:PublicationDate` ("2024-01-22Z"), R2.0.9 `DATE_PUB` ("20210104"). */
export function tedPublicationDate(doc: Document): string | undefined {
  const root = doc.documentElement;
  if (!root) return undefined;
  const name = localNameOf(root) === 'TED_EXPORT' ? 'DATE_PUB' : 'PublicationDate';
  const text = textOf(descendants(root, name)[0]);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
}

/** One listed notice from its XML's reading. */
export function listedNoticeFromXml(number: string, doc: Document): ListedNotice {
  const reading = readTedXml(doc);
  const published = tedPublicationDate(doc);
  return {
    number,
    ...(reading.title ? { title: reading.title } : {}),
    ...(reading.noticeType ? { noticeType: reading.noticeType } : {}),
    ...(published ? { published } : {}),
    ...(reading.buyer ? { buyer: reading.buyer.name } : {}),
    countries: reading.countries,
    cpv: reading.cpv.map((c) => c.code8),
    winners: reading.suppliers.filter((s) => s.role === 'winner').map((s) => s.name),
    readFrom: 'notice-data',
  };
}

/** A notice known only from the listing. */
export function listedOnly(number: string, published?: string): ListedNotice {
  return { number, ...(published ? { published } : {}), countries: [], cpv: [], winners: [], readFrom: 'listing' };
}

/**
 * The reading of a search-results page: every listed notice, and over them all the CPV codes, the winners (as the
 * suppliers to check and mark) and the countries; the buyer only when every notice read names the same one.
 * `readings` are the listed notices' own readings (from their XML), where they were read.
 */
export function searchResultsReading(title: string | undefined, notices: readonly ListedNotice[], readings: readonly NoticeReading[]): NoticeReading {
  const buyers = new Map<string, NoticeParty>();
  for (const r of readings) if (r.buyer) buyers.set(r.buyer.name, r.buyer);
  const reading = buildReading(TED_PORTAL_ID, {
    title,
    noticeType: `Search results (${notices.length} ${notices.length === 1 ? 'notice' : 'notices'})`,
    ...(buyers.size === 1 ? { buyer: [...buyers.values()][0] } : {}),
    cpv: readings.flatMap((r) => r.cpv.map((c) => ({ ...c, main: false }))),
    suppliers: readings.flatMap((r) => r.suppliers.filter((s) => s.role === 'winner')),
    countries: readings.flatMap((r) => r.countries),
  });
  return { ...reading, listedNotices: [...notices] };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a TED Search API response: `notices[]` whose entries have a `publication-number`. */
export function isTedSearchResponse(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.notices) && value.notices.some((n) => isObject(n) && typeof n['publication-number'] === 'string');
}

/**
 * The day TED published a notice, from the API's publication time: TED publishes at midnight Brussels time, which
 * the API writes in UTC ("2022-02-06T23:00:00Z" is 7 February 2022).
 */
export function brusselsDate(timestamp: string): string | undefined {
  const time = Date.parse(timestamp);
  if (!Number.isFinite(time)) return undefined;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);
}

/** A saved TED Search API response: each notice once, with its number and publication date. */
export function readTedSearchResponse(value: unknown): NoticeReading {
  const notices: ListedNotice[] = [];
  const seen = new Set<string>();
  for (const entry of isObject(value) && Array.isArray(value.notices) ? value.notices : []) {
    if (!isObject(entry) || typeof entry['publication-number'] !== 'string') continue;
    const number = normalisePublicationNumber(entry['publication-number']);
    if (!number || seen.has(number)) continue;
    seen.add(number);
    notices.push(listedOnly(number, typeof entry.PD === 'string' ? brusselsDate(entry.PD) : undefined));
  }
  return searchResultsReading('TED search results', notices, []);
}
