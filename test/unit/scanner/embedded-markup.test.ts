import { describe, expect, it } from 'vitest';
import { wrapEmbeddedMarkup } from '@/src/scanner/embedded-markup';
import { parseFeed } from '@/src/scanner/parse-feed';

describe('markup written straight into text elements', () => {
  it('wraps the content of a text element that holds elements in CDATA, and leaves the rest alone', () => {
    const xml = '<rss><channel><title>Plain &amp; simple</title><item><description>A <b>bold</b> <a href="x?a=1&amp;b=>2">link</a></description></item></channel></rss>';
    expect(wrapEmbeddedMarkup(xml)).toBe(
      '<rss><channel><title>Plain &amp; simple</title><item><description><![CDATA[A <b>bold</b> <a href="x?a=1&amp;b=>2">link</a>]]></description></item></channel></rss>',
    );
  });

  it('leaves CDATA, comments and self-closing elements as they are, and splits a "]]>" inside the markup', () => {
    const untouched = '<feed><summary><![CDATA[<p>already <b>safe</b></p>]]></summary><content src="https://example.org/x"/><!-- <title><b>x</b></title> --></feed>';
    expect(wrapEmbeddedMarkup(untouched)).toBe(untouched);
    expect(wrapEmbeddedMarkup('<rss><description><p>a ]]> b</p></description></rss>')).toBe(
      '<rss><description><![CDATA[<p>a ]]]]><![CDATA[> b</p>]]></description></rss>',
    );
  });

  it('gives up on a text element that never closes: the XML parser reports the broken feed', async () => {
    const broken = '<rss version="2.0"><channel><item><description><p>never closed</p></item></channel></rss>';
    expect(wrapEmbeddedMarkup(broken)).toBe(broken);
    await expect(parseFeed(broken, { source: 'broken.rss' })).rejects.toThrow(/^broken\.rss: the RSS feed is not well-formed XML/);
  });

  it('reads Atom XHTML content in document order', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Acme <em>Widgets</em> Ltd</div></title>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <em>one</em>, then</p><p>second</p><em>third</em></div></content></entry></feed>`);
    expect(feed.items[0]).toMatchObject({ title: 'Acme Widgets Ltd', summary: 'First one, then\nsecond\nthird' });
  });
});
