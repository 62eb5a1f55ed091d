// Page text: visible text only, blocks separated, inline elements joined, invisible characters dropped,
// and ranges mapped back to text nodes. Real saved portal pages under linkedom.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPageText, extractPageTextInSlices, OWN_UI_ATTRIBUTE } from '@/src/page-text/extract';
import { compileMatcher, findMentions } from '@/src/matcher';

const page = (html: string) => parseHTML(`<!doctype html><html><head><title>T</title></head><body>${html}</body></html>`).document;
const textOf = (html: string) => extractPageText(page(html)).text;
const savedPage = (file: string) => parseHTML(readFileSync(new URL(`../../fixtures/portal_html/${file}`, import.meta.url), 'utf8')).document;

describe('extractPageText', () => {
  it('joins inline elements as written', () => {
    expect(textOf('<p><b>Top</b> Glove</p>')).toBe('Top Glove');
    expect(textOf('<p>Top<span>Glove</span></p>')).toBe('TopGlove');
    expect(textOf('<p>Super<wbr>max</p>')).toBe('Supermax');
  });
  it('separates block elements with a newline so names never join across them', () => {
    expect(textOf('<div>Camel</div><div>Group</div>')).toBe('Camel\nGroup');
    expect(textOf('<table><tr><td>Camel</td><td>Group</td></tr></table>')).toBe('Camel\nGroup');
    expect(textOf('<p>Camel<br>Group</p><ul><li>A</li><li>B</li></ul><h2>C</h2>')).toBe('Camel\nGroup\nA\nB\nC');
  });
  it('never reads scripts, styles, templates, comments, attributes, hidden inputs or hidden elements', () => {
    const text = textOf(
      '<script>var x = "Camel Group"</script><style>.a{}</style><noscript>no</noscript><template><p>tpl</p></template>' +
        '<!-- Camel Group --><p title="Camel Group">visible</p><input type="hidden" value="Camel Group"><p hidden>hidden</p>' +
        '<p style="display: none">gone</p>',
    );
    expect(text).toBe('visible');
  });
  it('reads aria-hidden text (Find a Tender shows its visible labels there)', () => {
    expect(textOf('<span class="aria-only">two.1.2)</span><span aria-hidden="true">II.1.2) Main CPV code</span>')).toBe('two.1.2)II.1.2) Main CPV code');
  });
  it('skips TenderLens\'s own UI', () => {
    expect(textOf(`<p>Camel Group<span ${OWN_UI_ATTRIBUTE}="badge">flagged</span></p>`)).toBe('Camel Group');
  });
  it('drops soft hyphens and zero-width characters and collapses white space', () => {
    expect(textOf('<p>Super\u00admax\u200b  Corporation\n   Berhad</p>')).toBe('Supermax Corporation Berhad');
  });
  it('maps a range of the text back to the text-node pieces', () => {
    const doc = page('<p>Bid by <b>Top</b> Glo\u00adve Corporation</p>');
    const pt = extractPageText(doc);
    const start = pt.text.indexOf('Top');
    const pieces = pt.locate(start, start + 'Top Glove'.length);
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['Top', ' Glo\u00adve']);
    expect(() => pt.locate(0, pt.text.length + 1)).toThrow(RangeError);
  });
});

describe('real saved portal pages', () => {
  it('Contracts Finder: supplier names come out one per line, with their Companies House numbers', () => {
    const pt = extractPageText(savedPage('uk_contracts_finder_notice_05c544dc_award.html'));
    expect(pt.text).toContain('\nAmgen Ltd\n');
    expect(pt.text).toContain('Companies House number: 02354269');
    expect(pt.text).not.toContain('<');
  });
  it('Find a Tender: the matcher finds Amgen Ltd and its registration number, and the ranges map to the nodes', () => {
    const doc = savedPage('uk_find_a_tender_notice_008624-2023_award.html');
    const pt = extractPageText(doc);
    const matcher = compileMatcher([
      { id: 'amgen-ltd', name: 'Amgen Limited', aliases: [], weakAliases: [], previousNames: [], countries: ['GB'], identifiers: [{ scheme: 'gb-coh', value: '02354269' }] },
    ]);
    const mentions = findMentions(matcher, pt.text);
    expect(mentions.map((m) => [m.text, m.confidence])).toEqual([
      ['Amgen Ltd', 'high'],
      ['2354269', 'high'],
    ]);
    for (const m of mentions) {
      const joined = pt.locate(m.start, m.end).map((p) => p.node.data.slice(p.start, p.end)).join('');
      expect(joined).toBe(m.text);
    }
  });
});

describe('hostile pages: one huge text node', () => {
  // 100,000 words (700,000 characters) in one text node, single-spaced, with some tabs. Reading it
  // character by character into a growing string took 25 s in this shape (each look back at the string at a
  // space flattened it again); read once per character it takes well under a second, so the time limit is missed
  // only by a quadratic reading.
  const words = Array.from({ length: 100_000 }, (_, k) => (k % 7 === 0 ? 'Camel\tGroup ' : `word${k % 97} `)).join('');
  const hugePage = () => page(`<p>${words}</p><p>Supermax Corporation Berhad</p>`);

  it('is read in linear time, with the same text and node ranges as a small page', { timeout: 5_000 }, () => {
    const pt = extractPageText(hugePage());
    expect(pt.text.length).toBeGreaterThan(650_000);
    expect(pt.text.startsWith('Camel Group word1 word2 ')).toBe(true);
    expect(pt.text.endsWith('\nSupermax Corporation Berhad')).toBe(true);
    expect(pt.text).not.toMatch(/\t| {2}/);
    const start = pt.text.lastIndexOf('Camel Group');
    expect(pt.locate(start, start + 'Camel Group'.length).map((p) => p.node.data.slice(p.start, p.end)).join('')).toBe('Camel\tGroup');
  });

  it('is read in slices that give the page back in between, to the same text and ranges', { timeout: 10_000 }, async () => {
    const doc = hugePage();
    const whole = extractPageText(doc);
    let slices = 0;
    const counting = setInterval(() => slices++, 0);
    const sliced = await extractPageTextInSlices(doc, { sliceMs: 1 }).finally(() => clearInterval(counting));
    expect(sliced.text).toBe(whole.text);
    expect(slices).toBeGreaterThan(1);
    const start = whole.text.indexOf('Supermax');
    expect(sliced.locate(start, start + 8)).toEqual(whole.locate(start, start + 8));
  });
});
