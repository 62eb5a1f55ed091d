// A page's analysis grown by the analysis of content added to it (rows a results page appends, a section a
// single-page portal loads): the findings, dismissed matches and checked items of both, each once, the notice as
// read now, and the summary counted again. Only for additions: content that was removed or rewritten is read again with the whole page, so
// nothing gone from the page stays in its findings.
import type { CheckedItem, Finding, PageAnalysis } from './types';
import { summariseFindings } from './analyse-page';

export function addToAnalysis(page: PageAnalysis, added: PageAnalysis): PageAnalysis {
  const findings = unionFindings(page.findings, added.findings);
  return {
    ...page,
    reading: added.reading,
    findings,
    dismissed: unionFindings(page.dismissed, added.dismissed),
    checked: unionChecked(page.checked, added.checked),
    summary: summariseFindings(findings),
    analysedAt: added.analysedAt,
  };
}

/**
 * One finding per id, with the page's codes of both; a red flag found in the added part outranks a possible match
 * found before.
 */
function unionFindings(before: readonly Finding[], added: readonly Finding[]): Finding[] {
  const byId = new Map(before.map((f) => [f.id, f]));
  for (const finding of added) {
    const known = byId.get(finding.id);
    const stronger = !known || (known.severity === 'review' && finding.severity === 'flag') ? finding : known;
    byId.set(finding.id, { ...stronger, cpvCodes: [...new Set([...(known?.cpvCodes ?? []), ...finding.cpvCodes])] });
  }
  return [...byId.values()];
}

function unionChecked(before: readonly CheckedItem[], added: readonly CheckedItem[]): CheckedItem[] {
  const key = (item: CheckedItem) => `${item.kind}:${item.label}`;
  const byKey = new Map(before.map((item) => [key(item), item]));
  for (const item of added) {
    const known = byKey.get(key(item));
    byKey.set(
      key(item),
      known
        ? {
            ...known,
            findingIds: [...new Set([...known.findingIds, ...item.findingIds])],
            dismissedIds: [...new Set([...known.dismissedIds, ...item.dismissedIds])],
          }
        : item,
    );
  }
  return [...byKey.values()];
}
