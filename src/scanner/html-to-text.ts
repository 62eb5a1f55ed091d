// Reduces untrusted HTML from a feed to plain text: scripts, styles and embedded objects dropped, entities
// decoded, block boundaries turned into line breaks, whitespace tidied and the length capped. No markup survives.
import { load } from 'cheerio/slim';

/** The parts of a parsed HTML node this module reads (htmlparser2's DOM as cheerio exposes it). */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  children?: HtmlNode[];
}

/** Elements whose content is never text a reader sees. */
const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'select', 'button',
]);

/** Elements that start and end a line of their own. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

/** Table cells are separated by a space so that neighbouring cells do not run together. */
const CELL_ELEMENTS = new Set(['td', 'th']);

/** Text that still looks like markup, or like escaped markup, after a pass: a feed that escaped its HTML again. */
const LOOKS_LIKE_MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&lt;(?:\/?[a-z][a-z0-9]*(?:\s|\/|&gt;)|!--)/i;
/** Passes over text that keeps looking like markup; each undoes one level of escaping. */
const MAX_PASSES = 3;

export interface PlainTextOptions {
  /** Longest text returned, in UTF-16 code units; longer text is cut at a word boundary and ends with "…". */
  maxLength: number;
  /** Keep line breaks between blocks (summaries) or join everything into one line (titles). */
  keepLineBreaks: boolean;
}

/** Collects the visible text of the nodes, iteratively (hostile input may nest deeper than the call stack). */
function collectText(roots: HtmlNode[], sourceLinesAreBreaks: boolean): string {
  const parts: string[] = [];
  const stack: (HtmlNode | '\n' | ' ')[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n' || node === ' ') {
      parts.push(node);
      continue;
    }
    if (node.type === 'text' || node.type === 'cdata') {
      // Line breaks in HTML source are spaces, only elements make lines; plain text keeps its own lines.
      if (node.data) parts.push(sourceLinesAreBreaks ? node.data : node.data.replace(/\s+/g, ' '));
      if (node.type === 'cdata') pushChildren(stack, node.children);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue; // comments, directives, script and style nodes
    const name = node.name?.toLowerCase() ?? '';
    if (DROPPED_ELEMENTS.has(name)) continue;
    if (name === 'br') {
      parts.push('\n');
      continue;
    }
    const separator = BLOCK_ELEMENTS.has(name) ? '\n' : CELL_ELEMENTS.has(name) ? ' ' : undefined;
    if (separator) {
      parts.push(separator);
      stack.push(separator);
    }
    pushChildren(stack, node.children);
  }
  return parts.join('');
}

function pushChildren(stack: (HtmlNode | '\n' | ' ')[], children: HtmlNode[] | undefined): void {
  if (!children) return;
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}

function tidyWhitespace(text: string, keepLineBreaks: boolean): string {
  const lines = text
    .split(/\r\n?|\n/)
    // Control characters (terminal escapes among them) are never text to show.
    .map((line) => line.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter((line) => line.length > 0);
  return lines.join(keepLineBreaks ? '\n' : ' ');
}

/** Cuts text to at most `maxLength` code units, at a word boundary when one is near, marking the cut with "…". */
export function capLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, Math.max(0, maxLength - 1));
  const lastSpace = cut.search(/\s\S*$/);
  if (lastSpace > maxLength * 0.8) cut = cut.slice(0, lastSpace);
  // Never end on the first half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Deeper than this, an HTML fragment is read as text between its tags: the tree parser's stack is quadratic. */
export const MAX_HTML_DEPTH = 256;

/** Elements that never hold others, so they open no level. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Whether the fragment's tags nest deeper than `limit` (one linear pass; an unclosed <p> counts as open). */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^>]*?(\/?)>/gi)) {
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!match[3] && !VOID_ELEMENTS.has(match[2]!.toLowerCase()) && ++depth > limit) return true;
  }
  return false;
}

/** Any tag, comment or doctype: text without one is plain text (entities at most). */
const HAS_MARKUP = /<[a-z!/]/i;

function markupToText(html: string, keepLineBreaks: boolean): string {
  // Hostile nesting is flattened: every tag becomes a line break, the text between them is kept (and read as
  // plain text, one node, so the parser builds no tree).
  const flattened = nestsDeeperThan(html, MAX_HTML_DEPTH);
  if (flattened) html = html.replace(/<[^>]*>/g, '\n');
  const $ = load(html, { xml: false }, false);
  const root = $.root()[0] as unknown as HtmlNode;
  return tidyWhitespace(collectText([root], flattened || !HAS_MARKUP.test(html)), keepLineBreaks);
}

/** Plain text of an HTML fragment (or of text that merely may contain entities). */
export function htmlToPlainText(html: string, options: PlainTextOptions): string {
  let text = markupToText(html, options.keepLineBreaks);
  // A feed that escaped its HTML twice leaves tags as text after the first pass: read it again.
  for (let pass = 1; pass < MAX_PASSES && LOOKS_LIKE_MARKUP.test(text); pass++) text = markupToText(text, options.keepLineBreaks);
  return capLength(text, options.maxLength);
}
