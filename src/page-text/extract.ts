// Reads the visible text of a DOM subtree into one string (blocks separated by newlines, inline elements joined)
// and maps ranges of that string back to the text nodes they came from. Standard DOM API only.

/** The visible text of a subtree and a way back from its offsets to the text nodes. */
export interface PageText {
  text: string;
  /** Text-node pieces covering text[start, end), in document order. */
  locate(start: number, end: number): Array<{ node: Text; start: number; end: number }>;
}

/** Attribute that marks TenderLens's own UI in a page; such elements and their subtrees are never read. */
export const OWN_UI_ATTRIBUTE = 'data-tenderlens';

/** Elements whose content is never visible text. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'TEXTAREA', 'SELECT', 'INPUT', 'AUDIO', 'VIDEO',
]);

/** Elements that start a new line: names never join across them. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'BUTTON', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'OPTION', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL', 'BODY', 'HTML',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Characters that are never shown: soft hyphen and zero-width characters. */
function isInvisible(c: number): boolean {
  return c === 0x00ad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
}

function isCollapsibleSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0;
}

/** True for elements whose subtree is not read: hidden, never rendered, or TenderLens's own UI. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_ELEMENTS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const style = el.getAttribute('style');
  return style !== null && /(^|;)\s*display\s*:\s*none/i.test(style);
}

/** Extracts the visible text under `root` (an element, a document or a fragment). */
export function extractPageText(root: Node): PageText {
  if (!root || typeof root.nodeType !== 'number') throw new TypeError('extractPageText expects a DOM node');
  const parts: string[] = [];
  let length = 0;
  let lastChar = 0x0a; // start as if after a newline: no leading space or newline
  // Segments: output[outStart, outStart + size) equals node.data[nodeStart, nodeStart + size).
  const segNodes: Text[] = [];
  const segOut: number[] = [];
  const segNodeStart: number[] = [];
  const segSize: number[] = [];

  const newline = (): void => {
    if (length === 0 || lastChar === 0x0a) return;
    if (lastChar === 0x20) {
      // Replace a trailing space by the newline.
      const last = parts[parts.length - 1]!;
      parts[parts.length - 1] = last.slice(0, -1);
      length--;
      const k = segOut.length - 1;
      if (k >= 0 && segOut[k]! + segSize[k]! > length) {
        segSize[k]!--;
        if (segSize[k] === 0) {
          segNodes.pop();
          segOut.pop();
          segNodeStart.pop();
          segSize.pop();
        }
      }
    }
    parts.push('\n');
    length++;
    lastChar = 0x0a;
  };

  const readText = (node: Text): void => {
    const data = node.data;
    let run = '';
    let runNodeStart = -1;
    const flush = (): void => {
      if (run.length === 0) return;
      const k = segNodes.length - 1;
      // Extend the previous segment when it is the same node and contiguous in both strings.
      if (k >= 0 && segNodes[k] === node && segOut[k]! + segSize[k]! === length && segNodeStart[k]! + segSize[k]! === runNodeStart) {
        segSize[k]! += run.length;
      } else {
        segNodes.push(node);
        segOut.push(length);
        segNodeStart.push(runNodeStart);
        segSize.push(run.length);
      }
      parts.push(run);
      length += run.length;
      run = '';
    };
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (isInvisible(c)) {
        flush();
        continue;
      }
      if (isCollapsibleSpace(c)) {
        const previous = run.length > 0 ? run.charCodeAt(run.length - 1) : lastChar;
        if (previous === 0x20 || previous === 0x0a) {
          flush();
          continue;
        }
        if (run.length === 0) runNodeStart = i;
        run += ' ';
        lastChar = 0x20;
        continue;
      }
      if (run.length === 0) runNodeStart = i;
      run += data[i];
      lastChar = c;
    }
    flush();
  };

  // Iterative walk: [node, leaving] pairs, so block elements can close with a newline.
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      readText(node as Text);
      continue;
    }
    const isElement = node.nodeType === ELEMENT_NODE;
    if (!isElement && node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE) continue;
    const block = isElement && BLOCK_ELEMENTS.has((node as Element).tagName.toUpperCase());
    if (leaving) {
      if (block) newline();
      continue;
    }
    if (isElement && node !== root && isSkippedElement(node as Element)) continue;
    if (block) newline();
    stack.push([node, true]);
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push([children[k]!, false]);
  }

  let text = parts.join('');
  // Trailing separator carries no text.
  while (text.length > 0 && (text.endsWith('\n') || text.endsWith(' '))) text = text.slice(0, -1);
  const textLength = text.length;

  const locate = (start: number, end: number): Array<{ node: Text; start: number; end: number }> => {
    if (!(start >= 0 && end <= textLength && start <= end)) {
      throw new RangeError(`locate(${start}, ${end}) is outside the page text (length ${textLength})`);
    }
    const pieces: Array<{ node: Text; start: number; end: number }> = [];
    // First segment that ends after `start`.
    let lo = 0;
    let hi = segOut.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segOut[mid]! + segSize[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < segOut.length && segOut[k]! < end; k++) {
      const from = Math.max(start, segOut[k]!);
      const to = Math.min(end, segOut[k]! + segSize[k]!);
      if (to <= from) continue;
      const node = segNodes[k]!;
      const piece = { node, start: segNodeStart[k]! + (from - segOut[k]!), end: segNodeStart[k]! + (to - segOut[k]!) };
      const previous = pieces[pieces.length - 1];
      // Pieces of one node separated only by dropped characters become one piece.
      if (previous && previous.node === node) previous.end = piece.end;
      else pieces.push(piece);
    }
    return pieces;
  };
  return { text, locate };
}
