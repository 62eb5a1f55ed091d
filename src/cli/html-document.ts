// Turns the bytes of a saved page into its text (see page-bytes.ts) or into a standard DOM Document for the
// adapters (linkedom), refusing pages nested deeper than a browser nests and framing fragments so that <body>
// always exists.
import { parseHTML } from 'linkedom';
import { checkNestingDepth } from '../page-text/html-text';
import { nestingError } from './page-bytes';

export { decodeHtml, htmlPageText } from './page-bytes';

/**
 * A Document for an HTML page or fragment. linkedom leaves fragments without <html>/<body> (and then throws on
 * `document.body`), so a text without an <html> element is framed as the body of a page first.
 */
export function parseHtmlDocument(html: string, source = 'page'): Document {
  try {
    checkNestingDepth(html);
  } catch (error) {
    throw nestingError(error, source);
  }
  const framed = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(framed).document as unknown as Document;
}
