// DFØ High Risk List rows → high-risk-product flags with their page, risk levels and suggested CPV codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertDfoHighRiskList } from '@/src/data/convert/dfo';

const fileName = 'dfo_norway_high_risk_list_sample.csv';
const csv = readFileSync(new URL(`../../../src/data/sources/no-dfo/${fileName}`, import.meta.url), 'utf8');

describe('convertDfoHighRiskList', () => {
  const { source, flags, flagIdByProduct, suggestedCpvByFlagId } = convertDfoHighRiskList(csv, fileName);

  it('makes one flag per product row', () => {
    expect(flags).toHaveLength(31);
    expect(flags.every((f) => f.type === 'high_risk_product' && f.sourceId === 'no-dfo')).toBe(true);
    expect(new Set(flags.map((f) => f.id)).size).toBe(31);
    expect(source.partial).toBe(true);
  });

  it('keeps the risk levels by supply-chain stage and the page of each row', () => {
    const gloves = flags.find((f) => f.product === 'Protective gloves')!;
    expect(gloves.note).toContain('Risk by supply-chain stage: raw material very high; components high; final production high.');
    expect(gloves.evidenceUrl).toBe('https://anskaffelser.no/berekraftige-anskaffingar/menneskerettigheter/hoyrisikolisten/tekstiler-arbeidsklaer-og-fottoy');
    const ict = flags.find((f) => f.product === 'Whole category: PCs, phones, screens')!;
    expect(ict.note).toContain('without levels by supply-chain stage');
  });

  it('moves a transcriber\'s bracketed remark out of the product name into the note', () => {
    const lettuce = flags.find((f) => f.product === 'Lettuce (imported)')!;
    expect(lettuce.note).toContain("Transcriber's remark: newer sub-page kjop-av-gronnsaker rates this high.");
    expect(flagIdByProduct.get('Lettuce (imported) [newer sub-page kjop-av-gronnsaker rates this high]')).toBe(lettuce.id);
  });

  it('keeps the suggested CPV codes of each row', () => {
    expect(suggestedCpvByFlagId.get(flagIdByProduct.get('Coffee')!)).toEqual(['15861000']);
    expect(suggestedCpvByFlagId.get(flagIdByProduct.get('Whole category: natural stone, timber, metal, solar panels')!)).toEqual([
      '44110000', '44911000', '44912000', '14210000', '03410000', '09331200',
    ]);
  });

  it('rejects an unknown risk level, a non-https page and a malformed CPV code with line and column', () => {
    const header = 'category_no,category_en,product_no,product_en,risk_raw_material,risk_component,risk_final_production,source_url,cpv_prefixes_suggested\n';
    const row = (risk: string, url: string, cpv: string) => `${header}Mat,Food,Kaffe,Coffee,${risk},,,${url},${cpv}\n`;
    expect(() => convertDfoHighRiskList(row('extreme', 'https://a.no/', '15861000'), 'bad.csv')).toThrowError(
      /^bad\.csv, line 2, column "risk_raw_material": expected one of very high, high, medium, low or empty, found "extreme"/,
    );
    expect(() => convertDfoHighRiskList(row('high', 'javascript:alert(1)', '15861000'), 'bad.csv')).toThrowError(/column "source_url": expected an https:\/\/ address/);
    expect(() => convertDfoHighRiskList(row('high', 'https://a.no/', '1586100'), 'bad.csv')).toThrowError(/column "cpv_prefixes_suggested": expected ;-separated 8-digit/);
  });
});
