// A seeded, deterministic generator of hostile inputs: feeds (with the way a server serves them), entity files
// (FollowTheMoney JSON lines) and pages. Every class of problem the hostile-input audit found is here, plus script and
// markup in every field, XXE and entity expansion, compression bombs, slow and lying servers and bad encodings.
// Each input carries a canary: a well-formed item, record or sentence naming a listed entity, which must never be
// lost when the input is read at all. The same seed always gives the same corpus.

/** A listed entity of the shipped UFLPA list: every canary names it. */
export const CANARY_ENTITY = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';

/** How the test's server answers for a feed. */
export type Serving =
  | { kind: 'plain'; contentType: string }
  | { kind: 'gzip'; contentType: string }
  /** Gzip of a body far larger than the feed size cap (a compression bomb). */
  | { kind: 'gzip-bomb'; inflatedBytes: number }
  /** A Content-Length that lies: longer or shorter than the body. */
  | { kind: 'wrong-length'; delta: number }
  /** Headers, the start of the body, then bytes forever (fast) or a few bytes now and then (slow). */
  | { kind: 'never-ending'; fast: boolean }
  | { kind: 'redirect'; to: 'loop' | 'file' | 'javascript' | 'data' | 'other-host' };

export interface FeedCase {
  name: string;
  kind: string;
  body: Uint8Array;
  serving: Serving;
  /** The canary item is part of the feed's items (so it must be found whenever the feed is read). */
  hasCanary: boolean;
}

export interface EntityCase {
  name: string;
  kind: string;
  text: string;
  /** The line number of the well-formed canary record. */
  canaryLine: number;
}

export interface PageCase {
  name: string;
  kind: string;
  bytes: Uint8Array;
  /** The page names the canary entity in plain text, so it must be flagged. */
  hasCanary: boolean;
}

export interface Corpus {
  feeds: FeedCase[];
  entityFiles: EntityCase[];
  pages: PageCase[];
}

/** mulberry32: small, fast and good enough to vary inputs; the same seed gives the same sequence. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKUP_PAYLOADS = [
  '<script>document.body.dataset.injected="script"</script>',
  '<img src=x onerror="document.body.dataset.injected=\'img\'">',
  '<svg onload="alert(1)"><circle/></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">read more</a>',
  '"><script>alert(1)</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<body onload=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<<script>script>alert(1)<</script>/script>',
];
const TEXT_PAYLOADS = ['\u202Eevil\u202C', '\u0000\u001b[31mred\u001b[0m', '\u200b\u200b', '\ud800', 'A'.repeat(5000), '💥'.repeat(300), '&#0;&#x1b;'];
const BAD_LINKS = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:msgbox', ' javascript:alert(1)', 'jav&#x09;ascript:alert(1)', '//evil.example/x', 'mailto:x@example.org'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A payload written into XML text as a hostile feed would: escaped once, twice, three times, in CDATA, or raw. */
function placed(payload: string, how: number): string {
  switch (how % 5) {
    case 0:
      return escapeXml(payload);
    case 1:
      return escapeXml(escapeXml(payload));
    case 2:
      return escapeXml(escapeXml(escapeXml(payload)));
    case 3:
      return `<![CDATA[${payload.replace(/]]>/g, '')}]]>`;
    default:
      return payload; // raw: often not well-formed, which must be said plainly
  }
}

function canaryRssItem(n: number): string {
  return `<item><title>${escapeXml(`${CANARY_ENTITY} named in report ${n}`)}</title><link>https://canary.example.org/${n}</link><guid>canary-${n}</guid><description>Canary ${n}.</description></item>`;
}

