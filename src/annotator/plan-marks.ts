// Decides which marks a page gets from its analysis: one per place a finding is anchored, a "dismissed by you" mark
// where the user set a match aside (never "nothing listed"), and a quiet "checked" mark on each distinct CPV, UNSPSC,
// NAICS or PSC code, supplier and buyer about which nothing is known, at its first occurrence (none when the user hid them, except for a supplier
// that has a disclosure: that is information, and its card carries it). Pure apart from the translator.
import type { CheckedItem, Finding, PageAnalysis, TextAnchor } from '../core/types';
import type { MarkContent, Translate } from './mark-element';
import { findingWords } from '../ui/finding-text';

export interface PlannedMark {
  anchor: TextAnchor;
  content: MarkContent;
}

export interface PlanOptions {
  /** The user's setting: no grey "nothing listed" marks. */
  hideChecked?: boolean;
  /** Suppliers with an imported disclosure: their mark stays even when grey marks are hidden. */
  disclosedSuppliers?: readonly string[];
}

const labelKey = (label: string) => label.toLowerCase().replace(/\s+/g, ' ').trim();

export function planMarks(analysis: PageAnalysis, t: Translate, options: PlanOptions = {}): PlannedMark[] {
  const planned: PlannedMark[] = [];
  const taken = new Set<string>();
  const add = (anchor: TextAnchor, content: MarkContent) => {
    const key = `${anchor.start}:${anchor.end}`;
    if (taken.has(key)) return false;
    taken.add(key);
    planned.push({ anchor, content });
    return true;
  };
  for (const finding of analysis.findings) {
    const content = findingMark(finding, analysis, t);
    for (const anchor of finding.anchors) add(anchor, anchor.text ? { ...content, matchedText: anchor.text } : content);
  }
  for (const finding of analysis.dismissed ?? []) {
    const content = dismissedMark(finding, analysis, t);
    for (const anchor of finding.anchors) add(anchor, anchor.text ? { ...content, matchedText: anchor.text } : content);
  }
  const checkedOnce = new Set<string>();
  const disclosed = new Set((options.disclosedSuppliers ?? []).map(labelKey));
  for (const item of analysis.checked) {
    if (item.findingIds.length || item.dismissedIds?.length || !item.anchors.length) continue;
    if (options.hideChecked && !(item.kind === 'supplier' && disclosed.has(labelKey(item.label)))) continue;
    const distinct = `${item.kind}:${labelKey(item.label)}`;
    if (checkedOnce.has(distinct)) continue;
    checkedOnce.add(distinct);
    const content: MarkContent = {
      tone: 'checked',
      pill: t('markCheckedPill'),
      ariaLabel: t('markCheckedAriaPlain', [item.label]),
      title: item.label,
      lines: [checkedLine(item, t)],
      sources: [],
    };
    [...item.anchors].sort((a, b) => a.start - b.start).some((anchor) => add(anchor, content));
  }
  return planned.sort((a, b) => a.anchor.end - b.anchor.end);
}

/** What the grey mark says was checked: a code in no high-risk category, a supplier or buyer on no list. */
function checkedLine(item: CheckedItem, t: Translate): string {
  switch (item.kind) {
    case 'cpv':
      return t('markCheckedCpvPlain');
    case 'classification':
      return t('markCheckedCodePlain', [(item.scheme ?? '').toUpperCase()]);
    case 'buyer':
      return t('markCheckedBuyerPlain');
    default:
      return t('markCheckedSupplierPlain');
  }
}

/** A match the user dismissed: it stays visible, grey, saying who set it aside; the card says what the list says. */
function dismissedMark(finding: Finding, analysis: PageAnalysis, t: Translate): MarkContent {
  return {
    tone: 'dismissed',
    pill: t('markDismissedPill'),
    ariaLabel: t('markDismissedAria', [finding.title]),
    title: finding.title,
    lines: [t('markDismissedListSays', [findingWords(finding, analysis.reading).detail])],
    sources: finding.sources,
    finding,
  };
}

function findingMark(finding: Finding, analysis: PageAnalysis, t: Translate): MarkContent {
  const words = findingWords(finding, analysis.reading);
  const lines = [words.detail];
  if (finding.kind === 'flagged-entity') {
    const lists = finding.sources.map((s) => s.title).join(', ');
    return {
      tone: 'flag',
      pill: t('markFlagPill', [shortListNames(finding)]),
      ariaLabel: t('markFlagAria', [finding.title, lists]),
      title: finding.title,
      lines,
      sources: finding.sources,
      finding,
    };
  }
  if (finding.kind === 'possible-entity') {
    return {
      tone: 'review',
      pill: t('markReviewPill'),
      ariaLabel: t('markReviewAria', [finding.title]),
      title: t('markReviewTitle', [finding.title]),
      lines: [words.detail, t('markReviewCheck')],
      sources: finding.sources,
      finding,
    };
  }
  return {
    tone: 'category',
    pill: t('markCategoryPill', [words.title]),
    ariaLabel: t('markCategoryAria', [words.title]),
    title: t('markCategoryTitle', [words.title]),
    lines: [words.reason, words.detail],
    sources: finding.sources,
    finding,
  };
}

function shortListNames(finding: Finding): string {
  return finding.sources.map((s) => s.title.replace(/\s*\(.*\)$/, '')).join(' · ');
}
