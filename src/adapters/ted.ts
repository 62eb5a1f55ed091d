// Reads TED (Tenders Electronic Daily) pages. A notice page is rendered client-side with generated class names, so
// the notice is read from its XML twin (`/en/notice/{number}-{year}/xml`, same origin, see ted-xml.ts) and the names
// it gives are marked where the rendered page shows them. A search-results page lists publication numbers; each
// listed notice is read from its own XML the same way (see ted-search.ts), and its winners are marked where the
// page shows them. Without the XML, the page's own reading lists the numbers and finds CPV codes in its text.
import type { NoticeReading } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { readPageCpvCodes } from './generic';
import { buildReading } from './notice-reading';
import { documentTitle, pageRoot, visibleText } from './page-dom';
import { readTedXml, TED_PORTAL_ID } from './ted-xml';
import { listedNoticeFromXml, listedOnly, MAX_LISTED_NOTICES, searchResultsReading } from './ted-search';

const HOSTS = new Set(['ted.europa.eu', 'www.ted.europa.eu']);
/** "/en/notice/-/detail/043489-2024", "/de/notice/043489-2024/html"; a prefix is allowed for local copies. */
const NOTICE_PATH = /^(.*?)\/([a-z]{2})\/notice\/(?:-\/detail\/)?(\d{1,8}-\d{4})(?:\/html)?\/?$/;
/** "/en/search/result"; the prefix before it (kept for a local copy's addresses) is captured. */
const SEARCH_PATH = /^(.*?)\/[a-z]{2}\/search(?:\/result)?\/?$/;
const PUBLICATION_NUMBER = /\/notice\/(?:-\/detail\/)?(\d{1,8}-\d{4})\b/;

/** The notice's XML address for a TED notice page, on the page's own origin. */
export function tedXmlUrl(pageUrl: URL): string | undefined {
  const match = NOTICE_PATH.exec(pageUrl.pathname);
  return match ? `${pageUrl.origin}${match[1]}/en/notice/${match[3]}/xml` : undefined;
}

/** The publication numbers a search-results page links to, each once, in page order. */
export function listedPublicationNumbers(doc: Document): string[] {
  const numbers = new Set<string>();
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    const number = PUBLICATION_NUMBER.exec(link.getAttribute('href') ?? '')?.[1];
    if (number) numbers.add(number);
  }
  return [...numbers];
}

function readTedPage(doc: Document): NoticeReading {
  const title = visibleText(doc.querySelector('h1')) || documentTitle(doc);
  const listed = listedPublicationNumbers(doc);
  const onSearchPage = listed.length > 1;
  const reading = buildReading(TED_PORTAL_ID, {
    title,
    ...(onSearchPage ? { noticeType: `Search results (${listed.length} notices)` } : {}),
    cpv: pageRoot(doc) ? readPageCpvCodes(doc) : [],
  });
  return onSearchPage ? { ...reading, listedNotices: listed.map((n) => listedOnly(n)) } : reading;
}

/** The XML address of a notice a search page lists, on the page's origin (under a local copy's prefix too). */
function listedXmlUrl(pageUrl: URL, number: string): string | undefined {
  const prefix = SEARCH_PATH.exec(pageUrl.pathname)?.[1];
  return prefix === undefined ? undefined : `${pageUrl.origin}${prefix}/en/notice/${number}/xml`;
}

/** Each listed notice from its XML where it was read, else by number; the page's CPV codes when no XML gave any. */
function readListing(page: NoticeReading, listed: readonly { number: string; record?: unknown }[]): NoticeReading {
  const notices = listed.map(({ number, record }) => (record ? listedNoticeFromXml(number, record as Document) : listedOnly(number)));
  const readings = listed.filter((l) => l.record).map((l) => readTedXml(l.record as Document));
  const combined = searchResultsReading(page.title, notices, readings);
  return combined.cpv.length > 0 ? combined : { ...combined, cpv: page.cpv };
}

export const tedAdapter: PortalAdapter = {
  id: TED_PORTAL_ID,
  name: 'TED',
  matchesUrl: (url) => HOSTS.has(url.hostname) && (NOTICE_PATH.test(url.pathname) || SEARCH_PATH.test(url.pathname)),
  recognisesPage: () => false,
  read: readTedPage,
  twin: {
    format: 'xml',
    url: tedXmlUrl,
    read: (record) => readTedXml(record as Document),
  },
  listing: {
    format: 'xml',
    notices: (doc, pageUrl) => {
      if (!SEARCH_PATH.test(pageUrl.pathname)) return [];
      return listedPublicationNumbers(doc).slice(0, MAX_LISTED_NOTICES).flatMap((number) => {
        const url = listedXmlUrl(pageUrl, number);
        return url ? [{ number, url }] : [];
      });
    },
    read: readListing,
  },
};

// Pages to check it on:
// https://ted.europa.eu/en/notice/-/detail/43489-2024 (eForms result notice, one winner; XML in test/fixtures/ted)
// https://ted.europa.eu/en/notice/43489-2024/xml (its twin)
// https://ted.europa.eu/en/notice/-/detail/163-2021 (legacy F03 award, a Spanish winner of a Portuguese contract)
// https://ted.europa.eu/en/notice/-/detail/740039-2023 (eForms contract notice, Polish)
// https://ted.europa.eu/en/search/result?FT=adalimumab (search results; each listed notice's XML is read)
