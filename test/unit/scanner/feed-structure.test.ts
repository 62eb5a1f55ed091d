// Feeds whose structure is broken or hostile get their own words, not the XML parser's internals: an empty
// <channel> (once "(links ?? []) is not iterable"), none at all, an item outside it (once "not well-formed XML"),
// nesting deep enough to make the parser quadratic, and declared entities (XXE, entity expansion).
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '@/src/scanner/parse-feed';
import { MAX_FEED_DEPTH } from '@/src/scanner/feed-structure';
import { htmlToPlainText } from '@/src/scanner/html-to-text';

async function problemOf(text: string) {
  const error = await parseFeed(text, { source: 'f.rss' }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FeedParseError);
  return { problem: (error as FeedParseError).problem, message: (error as Error).message };
}

describe('feed structure', () => {
  it('names an empty <channel>, a missing one, and an item outside it', async () => {
    expect(await problemOf('<rss version="2.0"><channel></channel></rss>')).toEqual({ problem: { code: 'empty-channel', args: [] }, message: "f.rss: the RSS feed's <channel> is empty: no title and no items" });
    expect((await problemOf('<rss version="2.0"><channel/></rss>')).problem?.code).toBe('empty-channel');
    expect((await problemOf('<rss version="2.0"></rss>')).problem?.code).toBe('no-channel');
    expect(await problemOf('<rss version="2.0">\n<channel><title>t</title></channel>\n<item><title>Hoshine</title></item></rss>')).toEqual({
      problem: { code: 'item-outside-channel', args: ['3'] },
      message: 'f.rss: an <item> stands outside <channel> (line 3); RSS items belong inside <channel>',
    });
    // RSS 1.0 puts its items beside the channel, as it should.
    const rdf = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://x.org/"><title>t</title><link>https://x.org/</link></channel><item rdf:about="https://x.org/1"><title>One</title><link>https://x.org/1</link></item></rdf:RDF>';
    expect((await parseFeed(rdf)).items.map((i) => i.title)).toEqual(['One']);
    // A channel with a title and no items yet is a feed, not an error.
    expect((await parseFeed('<rss version="2.0"><channel><title>New feed</title></channel></rss>')).items).toEqual([]);
  });

  it('refuses nesting past the bound with its depth and line, in linear time', async () => {
    const depth = 400_000;
    const deep = `<rss version="2.0"><channel><title>t</title><item><title>x</title><description>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</description></item></channel></rss>`;
    expect(deep.length).toBeGreaterThan(4_000_000);
    expect(await problemOf(deep)).toMatchObject({ problem: { code: 'too-deep', args: [String(MAX_FEED_DEPTH), '1'] } });
    // Just inside the bound is read.
    const inside = `<rss version="2.0"><channel><title>t</title><item><title>x</title><description>${'<b>'.repeat(MAX_FEED_DEPTH - 5)}Hoshine${'</b>'.repeat(MAX_FEED_DEPTH - 5)}</description></item></channel></rss>`;
    expect((await parseFeed(inside)).items[0]?.summary).toBe('Hoshine');
  });

  it('reads escaped HTML nested 200,000 deep as its text, flattened', () => {
    const html = `${'<div>'.repeat(200_000)}Hoshine Silicon${'</div>'.repeat(200_000)}`;
    expect(htmlToPlainText(html, { maxLength: 100, keepLineBreaks: false })).toBe('Hoshine Silicon');
  });

  it('refuses declared entities: no external entity is fetched and none expands', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>';
    expect((await problemOf(xxe)).problem?.code).toBe('entity-declarations');
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&bbbbbbbbb;</title></channel></rss>`;
    expect((await problemOf(lol)).problem?.code).toBe('entity-declarations');
  });
});
