// A saved page's bytes as text for the CLI: decodes them by BOM or declared charset (warning about bytes that are
// not valid UTF-8), refuses what is clearly not HTML (PDF, binary, elements nested deeper than a browser nests), and
// reads the visible text without building a DOM. Kept apart from the DOM (html-document.ts, linkedom) so that the
// page-text thread of `match` loads only this and the streaming parser.
import { PageNestingError, readHtmlText } from '../page-text/html-text';
import { InputError } from './cli-io';

/** Characters looked at to tell text from binary data. */
const SNIFF_CHARS = 65_536;
/** Share of those that may be control characters or undecodable bytes in a text (random bytes give about 60%). */
const MAX_NON_TEXT_SHARE = 0.2;

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

/** Line of `index` in `text`, from 1. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Control characters other than white space, and U+FFFD (bytes the decoder could not read), in a text's start. */
function nonTextShare(text: string): number {
  const sample = Math.min(text.length, SNIFF_CHARS);
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) odd++;
  }
  return sample === 0 ? 0 : odd / sample;
}

/** Invalid UTF-8, read with U+FFFD in place of each bad sequence: a warning naming the first one's line. */
function decodeUtf8(bytes: Uint8Array, source: string, warn: (message: string) => void): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    if (nonTextShare(text) <= MAX_NON_TEXT_SHARE) {
      const first = text.indexOf('\ufffd');
      warn(`${source}:${lineOf(text, first)}: not valid UTF-8 (the first bad byte is on this line); bad bytes are read as replacement characters (U+FFFD), so names there may not be found. Save the page as UTF-8, or declare its charset`);
    }
    return text;
  }
}

/**
 * Decodes a page's bytes: a byte-order mark wins, then the declared charset, then UTF-8. PDF and binary data are
 * refused; bytes that are not valid UTF-8 are reported through `warn` and read as U+FFFD.
 */
export function decodeHtml(bytes: Uint8Array, source: string, warn: (message: string) => void = () => {}): string {
  let html: string;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    html = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  } else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    if (/^%PDF-/.test(head)) throw new InputError(`${source}: is a PDF, not an HTML page`);
    if (head.slice(0, 1024).includes('\u0000')) throw new InputError(`${source}: is a binary file, not an HTML page`);
    const decoder = decoderFor(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : declaredCharset(head));
    html = decoder.encoding === 'utf-8' ? decodeUtf8(bytes, source, warn) : decoder.decode(bytes);
  }
  const share = nonTextShare(html);
  if (share > MAX_NON_TEXT_SHARE) {
    throw new InputError(`${source}: is a binary file, not an HTML page (${Math.round(share * 100)}% of its first characters are control characters or bytes that are not text)`);
  }
  return html;
}

/** A page nested too deeply, as an input error naming the file and line. */
export function nestingError(error: unknown, source: string): unknown {
  return error instanceof PageNestingError ? new InputError(`${source}:${error.line}: ${error.reason}`) : error;
}

/** The visible text of a page's body, read without building a DOM (see readHtmlText). */
export function htmlPageText(html: string, source: string): string {
  try {
    return readHtmlText(html);
  } catch (error) {
    throw nestingError(error, source);
  }
}
