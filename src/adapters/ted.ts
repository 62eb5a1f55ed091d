// Reads TED (Tenders Electronic Daily) pages. A notice page is rendered client-side with generated class names, so
// the notice is read from its XML twin (`/en/notice/{number}-{year}/xml`, same origin, see ted-xml.ts) and the names
// it gives are marked where the rendered page shows them. The search-results page is read from what it shows: the
// publication numbers it lists, and its CPV codes and names through the generic reading of the text.
import type { NoticeReading } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { readPageCpvCodes } from './generic';
import { buildReading } from './notice-reading';
import { documentTitle, pageRoot, visibleText } from './page-dom';
import { readTedXml, TED_PORTAL_ID } from './ted-xml';

const HOSTS = new Set(['ted.europa.eu', 'www.ted.europa.eu']);
/** "/en/notice/-/detail/043489-2024", "/de/notice/043489-2024/html"; a prefix is allowed for local copies. */
const NOTICE_PATH = /^(.*?)\/([a-z]{2})\/notice\/(?:-\/detail\/)?(\d{1,8}-\d{4})(?:\/html)?\/?$/;
const SEARCH_PATH = /^(?:.*?)\/[a-z]{2}\/search(?:\/result)?\/?$/;
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
  return buildReading(TED_PORTAL_ID, {
    title,
    ...(onSearchPage ? { noticeType: `Search results (${listed.length} notices)` } : {}),
    cpv: pageRoot(doc) ? readPageCpvCodes(doc) : [],
  });
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
};

// Pages to check it on:
// https://ted.europa.eu/en/notice/-/detail/43489-2024 (eForms result notice, one winner; XML in test/fixtures/ted)
// https://ted.europa.eu/en/notice/43489-2024/xml (its twin)
// https://ted.europa.eu/en/notice/-/detail/163-2021 (legacy F03 award, a Spanish winner of a Portuguese contract)
// https://ted.europa.eu/en/notice/-/detail/740039-2023 (eForms contract notice, Polish)
// https://ted.europa.eu/en/search/result?FT=adalimumab (search results)
