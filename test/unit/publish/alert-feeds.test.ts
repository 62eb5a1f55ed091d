// Alert feeds out: Atom that a feed reader's parser (rss-parser) reads back, with each entry's entities as
// categories; JSON Feed 1.1; hostile item text kept as safe text; the same story in two feeds as one entry.
import { describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { writeAtom } from '@/src/publish/atom';
import { writeJsonFeed } from '@/src/publish/json-feed';
import { alertEntries } from '@/src/publish/watchlist-feed';
import type { AlertFeed } from '@/src/publish/alert-feed';
import type { AlertRow } from '@/src/kb/db';

const camel = { id: 'us-dhs-uflpa:camel-group-co-ltd', name: 'Camel Group Co., Ltd.' };
const names = new Map([[camel.id, camel]]);
const row = (id: string, sourceId: string, more: Partial<AlertRow> = {}): AlertRow => ({
  id, sourceId, title: 'Camel Group added to the UFLPA Entity List', url: 'https://news.example.org/camel', summary: 'DHS added Camel Group.',
  entityIds: [camel.id], confidence: 'high', mentions: [], urlKey: '//news.example.org/camel', firstSeenAt: '2026-12-01T10:00:00.000Z', published: '2026-12-01T09:00:00.000Z', ...more,
});

function feedOf(alerts: AlertRow[]): AlertFeed {
  return {
    id: 'tag:tenderlens.org,2026:watchlist:test', title: 'TenderLens alerts: Contract 14', subtitle: 'test', generator: 'TenderLens',
    entries: alertEntries(alerts, names, new Map([['feed:a', 'Monitor A'], ['feed:b', 'NGO B']])),
  };
}

describe('Atom out', () => {
  it('is read back by a feed reader’s parser, one entry per story, entities as categories', async () => {
    const atom = writeAtom(feedOf([row('feed:a:1', 'feed:a'), row('feed:b:9', 'feed:b', { firstSeenAt: '2026-12-01T08:00:00.000Z', url: 'https://news.example.org/camel?utm_source=rss' })]));
    expect(atom).toContain('<category term="us-dhs-uflpa:camel-group-co-ltd" label="Camel Group Co., Ltd."/>');
    const parsed = await new Parser().parseString(atom);
    expect(parsed.title).toBe('TenderLens alerts: Contract 14');
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]).toMatchObject({ title: 'Camel Group added to the UFLPA Entity List', link: 'https://news.example.org/camel' });
    expect(parsed.items[0]!.content).toContain('Read in: Monitor A; NGO B.');
    // The entry is dated when the story was first seen, in whichever feed.
    expect(atom).toContain('<updated>2026-12-01T08:00:00.000Z</updated>');
  });

  it('names a company listed under two ids once in the text, with one category per id', async () => {
    const uflpa = { id: 'us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', name: 'Hetian Haolin Hair Accessories Co. Ltd.' };
    const cbp = { id: 'us-cbp-wro:hetian-haolin-hair-accessories-co-ltd', name: 'Hetian Haolin Hair Accessories Co. Ltd.' };
    const entries = alertEntries([row('feed:a:3', 'feed:a', { entityIds: [uflpa.id, cbp.id] })], new Map([[uflpa.id, uflpa], [cbp.id, cbp]]), new Map([['feed:a', 'Monitor A']]));
    const feed: AlertFeed = { id: 'tag:tenderlens.org,2026:watchlist:test', title: 't', subtitle: 's', generator: 'TenderLens', entries };
    const atom = writeAtom(feed);
    expect(atom.match(/<category [^>]*>/g)).toEqual([
      `<category term="${uflpa.id}" label="Hetian Haolin Hair Accessories Co. Ltd."/>`,
      `<category term="${cbp.id}" label="Hetian Haolin Hair Accessories Co. Ltd."/>`,
    ]);
    const [item] = (await new Parser().parseString(atom)).items;
    expect(item!.content).toContain('Linked to: Hetian Haolin Hair Accessories Co. Ltd.\n');
    const json = JSON.parse(writeJsonFeed(feed));
    expect(json.items[0].tags).toEqual(['Hetian Haolin Hair Accessories Co. Ltd.']);
    expect(json.items[0].content_text).toContain('Linked to: Hetian Haolin Hair Accessories Co. Ltd.\n');
    expect(json.items[0]._tenderlens.entities.map((e: { id: string }) => e.id)).toEqual([uflpa.id, cbp.id]);
  });

  it('keeps hostile text as escaped text and drops javascript: links', async () => {
    const atom = writeAtom(feedOf([row('feed:a:2', 'feed:a', {
      title: '<script>alert(1)</script> Camel & "Co"\u0007\u202e', url: 'javascript:alert(1)', urlKey: 'x', summary: ']]><img src=x onerror=alert(1)>',
    })]));
    expect(atom).not.toContain('<script>');
    expect(atom).not.toContain('<img');
    expect(atom).not.toContain('javascript:');
    expect(atom).not.toMatch(/[\u0007\u202e]/);
    const parsed = await new Parser().parseString(atom);
    expect(parsed.items[0]!.title).toBe('<script>alert(1)</script> Camel & "Co"');
  });

  it('writes the same bytes for the same alerts, whatever order they come in', () => {
    const alerts = [row('feed:a:1', 'feed:a'), row('feed:a:3', 'feed:a', { urlKey: '//n/2', url: 'https://n/2', firstSeenAt: '2026-12-02T00:00:00.000Z', published: '2026-12-02T00:00:00.000Z' })];
    expect(writeAtom(feedOf(alerts))).toBe(writeAtom(feedOf([...alerts].reverse())));
  });
});

describe('JSON Feed 1.1 out', () => {
  it('has the version, text content only, and the entities with their ids', () => {
    const json = JSON.parse(writeJsonFeed(feedOf([row('feed:a:1', 'feed:a', { summary: '<b>bold</b>' })])));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toMatchObject({ url: 'https://news.example.org/camel', title: 'Camel Group added to the UFLPA Entity List', date_published: '2026-12-01T09:00:00.000Z', tags: ['Camel Group Co., Ltd.'] });
    expect(json.items[0].content_html).toBeUndefined();
    expect(json.items[0].content_text).toContain('<b>bold</b>');
    expect(json.items[0]._tenderlens.entities).toEqual([camel]);
  });
});
