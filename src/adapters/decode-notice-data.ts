// Turns the bytes of notice data (OCDS JSON, TED XML, a SAM.gov record) into text, whichever encoding the
// publisher used: a byte-order mark wins (UTF-8, UTF-16), then a charset the XML declaration or the HTTP response
// names (the response's first), then UTF-8 when the bytes are valid UTF-8, and otherwise Windows-1252, the superset of ISO-8859-1 that
// browsers use for it (JSON is meant to be UTF-8, but real portals publish ISO-8859-1 too: Mexico City's OCDS).
// Pure; shared by the command line and the extension's twin reader.
import { decodeText, type TextEncodingName } from '../disclosures/decode-text';

export interface DecodedNoticeData {
  text: string;
  /** What the bytes were read as: a detected encoding, or a charset the data or the response declared. */
  encoding: TextEncodingName | string;
}

/** The charset a Content-Type header names ("application/json; charset=ISO-8859-1" → "iso-8859-1"). */
function headerCharset(contentType: string | undefined): string | undefined {
  return contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() : undefined;
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), read in its ASCII bytes. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]?.toLowerCase();
}

/** A TextDecoder for a declared charset other than UTF-8 or UTF-16 (which the bytes themselves tell), if it is known. */
function declaredDecoder(label: string | undefined): TextDecoder | undefined {
  if (!label || /^utf-?(8|16)/.test(label)) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // an unknown label: detect instead
  }
}

export function decodeNoticeData(bytes: Uint8Array, contentType?: string): DecodedNoticeData {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const declared = declaredDecoder(headerCharset(contentType) ?? xmlDeclaredEncoding(bytes));
    if (declared) return { text: declared.decode(bytes), encoding: declared.encoding };
  }
  return decodeText(bytes);
}
