// OPML 2.0 lists of feed subscriptions: read (any outline with an xmlUrl, nested or not; only http(s) addresses)
// and written. A file that is not OPML, or an outline with a bad address, is reported with its line.
import { load } from 'cheerio/slim';
import { cleanText } from './alert-feed';

export interface OpmlFeed {
  title: string;
  url: string;
  htmlUrl?: string;
}

export class OpmlError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, problem: string) {
    super(`${file}${line ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'OpmlError';
  }
}

export interface OpmlReading {
  feeds: OpmlFeed[];
  /** Outlines left out, with why (not http(s), repeated). */
  skipped: { line?: number; url: string; reason: string }[];
}

function lineOf(text: string, url: string): number | undefined {
  const at = text.indexOf(url.replace(/&/g, '&amp;'));
  const index = at >= 0 ? at : text.indexOf(url);
  return index >= 0 ? text.slice(0, index).split('\n').length : undefined;
}

export function readOpml(text: string, file = 'OPML'): OpmlReading {
  if (!/<opml[\s>]/i.test(text)) throw new OpmlError(file, 1, 'not an OPML file (expected an <opml> element)');
  const $ = load(text, { xml: true });
  if ($('opml > body').length === 0) throw new OpmlError(file, undefined, 'the OPML file has no <body>');
  const feeds: OpmlFeed[] = [];
  const skipped: OpmlReading['skipped'] = [];
  const seen = new Set<string>();
  $('outline').each((_, outline) => {
    const raw = ($(outline).attr('xmlUrl') ?? $(outline).attr('xmlurl') ?? '').trim();
    if (!raw) return; // a folder
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      skipped.push({ line: lineOf(text, raw), url: raw, reason: 'not a valid address' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      skipped.push({ line: lineOf(text, raw), url: raw, reason: `only http and https feeds can be followed, not "${url.protocol.slice(0, -1)}"` });
      return;
    }
    if (seen.has(url.href)) {
      skipped.push({ line: lineOf(text, raw), url: raw, reason: 'listed twice' });
      return;
    }
    seen.add(url.href);
    const title = cleanText(($(outline).attr('title') ?? $(outline).attr('text') ?? '').trim()) || url.host;
    const html = ($(outline).attr('htmlUrl') ?? '').trim();
    feeds.push({ title, url: url.href, ...(/^https?:\/\//i.test(html) ? { htmlUrl: html } : {}) });
  });
  return { feeds, skipped };
}

const attr = (text: string) => cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function writeOpml(title: string, feeds: readonly OpmlFeed[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    `  <head><title>${attr(title)}</title></head>`,
    '  <body>',
    ...feeds.map((f) => `    <outline type="rss" text="${attr(f.title)}" title="${attr(f.title)}" xmlUrl="${attr(f.url)}"${f.htmlUrl ? ` htmlUrl="${attr(f.htmlUrl)}"` : ''}/>`),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
