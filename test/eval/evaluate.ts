// The matcher's page-level evaluation: reads the labelled pages, extracts their visible text, finds mentions with
// a matcher compiled from the evaluation knowledge base, and compares them with the labels by
// (page, entity, overlapping span) into precision and recall per tier and per case class.
//
// Three splits: `tuning` (labels.json, the pages the scoring was tuned on), `heldout` (heldout/labels.json, pages
// written without looking at the scoring; some of its errors were looked at since, see heldout/CHANGES.md and
// CHANGES.md) and `heldout2` (heldout-2/labels.json, written later, also blind); `combined` counts all three.

import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { compileMatcher, findMentions, type Mention } from '@/src/matcher';
import { extractPageText } from '@/src/page-text/extract';
import { evaluationEntities } from './knowledge-base';

export type LabelTier = 'high' | 'review' | 'none' | 'review-or-none';

export interface Label {
  /** Absent for near misses that must not be reported as any entity. */
  entityId?: string;
  text: string;
  tier: LabelTier;
  caseClass: string;
  /** Which occurrence of `text` in the page text (1-based, default 1). */
  occurrence?: number;
}

interface PageLabels {
  /** Case class of reported mentions that overlap no label (hidden content, near misses, real portal pages). */
  unlabelledClass?: string;
  mentions: Label[];
}

interface LabelFile {
  pages: Record<string, PageLabels>;
}

