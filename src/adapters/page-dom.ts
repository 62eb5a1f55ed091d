// Small, null-safe readers over the standard DOM for the portal adapters: visible text of an element (without
// screen-reader-only copies, scripts or styles), text split into lines, and the elements that follow a heading.
// Standard DOM API only, so the same code runs in a content script and under linkedom in Node.

/** Elements whose content is never page text. */
const NON_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS']);

/** Classes GOV.UK and common frameworks use for text meant only for screen readers (a second copy of a label). */
const SCREEN_READER_ONLY_CLASSES = ['aria-only', 'govuk-visually-hidden', 'visually-hidden', 'sr-only'];

/** Elements that start a new line of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LEGEND', 'LI', 'MAIN',
  'NAV', 'OL', 'OPTION', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Table cells: separated by a tab so that a cell's content stays apart from its neighbour's. */
const CELL_TAGS = new Set(['TD', 'TH']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Hard limit on the text read from one page, so that a hostile page cannot make a reader run for long. */
export const MAX_PAGE_TEXT_CHARS = 2_000_000;

function isSkipped(element: Element): boolean {
  if (NON_TEXT_TAGS.has(element.tagName.toUpperCase())) return true;
  const classList = element.classList;
  if (!classList) return false;
  return SCREEN_READER_ONLY_CLASSES.some((name) => classList.contains(name));
}

/**
 * The text of a node as a reader sees it, with line breaks at block boundaries, tabs between table cells, and
 * spaces inside a line collapsed. Iterative (deeply nested pages cannot overflow the stack) and capped in length.
 */
export function textWithLines(root: Node | null | undefined, maxChars = MAX_PAGE_TEXT_CHARS): string {
  if (!root) return '';
  const walk = new LinesWalk(root, maxChars);
  walk.readUntil(Infinity);
  return tidyLines(walk.rawText());
}

/** Waits for the page to get a turn (a content script's macrotask yield); see readers that run in slices. */
export type YieldToPage = () => Promise<void>;

/** Time one slice of a sliced reading may hold the page's main thread. */
export const READING_SLICE_MS = 8;

/**
 * The same text as `textWithLines`, read in slices of `sliceMs` with `yieldToPage` in between, so that a huge page
 * never holds its main thread for long. The page must not change meanwhile (the caller reads it again if it did).
 */
export async function textWithLinesInSlices(root: Node | null | undefined, yieldToPage: YieldToPage, maxChars = MAX_PAGE_TEXT_CHARS, sliceMs = READING_SLICE_MS): Promise<string> {
  if (!root) return '';
  const walk = new LinesWalk(root, maxChars);
  while (!walk.readUntil(performance.now() + sliceMs)) await yieldToPage();
  await yieldToPage();
  const lines = walk.rawText().split('\n');
  const tidied: string[] = [];
  let deadline = performance.now() + sliceMs;
  for (let i = 0; i < lines.length; i++) {
    const line = tidyLine(lines[i]!);
    if (line !== '') tidied.push(line);
    if (i % 512 === 511 && performance.now() >= deadline) {
      await yieldToPage();
      deadline = performance.now() + sliceMs;
    }
  }
  return tidied.join('\n');
}

/** The walk behind `textWithLines`, resumable: iterative (deep pages cannot overflow the stack) and capped in length. */
class LinesWalk {
  private readonly parts: string[] = [];
  private length = 0;
  // Stack of nodes to visit; strings are separators to emit after an element's children.
  private readonly stack: (Node | string)[];

  constructor(private readonly root: Node, private readonly maxChars: number) {
    this.stack = [root];
  }

  /** Walks until done (true) or `deadline` (performance.now()) has passed (false); Infinity reads in one go. */
  readUntil(deadline: number): boolean {
    const { parts, stack, root, maxChars } = this;
    const timed = deadline !== Infinity;
    let steps = 0;
    while (stack.length > 0 && this.length < maxChars) {
      if (timed && ++steps % 256 === 0 && performance.now() >= deadline) return false;
      const item = stack.pop()!;
      if (typeof item === 'string') {
        parts.push(item);
        this.length += item.length;
        continue;
      }
      if (item.nodeType === TEXT_NODE) {
        const value = item.nodeValue ?? '';
        parts.push(value);
        this.length += value.length;
        continue;
      }
      if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
      if (item.nodeType === ELEMENT_NODE) {
        const element = item as Element;
        if (item !== root && isSkipped(element)) continue;
        const tag = element.tagName.toUpperCase();
        const separator = BLOCK_TAGS.has(tag) ? '\n' : CELL_TAGS.has(tag) ? '\t' : '';
        if (separator) parts.push(separator);
        if (separator) stack.push(separator);
      }
      const children = item.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return true;
  }

  /** The text walked, untidied, cut at the cap. */
  rawText(): string {
    return this.parts.join('').slice(0, this.maxChars);
  }
}

/** Collapses spaces within lines, trims each line and drops empty lines. Tabs (cell borders) are kept. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map(tidyLine)
    .filter((line) => line !== '')
    .join('\n');
}

/** One line with its cells' spaces collapsed and trimmed, empty cells dropped ('' for a line with no text). */
function tidyLine(line: string): string {
  return line
    .split('\t')
    .map((cell) => cell.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((cell) => cell !== '')
    .join('\t');
}

/** The visible text of an element on one line (screen-reader-only copies left out), or '' for null. */
export function visibleText(element: Node | null | undefined): string {
  return textWithLines(element, 100_000).replace(/[\n\t]+/g, ' ').trim();
}

/** The visible lines of an element (line breaks from `<br>` and block elements). */
export function visibleLines(element: Node | null | undefined): string[] {
  const text = textWithLines(element, 100_000);
  return text === '' ? [] : text.split('\n').map((line) => line.replace(/\t+/g, ' '));
}

/** Heading level 1–6 of an element, or undefined when it is not a heading. */
export function headingLevel(element: Element): number | undefined {
  const match = /^H([1-6])$/.exec(element.tagName.toUpperCase());
  return match ? Number(match[1]) : undefined;
}

/** The heading elements (h1–h6) of a document or element whose visible text matches a pattern. */
export function headingsMatching(root: ParentNode, pattern: RegExp): Element[] {
  return Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter((h) => pattern.test(visibleText(h)));
}

/**
 * The headings (h1–h6) under `root` with their visible text, read once, to look for several patterns among them
 * (`headingsMatching` reads them all again for each; a long page has thousands).
 */
export function readHeadings(root: ParentNode): (pattern: RegExp) => Element[] {
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((element) => ({ element, text: visibleText(element) }));
  return (pattern) => headings.filter((h) => pattern.test(h.text)).map((h) => h.element);
}

/**
 * The elements after a heading up to the next heading of the same or a higher rank (or the end of its parent):
 * the content the heading introduces.
 */
export function sectionAfterHeading(heading: Element): Element[] {
  const level = headingLevel(heading) ?? 6;
  const section: Element[] = [];
  for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
    const nextLevel = headingLevel(next);
    if (nextLevel !== undefined && nextLevel <= level) break;
    section.push(next);
  }
  return section;
}

/** A section's plain lines before its first sub-heading, and each sub-heading's text with the lines under it. */
export interface LabelledSection {
  lines: string[];
  fields: { label: string; values: string[] }[];
}

/** Splits the content after a heading into its leading lines and its labelled fields (sub-headings). */
export function readLabelledSection(heading: Element): LabelledSection {
  const result: LabelledSection = { lines: [], fields: [] };
  let field: { label: string; values: string[] } | undefined;
  for (const element of sectionAfterHeading(heading)) {
    if (headingLevel(element) !== undefined) {
      field = { label: visibleText(element), values: [] };
      result.fields.push(field);
      continue;
    }
    const lines = element.tagName.toUpperCase() === 'UL' || element.tagName.toUpperCase() === 'OL'
      ? Array.from(element.querySelectorAll('li')).map((li) => visibleText(li)).filter((t) => t !== '')
      : visibleLines(element);
    (field ? field.values : result.lines).push(...lines);
  }
  return result;
}

/** The values of the first field whose label matches a pattern. */
export function fieldValues(section: LabelledSection, label: RegExp): string[] {
  return section.fields.find((f) => label.test(f.label))?.values ?? [];
}

/** The document's `<title>` text, read without `document.title` (which some DOM implementations throw on). */
export function documentTitle(doc: Document): string {
  return visibleText(doc.querySelector('title'));
}

/** The page's body (or its root element when there is no body), or null for an empty document. */
export function pageRoot(doc: Document): Element | null {
  return doc.querySelector('body') ?? doc.documentElement ?? null;
}
