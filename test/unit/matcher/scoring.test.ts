// Scoring: high (red flag) versus review (possible), common-word names, case as written, legal forms,
// sister entities and weak aliases. Every mention explains itself.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, type Mention } from '@/src/matcher';
import { cbpEntities, entity, ftmEntities, uflpaEntities } from './entity-fixtures';

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

describe('how the page writes a name', () => {
  const named = compileMatcher([
    entity('val-d-or', "Val d'Or Apparel Manufacturing Haiti S.A."),
    entity('linglong', 'Linglong International Europe D.O.O. Zrenjanin'),
    entity('tomadex', 'TOMADEX SC'),
  ]);
  const inPage = (text: string): Mention[] => findMentions(named, text);
  it('an elided particle before a capital ("d\'Or") keeps a name in title case', () => {
    expect(inPage("le lot 2 à Val d'Or Apparel Manufacturing Haiti S.A. en 2024")).toMatchObject([{ entityId: 'val-d-or', confidence: 'high' }]);
  });
  it('a legal form written in lower case inside a name ("d.o.o.") does not make it lower case', () => {
    expect(inPage('Linglong International Europe d.o.o. Zrenjanin')).toMatchObject([{ entityId: 'linglong', confidence: 'high' }]);
  });
  it('short forms written with dots count in lower case ("s.c."); undotted lower-case ones do not', () => {
    expect(inPage('Wykonawca: Tomadex s.c., Łódź')).toMatchObject([{ entityId: 'tomadex', confidence: 'high', rule: 'exact-name+legal-form' }]);
    expect(inPage('Wykonawca: TOMADEX S.C.')).toMatchObject([{ confidence: 'high' }]);
  });
  it('a lower-case name is still only possible', () => {
    expect(inPage("val d'or apparel manufacturing haiti s.a.")).toMatchObject([{ confidence: 'review' }]);
  });
});

describe('whole listed names without a legal form', () => {
  it('"Natchi Apparel", listed without a legal form, is a red flag when written in full as a proper name', () => {
    expect(only('Natchi Apparel has opened a design studio.')).toMatchObject({ entityId: expect.stringContaining('natchi'), confidence: 'high', rule: 'exact-name+full-listed-name' });
  });
  it('but not in lower case, and not when every word is common', () => {
    expect(mentionsIn('the natchi apparel line')).toEqual([]);
    const places = compileMatcher([entity('east-coast', 'East Coast')]);
    expect(findMentions(places, 'Shipping on the East Coast was delayed.')).toMatchObject([{ confidence: 'review', rule: 'exact-name+common-words' }]);
  });
});

describe('numbered sites', () => {
  // CBP lists "Tianjin No. 2 Prison" as an alias of two factories, and "Tianjin No. 2 Prison (Manufacturing)" of a third.
  const byEntity = (text: string): Record<string, string> =>
    Object.fromEntries(mentionsIn(text).map((m) => [m.entityId, `${m.confidence} ${m.rule}`]));

  it('a listed name of common words that gives its place a number is a red flag when written in full', () => {
    expect(byEntity('Inmates of Tianjin No. 2 Prison made the castings.')).toEqual({
      'us-cbp-wro:tianjin-malleable-iron-factory': 'high exact-alias+numbered-name',
      'us-cbp-wro:tianjin-pipe-fitting-factory': 'high exact-alias+numbered-name',
      // The page leaves out the qualifier this name carries: only possible.
      'us-cbp-wro:tianjin-no-2-printing-plant': 'review exact-alias+common-words',
    });
  });
  it('but not in lower case, nor when the page continues the name', () => {
    expect(Object.values(byEntity('inmates of tianjin no. 2 prison made them')).every((v) => !v.startsWith('high'))).toBe(true);
    expect(Object.values(byEntity('Tianjin No. 2 Prison Hospital treated them.')).every((v) => v.startsWith('review'))).toBe(true);
  });
  it('a number with no word of the name before it is no place of its own', () => {
    const sites = compileMatcher([entity('no-2', 'No. 2 Garment Factory'), entity('xinjiang-no-2', 'Xinjiang No. 2 Garment Factory')]);
    expect(findMentions(sites, 'Goods from No. 2 Garment Factory.')).toMatchObject([{ entityId: 'no-2', confidence: 'review', rule: 'exact-name+common-words' }]);
    expect(findMentions(sites, 'Goods from Xinjiang No. 2 Garment Factory.')).toMatchObject([{ entityId: 'xinjiang-no-2', confidence: 'high', rule: 'exact-name+numbered-name' }]);
  });
});

describe('a town after the legal form', () => {
  // CBP lists "Linglong International Europe D.O.O. Zrenjanin": the company's seat follows its legal form.
  it('a page that stops at the legal form names a possible match; the whole name is a red flag', () => {
    expect(only('The tyres come from Linglong International Europe d.o.o., a subsidiary.')).toMatchObject({
      entityId: 'us-cbp-wro:linglong-international-europe-d-o-o-zrenjanin', confidence: 'review', rule: 'exact-name+town-omitted',
    });
    expect(only('The tyres come from Linglong International Europe D.O.O. Zrenjanin.')).toMatchObject({ confidence: 'high' });
  });
  it('only words written like a town count, and only after a word that is no legal form', () => {
    const sanctioned = compileMatcher([
      ...ftmEntities('yente_zala_cluster.ftm.jsonl'),
      entity('unit-3', 'Jeans Knit Private Ltd Unit 3'),
      entity('cdf', 'Hanes France SAS CDF'),
    ]);
    // Russian names open with their form ("Limited Liability Company Aeroscan"); plants are numbered; acronyms are no towns.
    expect(findMentions(sanctioned, 'A Limited Liability Company, Jeans Knit Private Ltd and Hanes France SAS bid.')).toEqual([]);
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
  it('a country in the listed name ("(VN)", "(Vietnam)") that the page leaves out makes it a possible sister', () => {
    const groups = compileMatcher([entity('long-rich-vn', 'Long Rich (VN) Co., Ltd.'), entity('regina-vn', 'Regina Miracle International (Vietnam)')]);
    expect(findMentions(groups, 'Long Rich Co., Ltd.')).toMatchObject([{ entityId: 'long-rich-vn', confidence: 'review', rule: 'exact-name+qualifier-omitted' }]);
    expect(findMentions(groups, 'Regina Miracle International, Hong Kong')).toMatchObject([{ confidence: 'review', rule: 'exact-name+qualifier-omitted' }]);
    expect(findMentions(groups, 'Long Rich (Vietnam) Co., Ltd.')).toMatchObject([{ entityId: 'long-rich-vn', confidence: 'high' }]);
    expect(findMentions(groups, 'Regina Miracle International (Vietnam)')).toMatchObject([{ confidence: 'high' }]);
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

describe('a capitalised role noun before a name', () => {
  const dohler = compileMatcher([entity('osh:dohler-gmbh', 'Döhler GmbH'), entity('osh:gloria-srl', 'Gloria Srl')]);
  it('does not make the name part of a longer proper name ("der Bieter Döhler")', () => {
    const found = findMentions(dohler, 'Der Bieter Döhler hat zudem Zertifikate vorgelegt.');
    expect(found.map((m) => [m.entityId, m.text, m.confidence])).toEqual([['osh:dohler-gmbh', 'Döhler', 'review']]);
  });
  it('while another capitalised word still does ("Maria Gloria")', () => {
    expect(findMentions(dohler, 'The singer Maria Gloria performed.')).toEqual([]);
  });
});
