// The top of a long page, where the user looks first: the elements that come, in document order, before the first
// few thousand characters of visible text are read, as parts the annotator can read, analyse and mark on their own
// before it reads the whole page. A page not much longer than that has no first screen of its own (it is read whole
// at once). Also joins the texts of several parts into one text with a way back to their text nodes.
import { extractPageText, isSkippedElement, type PageText } from '../page-text/extract';

/** Visible characters counted as the top of the page (about two screens of a results list). */
export const FIRST_SCREEN_CHARS = 6_000;
/** A page whose text ends before this many characters is read whole at once. */
const LONG_PAGE_CHARS = 4 * FIRST_SCREEN_CHARS;

/**
 * The elements wholly before the first `FIRST_SCREEN_CHARS` visible characters under `root`, outermost first and in
 * document order; undefined for a page whose text ends before `LONG_PAGE_CHARS`. Walks at most that much text.
 */
export function firstScreenParts(root: Element): Element[] | undefined {
  // All the text, hidden or not, is at least the visible text: a page with less is short, found without a walk.
  if ((root.textContent?.length ?? 0) < LONG_PAGE_CHARS) return undefined;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let chars = 0;
  let cut: Node | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    chars += (node.nodeValue ?? '').trim().length;
    if (!cut && chars >= FIRST_SCREEN_CHARS) cut = node;
    if (chars >= LONG_PAGE_CHARS) break;
  }
  if (!cut || chars < LONG_PAGE_CHARS) return undefined;
  // At each level from the cut up to the root, the element siblings before the path: wholly before the cut.
  const levels: Element[][] = [];
  for (let child: Node = cut; child !== root && child.parentNode; child = child.parentNode) {
    const before: Element[] = [];
    for (let sibling = child.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === Node.ELEMENT_NODE && !isSkippedElement(sibling as Element)) before.unshift(sibling as Element);
    }
    levels.unshift(before);
  }
  return levels.flat();
}

/** The texts of `parts` one after another, a line break between them, locating back into each part's text nodes. */
export function joinPageTexts(parts: readonly PageText[]): PageText {
  const starts: number[] = [];
  let length = 0;
  for (const part of parts) {
    if (starts.length > 0) length += 1;
    starts.push(length);
    length += part.text.length;
  }
  const text = parts.map((part) => part.text).join('\n');
  const locate: PageText['locate'] = (start, end) => {
    if (start < 0 || end > length || start > end) throw new RangeError(`locate(${start}, ${end}) is outside the joined text (length ${length})`);
    const pieces: ReturnType<PageText['locate']> = [];
    parts.forEach((part, i) => {
      const from = Math.max(start, starts[i]!);
      const to = Math.min(end, starts[i]! + part.text.length);
      if (from < to) pieces.push(...part.locate(from - starts[i]!, to - starts[i]!));
    });
    return pieces;
  };
  return { text, locate };
}

/** Reads the parts' visible text as one (each part is small: the top of a page). */
export function firstScreenText(parts: readonly Element[]): PageText {
  return joinPageTexts(parts.map((part) => extractPageText(part)));
}