function canaryAtomEntry(n: number): string {
  return `<entry><title>${escapeXml(`${CANARY_ENTITY} named in report ${n}`)}</title><link href="https://canary.example.org/${n}"/><id>canary-${n}</id><updated>2025-01-01T00:00:00Z</updated><summary>Canary ${n}.</summary></entry>`;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function rssFeed(rng: () => number, n: number): FeedCase {
  const payload = MARKUP_PAYLOADS[n % MARKUP_PAYLOADS.length]!;
  const how = Math.floor(rng() * 5);
  const field = ['channel-title', 'item-title', 'description', 'content', 'link', 'guid'][n % 6]!;
  const link = field === 'link' ? placed(BAD_LINKS[n % BAD_LINKS.length]!, how % 4) : `https://alerts.example.org/${n}`;
  const item = `<item><title>${field === 'item-title' ? placed(`Camel Group Co., Ltd. ${payload}`, how) : 'Camel Group Co., Ltd. news'}</title><link>${link}</link><guid>${field === 'guid' ? placed(payload, how) : `g-${n}`}</guid><description>${field === 'description' ? placed(payload, how) : 'text'}</description>${field === 'content' ? `<content:encoded>${placed(payload, how)}</content:encoded>` : ''}</item>`;
  const channelTitle = field === 'channel-title' ? placed(payload, how) : 'Hostile feed';
  const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${channelTitle}</title><link>https://alerts.example.org/</link>${item}${canaryRssItem(n)}</channel></rss>`;
  // Raw markup (placement 4) is not well-formed XML: refusing it, with the parser's reason, is right.
  return { name: `rss-markup-${n}`, kind: `markup in ${field}${how === 4 ? ', raw' : ''}`, body: utf8(xml), serving: { kind: 'plain', contentType: 'application/rss+xml' }, hasCanary: how !== 4 };
}

function atomFeed(rng: () => number, n: number): FeedCase {
  const payload = MARKUP_PAYLOADS[n % MARKUP_PAYLOADS.length]!;
  const how = Math.floor(rng() * 4);
  const type = ['html', 'xhtml', 'text'][n % 3]!;
  const content = type === 'xhtml' ? `<div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(payload)}</div>` : placed(payload, how);
  const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="${type}">${type === 'xhtml' ? '<div xmlns="http://www.w3.org/1999/xhtml">Atom</div>' : 'Atom'}</title><entry><title type="${type}">${content}</title><link href="${escapeXml(BAD_LINKS[n % BAD_LINKS.length]!)}"/><id>e-${n}</id><updated>not a date ${n}</updated><content type="${type}">${content}</content></entry>${canaryAtomEntry(n)}</feed>`;
  return { name: `atom-markup-${n}`, kind: `atom ${type} markup`, body: utf8(xml), serving: { kind: 'plain', contentType: 'application/atom+xml' }, hasCanary: true };
}

function structuralFeed(n: number, full: boolean): FeedCase {
  const variants: Array<[string, string, boolean]> = [
    ['empty channel', '<rss version="2.0"><channel></channel></rss>', false],
    ['self-closed channel', '<rss version="2.0"><channel/></rss>', false],
    ['no channel', '<rss version="2.0"></rss>', false],
    ['item outside channel', `<rss version="2.0"><channel><title>t</title></channel>${canaryRssItem(n)}</rss>`, false],
    ['XXE', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title>${canaryRssItem(n)}</channel></rss>`, false],
    ['entity expansion', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'a'.repeat(50)}"><!ENTITY b "${'&a;'.repeat(50)}"><!ENTITY c "${'&b;'.repeat(50)}">]><rss version="2.0"><channel><title>&c;</title>${canaryRssItem(n)}</channel></rss>`, false],
    ['deep raw nesting', `<rss version="2.0"><channel><title>t</title>${canaryRssItem(n)}<item><title>x</title><description>${'<div>'.repeat(full ? 400_000 : 20_000)}x${'</div>'.repeat(full ? 400_000 : 20_000)}</description></item></channel></rss>`, false],
    ['deep escaped nesting', `<rss version="2.0"><channel><title>t</title>${canaryRssItem(n)}<item><title>x</title><description>${'&lt;div&gt;'.repeat(full ? 200_000 : 10_000)}Camel Group Co., Ltd.${'&lt;/div&gt;'.repeat(full ? 200_000 : 10_000)}</description></item></channel></rss>`, true],
    ['unclosed elements', `<rss version="2.0"><channel><title>t</title>${canaryRssItem(n)}<item><title>x`, false],
    ['JSON instead', `{"items":[{"title":"${CANARY_ENTITY}"}]}`, false],
    ['HTML page instead', `<!doctype html><html><body><p>${CANARY_ENTITY}</p></body></html>`, false],
    ['empty body', '', false],
    ['many items', `<rss version="2.0"><channel><title>t</title>${canaryRssItem(n)}${Array.from({ length: full ? 3000 : 300 }, (_, i) => `<item><title>Item ${i}</title><guid>i${i}</guid></item>`).join('')}</channel></rss>`, true],
    ['same link, other story', `<rss version="2.0"><channel><title>Other story</title><item><title>${escapeXml(CANARY_ENTITY)} cleared of everything</title><link>https://canary.example.org/${n}</link><guid>other-${n}</guid></item>${canaryRssItem(n)}</channel></rss>`, true],
    ['duplicate guids', `<rss version="2.0"><channel><title>t</title>${canaryRssItem(n)}${canaryRssItem(n)}${canaryRssItem(n)}</channel></rss>`, true],
  ];
  const [kind, xml, hasCanary] = variants[n % variants.length]!;
  return { name: `structure-${n}`, kind, body: utf8(xml), serving: { kind: 'plain', contentType: 'application/rss+xml' }, hasCanary };
}

