// Page text straight from HTML, without a DOM: the same text as the DOM reader over the parsed page, on every saved
// page of the tests and on tricky markup; and a page nested deeper than any browser nests is refused quickly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '@/src/cli/html-document';
import { extractPageText } from '@/src/page-text/extract';
import { checkNestingDepth, MAX_NESTING_DEPTH, PageNestingError, readHtmlText } from '@/src/page-text/html-text';

const TEST_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAVED_PAGES = ['fixtures/portal_html', 'eval/pages', 'eval/heldout/pages', 'eval/heldout-2/pages'].flatMap((folder) =>
  readdirSync(join(TEST_ROOT, folder)).filter((file) => file.endsWith('.html')).map((file) => join(folder, file)),
);

/** What the DOM reader gives for the same markup (linkedom, as `tenderlens inspect` reads pages). */
function domText(html: string): string {
  const doc = parseHtmlDocument(html);
  return extractPageText(doc.querySelector('body') ?? doc).text;
}

describe('readHtmlText', () => {
  it.each(SAVED_PAGES)('reads %s exactly as the DOM reader does', (page) => {
    const html = readFileSync(join(TEST_ROOT, page), 'utf8');
    const text = readHtmlText(html);
    expect(text.length).toBeGreaterThan(100);
    expect(text).toBe(domText(html));
  });

  it.each([
    ['a fragment', '<p>Camel <b>Group</b></p><div>Co.,&nbsp;Ltd.</div>'],
    ['blocks, breaks and tables', '<body><div>Camel</div><div>Group</div><table><tr><td>A</td><td>B</td></tr></table>x<br>y</body>'],
    ['hidden and skipped elements', '<html><body><p hidden>no</p><p style="color:red; display: none">no</p><script>x</script><p data-tenderlens="mark">no</p>yes<template><p>no</p></template><select><option>no</option></select></body></html>'],
    ['text outside the body', '<html><head><title>T</title></head>before<body>inside</body>after</html>'],
    ['a page with no body', '<html><p>one</p><div>two</div></html>'],
    ['implied closes', '<html><body><ul><li>one<li>two</ul><p>three<p>four<div>five</div></body></html>'],
    ['entities and invisible characters', '<body><p>Super&shy;max&#x200b;  Corporation\n\tBerhad &amp; Co &lt;b&gt;</p></body>'],
    ['svg and cdata', '<body><p>a</p><svg><text>in svg</text><![CDATA[cdata]]></svg><p>b</p></body>'],
    ['unclosed and stray tags', '<body><div><span>one</div></span></p>two<b><i>three</b></i></body>'],
  ])('reads %s as the DOM reader does', (_label, html) => {
    expect(readHtmlText(html)).toBe(domText(html));
  });
});

describe('deeply nested pages', () => {
  const nested = (depth: number) => `<html><body>\n${'<div>'.repeat(depth)}Camel Group${'</div>'.repeat(depth)}</body></html>`;

  it(`reads a page nested ${MAX_NESTING_DEPTH - 2} deep`, () => {
    expect(readHtmlText(nested(MAX_NESTING_DEPTH - 2))).toBe('Camel Group');
    expect(() => checkNestingDepth(nested(MAX_NESTING_DEPTH - 2))).not.toThrow();
  });

  // 100,000 levels cost the parser 7 s (its element stack is shifted at every tag); refused at the limit, they cost
  // only the first thousand.
  it('refuses a page nested 100,000 deep, quickly and with the line', { timeout: 5_000 }, () => {
    const html = nested(100_000);
    expect(() => readHtmlText(html)).toThrow(PageNestingError);
    expect(() => checkNestingDepth(html)).toThrow(`line 2: elements nested more than ${MAX_NESTING_DEPTH.toLocaleString('en')} deep`);
  });
});
