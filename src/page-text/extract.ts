// Reads the visible text of a DOM subtree into one string (blocks separated by newlines, inline elements joined)
// and maps ranges of that string back to the text nodes they came from. Linear in the page: each character is
// looked at once, and the reading can run in short slices that let the page breathe. Standard DOM API only.

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
export function isInvisible(c: number): boolean {
  return c === 0x00ad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
}

/** White space that collapses to one space. */
export function isCollapsibleSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0;
}

/** An inline style that hides the element. */
export const DISPLAY_NONE = /(^|;)\s*display\s*:\s*none/i;

/** True for elements whose subtree is not read: hidden, never rendered, or TenderLens's own UI. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_ELEMENTS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

/** Extracts the visible text under `root` (an element, a document or a fragment) in one go. */
export function extractPageText(root: Node): PageText {
  const reader = new PageTextReader(root);
  reader.readUntil(Infinity);
  return reader.finish();
}

/** Longest main-thread slice of `extractPageTextInSlices` before it lets the page run, in milliseconds. */
export const TEXT_SLICE_MS = 8;
/** Readings started again at most this often when the page keeps changing under one; the last one is kept. */
const MAX_RESTARTS = 3;

/** Lets the page run (input, rendering, its own scripts) before the next slice. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Extracts the visible text under `root` in slices of at most about `sliceMs`, yielding to the page between them,
 * so that no task of the content script holds the page's main thread, whatever the page's size. A page that
 * changes while it is read is read again (at most a few times).
 */
export async function extractPageTextInSlices(root: Node, options: { sliceMs?: number; signal?: AbortSignal } = {}): Promise<PageText> {
  const sliceMs = options.sliceMs ?? TEXT_SLICE_MS;
  for (let attempt = 0; ; attempt++) {
    // Records reach the callback at the end of each slice's task, and takeRecords() finds only those not yet delivered.
    let changedMeanwhile = false;
    const observer = typeof MutationObserver === 'function' ? new MutationObserver(() => (changedMeanwhile = true)) : undefined;
    observer?.observe(root, { childList: true, subtree: true, characterData: true });
    const reader = new PageTextReader(root);
    try {
      while (!reader.readUntil(performance.now() + sliceMs)) {
        await yieldToPage();
        options.signal?.throwIfAborted();
      }
      const changed = changedMeanwhile || (observer?.takeRecords().length ?? 0) > 0;
      if (!changed || attempt >= MAX_RESTARTS) return reader.finish();
    } finally {
      observer?.disconnect();
    }
  }
}

/** Characters of one text node read between two looks at the clock. */
const CHARS_PER_STEP = 1 << 15;
/** Nodes visited between two looks at the clock. */
const NODES_PER_STEP = 512;

/**
 * The reading of one subtree, resumable: `readUntil` walks the tree (iteratively, so depth costs no stack) and reads
 * text nodes in pieces, each character once, until it is done or its deadline passed.
 */
class PageTextReader {
  private readonly parts: string[] = [];
  private length = 0;
  /** As if after a newline at the start: no leading space or newline. */
  private lastChar = 0x0a;
  // Segments: output[outStart, outStart + size) equals node.data[nodeStart, nodeStart + size), character for character.
  private readonly segNodes: Text[] = [];
  private readonly segOut: number[] = [];
  private readonly segNodeStart: number[] = [];
  private readonly segSize: number[] = [];
  /** Nodes still to visit, and whether each is being left (a block element closes with a newline). */
  private readonly stack: Node[];
  private readonly leaving: boolean[] = [false];
  /** The text node being read and the offset reached in it. */
  private textNode: Text | undefined;
  private textOffset = 0;

  constructor(private readonly root: Node) {
    if (!root || typeof root.nodeType !== 'number') throw new TypeError('extractPageText expects a DOM node');
    this.stack = [root];
  }

