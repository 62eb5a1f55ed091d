// Reads any page: its title (first h1, else <title>) and the CPV codes its visible text shows with clear context.
// It reads no suppliers: the matcher finds known entity names in the page text on its own.
import type { NoticeReading } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { findCpvCodesInText, findCpvCodesInTextInSlices } from './cpv-in-text';
import { buildReading } from './notice-reading';
import { documentTitle, pageRoot, textWithLines, textWithLinesInSlices, visibleText, type YieldToPage } from './page-dom';

const PORTAL_ID = 'generic';

/** The CPV codes of a page's visible text (scripts, styles and screen-reader-only copies left out). */
export function readPageCpvCodes(doc: Document): NoticeReading['cpv'] {
  return findCpvCodesInText(textWithLines(pageRoot(doc)));
}

/** The same codes as `readPageCpvCodes`, read in slices with `yieldToPage` in between (a huge page stays responsive). */
export async function readPageCpvCodesInSlices(doc: Document, yieldToPage: YieldToPage): Promise<NoticeReading['cpv']> {
  return findCpvCodesInTextInSlices(await textWithLinesInSlices(pageRoot(doc), yieldToPage), yieldToPage);
}

function genericTitle(doc: Document): string {
  return visibleText(doc.querySelector('h1')) || documentTitle(doc);
}

function readGenericPage(doc: Document): NoticeReading {
  return buildReading(PORTAL_ID, { title: genericTitle(doc), cpv: readPageCpvCodes(doc) });
}

/** The same reading as the generic reader's, its page-wide search for codes done in slices. */
export async function readGenericPageInSlices(doc: Document, yieldToPage: YieldToPage): Promise<NoticeReading> {
  const title = genericTitle(doc);
  return buildReading(PORTAL_ID, { title, cpv: await readPageCpvCodesInSlices(doc, yieldToPage) });
}

export const genericAdapter: PortalAdapter = {
  id: PORTAL_ID,
  name: 'Any page',
  matchesUrl: () => true,
  recognisesPage: () => true,
  read: readGenericPage,
};

// Pages to check it on:
// https://ted.europa.eu/en/notice/-/detail/043489-2024 (a TED notice: codes shown under "Main classification (cpv)")
// https://www.contractsfinder.service.gov.uk/Search/Results (search results listing many notices)
// any supplier or news page the user opts into (no CPV codes expected, title only)
