import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeed, detectFeedEncoding, encodingFromXmlDeclaration } from '@/src/scanner/decode-feed';
import { feedBytes } from './feed-fixtures';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a feed', () => {
  it('reads a Latin-1 feed by its XML declaration', () => {
    const decoded = decodeFeed(feedBytes('encoding.rss'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', origin: 'xml-declaration' });
    expect(decoded.text).toContain('<title>Jornal de Notícias - Últimas Notícias</title>');
  });

  it('falls back to windows-1252 for Latin-1 bytes without any declaration', () => {
    const decoded = decodeFeed(feedBytes('uolNoticias.rss'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', origin: 'fallback' });
    expect(decoded.text).toContain('<description>Últimas Notícias</description>');
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('reads Latin-2 and GB2312 by their declarations', () => {
    const latin2 = decodeFeed(feedBytes('latin2.rss'));
    expect(latin2.encoding).toBe('iso-8859-2');
    expect(latin2.text).toContain('ZAŻÓŁĆ GĘSLĄ JAŹŃ');
    const chinese = decodeFeed(feedBytes('encoding-gb2312.xml'));
    expect(chinese.encoding).toBe('gbk');
    expect(chinese.text).toContain('<title>新闻国内</title>');
  });

  it('reads undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeFeed(utf8('<rss version="2.0"><channel><title>Größe</title></channel></rss>'))).toMatchObject({
      encoding: 'utf-8', origin: 'valid-utf-8', text: '<rss version="2.0"><channel><title>Größe</title></channel></rss>',
    });
  });

  it('lets the HTTP charset win over the XML declaration', () => {
    const bytes = new Uint8Array([...utf8('<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>'), 0xe9, ...utf8('</title></channel></rss>')]);
    const decoded = decodeFeed(bytes, 'application/rss+xml; charset="ISO-8859-1"');
    expect(decoded.origin).toBe('http-charset');
    expect(decoded.text).toContain('<title>é</title>');
  });

  it('lets a byte-order mark win over everything and leaves it out of the text', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><rss>ü</rss>')]);
    expect(decodeFeed(withBom, 'text/xml; charset=windows-1252')).toMatchObject({
      encoding: 'utf-8', origin: 'byte-order-mark', text: '<?xml version="1.0" encoding="ISO-8859-1"?><rss>ü</rss>',
    });
  });

  it('reads UTF-16 with a byte-order mark and without one', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss>Łódź</rss>';
    const le = new Uint8Array(2 + xml.length * 2);
    const be = new Uint8Array(xml.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      const code = xml.charCodeAt(i);
      le[2 + 2 * i] = code & 0xff;
      le[3 + 2 * i] = code >> 8;
      be[2 * i] = code >> 8;
      be[2 * i + 1] = code & 0xff;
    }
    expect(decodeFeed(le)).toMatchObject({ encoding: 'utf-16le', origin: 'byte-order-mark', text: xml });
    expect(decodeFeed(be)).toMatchObject({ encoding: 'utf-16be', origin: 'utf-16-sniffed', text: xml });
  });

  it('skips labels it cannot use: unknown charsets and UTF-16 declared over single-byte text', () => {
    expect(detectFeedEncoding(utf8('<?xml version="1.0" encoding="x-klingon"?><rss/>'), 'text/xml; charset=bogus')).toEqual({ encoding: 'utf-8', origin: 'valid-utf-8' });
    expect(detectFeedEncoding(utf8('<?xml version="1.0" encoding="UTF-16"?><rss/>'))).toEqual({ encoding: 'utf-8', origin: 'valid-utf-8' });
  });

  it('finds the charset parameter and the declared encoding', () => {
    expect(charsetFromContentType('text/xml;charset=GB2312')).toBe('GB2312');
    expect(charsetFromContentType('application/atom+xml')).toBeUndefined();
    expect(charsetFromContentType(undefined)).toBeUndefined();
    expect(encodingFromXmlDeclaration("\n<?xml version='1.0' encoding='iso-8859-2' standalone='yes'?>")).toBe('iso-8859-2');
    expect(encodingFromXmlDeclaration('<?xml version="1.0"?><rss encoding="utf-8">')).toBeUndefined();
    expect(encodingFromXmlDeclaration('<rss><?xml encoding="latin1"?>')).toBeUndefined();
  });
});
