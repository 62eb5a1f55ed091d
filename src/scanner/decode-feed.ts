// Turns a feed's bytes into text: a byte-order mark wins, then the HTTP charset, then the XML declaration's
// encoding; with nothing declared, UTF-8 when the bytes are valid UTF-8, otherwise windows-1252 (Latin-1 feeds).

export type FeedEncodingOrigin = 'byte-order-mark' | 'http-charset' | 'xml-declaration' | 'utf-16-sniffed' | 'valid-utf-8' | 'fallback';

export interface FeedEncoding {
  /** The WHATWG encoding name TextDecoder uses ("utf-8", "windows-1252", "gbk", …). */
  encoding: string;
  /** Where the encoding came from. */
  origin: FeedEncodingOrigin;
}

export interface DecodedFeed extends FeedEncoding {
  text: string;
}

/** The encoding used when bytes are not UTF-8 and nothing is declared: what browsers read Latin-1 as. */
const UNDECLARED_FALLBACK = 'windows-1252';

/** The XML declaration sits in the first bytes; this is plenty for it and any leading blank lines. */
const DECLARATION_WINDOW = 1024;

/** The charset parameter of an HTTP Content-Type header ("application/rss+xml; charset=ISO-8859-1"). */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2])?.trim();
  return label ? label : undefined;
}

/** The encoding named in an ASCII-compatible XML declaration (`<?xml version="1.0" encoding="ISO-8859-2"?>`). */
export function encodingFromXmlDeclaration(head: string): string | undefined {
  const declaration = /^\s*<\?xml\s[^>]*?\?>/.exec(head)?.[0];
  if (!declaration) return undefined;
  return /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(declaration)?.slice(1).find((v) => v !== undefined)?.trim() || undefined;
}

/** The WHATWG name of an encoding label, or undefined when TextDecoder does not know it. */
function supportedEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a byte-order mark still shows itself: "<?" or "<r" is one ASCII byte next to a zero byte. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses the encoding of a feed's bytes. A declared label TextDecoder does not know is skipped, and a declared
 * UTF-16 over bytes that are plainly single-byte (the declaration readable as ASCII) is a mislabel and skipped too.
 */
export function detectFeedEncoding(bytes: Uint8Array, contentType?: string): FeedEncoding {
  const bom = byteOrderMark(bytes);
  if (bom) return { encoding: bom.encoding, origin: 'byte-order-mark' };
  const sniffed16 = sniffUtf16(bytes);
  if (sniffed16) return { encoding: sniffed16, origin: 'utf-16-sniffed' };

  const usable = (label: string | undefined): string | undefined => {
    const encoding = supportedEncoding(label);
    return encoding && !encoding.startsWith('utf-16') ? encoding : undefined;
  };
  const fromHttp = usable(charsetFromContentType(contentType));
  if (fromHttp) return { encoding: fromHttp, origin: 'http-charset' };
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, DECLARATION_WINDOW));
  const fromDeclaration = usable(encodingFromXmlDeclaration(head));
  if (fromDeclaration) return { encoding: fromDeclaration, origin: 'xml-declaration' };
  return isValidUtf8(bytes) ? { encoding: 'utf-8', origin: 'valid-utf-8' } : { encoding: UNDECLARED_FALLBACK, origin: 'fallback' };
}

/** Decodes a feed's bytes (see detectFeedEncoding); TextDecoder leaves a byte-order mark out of the text. */
export function decodeFeed(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const chosen = detectFeedEncoding(bytes, contentType);
  return { ...chosen, text: new TextDecoder(chosen.encoding).decode(bytes) };
}
