// Scoring: high (red flag) versus review (possible), common-word names, case as written, legal forms,
// sister entities and weak aliases. Every mention explains itself.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, type Mention } from '@/src/matcher';
import { cbpEntities, entity, uflpaEntities } from './entity-fixtures';

const matcher = compileMatcher([
  ...uflpaEntities(),
  ...cbpEntities(),
  entity('us-dhs-uflpa:xpcc', 'Xinjiang Production and Construction Corps', { weakAliases: ['XPCC'] }),
]);
const mentionsIn = (text: string): Mention[] => findMentions(matcher, text);
const only = (text: string): Mention => {
  const found = mentionsIn(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('common-word names need evidence', () => {
  it('"Camel Group Co., Ltd." with its legal form is a red flag', () => {
    const m = only('The batteries were supplied by Camel Group Co., Ltd. in 2023.');
    expect(m).toMatchObject({ entityId: 'us-dhs-uflpa:camel-group-co-ltd', confidence: 'high', rule: 'exact-name+legal-form' });
    expect(m.score).toBeGreaterThanOrEqual(0.7);
    expect(m.reason).toContain('legal form');
  });
  it('"Camel Group" capitalised without a legal form is only possible', () => {
    const m = only('Bids were received from Camel Group and others.');
    expect(m.confidence).toBe('review');
    expect(m.score).toBeLessThan(0.7);
    expect(m.reason).toMatch(/possible only/);
  });
  it('"camel group" in lower case in running text is not reported', () => {
    expect(mentionsIn('a camel group crossed the desert')).toEqual([]);
  });
  it('"Top Glove" needs its legal form; "Top Glove Corporation Bhd" is a red flag', () => {
    expect(only('Top Glove Corporation Bhd').confidence).toBe('high');
    expect(only('gloves from Top Glove were cheaper').confidence).toBe('review');
    expect(mentionsIn('the top glove in the box')).toEqual([]);
  });
  it('a long distinctive name is a red flag even without a legal form', () => {
    const m = only('Yarn from Aksu Huafu Color Spinning was used.');
    expect(m).toMatchObject({ confidence: 'high', rule: 'exact-name' });
  });
  it('the same distinctive name in lower case is only possible', () => {
    expect(only('yarn from aksu huafu color spinning was used').confidence).toBe('review');
  });
});

describe('sister entities are at most possible', () => {
  it('"Supermax Healthcare" against "Supermax Corporation Berhad": different continuation', () => {
    const m = only('Supplier: Supermax Healthcare Limited, Aurora, Illinois');
    expect(m).toMatchObject({ entityId: 'us-cbp-wro:supermax-corporation-berhad', confidence: 'review', text: 'Supermax' });
    expect(m.rule).toContain('different-continuation');
    expect(m.reason).toContain('Healthcare');
  });
  it('"Supermax Sdn Bhd": a legal form of another class than Berhad', () => {
    const m = only('Supermax Glove Manufacturing is not listed, but Supermax Sdn Bhd is a subsidiary.'.split(', but ')[1]!);
    expect(m.confidence).toBe('review');
    expect(m.rule).toContain('legal-form-differs');
  });
  it('"Supermax Corporation Berhad" itself is a red flag', () => {
    expect(only('SUPERMAX CORPORATION BERHAD').confidence).toBe('high');
  });
});

describe('weak aliases', () => {
  it('"XPCC" in capitals is possible, never high', () => {
    const m = only('Cotton sourced from the XPCC region.');
    expect(m).toMatchObject({ nameKind: 'weakAlias', confidence: 'review', matchedName: 'XPCC' });
  });
  it('"xpcc" in lower case is not reported', () => {
    expect(mentionsIn('see xpcc.example for details')).toEqual([]);
  });
});

describe('every mention explains itself', () => {
  it('has a rule id, a one-sentence reason and the matched knowledge-base name', () => {
    // The company is on both lists: one mention per list entity for the same text.
    const found = mentionsIn('Hetian Haolin Hair Accessories Co. Ltd. and Hollin Hair Accessories');
    expect(found.map((m) => [m.entityId, m.nameKind, m.matchedName])).toEqual([
      ['us-cbp-wro:hetian-haolin-hair-accessories-co-ltd', 'name', 'Hetian Haolin Hair Accessories Co., Ltd.'],
      ['us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', 'name', 'Hetian Haolin Hair Accessories Co. Ltd.'],
      ['us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', 'alias', 'Hollin Hair Accessories'],
    ]);
    for (const m of found) {
      expect(m.rule).toMatch(/^exact-(name|alias)/);
      expect(m.reason).toMatch(/^".+" matches the .+\.$/);
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });
});
