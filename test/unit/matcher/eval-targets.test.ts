// The labelled page evaluation (test/eval) as a test: the matcher must keep its quality targets on the set, so a
// scoring change that loses red flags or raises false ones fails here. Counts only, no timing.
import { describe, expect, it } from 'vitest';
import { evaluateMatcher, missedTargets, TARGETS } from '../../eval/evaluate';

describe('matcher quality on the labelled evaluation set', () => {
  const report = evaluateMatcher();

  it('covers every case class with a few hundred labels, on several pages', () => {
    expect(report.labels).toBeGreaterThanOrEqual(300);
    expect(report.pages).toBeGreaterThanOrEqual(15);
    expect(report.caseClasses.length).toBeGreaterThanOrEqual(12);
    for (const caseClass of ['identifier', 'inline-boundaries', 'chinese-script', 'common-word-name', 'sister-entity', 'previous-name', 'location-qualifier', 'accents-transliteration']) {
      expect(report.caseClasses).toContain(caseClass);
    }
  });

  it(`keeps high-tier precision >= ${TARGETS.highPrecision} and recall >= ${TARGETS.highRecall}`, () => {
    expect(report.high.precision).toBeGreaterThanOrEqual(TARGETS.highPrecision);
    expect(report.high.recall).toBeGreaterThanOrEqual(TARGETS.highRecall);
  });

  it(`keeps recall of high and review together >= ${TARGETS.highAndReviewRecall}`, () => {
    expect(report.highAndReview.recall).toBeGreaterThanOrEqual(TARGETS.highAndReviewRecall);
    expect(missedTargets(report)).toEqual([]);
  });
});
