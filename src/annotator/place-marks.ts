// Puts planned marks into the page: each mark is inserted right after the last text piece of its anchor, or,
// when that text is inside a link or another control, right after that control (a mark is a button, and a
// button inside a link is neither valid nor usable), in short slices that let the page run. All marks can be removed
// again without a trace (re-annotation after navigation or a user decision).
import type { PageText } from '../page-text/extract';
import { MARK_TAG, createMark, type MarkActions, type Translate } from './mark-element';
import type { PlannedMark } from './plan-marks';

/** Longest main-thread slice of placing marks before the page gets to run, in milliseconds. */
const PLACE_SLICE_MS = 8;

/** A mark built and where it goes, not yet in the page (see prepareMarks). */
export interface PreparedMark {
  element: HTMLElement;
  node: Text;
  end: number;
}

/**
 * Places the marks in slices of at most about PLACE_SLICE_MS, yielding to the page between them (a page may carry
 * thousands of marks); resolves to how many were placed. Stops early when `signal` aborts. A text node the page
 * changed or removed in the meantime gets no mark.
 */
export async function placeMarks(
  pageText: PageText,
  planned: readonly PlannedMark[],
  t: Translate,
  actions: MarkActions,
  options: { signal?: AbortSignal; yieldToPage?: () => Promise<void> } = {},
): Promise<number> {
  return insertMarks(await prepareMarks(pageText, planned, t, actions, options), options);
}

/**
 * Builds the marks and finds where each goes, in slices, without touching the page: inserted afterwards by
 * insertMarks, they change the page at once (on a long page every change costs it a layout of the whole page).
 */
export async function prepareMarks(
  pageText: PageText,
  planned: readonly PlannedMark[],
  t: Translate,
  actions: MarkActions,
  options: { signal?: AbortSignal; yieldToPage?: () => Promise<void> } = {},
): Promise<PreparedMark[]> {
  const prepared: PreparedMark[] = [];
  let deadline = performance.now() + PLACE_SLICE_MS;
  // Last anchor first, so that splitting a text node never moves a later anchor's node.
  for (const { anchor, content } of [...planned].reverse()) {
    if (options.yieldToPage && performance.now() >= deadline) {
      await options.yieldToPage();
      if (options.signal?.aborted) break;
      deadline = performance.now() + PLACE_SLICE_MS;
    }
    const pieces = pageText.locate(anchor.start, anchor.end);
    const last = pieces[pieces.length - 1];
    if (!last) continue;
    prepared.push({ element: createMark(content, t, actions), node: last.node, end: last.end });
  }
  return prepared;
}

/**
 * Puts prepared marks into the page, in the order prepared (last anchor first), each right after its text or after
 * the control holding it; in slices when `yieldToPage` is given. Returns how many went in.
 */
export async function insertMarks(prepared: readonly PreparedMark[], options: { signal?: AbortSignal; yieldToPage?: () => Promise<void> } = {}): Promise<number> {
  let placed = 0;
  let deadline = performance.now() + PLACE_SLICE_MS;
  for (const { element, node, end } of prepared) {
    if (options.yieldToPage && performance.now() >= deadline) {
      await options.yieldToPage();
      if (options.signal?.aborted) break;
      deadline = performance.now() + PLACE_SLICE_MS;
    }
    if (!node.parentNode || !node.isConnected || end > node.data.length) continue;
    const control = outermostControl(node);
    if (control?.parentNode) {
      control.parentNode.insertBefore(element, control.nextSibling);
    } else {
      const after = end < node.data.length ? node.splitText(end) : node.nextSibling;
      node.parentNode.insertBefore(element, after);
    }
    placed++;
  }
  return placed;
}

/** Interactive elements a button must not sit inside. */
const CONTROLS = 'a, button, label, summary, select, textarea, [role="button"], [role="link"]';

function outermostControl(node: Node): Element | undefined {
  let found: Element | undefined;
  let control = node.parentElement?.closest(CONTROLS) ?? null;
  while (control) {
    found = control;
    control = control.parentElement?.closest(CONTROLS) ?? null;
  }
  return found;
}

export function removeMarks(root: ParentNode): void {
  const parents = new Set<Node>();
  for (const mark of Array.from(root.querySelectorAll(MARK_TAG))) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.remove();
  }
  // Each parent once: the text nodes a mark split are joined again.
  for (const parent of parents) parent.normalize();
}