export interface PlacedLabel extends Label {
  page: string;
  start: number;
  end: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface ClassCounts {
  caseClass: string;
  labels: number;
  /** Labels expected at high or review, and how many were found at any tier. */
  expected: number;
  found: number;
  /** Labels expected at high, and how many were found at high. */
  expectedHigh: number;
  foundHigh: number;
  /** Reported mentions that match a label of this class, and wrong reports attributed to it. */
  correct: number;
  wrong: number;
}

export interface Miss {
  kind: 'FP' | 'FN';
  tier: 'high' | 'high+review';
  page: string;
  entityId: string;
  text: string;
  caseClass: string;
  /** For false positives: the mention's rule, confidence and reason; for false negatives: what was found instead. */
  detail: string;
}

export type EvaluationSplit = 'tuning' | 'heldout' | 'heldout2' | 'combined';
export type LabelledSplit = Exclude<EvaluationSplit, 'combined'>;
export const LABELLED_SPLITS: readonly LabelledSplit[] = ['tuning', 'heldout', 'heldout2'];

export interface EvaluationReport {
  split: EvaluationSplit;
  pages: number;
  labels: number;
  caseClasses: string[];
  high: Counts;
  highAndReview: Counts;
  perClass: ClassCounts[];
  misses: Miss[];
}

export const TARGETS = { highPrecision: 0.98, highRecall: 0.95, highAndReviewRecall: 0.98 } as const;

/** Label files of the splits, relative to this folder; their page paths are relative to the label file. */
const SPLIT_LABEL_FILES: Record<LabelledSplit, string> = {
  tuning: './labels.json',
  heldout: './heldout/labels.json',
  heldout2: './heldout-2/labels.json',
};

function readUrl(url: URL): string {
  return readFileSync(url, 'utf8');
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Finds each label's span in the page text; a label whose text is not there is an error in the set. */
function placeLabels(page: string, text: string, labels: readonly Label[]): PlacedLabel[] {
  return labels.map((label) => {
    let start = -1;
    for (let k = 0; k < (label.occurrence ?? 1); k++) {
      start = text.indexOf(label.text, start + 1);
      if (start < 0) {
        throw new Error(`labels.json: page ${page}: "${label.text}" (occurrence ${label.occurrence ?? 1}) is not in the page text`);
      }
    }
    return { ...label, page, start, end: start + label.text.length };
  });
}

interface PageResult {
  page: string;
  unlabelledClass: string;
  labels: PlacedLabel[];
  mentions: Mention[];
}

/** One mention per entity and span (the highest tier), as the user would see it. */
function distinctMentions(mentions: readonly Mention[]): Mention[] {
  const byKey = new Map<string, Mention>();
  for (const m of mentions) {
    const key = `${m.entityId}\u0000${m.start}\u0000${m.end}`;
    const previous = byKey.get(key);
    if (!previous || (previous.confidence === 'review' && m.confidence === 'high')) byKey.set(key, m);
  }
  return [...byKey.values()];
}

function runPages(split: LabelledSplit, matcher: ReturnType<typeof compileMatcher>): PageResult[] {
  const labelsUrl = new URL(SPLIT_LABEL_FILES[split], import.meta.url);
  const file = JSON.parse(readUrl(labelsUrl)) as LabelFile;
  const folder = SPLIT_LABEL_FILES[split].slice(2, -'labels.json'.length);
  return Object.entries(file.pages).map(([path, pageLabels]) => {
    const page = `${folder}${path}`;
    const { document } = parseHTML(readUrl(new URL(path, labelsUrl)));
    const { text } = extractPageText(document);
    return {
      page,
      unlabelledClass: pageLabels.unlabelledClass ?? 'unlabelled',
      labels: placeLabels(page, text, pageLabels.mentions),
      mentions: distinctMentions(findMentions(matcher, text)),
    };
  });
}

const describeMention = (m: Mention): string => `${m.confidence} ${m.rule} (${m.score}): ${m.reason}`;

/** Runs the evaluation of one split (the tuning split unless told) and counts every result. */
export function evaluateMatcher(split: EvaluationSplit = 'tuning'): EvaluationReport {
  const matcher = compileMatcher(evaluationEntities());
  const results = split === 'combined' ? LABELLED_SPLITS.flatMap((one) => runPages(one, matcher)) : runPages(split, matcher);
  const perClass = new Map<string, ClassCounts>();
  const classOf = (name: string): ClassCounts => {
    let counts = perClass.get(name);
    if (!counts) {
      counts = { caseClass: name, labels: 0, expected: 0, found: 0, expectedHigh: 0, foundHigh: 0, correct: 0, wrong: 0 };
      perClass.set(name, counts);
    }
    return counts;
  };
  const misses: Miss[] = [];
  const high = { tp: 0, fp: 0, fn: 0, expected: 0, found: 0, reported: 0 };
  const any = { tp: 0, fp: 0, fn: 0, expected: 0, found: 0, reported: 0 };

  for (const { page, unlabelledClass, labels, mentions } of results) {
    const sameEntity = (m: Mention, l: PlacedLabel): boolean => l.entityId === m.entityId && overlaps(m, l);
    const attribute = (m: Mention): string =>
      (labels.find((l) => sameEntity(m, l)) ?? labels.find((l) => overlaps(m, l)))?.caseClass ?? unlabelledClass;

    for (const label of labels) {
      const counts = classOf(label.caseClass);
      counts.labels++;
      if (label.tier !== 'high' && label.tier !== 'review') continue;
      counts.expected++;
      any.expected++;
      const matching = mentions.filter((m) => sameEntity(m, label));
      if (matching.length > 0) {
        counts.found++;
        any.found++;
      } else {
        any.fn++;
        misses.push({ kind: 'FN', tier: 'high+review', page, entityId: label.entityId ?? '', text: label.text, caseClass: label.caseClass, detail: `expected ${label.tier}, not found` });
      }
      if (label.tier === 'high') {
        counts.expectedHigh++;
        high.expected++;
        if (matching.some((m) => m.confidence === 'high')) {
          counts.foundHigh++;
          high.found++;
        } else {
          high.fn++;
          if (matching.length > 0) {
            misses.push({ kind: 'FN', tier: 'high', page, entityId: label.entityId ?? '', text: label.text, caseClass: label.caseClass, detail: `found only as ${describeMention(matching[0]!)}` });
          }
        }
      }
    }

    for (const mention of mentions) {
      const matched = labels.filter((l) => sameEntity(mention, l));
      const isHigh = mention.confidence === 'high';
      const okAny = matched.some((l) => l.tier === 'high' || l.tier === 'review');
      const tolerated = matched.some((l) => l.tier === 'review-or-none');
      const caseClass = attribute(mention);
      // All tiers: a report is right when a label expects it, tolerated when the label allows a possible match.
      if (okAny) {
        any.tp++;
        any.reported++;
        classOf(caseClass).correct++;
      } else if (!(tolerated && !isHigh)) {
        any.fp++;
        any.reported++;
        classOf(caseClass).wrong++;
        misses.push({ kind: 'FP', tier: 'high+review', page, entityId: mention.entityId, text: mention.text, caseClass, detail: describeMention(mention) });
      }
      if (!isHigh) continue;
      high.reported++;
      if (matched.some((l) => l.tier === 'high')) high.tp++;
      else {
        high.fp++;
        if (okAny || tolerated) {
          classOf(caseClass).wrong++;
          misses.push({ kind: 'FP', tier: 'high', page, entityId: mention.entityId, text: mention.text, caseClass, detail: `expected at most review; ${describeMention(mention)}` });
        }
      }
    }
  }

  const counts = (c: typeof high): Counts => ({
    tp: c.tp,
    fp: c.fp,
    fn: c.fn,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.found, c.expected),
  });
  const classes = [...perClass.values()].sort((a, b) => a.caseClass.localeCompare(b.caseClass));
  return {
    split,
    pages: results.length,
    labels: results.reduce((sum, r) => sum + r.labels.length, 0),
    caseClasses: classes.map((c) => c.caseClass),
    high: counts(high),
    highAndReview: counts(any),
    perClass: classes,
    misses,
  };
}

/** The targets the report misses, as sentences; empty when all hold. */
export function missedTargets(report: EvaluationReport): string[] {
  const missed: string[] = [];
  if (report.high.precision < TARGETS.highPrecision) missed.push(`high-tier precision ${report.high.precision.toFixed(3)} < ${TARGETS.highPrecision}`);
  if (report.high.recall < TARGETS.highRecall) missed.push(`high-tier recall ${report.high.recall.toFixed(3)} < ${TARGETS.highRecall}`);
  if (report.highAndReview.recall < TARGETS.highAndReviewRecall) {
    missed.push(`high+review recall ${report.highAndReview.recall.toFixed(3)} < ${TARGETS.highAndReviewRecall}`);
  }
  return missed;
}