function encodingFeed(rng: () => number, n: number): FeedCase {
  const good = `<rss version="2.0"><channel><title>Café Müller</title>${canaryRssItem(n)}</channel></rss>`;
  const variants: Array<[string, () => Uint8Array, string]> = [
    ['invalid UTF-8', () => Uint8Array.from([...utf8(good.replace('Café', 'Caf')), 0xff, 0xfe, 0xc3]), 'application/rss+xml'],
    ['Latin-1 declared UTF-8', () => Uint8Array.from([...good].map((c) => c.charCodeAt(0) & 0xff)), 'application/rss+xml; charset=utf-8'],
    ['unknown charset', () => utf8(good), 'application/rss+xml; charset=x-klingon'],
    ['UTF-16 declared, UTF-8 sent', () => utf8(`<?xml version="1.0" encoding="UTF-16"?>${good}`), 'text/xml'],
    ['UTF-16LE without BOM', () => { const s = good; const b = new Uint8Array(s.length * 2); for (let i = 0; i < s.length; i++) { b[2 * i] = s.charCodeAt(i) & 0xff; b[2 * i + 1] = s.charCodeAt(i) >> 8; } return b; }, 'text/xml'],
    ['BOM of UTF-8 with UTF-16 header', () => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(good)]), 'text/xml; charset=utf-16'],
    ['random binary', () => Uint8Array.from({ length: 2000 + Math.floor(rng() * 2000) }, () => Math.floor(rng() * 256)), 'application/octet-stream'],
    ['NUL bytes inside', () => utf8(good.replace('<title>Café', '<title>Ca\u0000fé')), 'application/rss+xml'],
  ];
  const [kind, bytes, contentType] = variants[n % variants.length]!;
  const decodable = kind === 'Latin-1 declared UTF-8' || kind === 'unknown charset' || kind === 'UTF-16 declared, UTF-8 sent' || kind === 'UTF-16LE without BOM' || kind === 'BOM of UTF-8 with UTF-16 header';
  return { name: `encoding-${n}`, kind, body: bytes(), serving: { kind: 'plain', contentType }, hasCanary: decodable };
}

function servedFeed(n: number, full: boolean): FeedCase {
  const good = utf8(`<rss version="2.0"><channel><title>Served</title>${canaryRssItem(n)}</channel></rss>`);
  const variants: Array<[string, Serving, boolean]> = [
    ['gzip', { kind: 'gzip', contentType: 'application/rss+xml' }, true],
    ['gzip bomb', { kind: 'gzip-bomb', inflatedBytes: full ? 1024 * 1024 * 1024 : 64 * 1024 * 1024 }, false],
    ['content-length too long', { kind: 'wrong-length', delta: 500 }, false],
    ['content-length too short', { kind: 'wrong-length', delta: -20 }, false],
    ['never-ending fast body', { kind: 'never-ending', fast: true }, false],
    ['never-ending slow body', { kind: 'never-ending', fast: false }, false],
    ['redirect loop', { kind: 'redirect', to: 'loop' }, false],
    ['redirect to file:', { kind: 'redirect', to: 'file' }, false],
    ['redirect to javascript:', { kind: 'redirect', to: 'javascript' }, false],
    ['redirect to data:', { kind: 'redirect', to: 'data' }, false],
    ['redirect to another host', { kind: 'redirect', to: 'other-host' }, false],
  ];
  const [kind, serving, hasCanary] = variants[n % variants.length]!;
  return { name: `served-${n}`, kind, body: good, serving, hasCanary };
}

