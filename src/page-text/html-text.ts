// Reads the visible text of an HTML page straight from its markup, without building a DOM: the same text as
// extractPageText over the page's <body> once parsed (htmlparser2, the parser linkedom builds its DOM with, so
// the elements open and close at the same places), for callers that need only the text. Also bounds how deeply a
// page may nest its elements: htmlparser2 keeps its open elements in an array it shifts at every tag, so a page
// nested 100,000 deep took 7 s, and 1M deep over ten minutes.
import { Parser } from 'htmlparser2';
import { BLOCK_ELEMENTS, DISPLAY_NONE, isCollapsibleSpace, isInvisible, OWN_UI_ATTRIBUTE, SKIPPED_ELEMENTS } from './extract';

/**
 * Open elements a page may nest. Chromium stops nesting at 512 (deeper elements become siblings), so a browser
 * never shows a page deeper than that; past this limit a page is refused.
 */
export const MAX_NESTING_DEPTH = 1000;

const NESTING_REASON = `elements nested more than ${MAX_NESTING_DEPTH.toLocaleString('en')} deep; browsers nest at most 512, so this is not a page TenderLens reads`;

/** A page nested deeper than MAX_NESTING_DEPTH; `line` is where the element that went too deep opens. */
export class PageNestingError extends Error {
  readonly reason = NESTING_REASON;
  constructor(readonly line: number) {
    super(`line ${line}: ${NESTING_REASON}`);
    this.name = 'PageNestingError';
  }
}

/** Lower-case names, as htmlparser2 gives them. */
const SKIPPED = new Set([...SKIPPED_ELEMENTS].map((name) => name.toLowerCase()));
const BLOCKS = new Set([...BLOCK_ELEMENTS].map((name) => name.toLowerCase()));

/** Text pieces with white space collapsed and blocks on their own lines, as extractPageText writes them. */
class TextWriter {
  private readonly parts: string[] = [];
  private length = 0;
  private lastChar = 0x0a;

  newline(): void {
    if (this.length === 0 || this.lastChar === 0x0a) return;
    if (this.lastChar === 0x20) {
      this.parts[this.parts.length - 1] = this.parts[this.parts.length - 1]!.slice(0, -1);
      this.length--;
    }
    this.parts.push('\n');
    this.length++;
    this.lastChar = 0x0a;
  }

  private append(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
  }

  text(data: string): void {
    let sliceFrom = 0;
    let lastChar = this.lastChar;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (isInvisible(c) || (isCollapsibleSpace(c) && (lastChar === 0x20 || lastChar === 0x0a))) {
        if (i > sliceFrom) this.append(data.slice(sliceFrom, i));
        sliceFrom = i + 1;
        continue;
      }
      if (isCollapsibleSpace(c)) {
        if (c !== 0x20) {
          if (i > sliceFrom) this.append(data.slice(sliceFrom, i));
          this.append(' ');
          sliceFrom = i + 1;
        }
        lastChar = 0x20;
        continue;
      }
      lastChar = c;
    }
    if (data.length > sliceFrom) this.append(sliceFrom === 0 ? data : data.slice(sliceFrom));
    this.lastChar = lastChar;
  }

  finish(): string {
    const text = this.parts.join('');
    let end = text.length;
    while (end > 0 && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x20)) end--;
    return end < text.length ? text.slice(0, end) : text;
  }
}

function lineAt(html: string, index: number): number {
  let line = 1;
  for (let i = html.indexOf('\n'); i !== -1 && i < index; i = html.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The visible text of an HTML page or fragment: of its first <body> when the page has an <html> element and a
 * body, else of all of it (a fragment is read as a page's body). Throws a PageNestingError past MAX_NESTING_DEPTH.
 */
export function readHtmlText(html: string): string {
  const wholeInput = !/<html[\s>]/i.test(html);
  const read = readText(html, wholeInput);
  // A page with an <html> element but no <body> is read whole, as `doc.querySelector('body') ?? doc` does.
  return read.sawBody || wholeInput ? read.text : readText(html, true).text;
}

/** The text of the whole input, or only of its first <body>. */
function readText(html: string, wholeInput: boolean): { text: string; sawBody: boolean } {
  const writer = new TextWriter();
  let reading = wholeInput;
  let bodyDone = false;
  /** Per open element: 1 block, 2 starts a skipped subtree, 4 the body being read. */
  const open: number[] = [];
  let skippedDepth = 0;
  let cdata = false;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (open.length >= MAX_NESTING_DEPTH) throw new PageNestingError(lineAt(html, parser.startIndex));
        let kind = 0;
        if (!reading && !bodyDone && name === 'body') {
          reading = true;
          kind = 4;
        } else if (reading && skippedDepth === 0 && (SKIPPED.has(name) || 'hidden' in attributes || OWN_UI_ATTRIBUTE in attributes || DISPLAY_NONE.test(attributes.style ?? ''))) {
          kind = 2;
        }
        if (kind === 2 || skippedDepth > 0) skippedDepth++;
        else if (BLOCKS.has(name)) {
          kind |= 1;
          if (reading) writer.newline();
        }
        open.push(kind);
      },
      onclosetag() {
        const kind = open.pop() ?? 0;
        if (skippedDepth > 0) {
          skippedDepth--;
          return;
        }
        if (kind & 1 && reading) writer.newline();
        if (kind & 4) {
          reading = false;
          bodyDone = true;
        }
      },
      ontext(text) {
        if (reading && skippedDepth === 0 && !cdata) writer.text(text);
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text: writer.finish(), sawBody: bodyDone || (reading && !wholeInput) };
}

/** Throws a PageNestingError when the page nests its elements deeper than MAX_NESTING_DEPTH. */
export function checkNestingDepth(html: string): void {
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag() {
        if (++depth > MAX_NESTING_DEPTH) throw new PageNestingError(lineAt(html, parser.startIndex));
      },
      onclosetag() {
        depth--;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
}
