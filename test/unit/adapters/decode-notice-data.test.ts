// Notice data in the encoding its publisher used: Mexico City's real OCDS package in ISO-8859-1, a real TED notice
// as a portal serving ISO-8859-1 would send it (its declaration and bytes re-encoded here from the UTF-8 original),
// UTF-8 with and without a byte-order mark, and a charset named by the response.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNoticeData } from '@/src/adapters/decode-notice-data';
import { readOcds } from '@/src/adapters/ocds';

const ISO_OCDS = readFileSync(new URL('../../fixtures/ocds/mx_cdmx_release_package_iso-8859-1.json', import.meta.url));
const TED_UTF8 = readFileSync(new URL('../../fixtures/ted/ted_eforms_can_standard_043489-2024.xml', import.meta.url), 'utf8');

/** A text's bytes in ISO-8859-1 (every character of the texts used here is in it). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    if (c.charCodeAt(0) > 0xff) throw new Error(`not in ISO-8859-1: ${c}`);
    return c.charCodeAt(0);
  });
}

describe('decoding notice data', () => {
  it('reads Mexico City’s ISO-8859-1 OCDS package with its accents', () => {
    const { text, encoding } = decodeNoticeData(ISO_OCDS);
    expect(encoding).toBe('windows-1252');
    const reading = readOcds(JSON.parse(text))!;
    expect(reading.buyer?.name).toBe('SECRETARÍA DE FINANZAS');
    expect(reading.suppliers.map((s) => s.name)).toEqual(['COMERCIALIZADORA DE EQUIPOS', 'SERVICIO TÉCNICO A EQUIPOS SOF,', 'Técnicos Verticales de México,']);
    expect(text).not.toContain('\ufffd');
  });

  it('keeps UTF-8 as UTF-8, with or without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(TED_UTF8);
    expect(decodeNoticeData(utf8)).toEqual({ text: TED_UTF8, encoding: 'utf-8' });
    expect(decodeNoticeData(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8))).toEqual({ text: TED_UTF8, encoding: 'utf-8-bom' });
  });

  it('follows the encoding an XML declaration or the response names', () => {
    const declared = TED_UTF8.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const decoded = decodeNoticeData(latin1(declared));
    expect(decoded.text).toBe(declared);
    expect(decoded.text).toContain('Schwarzabdichtung');
    // The response's charset, for JSON that cannot declare one.
    const json = '{"buyer":{"name":"SECRETARÍA DE FINANZAS"}}';
    expect(decodeNoticeData(latin1(json), 'application/json; charset=ISO-8859-1').text).toBe(json);
    // An unknown charset label: the bytes are read by detection instead.
    expect(decodeNoticeData(latin1(json), 'application/json; charset=x-unknown').text).toBe(json);
  });
});
