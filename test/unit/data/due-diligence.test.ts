// Every kind of finding says what it means for the award and what to ask the supplier next.
import { describe, expect, it } from 'vitest';
import { DUE_DILIGENCE } from '../../../src/data/due-diligence';
import type { Concern } from '../../../src/core/types';

const CONCERNS: Concern[] = ['import_ban', 'forced_labour', 'child_labour', 'sanctions', 'watch', 'high_risk_product'];

describe('due-diligence guidance', () => {
  it.each(CONCERNS)('%s: a meaning for the award and at least two questions, each a question', (concern) => {
    const guidance = DUE_DILIGENCE[concern];
    expect(guidance.forTheAward.length).toBeGreaterThan(40);
    expect(guidance.askTheSupplier.length).toBeGreaterThanOrEqual(2);
    for (const q of guidance.askTheSupplier) expect(q).toMatch(/\?$/);
  });

  it('a watch list is not a reason to exclude, and a product risk is not a finding about a bidder', () => {
    expect(DUE_DILIGENCE.watch.forTheAward).toMatch(/says nothing by itself/);
    expect(DUE_DILIGENCE.high_risk_product.forTheAward).toMatch(/not a finding about any bidder/);
  });
});
