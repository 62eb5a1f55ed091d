import { describe, expect, it } from 'vitest';
import type { Decision, Entity } from '@/src/core/types';
import { compileMatcher } from '@/src/matcher';
import { dedupeFeedItems, normaliseItemUrl } from '@/src/scanner/dedupe-items';
import { linkFeedItems, linkFeedItemsInTurns } from '@/src/scanner/link-items';
import type { FeedItem } from '@/src/scanner/parse-feed';
import { parseFixture } from './feed-fixtures';

function entity(id: string, name: string): Entity {
  return { id, sourceId: 'test-list', schema: 'Company', name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] };
}

/** Organisations named in heise.atom and content-encoded.rss, and near misses that share words with them. */
const ENTITIES = [
  entity('test:red-hat', 'Red Hat, Inc.'),
  entity('test:microsoft', 'Microsoft Corporation'),
  entity('test:facebook', 'Facebook, Inc.'),
  entity('test:apache', 'Apache Software Foundation'),
  entity('test:hearst', 'Hearst Communications, Inc.'),
  entity('test:red-hat-software', 'Red Hat Software GmbH'),
  entity('test:microsoft-mobile', 'Microsoft Mobile Oy'),
  entity('test:zing', 'Zing Technologies Ltd'),
  entity('test:hearst-tv', 'Hearst Television Inc.'),
];
const matcher = compileMatcher(ENTITIES);
const HEISE = { id: 'heise-developer' };

describe('linking feed items to entities', () => {
  it('links the same in turns as in one go', async () => {
    for (const name of ['heise.atom', 'content-encoded.rss']) {
      const feed = await parseFixture(name);
      expect(await linkFeedItemsInTurns(matcher, feed.items, HEISE)).toEqual(linkFeedItems(matcher, feed.items, HEISE));
    }
  });

  it('links exactly the heise items that name a listed organisation', async () => {
    const feed = await parseFixture('heise.atom');
    const alerts = linkFeedItems(matcher, feed.items, HEISE);
    expect(alerts.map((a) => [a.id, a.entityIds, a.confidence])).toEqual([
      ['heise-developer:http://heise.de/-3088438', ['test:red-hat'], 'review'],
      ['heise-developer:http://heise.de/-3088372', ['test:microsoft'], 'review'],
      ['heise-developer:http://heise.de/-3088319', ['test:microsoft'], 'review'],
      ['heise-developer:http://heise.de/-3086857', ['test:facebook'], 'review'],
      ['heise-developer:http://heise.de/-3086458', ['test:apache'], 'high'],
    ]);
    const apache = alerts[4]!;
    expect(apache).toMatchObject({
      sourceId: 'heise-developer',
      title: 'Apache Software Foundation bekommt ein neues Logo',
      url: expect.stringMatching(/^http:\/\/www\.heise\.de\/developer\/meldung\//),
      published: expect.stringMatching(/^2016-01-\d\dT/),
    });
    expect(apache.mentions).toEqual([expect.objectContaining({
      entityId: 'test:apache', field: 'title', text: 'Apache Software Foundation', start: 0, end: 26, confidence: 'high',
    })]);
  });

  it('marks a bare short name as needing review and says why; near misses are not linked', async () => {
    const feed = await parseFixture('heise.atom');
    const alerts = linkFeedItems(matcher, feed.items, HEISE);
    const redHat = alerts[0]!;
    expect(redHat.mentions).toHaveLength(1);
    const mention = redHat.mentions[0]!;
    expect(mention).toMatchObject({ field: 'title', text: 'Red Hat', confidence: 'review' });
    expect(feed.items[0]!.title.slice(mention.start, mention.end)).toBe('Red Hat');
    expect(mention.reason).toContain('a short name needs a legal form or identifier');
    const linked = new Set(alerts.flatMap((a) => a.entityIds));
    for (const nearMiss of ['test:red-hat-software', 'test:microsoft-mobile', 'test:zing']) expect(linked.has(nearMiss)).toBe(false);
    expect(alerts.flatMap((a) => a.mentions).filter((m) => m.confidence === 'high').map((m) => m.entityId)).toEqual(['test:apache']);
  });

  it('finds a full name with its legal form deep inside CDATA HTML content, with offsets into the summary', async () => {
    const feed = await parseFixture('content-encoded.rss');
    const alerts = linkFeedItems(matcher, feed.items, { id: 'medium-food' });
    expect(alerts.map((a) => a.entityIds)).toEqual([['test:hearst']]);
    const [mention] = alerts[0]!.mentions;
    expect(mention).toMatchObject({ field: 'summary', text: 'Hearst Communications, Inc.', confidence: 'high', rule: 'exact-name+legal-form' });
    expect(alerts[0]!.summary.slice(mention!.start, mention!.end)).toBe('Hearst Communications, Inc.');
  });

  it('applies the user decisions: a dismissed match links nothing', async () => {
    const feed = await parseFixture('heise.atom');
    const dismissed: Decision = {
      id: 'd1', entityId: 'test:facebook', verdict: 'dismissed', scope: 'everywhere', scopeKey: '', matchedText: 'Facebook', decidedAt: '2024-01-01T00:00:00Z',
    };
    const alerts = linkFeedItems(matcher, feed.items, HEISE, { decisions: [dismissed] });
    expect(alerts.flatMap((a) => a.entityIds)).not.toContain('test:facebook');
    expect(alerts).toHaveLength(4);
  });

  it('links each item once when a feed repeats it', async () => {
    const feed = await parseFixture('multiple-links.atom');
    const robots = compileMatcher([entity('test:robots', 'Atom-Powered Robots')]);
    expect(linkFeedItems(robots, feed.items, { id: 'example' }).map((a) => a.id)).toEqual(['example:urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a']);
  });
});

describe('repeated items', () => {
  const item = (id: string, url?: string, title = 'Story one'): FeedItem => ({ id, title, summary: '', ...(url ? { url } : {}) });

  it('keeps a different story at a link seen before: a link alone never erases a story', () => {
    const result = dedupeFeedItems([item('a', 'https://news.example.org/story/1', 'Cleared of all allegations'), item('b', 'https://news.example.org/story/1', 'Found using forced labour')]);
    expect(result.items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('drops items with an id or a page seen before, keeping the first', () => {
    const result = dedupeFeedItems([
      item('a', 'https://news.example.org/story/1?utm_source=rss#top'),
      item('b', 'http://NEWS.example.org/story/1/', '  story ONE '),
      item('a', 'https://news.example.org/other'),
      item('c'),
      item('d', 'https://news.example.org/story/1?page=2'),
    ]);
    expect(result.items.map((i) => i.id)).toEqual(['a', 'c', 'd']);
    expect(result.duplicates).toBe(2);
  });

  it('normalises links to one key per page', () => {
    expect(normaliseItemUrl('https://Example.org:443/a/b/?z=1&utm_medium=feed&a=2#c')).toBe('//example.org/a/b?a=2&z=1');
    expect(normaliseItemUrl('http://example.org/')).toBe('//example.org/');
  });
});
