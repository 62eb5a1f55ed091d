// The whole build: committed sources → validated DefaultData; and the risk map failing loudly on bad names or codes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDefaultData, SOURCE_FILES, writeDefaultData } from '@/src/build/build-default-data';
import { assembleDefaultData, summariseDefaultData, type DefaultDataSourceTexts } from '@/src/data/assemble-default-data';
import { RiskMapError } from '@/src/data/convert/risk-map';
import { findDefaultDataProblems } from '@/src/data/validate-default-data';
import { riskCategoriesForCpv } from '@/src/core/cpv';
import type { DefaultData } from '@/src/core/types';

const sourcesDir = new URL('../../../src/data/sources/', import.meta.url);
const readSource = (path: string) => ({ fileName: path, text: readFileSync(new URL(path, sourcesDir), 'utf8') });
const texts = (): DefaultDataSourceTexts => ({
  ilabGoods: readSource(SOURCE_FILES.ilabGoods),
  cpv: readSource(SOURCE_FILES.cpv),
  dfoHighRiskList: readSource(SOURCE_FILES.dfoHighRiskList),
  uflpaEntityList: readSource(SOURCE_FILES.uflpaEntityList),
  cbpOrders: readSource(SOURCE_FILES.cbpOrders),
  riskMap: readSource(SOURCE_FILES.riskMap),
});
const riskMapHeader = 'category_id,category_label,cpv_codes,ilab_goods,dfo_products\n';
/** The committed risk map with extra lines appended (they become lines 49, 50, … of the file). */
const riskMapWith = (...lines: string[]) => {
  const base = texts();
  return { ...base, riskMap: { ...base.riskMap, text: base.riskMap.text + lines.map((l) => `${l}\n`).join('') } };
};
const riskMapProblems = (t: DefaultDataSourceTexts): string[] => {
  try {
    assembleDefaultData(t, 'test');
  } catch (error) {
    if (error instanceof RiskMapError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('buildDefaultData', () => {
  const data = buildDefaultData();

  it('passes validation', () => {
    expect(findDefaultDataProblems(data)).toEqual([]);
  });

  it('has the 9,454 CPV 2008 codes and the six sources', () => {
    expect(data.cpv).toHaveLength(9454);
    expect(data.cpv.find((c) => c.code8 === '33141420')?.label).toBe('Surgical gloves');
    expect(data.sources.map((s) => s.id).sort()).toEqual(['eu-cpv', 'no-dfo', 'tenderlens-risk-map', 'us-cbp-wro', 'us-dhs-uflpa', 'us-dol-ilab']);
    expect(data.builtFrom).toMatch(/^src\/data\/sources sha256:[0-9a-f]{16}, data sha256:[0-9a-f]{16}$/);
  });

  it('summarises the counts per source in one line', () => {
    const summary = summariseDefaultData(data);
    expect(summary).not.toContain('\n');
    expect(summary).toContain(`us-dol-ilab ${data.flags.filter((f) => f.sourceId === 'us-dol-ilab').length} flags`);
    expect(summary).toContain('us-dhs-uflpa 92 entities, 92 flags (partial)');
    expect(summary).toContain('us-cbp-wro 78 entities, 80 flags');
    expect(summary).toContain('9454 CPV codes');
  });

  it('is the same every time it is built from the same files', () => {
    expect(JSON.stringify(buildDefaultData())).toBe(JSON.stringify(data));
  });

  it('writes JSON that reads back as the same data, creating the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenderlens-defaults-'));
    try {
      const written = writeDefaultData(data, join(dir, 'data', 'defaults.json'));
      expect(JSON.parse(readFileSync(written, 'utf8'))).toEqual(data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const categoriesFor = (d: DefaultData, code: string) => riskCategoriesForCpv(code, d.riskCategories).map((c) => c.id);
  const productsBehind = (d: DefaultData, id: string) => {
    const category = d.riskCategories.find((c) => c.id === id)!;
    return new Set(category.flagIds.map((flagId) => d.flags.find((f) => f.id === flagId)!.product));
  };

  it('raises the categories public buyers need from their CPV codes', () => {
    expect(categoriesFor(data, '33141420')).toContain('gloves'); // surgical gloves
    expect(categoriesFor(data, '18424300')).toContain('gloves'); // disposable gloves
    expect(categoriesFor(data, '30213100')).toContain('electronics-ict'); // portable computers
    expect(categoriesFor(data, '09331200')).toContain('solar-pv');
    expect(categoriesFor(data, '31434000')).toContain('batteries'); // lithium accumulators
    expect(categoriesFor(data, '33169000')).toContain('surgical-instruments');
    expect(categoriesFor(data, '37520000')).toContain('toys');
    expect(categoriesFor(data, '37451700')).toContain('sports-balls');
    expect(categoriesFor(data, '03311000')).toContain('fish-seafood');
    expect(categoriesFor(data, '18000000')).toEqual(expect.arrayContaining(['garments', 'footwear', 'gloves']));
    expect(categoriesFor(data, '45000000')).toEqual([]); // construction work: no goods category
    expect(categoriesFor(data, '09310000')).toEqual([]); // electricity supply, beside solar energy
    expect(categoriesFor(data, '72000000')).toEqual([]); // IT services are not ICT hardware
  });

  it('rests categories on the ILAB and DFØ statements they cite', () => {
    expect(productsBehind(data, 'solar-pv')).toEqual(
      new Set(['Polysilicon', 'Photovoltaic Ingots', 'Photovoltaic Wafers', 'Solar Cells', 'Solar Modules', 'Whole category: natural stone, timber, metal, solar panels']),
    );
    expect(productsBehind(data, 'gloves')).toEqual(
      new Set(['Gloves', 'Rubber Gloves', 'Rubber', 'Protective gloves', 'Whole category: instruments, gloves, electronic equipment']),
    );
  });

  it('covers every CPV code the DFØ rows suggest with a category citing that row', () => {
    for (const flag of data.flags.filter((f) => f.sourceId === 'no-dfo')) {
      expect(data.riskCategories.some((c) => c.flagIds.includes(flag.id)), flag.id).toBe(true);
    }
  });
});

describe('the risk map fails loudly', () => {
  it('on a CPV code that is not in CPV 2008', () => {
    expect(riskMapProblems(riskMapWith('bad-code,Bad code,18424000;99999999,Gloves,'))).toEqual([
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49, column "cpv_codes": 99999999 is not a CPV 2008 code',
    ]);
  });

  it('on a good or product name that is not exactly in its list', () => {
    expect(riskMapProblems(riskMapWith('bad-names,Bad names,18424000,gloves;Rubber Glove,Protective Gloves'))).toEqual([
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49, column "ilab_goods": "gloves" is not a good of the ILAB list (names must match exactly)',
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49, column "ilab_goods": "Rubber Glove" is not a good of the ILAB list (names must match exactly)',
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49, column "dfo_products": "Protective Gloves" is not a product_en value of the DFØ list (names must match exactly)',
    ]);
  });

  it('on malformed codes, duplicate ids and categories with no evidence', () => {
    const problems = riskMapProblems(riskMapWith('gloves,Again,1842400,,', 'Bad Id,Label,18424000;18424000,Gloves,'));
    expect(problems).toEqual([
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49, column "category_id": "gloves" is already used on line 5',
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49, column "cpv_codes": expected 8-digit CPV codes separated by ";", found "1842400"',
      'tenderlens-risk-map/cpv_risk_categories.csv, line 49: the category cites no ILAB good and no DFØ product, so nothing supports it',
      'tenderlens-risk-map/cpv_risk_categories.csv, line 50, column "category_id": expected lower-case letters, digits and dashes, found "Bad Id"',
      'tenderlens-risk-map/cpv_risk_categories.csv, line 50, column "cpv_codes": 18424000 is listed twice',
    ]);
  });

  it('when a DFØ product\'s suggested CPV codes are not covered by a category citing it', () => {
    const base = texts();
    const withoutCoffee = base.riskMap.text.replace('coffee,Coffee,15861000;03131100,Coffee,Coffee', 'coffee,Coffee,15861000;03131100,Coffee,');
    expect(withoutCoffee).not.toBe(base.riskMap.text);
    expect(riskMapProblems({ ...base, riskMap: { ...base.riskMap, text: withoutCoffee } })).toEqual([
      'tenderlens-risk-map/cpv_risk_categories.csv: no category cites the DFØ product no-dfo:coffee',
    ]);
    const narrowedTextiles = base.riskMap.text.replace('textiles,"Textiles, fabrics, yarn and household linen",19200000;19400000;39500000', 'textiles,"Textiles, fabrics, yarn and household linen",19200000;19400000');
    expect(riskMapProblems({ ...base, riskMap: { ...base.riskMap, text: narrowedTextiles } })).toEqual([
      'tenderlens-risk-map/cpv_risk_categories.csv: the DFØ product no-dfo:workwear-and-textiles suggests CPV 39500000, but no category citing it covers that code',
      'tenderlens-risk-map/cpv_risk_categories.csv: the DFØ product no-dfo:workwear-footwear-and-textile-overall suggests CPV 39500000, but no category citing it covers that code',
      'tenderlens-risk-map/cpv_risk_categories.csv: the DFØ product no-dfo:indoor-workwear-towels-bed-linen suggests CPV 39512000, but no category citing it covers that code',
      'tenderlens-risk-map/cpv_risk_categories.csv: the DFØ product no-dfo:indoor-workwear-towels-bed-linen suggests CPV 39514100, but no category citing it covers that code',
    ]);
  });

  it('on a header without the expected columns', () => {
    const base = texts();
    expect(() => assembleDefaultData({ ...base, riskMap: { fileName: 'map.csv', text: 'id,label\nx,y\n' } }, 'test')).toThrowError(
      /^map\.csv, line 1: missing column\(s\) "category_id", "category_label", "cpv_codes", "ilab_goods", "dfo_products"/,
    );
    expect(riskMapHeader.split(',')).toHaveLength(5);
  });
});

describe('findDefaultDataProblems', () => {
  it('finds dangling references, duplicate ids and malformed values', () => {
    const data = buildDefaultData();
    const broken: DefaultData = {
      ...data,
      flags: [
        ...data.flags,
        { ...data.flags[0]!, country: 'XX', date: '2022-13-01', evidenceUrl: 'http://example.org/' },
        { id: 'x:ban', sourceId: 'nowhere', listVersion: '1', type: 'import_ban', entityId: 'us-dhs-uflpa:nobody', evidenceUrl: 'https://example.org/' },
      ],
      riskCategories: [...data.riskCategories, { id: 'extra', label: 'Extra', cpvCodes: ['12345678'], flagIds: ['missing:flag'] }],
    };
    const problems = findDefaultDataProblems(broken);
    const first = data.flags[0]!.id;
    expect(problems).toEqual([
      `flag id "${first}" is used more than once`,
      `flag ${first}: evidenceUrl "http://example.org/" is not an https:// address`,
      `flag ${first}: "XX" is not an ISO 3166-1 alpha-2 code`,
      `flag ${first}: date "2022-13-01" is not a YYYY-MM-DD date`,
      'flag x:ban: unknown source "nowhere"',
      'flag x:ban: unknown entity "us-dhs-uflpa:nobody"',
      'risk category extra: CPV code "12345678" is not in the CPV list',
      'risk category extra: unknown flag "missing:flag"',
    ]);
  });
});
