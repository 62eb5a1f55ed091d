// Which marks a page gets: one grey "nothing listed" mark per distinct item, at its first occurrence, and none
// when the user hid them; findings keep a mark at every place they are anchored.
import { describe, expect, it } from 'vitest';
import { planMarks } from '../../../src/annotator/plan-marks';
import type { PageAnalysis } from '../../../src/core/types';

const t = (key: string, subs?: string[]) => [key, ...(subs ?? [])].join('|');
const anchor = (start: number, text = 'x') => ({ start, end: start + text.length, text });

const analysis = {
  findings: [],
  checked: [
    { kind: 'cpv', label: '33600000 Pharmaceutical products', findingIds: [], anchors: [anchor(300), anchor(10), anchor(500)] },
    { kind: 'cpv', label: '33600000  Pharmaceutical Products', findingIds: [], anchors: [anchor(700)] },
    { kind: 'supplier', label: 'Amgen Ltd', findingIds: [], anchors: [anchor(120)] },
  ],
} as unknown as PageAnalysis;

describe('planMarks', () => {
  it('gives each distinct checked item one grey mark, at its first occurrence', () => {
    const planned = planMarks(analysis, t);
    expect(planned.map((p) => [p.content.title, p.anchor.start])).toEqual([
      ['33600000 Pharmaceutical products', 10],
      ['Amgen Ltd', 120],
    ]);
  });

  it('gives none when the user hid grey marks', () => {
    expect(planMarks(analysis, t, { hideChecked: true })).toEqual([]);
  });

  it('keeps the mark of a supplier that has a disclosure when grey marks are hidden (a disclosure is information)', () => {
    const planned = planMarks(analysis, t, { hideChecked: true, disclosedSuppliers: ['AMGEN  ltd'] });
    expect(planned.map((p) => [p.content.title, p.anchor.start])).toEqual([['Amgen Ltd', 120]]);
    // a CPV code of the same words is not a supplier: it stays hidden
    expect(planMarks(analysis, t, { hideChecked: true, disclosedSuppliers: ['33600000 Pharmaceutical products'] })).toEqual([]);
  });
});