function entityCase(rng: () => number, n: number): EntityCase {
  const canary = JSON.stringify({ id: `canary-${n}`, schema: 'Company', properties: { name: [`Canary Trading ${n} Co., Ltd.`], country: ['cn'] } });
  const payload = [...MARKUP_PAYLOADS, ...TEXT_PAYLOADS][n % (MARKUP_PAYLOADS.length + TEXT_PAYLOADS.length)]!;
  const variants: Array<[string, () => string[]]> = [
    ['markup in name', () => [JSON.stringify({ id: `m${n}`, schema: 'Company', properties: { name: [`Acme ${payload}`] } })]],
    ['markup in alias and source url', () => [JSON.stringify({ id: `a${n}`, schema: 'Company', properties: { name: ['Acme Ltd'], alias: [payload], sourceUrl: [BAD_LINKS[n % BAD_LINKS.length]] } })]],
    ['not JSON', () => ['{"id": "x", "schema": "Company", "properties": {"name": ["Broken']],
    ['control characters', () => [`{"id":"c${n}","schema":"Company","properties":{"name":["\\u001b[2J\\u0000Evil"]}}`, '\u001b[31m\u0000 raw escape line']],
    ['wrong types', () => [JSON.stringify({ id: 5, schema: ['Company'], properties: { name: 'not a list', country: [42] } })]],
    ['prototype keys', () => ['{"id":"p","schema":"Company","__proto__":{"polluted":true},"properties":{"name":["Proto Ltd"],"constructor":["x"]}}']],
    ['deep JSON', () => [`{"id":"d","schema":"Company","properties":{"name":["Deep"],"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`]],
    ['bidi override name', () => [JSON.stringify({ id: `b${n}`, schema: 'Company', properties: { name: [`\u202Etl oc gnidart\u202C ${n}`] } })]],
    ['many names on one entity', () => [JSON.stringify({ id: `n${n}`, schema: 'Company', properties: { name: Array.from({ length: 2000 }, (_, i) => `Name ${n} variant ${i} Ltd`) } })]],
    ['long word', () => [JSON.stringify({ id: `w${n}`, schema: 'Company', properties: { name: [`W${'x'.repeat(20_000 + Math.floor(rng() * 1000))}`] } })]],
    ['random binary line', () => [String.fromCharCode(...Array.from({ length: 300 }, () => Math.floor(rng() * 256)))]],
    ['other schema', () => [JSON.stringify({ id: `s${n}`, schema: 'Person', properties: { name: ['A Person'] } })]],
  ];
  const [kind, lines] = variants[n % variants.length]!;
  const hostile = lines();
  const before = Math.floor(rng() * 2);
  const all = before ? [...hostile, canary] : [canary, ...hostile];
  return { name: `entities-${n}`, kind, text: `${all.join('\n')}\n`, canaryLine: before ? hostile.length + 1 : 1 };
}

function pageCase(rng: () => number, n: number, full: boolean): PageCase {
  const payload = MARKUP_PAYLOADS[n % MARKUP_PAYLOADS.length]!;
  const canary = `<p>The contract was awarded to ${CANARY_ENTITY}.</p>`;
  const variants: Array<[string, () => string | Uint8Array, boolean]> = [
    ['markup everywhere', () => `<!doctype html><html><head><title>${payload}</title><script>document.body.dataset.injected=1</script></head><body>${canary}<div title='${payload}'>${payload}</div></body></html>`, true],
    ['large text node', () => `<html><body>${canary}<p>${'word '.repeat(full ? 300_000 : 20_000)}</p></body></html>`, true],
    ['deep nesting, within bounds', () => `<html><body>${canary}${'<div>'.repeat(400)}x${'</div>'.repeat(400)}</body></html>`, true],
    ['deep nesting, past bounds', () => `<html><body>${canary}${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}</body></html>`, false],
    ['bidi in supplier name', () => `<html><body>${canary}<p>Supplier: \u202E${CANARY_ENTITY}\u202C</p></body></html>`, true],
    ['random binary', () => Uint8Array.from({ length: 3000 }, () => Math.floor(rng() * 256)), false],
    ['invalid UTF-8', () => Uint8Array.from([...utf8(`<html><body>${canary}`), 0xff, 0xc3, 0x28, ...utf8('</body></html>')]), true],
    ['NUL and escapes', () => `<html><body>${canary}<p>\u0000\u001b[2J</p></body></html>`, false],
    ['unclosed everything', () => `<html><body>${canary}<table><tr><td><p><b><i>${payload}`, true],
  ];
  const [kind, content, hasCanary] = variants[n % variants.length]!;
  const value = content();
  return { name: `page-${n}`, kind, bytes: typeof value === 'string' ? utf8(value) : value, hasCanary };
}

/**
 * The corpus for a seed. `full`: at least 1,000 inputs with the audit's full sizes (400k-deep nesting, 1 GB bombs);
 * otherwise a small set of every class that runs in seconds.
 */
export function generateCorpus(seed: number, full: boolean): Corpus {
  const rng = random(seed);
  const count = (fullCount: number, seedCount: number) => (full ? fullCount : seedCount);
  const feeds: FeedCase[] = [];
  for (let n = 0; n < count(240, 12); n++) feeds.push(rssFeed(rng, n));
  for (let n = 0; n < count(120, 6); n++) feeds.push(atomFeed(rng, n));
  for (let n = 0; n < count(150, 15); n++) feeds.push(structuralFeed(n, full));
  for (let n = 0; n < count(80, 8); n++) feeds.push(encodingFeed(rng, n));
  for (let n = 0; n < count(55, 11); n++) feeds.push(servedFeed(n, full));
  const entityFiles = Array.from({ length: count(240, 12) }, (_, n) => entityCase(rng, n));
  const pages = Array.from({ length: count(160, 9) }, (_, n) => pageCase(rng, n, full));
  return { feeds, entityFiles, pages };
}
