// The product-word table: words in six languages reach the right ILAB goods, every good named exists in the ILAB
// list and every category in the risk map, and look-alike words do not match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCT_WORDS } from '@/src/data/product-words';
import { matchProduct } from '@/src/disclosures/derive-risk';

const data = JSON.parse(readFileSync(new URL('../../../public/data/defaults.json', import.meta.url), 'utf8')) as { flags: { product?: string }[]; riskCategories: { id: string }[] };

describe('product words', () => {
  it('names only ILAB goods and risk categories that exist, with words in all six languages', () => {
    const goods = new Set(data.flags.map((f) => f.product));
    const categories = new Set(data.riskCategories.map((c) => c.id));
    for (const entry of PRODUCT_WORDS) {
      for (const g of entry.goods) expect(goods.has(g), g).toBe(true);
      for (const c of entry.categories) expect(categories.has(c), c).toBe(true);
      for (const lang of ['en', 'fr', 'nl', 'de', 'es', 'sv'] as const) expect(entry.words[lang].length, `${entry.goods[0]} ${lang}`).toBeGreaterThan(0);
    }
  });

  it.each([
    ['nitrile examination gloves', ['Gloves', 'Rubber Gloves']],
    ['gants en nitrile', ['Gloves', 'Rubber Gloves']],
    ['Einweghandschuhe', ['Gloves', 'Rubber Gloves']],
    ['lithiumbatterijen', ['Lithium-Ion Batteries']],
    ['baterías de litio', ['Lithium-Ion Batteries']],
    ['siliciummetaal', ['Polysilicon']],
    ['Sicherheitsschuhe', ['Footwear']],
    ['arbetsskjortor', ['Garments']],
    ['camisas de algodón', ['Garments', 'Cotton']],
    ['notebook computers', ['Electronics']],
    ['zonnepanelen', ['Solar Modules', 'Solar Cells', 'Photovoltaic Wafers', 'Photovoltaic Ingots']],
    ['tvål', ['Soap']],
  ])('reads "%s" as %j', (product, goods) => {
    expect(matchProduct(product).flatMap((m) => m.goods)).toEqual(goods);
  });

  it('does not read look-alikes: bracelets, steam irons, brass fittings, mouse pads', () => {
    for (const p of ['bracelets', 'steam irons', 'brass fittings', 'Mauspads', 'draagtassen']) expect(matchProduct(p), p).toEqual([]);
  });
});
