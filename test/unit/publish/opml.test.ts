// OPML in and out, and the suggested feeds matching their committed source list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpmlError, readOpml, writeOpml } from '@/src/publish/opml';
import { parseCsvRecords } from '@/src/data/csv';
import { SUGGESTED_FEEDS } from '@/src/sources/default-feeds';

const OPML = `<?xml version="1.0"?>
<opml version="2.0">
  <head><title>Monitors</title></head>
  <body>
    <outline text="NGOs">
      <outline type="rss" text="Supplier alerts" xmlUrl="https://alerts.example.org/feed.rss"/>
      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
    </outline>
    <outline type="rss" title="Heise" xmlUrl="https://www.heise.de/rss/heise.rdf?a=1&amp;b=2"/>
    <outline type="rss" text="Again" xmlUrl="https://alerts.example.org/feed.rss"/>
  </body>
</opml>
`;

describe('OPML', () => {
  it('reads nested outlines, http(s) only, and says which line it left out and why', () => {
    const reading = readOpml(OPML, 'monitors.opml');
    expect(reading.feeds).toEqual([
      { title: 'Supplier alerts', url: 'https://alerts.example.org/feed.rss' },
      { title: 'Heise', url: 'https://www.heise.de/rss/heise.rdf?a=1&b=2' },
    ]);
    expect(reading.skipped).toEqual([
      { line: 7, url: 'javascript:alert(1)', reason: 'only http and https feeds can be followed, not "javascript"' },
      { line: 6, url: 'https://alerts.example.org/feed.rss', reason: 'listed twice' },
    ]);
  });

  it('writes what it reads back', () => {
    const feeds = [{ title: 'A & "B"', url: 'https://a.example/feed?x=1&y=2' }];
    expect(readOpml(writeOpml('Mine', feeds)).feeds).toEqual(feeds);
  });

  it('refuses a file that is not OPML', () => {
    expect(() => readOpml('<rss version="2.0"></rss>', 'feed.xml')).toThrow(new OpmlError('feed.xml', 1, 'not an OPML file (expected an <opml> element)'));
  });
});

describe('suggested feeds', () => {
  it('are the rows of the committed candidate list, none switched on', () => {
    const csv = readFileSync(new URL('../../../src/data/sources/ngo-feeds/ngo_feed_url_candidates.csv', import.meta.url), 'utf8');
    const urls = parseCsvRecords(csv).slice(1).map((r) => r.fields[1]);
    expect(SUGGESTED_FEEDS.map((f) => f.url)).toEqual(urls);
  });
});
