// Writes an alert feed as Atom (RFC 4287): every entry names its linked entities as
// <category term="ENTITY_ID" label="NAME"/> (one per entity id; the text names each company once), content is plain text (type="text"), every string escaped.
import { cleanText, cleanUrl, entityNamesOnce, feedUpdated, sortEntries, type AlertFeed } from './alert-feed';

const escapeXml = (text: string) =>
  cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeXml(text)}</${name}>`;
const link = (href: string, rel?: string, type?: string) => `<link${rel ? ` rel="${rel}"` : ''}${type ? ` type="${type}"` : ''} href="${escapeXml(href)}"/>`;

export function writeAtom(feed: AlertFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    `  ${element('subtitle', feed.subtitle)}`,
    `  ${element('updated', feedUpdated(feed))}`,
    `  ${element('generator', feed.generator)}`,
    '  <author><name>TenderLens</name></author>',
  ];
  const self = cleanUrl(feed.selfUrl);
  if (self) lines.push(`  ${link(self, 'self', 'application/atom+xml')}`);
  const home = cleanUrl(feed.homeUrl);
  if (home) lines.push(`  ${link(home, 'alternate')}`);
  for (const entry of sortEntries(feed.entries)) {
    lines.push('  <entry>');
    lines.push(`    ${element('id', entry.id)}`);
    lines.push(`    ${element('title', entry.title || '(untitled item)', ' type="text"')}`);
    lines.push(`    ${element('updated', entry.updated)}`);
    if (entry.published) lines.push(`    ${element('published', entry.published)}`);
    const url = cleanUrl(entry.url);
    if (url) lines.push(`    ${link(url, 'alternate')}`);
    for (const entity of entry.entities) lines.push(`    <category term="${escapeXml(entity.id)}" label="${escapeXml(entity.name)}"/>`);
    const about = entityNamesOnce(entry.entities).join('; ');
    const text = [
      entry.summary,
      `Linked to: ${about}${entry.confidence === 'review' ? ' (possible match, needs review)' : ''}`.replace(/\.?$/, '.'),
      `Read in: ${entry.sources.join('; ')}.`,
    ].filter(Boolean).join('\n\n');
    lines.push(`    ${element('content', text, ' type="text"')}`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
