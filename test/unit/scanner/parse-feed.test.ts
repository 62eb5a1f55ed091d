import { describe, expect, it } from 'vitest';
import { FeedParseError, MAX_FEED_ITEMS, MAX_SUMMARY_CHARS, parseFeed, type FeedItem } from '@/src/scanner/parse-feed';
import { parseFixture } from './feed-fixtures';

const rss = (items: string, channel = '<title>Test feed</title><link>https://feeds.example.org/</link>') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${channel}${items}</channel></rss>`;

function noMarkup(items: FeedItem[]): void {
  for (const item of items) {
    expect(item.title).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(item.summary).not.toMatch(/<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+);/i);
  }
}

describe('parsing real feeds', () => {
  it('reads RSS 2.0 in Latin-1, with and without a declaration', async () => {
    const jn = await parseFixture('encoding.rss');
    expect(jn).toMatchObject({ format: 'rss', title: 'Jornal de Notícias - Últimas Notícias', link: 'http://www.jn.pt/' });
    expect(jn.items).toHaveLength(40);
    expect(jn.items[0]).toMatchObject({
      title: 'Mãe de utente é a nova presidente da Raríssimas',
      published: '2018-01-03T13:47:00.000Z',
      summary: expect.stringContaining('Sónia Laygue, profissional na área da Recursos Humanos'),
    });

    const uol = await parseFixture('uolNoticias.rss');
    expect(uol).toMatchObject({ format: 'rss', title: 'UOL Noticias', link: 'http://noticias.uol.com.br/' });
    expect(uol.items).toHaveLength(15);
    expect(uol.items[0]!.title).toBe('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
  });

  it('reads Latin-2 and GB2312 feeds', async () => {
    const polish = await parseFixture('latin2.rss');
    expect(polish.items).toEqual([{
      id: 'http://www.example.pl/news/1',
      title: 'ZAŻÓŁĆ GĘSLĄ JAŹŃ',
      url: 'http://www.example.pl/news/1',
      published: '2019-10-18T15:27:37.000Z',
      summary: 'Szedł sasza suchą szosą',
    }]);
    const chinese = await parseFixture('encoding-gb2312.xml');
    expect(chinese.title).toBe('新闻国内');
    expect(chinese.items).toHaveLength(20);
    expect(chinese.items[0]).toMatchObject({ title: '习近平为何如此强调崇尚英雄？', url: 'http://news.qq.com/a/20180918/009846.htm' });
  });

  it('reads RSS 1.0 (RDF): the about address is the id, dc:date the date', async () => {
    const science = await parseFixture('rss-1.rss');
    expect(science).toMatchObject({ format: 'rdf', title: 'Science twis', link: 'http://science.sciencemag.org/' });
    expect(science.items).toHaveLength(69);
    expect(science.items[0]).toEqual({
      id: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
      title: 'Food for fungi',
      url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
      published: '2017-06-15T17:29:47.000Z',
      summary: '',
    });
  });

  it('takes the alternate link of Atom feeds and entries, never self or enclosure', async () => {
    const feed = await parseFixture('multiple-links.atom');
    expect(feed).toMatchObject({ format: 'atom', title: 'Example Feed', link: 'http://example.org/' });
    expect(feed.items.map((i) => i.url)).toEqual(['http://example.org/2003/12/13/atom03', 'http://example.org/2003/12/13/atom03']);
    expect(feed.items[0]).toMatchObject({ id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', summary: 'Some text.', published: '2003-12-13T18:30:02.000Z' });

    const heise = await parseFixture('heise.atom');
    expect(heise.items).toHaveLength(15);
    expect(heise.items[0]).toMatchObject({
      id: 'http://heise.de/-3088438',
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      url: expect.stringMatching(/^http:\/\/www\.heise\.de\/developer\/meldung\/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438\.html/),
    });
  });

  it('reduces CDATA HTML content to plain text with its block structure', async () => {
    const feed = await parseFixture('content-encoded.rss');
    noMarkup(feed.items);
    const forager = feed.items[0]!;
    expect(forager.summary.split('\n').slice(0, 2)).toEqual([
      'Using Wild Ingredients in the Kitchen',
      'HEY, YOU! YES, YOU WITH THE EYEBALLS! GO OUTSIDE AND EAT SOME WILD FOODS!',
    ]);
    expect(feed.items[4]!.summary).toContain('Victoria (Hearst Magazines, a division of Hearst Communications, Inc.). Sep 98');
  });

  it('keeps the reading order of XHTML written straight into a description', async () => {
    const ordered = await parseFixture('xhtml-content-order.rss');
    expect(ordered.items[0]!.summary).toBe([
      'Task_A 2024-08-07T15:33:29+00:00', 'Description for Task A', 'Task_B 2024-08-06T08:45:27+00:00', 'Description for Task B',
    ].join('\n'));
    const reddit = await parseFixture('reddit-atom.rss');
    noMarkup(reddit.items);
    expect(reddit.items[0]!.summary).toBe('submitted bybenjaab123tospace\n[link][959 comments]');
    // This item's self-text is escaped once more inside the table: it is read as text, not shown as code.
    expect(reddit.items[16]!.summary).toMatch(/^Hey Reddit! Benjamin Von Wong here, glad to finally be back here for another ama\. Last week I dragged a model into the shark ridden sea in hopes/);
  });

  it('reads entries with missing fields: id falls back to a hash, nothing is invented', async () => {
    const missing = await parseFixture('missing-fields.atom');
    expect(missing.title).toBe('');
    expect(missing.link).toBeUndefined();
    expect(missing.items).toEqual([{ id: 'tag:github.com,2008:Repository/11167738/v3.9.0', title: '', summary: '' }]);
    const incomplete = await parseFixture('incomplete-fields.atom');
    expect(incomplete.items).toHaveLength(1);
    expect(incomplete.items[0]!.id).toMatch(/^sha:[0-9a-f]{16}$/);
    expect(incomplete.items[0]!.url).toBeUndefined();
  });

  it('rejects what is not a feed with an error naming the feed', async () => {
    await expect(parseFixture('unrecognized.rss')).rejects.toThrow(new FeedParseError(
      'unrecognized.rss: not an RSS or Atom feed (its first element is <head>; expected <rss>, <rdf:RDF> or <feed>)',
    ));
    await expect(parseFeed('{"items": []}', { source: 'feed.json' })).rejects.toThrow('feed.json: not an RSS or Atom feed (it looks like JSON');
    await expect(parseFeed('  \n', { source: 'blank.xml' })).rejects.toThrow('blank.xml: is empty, not a feed');
    await expect(parseFeed('<rss version="2.0"><channel><title>a</title></rss>', { source: 'broken.rss' }))
      .rejects.toThrow(/^broken\.rss: the RSS feed is not well-formed XML \(Unexpected close tag/);
  });
});

describe('parsing hostile feeds', () => {
  it('drops scripts, styles and markup and keeps only http(s) links', async () => {
    const feed = await parseFeed(rss(`
      <item><title>&lt;b&gt;Bold&lt;/b&gt; &amp; brave</title><link>javascript:alert(1)</link><guid>a</guid>
        <description><![CDATA[<p>First<script>alert("x")</script></p><style>p{color:red}</style><p onclick="x()">Second &eacute;</p><iframe src="https://evil.example/">framed</iframe>]]></description></item>
      <item><title>Relative</title><link>/news/2</link><guid>b</guid></item>
      <item><title>Data</title><link>data:text/html,hi</link><guid>c</guid></item>`));
    expect(feed.items.map((i) => i.url)).toEqual([undefined, 'https://feeds.example.org/news/2', undefined]);
    expect(feed.items[0]).toMatchObject({ title: 'Bold & brave', summary: 'First\nSecond é' });
  });

  it('reads HTML that a feed escaped twice, and never shows control characters', async () => {
    const feed = await parseFeed(rss('<item><guid>x</guid><title><![CDATA[A&#x1b;[31mred]]></title><description>&amp;lt;p&amp;gt;Escaped &amp;lt;em&amp;gt;twice&amp;lt;/em&amp;gt;&amp;lt;/p&amp;gt;</description></item>'));
    expect(feed.items[0]).toMatchObject({ title: 'A [31mred', summary: 'Escaped twice' });
  });

  it('keeps a feed whose Atom entry has an unreadable date, without the date', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;amp; B</title>
      <entry><id>e1</id><title>Entry</title><published>last Tuesday</published><link href="https://example.org/e1"/></entry></feed>`);
    expect(feed.title).toBe('A & B');
    expect(feed.items).toEqual([{ id: 'e1', title: 'Entry', url: 'https://example.org/e1', summary: '' }]);
  });

  it('caps the length of summaries and the number of items', async () => {
    const long = 'word '.repeat(MAX_SUMMARY_CHARS);
    const items = Array.from({ length: MAX_FEED_ITEMS + 3 }, (_, i) => `<item><guid>${i}</guid><title>Item ${i}</title>${i === 0 ? `<description>${long}</description>` : ''}</item>`).join('');
    const feed = await parseFeed(rss(items));
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.omittedItems).toBe(3);
    expect(feed.items[0]!.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(feed.items[0]!.summary.endsWith('word…')).toBe(true);
  });
});
