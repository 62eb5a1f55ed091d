// Test helper: parses the saved portal pages and small HTML snippets into standard DOM documents with linkedom.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export const FIND_A_TENDER_PAGE = 'uk_find_a_tender_notice_008624-2023_award.html';
export const CONTRACTS_FINDER_PAGE = 'uk_contracts_finder_notice_05c544dc_award.html';

export function savedPage(fileName: string): Document {
  const html = readFileSync(new URL(`../../fixtures/portal_html/${fileName}`, import.meta.url), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

/** A document from an HTML snippet, given a full <html> frame as a browser would. */
export function htmlPage(body: string, head = ''): Document {
  return parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
}
