// Turns the bytes of a saved page into a standard DOM Document for the adapters (linkedom): decodes them by BOM
// or declared charset, refuses what is clearly not HTML, and frames fragments so that <body> always exists.
import { parseHTML } from 'linkedom';
import { InputError } from './cli-io';

/** The charset a page declares in its first bytes (`<meta charset>` or the http-equiv Content-Type). */
function declaredCharset(head: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function decoderFor(label: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8'); // an unknown charset label: read as UTF-8, the web's default
  }
}

/** Decodes a page's bytes: a byte-order mark wins, then the declared charset, then UTF-8. */
export function decodeHtml(bytes: Uint8Array, source: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  if (/^%PDF-/.test(head)) throw new InputError(`${source}: is a PDF, not an HTML page`);
  if (head.slice(0, 1024).includes('\u0000')) throw new InputError(`${source}: is a binary file, not an HTML page`);
  return decoderFor(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : declaredCharset(head)).decode(bytes);
}

/**
 * A Document for an HTML page or fragment. linkedom leaves fragments without <html>/<body> (and then throws on
 * `document.body`), so a text without an <html> element is framed as the body of a page first.
 */
export function parseHtmlDocument(html: string): Document {
  const framed = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(framed).document as unknown as Document;
}
