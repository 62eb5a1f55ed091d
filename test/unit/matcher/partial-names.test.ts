// Names given only in part: a run of a listed name's distinctive words ("Shihezi Xinren"), or an acronym the list
// writes in capitals ("LYSZD"), is a possible match with its reason; ordinary words and place names are not.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, loadMatcher, serializeMatcher } from '@/src/matcher';
import { cbpEntities, entity, uflpaEntities } from './entity-fixtures';

const matcher = compileMatcher([
  ...uflpaEntities(),
  ...cbpEntities(),
  entity('test:xinren', 'Shihezi Xinren Battery Aluminum Foil Technology Co., Ltd.'),
  entity('test:concha', 'Viña Concha y Toro S.A.'),
  entity('test:gloves', 'New Zealand Gloves Ltd'),
  entity('test:finca', 'Finca Monte Grande'),
]);
const about = (text: string, id: string) => findMentions(matcher, text).filter((m) => m.entityId === id);
/** The UFLPA and CBP lists both name Baoding LYSZD Trade and Business Co., Ltd. */
const lyszd = (text: string) => findMentions(matcher, text).filter((m) => /lyszd/.test(m.entityId));

describe('names given only in part', () => {
  it('finds two distinctive words of a longer name as possible, and says why', () => {
    const [m, ...rest] = about('The foil came from Shihezi Xinren under the 2024 framework.', 'test:xinren');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ text: 'Shihezi Xinren', confidence: 'review', rule: 'part-of-exact-name' });
    expect(m!.reason).toContain('Shihezi Xinren Battery Aluminum Foil Technology Co., Ltd.');
    expect(m!.reason).toMatch(/does not give the whole name/);
  });
  it('lets minor words stand inside the run', () => {
    expect(about('Vinos de Concha y Toro como proveedor.', 'test:concha').map((m) => m.text)).toEqual(['Concha y Toro']);
  });
  it('finds an acronym the list writes in capitals', () => {
    const found = lyszd('Shipments from only LYSZD were held.');
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((m) => m.confidence === 'review' && m.text === 'LYSZD')).toBe(true);
    expect(lyszd('Shipments from only Lyszd were held.')).toEqual([]);
  });
  it('ignores runs written in lower case or inside a longer proper name', () => {
    expect(about('the shihezi xinren plant', 'test:xinren')).toEqual([]);
    expect(about('We met Shihezi Xinren Smith yesterday.', 'test:xinren')).toEqual([]);
  });
  it('ignores single ordinary words and place names', () => {
    expect(about('Gloves, nitrile, powder-free.', 'test:gloves')).toEqual([]);
    expect(about('Delivery to Monte Grande by March.', 'test:finca')).toEqual([]);
    expect(lyszd('Delivery to Baoding by March.')).toEqual([]);
  });
  it('does not join words across a comma or hyphen ("Chengdu-Shuangliu", places in a row)', () => {
    const m = compileMatcher([entity('test:plant', 'Chengdu Shuangliu Xinhua Laogai Detachment Factory')]);
    expect(findMentions(m, 'Near Chengdu-Shuangliu airport.')).toEqual([]);
    expect(findMentions(m, 'The Chengdu Shuangliu plant.').map((x) => x.text)).toEqual(['Chengdu Shuangliu']);
  });
  it('finds an acronym the list gives in parentheses, as a short alias', () => {
    const m = compileMatcher([entity('test:rkc', 'Ravensburger Karton spol. s r.o. (RKC)'), entity('test:pvt', 'Forward Sports (PVT) Ltd.')]);
    expect(findMentions(m, 'Der Lieferant RKC ist zertifiziert.').map((x) => [x.entityId, x.confidence, x.rule])).toEqual([['test:rkc', 'review', 'weak-alias']]);
    expect(findMentions(m, 'Nothing from PVT here.')).toEqual([]);
  });
  it('leaves the whole name to the full match', () => {
    const found = about('Supplier: Shihezi Xinren Battery Aluminum Foil Technology Co., Ltd.', 'test:xinren');
    expect(found.map((m) => m.confidence)).toEqual(['high']);
  });
  it('works the same after the matcher is serialised and loaded', () => {
    const loaded = loadMatcher(serializeMatcher(matcher));
    const text = 'The foil came from Shihezi Xinren; only LYSZD shipped.';
    expect(findMentions(loaded, text)).toEqual(findMentions(matcher, text));
  });
});

describe('acronyms in parentheses', () => {
  it('are aliases only at the end of a name: one in the middle is a qualifier', () => {
    const m = compileMatcher([entity('test:trust', 'Northfield (NHS) Supplies Trust Ltd')]);
    expect(findMentions(m, 'The NHS buys gloves.')).toEqual([]);
  });
});
