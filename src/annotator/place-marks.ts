// Puts planned marks into the page: each mark is inserted right after the last text piece of its anchor,
// and all marks can be removed again without a trace (re-annotation after navigation or a user decision).
import type { PageText } from '../page-text/extract';
import { MARK_TAG, createMark, type MarkActions, type Translate } from './mark-element';
import type { PlannedMark } from './plan-marks';

export function placeMarks(pageText: PageText, planned: readonly PlannedMark[], t: Translate, actions: MarkActions): number {
  let placed = 0;
  // Last anchor first, so that splitting a text node never moves a later anchor's node.
  for (const { anchor, content } of [...planned].reverse()) {
    const pieces = pageText.locate(anchor.start, anchor.end);
    const last = pieces[pieces.length - 1];
    if (!last?.node.parentNode) continue;
    const after = last.end < last.node.data.length ? last.node.splitText(last.end) : last.node.nextSibling;
    last.node.parentNode.insertBefore(createMark(content, t, actions), after);
    placed++;
  }
  return placed;
}

export function removeMarks(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(MARK_TAG))) {
    const parent = mark.parentNode;
    mark.remove();
    parent?.normalize();
  }
}
