// What a change of the page's content asks of the annotator. Content added where nothing was found (rows a results
// page appends, a section loaded late, a countdown ticking) is read on its own: only that part is read, analysed and
// marked, and the marks elsewhere (and an open card) stay. Content removed or rewritten where something was found
// is read again with the whole page, so that nothing gone from the page stays in its findings.
import type { NoticeReading, PageAnalysis } from '../core/types';
import type { PageText } from '../page-text/extract';
import { MARK_TAG } from './mark-element';

export type PageChange =
  /** Only TenderLens's own marks changed, or nothing that holds text. */
  | { kind: 'none' }
  /** Read these parts on their own: added content, or text rewritten where nothing was found. */
  | { kind: 'parts'; parts: Element[] }
  /** Read the whole page again. */
  | { kind: 'whole' };

/** More changed parts than this in one go is a new page in all but name: it is read whole. */
const MAX_PARTS = 40;
/** Elements whose text flows with their neighbours' (a name may run across them); a part is never one of these. */
const INLINE = /^(inline|contents)/;

export class PageChanges {
  /** Text nodes holding something found at the last reading: a change to them is a change to the findings. */
  private found = new WeakSet<Text>();

  /** Remembers where the reading found something (every anchor of every finding, dismissed match and checked item). */
  noteReading(pageText: PageText, analysis: PageAnalysis): void {
    const anchors = [...analysis.findings, ...analysis.dismissed, ...analysis.checked].flatMap((item) => item.anchors);
    for (const anchor of anchors) {
      for (const piece of pageText.locate(anchor.start, anchor.end)) this.found.add(piece.node);
    }
  }

  /** Forgets the last reading (a new page, or one read whole again). */
  forget(): void {
    this.found = new WeakSet<Text>();
  }

  /** What the records (TenderLens's own mutations already left out) ask for. */
  classify(records: readonly MutationRecord[]): PageChange {
    const changed = new Set<Element>();
    for (const record of records) {
      if (record.type === 'characterData') {
        if (this.holdsFinding(record.target)) return { kind: 'whole' };
        if (record.target.parentElement) changed.add(record.target.parentElement);
        continue;
      }
      for (const node of Array.from(record.removedNodes)) if (this.holdsFinding(node)) return { kind: 'whole' };
      // What is left may now read as a name (a word between two others removed): the part it is in is read again.
      if (record.removedNodes.length > 0 && record.target instanceof Element) changed.add(record.target);
      for (const node of Array.from(record.addedNodes)) {
        if (!(node.textContent ?? '').trim()) continue;
        const element = node instanceof Element ? node : node.parentElement;
        if (element) changed.add(element);
      }
    }
    const parts = outermost([...changed].map(blockAround).filter((e) => e.isConnected && !e.closest(MARK_TAG)));
    if (parts.length === 0) return { kind: 'none' };
    if (parts.length > MAX_PARTS || parts.some((part) => part === document.body || part === document.documentElement)) return { kind: 'whole' };
    return { kind: 'parts', parts };
  }

  private holdsFinding(node: Node): boolean {
    if (node instanceof Text) return this.found.has(node);
    if (!(node instanceof Element)) return false;
    if (node.nodeName.toLowerCase() === MARK_TAG || node.querySelector(MARK_TAG)) return true;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) if (this.found.has(text as Text)) return true;
    return false;
  }
}

/**
 * True when the notice as read now keeps everything read before (the same buyer, every supplier and code, perhaps
 * more): the parts added can then be read on their own against it. Anything lost is a new notice, read whole.
 */
export function readingKeeps(before: NoticeReading, now: NoticeReading): boolean {
  if (before.portal !== now.portal || before.buyer?.name !== now.buyer?.name) return false;
  const suppliers = new Set(now.suppliers.map((s) => s.name));
  const codes = new Set(now.cpv.map((c) => c.code8));
  const others = new Set((now.classifications ?? []).map((c) => `${c.scheme}:${c.code}`));
  return (
    before.suppliers.every((s) => suppliers.has(s.name)) &&
    before.cpv.every((c) => codes.has(c.code8)) &&
    (before.classifications ?? []).every((c) => others.has(`${c.scheme}:${c.code}`))
  );
}

/** The nearest ancestor-or-self laid out as a block: text inside it does not run on into its neighbours'. */
function blockAround(element: Element): Element {
  let current: Element = element;
  while (current.parentElement && current !== document.body && INLINE.test(getComputedStyle(current).display)) current = current.parentElement;
  return current;
}

/** The parts not inside another part. */
export function outermost(parts: readonly Element[]): Element[] {
  const unique = [...new Set(parts)];
  return unique.filter((part) => !unique.some((other) => other !== part && other.contains(part)));
}