  /** Reads until the whole subtree is read (true) or `deadline` (performance.now()) has passed (false). */
  readUntil(deadline: number): boolean {
    const timed = deadline !== Infinity;
    let nodes = 0;
    for (;;) {
      if (this.textNode) {
        const data = this.textNode.data;
        const to = timed ? Math.min(data.length, this.textOffset + CHARS_PER_STEP) : data.length;
        this.readText(this.textNode, this.textOffset, to);
        if (to >= data.length) this.textNode = undefined;
        else this.textOffset = to;
        if (timed && performance.now() >= deadline) return this.stack.length === 0 && this.textNode === undefined;
        continue;
      }
      if (this.stack.length === 0) return true;
      if (timed && ++nodes % NODES_PER_STEP === 0 && performance.now() >= deadline) return false;
      this.visit(this.stack.pop()!, this.leaving.pop()!);
    }
  }

  private visit(node: Node, leaving: boolean): void {
    if (node.nodeType === TEXT_NODE) {
      this.textNode = node as Text;
      this.textOffset = 0;
      return;
    }
    const isElement = node.nodeType === ELEMENT_NODE;
    if (!isElement && node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE) return;
    const block = isElement && BLOCK_ELEMENTS.has((node as Element).tagName.toUpperCase());
    if (leaving) {
      if (block) this.newline();
      return;
    }
    if (isElement && node !== this.root && isSkippedElement(node as Element)) return;
    if (block) this.newline();
    this.stack.push(node);
    this.leaving.push(true);
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      this.stack.push(children[k]!);
      this.leaving.push(false);
    }
  }

  private newline(): void {
    if (this.length === 0 || this.lastChar === 0x0a) return;
    if (this.lastChar === 0x20) {
      // Replace a trailing space by the newline.
      const last = this.parts[this.parts.length - 1]!;
      this.parts[this.parts.length - 1] = last.slice(0, -1);
      this.length--;
      const k = this.segOut.length - 1;
      if (k >= 0 && this.segOut[k]! + this.segSize[k]! > this.length) {
        this.segSize[k]!--;
        if (this.segSize[k] === 0) {
          this.segNodes.pop();
          this.segOut.pop();
          this.segNodeStart.pop();
          this.segSize.pop();
        }
      }
    }
    this.parts.push('\n');
    this.length++;
    this.lastChar = 0x0a;
  }

  /** Appends `piece`, which stands for node.data[nodeStart, nodeStart + piece.length). */
  private append(piece: string, node: Text, nodeStart: number): void {
    const k = this.segNodes.length - 1;
    // Extend the previous segment when it is the same node and contiguous in both strings.
    if (k >= 0 && this.segNodes[k] === node && this.segOut[k]! + this.segSize[k]! === this.length && this.segNodeStart[k]! + this.segSize[k]! === nodeStart) {
      this.segSize[k]! += piece.length;
    } else {
      this.segNodes.push(node);
      this.segOut.push(this.length);
      this.segNodeStart.push(nodeStart);
      this.segSize.push(piece.length);
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  /**
   * Reads node.data[from, to): invisible characters dropped, white space collapsed to single spaces. Kept
   * characters are copied as slices of the node's text, so the cost is one look at each character.
   */
  private readText(node: Text, from: number, to: number): void {
    const data = node.data;
    let sliceFrom = from;
    let lastChar = this.lastChar;
    for (let i = from; i < to; i++) {
      const c = data.charCodeAt(i);
      if (isInvisible(c) || (isCollapsibleSpace(c) && (lastChar === 0x20 || lastChar === 0x0a))) {
        if (i > sliceFrom) this.append(data.slice(sliceFrom, i), node, sliceFrom);
        sliceFrom = i + 1;
        continue;
      }
      if (isCollapsibleSpace(c)) {
        if (c !== 0x20) {
          if (i > sliceFrom) this.append(data.slice(sliceFrom, i), node, sliceFrom);
          this.append(' ', node, i);
          sliceFrom = i + 1;
        }
        lastChar = 0x20;
        continue;
      }
      lastChar = c;
    }
    if (to > sliceFrom) this.append(data.slice(sliceFrom, to), node, sliceFrom);
    this.lastChar = lastChar;
  }

  finish(): PageText {
    const { segNodes, segOut, segNodeStart, segSize } = this;
    let text = this.parts.join('');
    // Trailing separator carries no text.
    let end = text.length;
    while (end > 0 && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x20)) end--;
    if (end < text.length) text = text.slice(0, end);
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
}
