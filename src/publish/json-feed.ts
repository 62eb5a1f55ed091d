// Writes an alert feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): content_text only (never HTML),
// http(s) links only; the linked entities in each item's "tags" (names) and in "_tenderlens" (ids and names).
import { cleanText, cleanUrl, entityNamesOnce, sortEntries, type AlertFeed } from './alert-feed';

export function writeJsonFeed(feed: AlertFeed): string {
  const home = cleanUrl(feed.homeUrl);
  const self = cleanUrl(feed.selfUrl);
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanText(feed.title),
    description: cleanText(feed.subtitle),
    ...(home ? { home_page_url: home } : {}),
    ...(self ? { feed_url: self } : {}),
    authors: [{ name: 'TenderLens' }],
    _tenderlens: { about: 'https://tenderlens.org/feeds', id: feed.id },
    items: sortEntries(feed.entries).map((entry) => {
      const url = cleanUrl(entry.url);
      return {
        id: entry.id,
        ...(url ? { url } : {}),
        title: cleanText(entry.title || '(untitled item)'),
        content_text: cleanText([entry.summary, `Linked to: ${entityNamesOnce(entry.entities).join('; ')}${entry.confidence === 'review' ? ' (possible match, needs review)' : ''}`.replace(/\.?$/, '.'), `Read in: ${entry.sources.join('; ')}.`].filter(Boolean).join('\n\n')),
        ...(entry.published ? { date_published: entry.published } : {}),
        date_modified: entry.updated,
        tags: entityNamesOnce(entry.entities).map(cleanText),
        _tenderlens: { confidence: entry.confidence, entities: entry.entities.map((e) => ({ id: e.id, name: cleanText(e.name) })), sources: entry.sources.map(cleanText) },
      };
    }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
