// The shipped UFLPA reconstruction and CBP orders: every row shipped except those marked "do not ship" and orders
// no longer in force; each list says what it means, how many rows were checked and what date it covers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertCbpOrders, parseCbpEntityCell } from '@/src/data/convert/cbp-wro';
import { convertUflpaList } from '@/src/data/convert/uflpa-list';
import { CsvError } from '@/src/data/csv';

const read = (path: string) => readFileSync(new URL(`../../../src/data/sources/${path}`, import.meta.url), 'utf8');
const uflpaCsv = read('us-dhs-uflpa/uflpa_entity_list.csv');
const cbpCsv = read('us-cbp-wro/cbp_wro_findings.csv');

describe('the reconstructed UFLPA Entity List', () => {
  const { source, entities, flags } = convertUflpaList(uflpaCsv, 'uflpa_entity_list.csv');

  it('ships all 92 rows, counted by how they were checked, and stays incomplete', () => {
    expect(entities).toHaveLength(92);
    expect(source.coverage).toEqual({ rows: 92, verifiedRows: 19, secondaryRows: 66, unverifiedRows: 7, coversUntil: '2025-01-15', incomplete: true });
    expect(source).toMatchObject({ partial: true, meaning: 'import_ban' });
  });

  it('says the section in plain words, the round, and how the row was checked', () => {
    const esquel = flags.find((f) => f.entityId === 'us-dhs-uflpa:changji-esquel-textile-co-ltd')!;
    expect(esquel).toMatchObject({ date: '2022-06-21', country: 'CN', verification: 'verified' });
    expect(esquel.note).toContain('rebuttable presumption');
    expect(esquel.note).toContain('Section 2(d)(2)(B)(v): sources material from Xinjiang');
    expect(esquel.evidenceUrl).toMatch(/^https:\/\//);
    const dual = flags.filter((f) => (f.note ?? '').match(/Section 2\(d\)\(2\)\(B\)\((ii|v)\)/g)?.length === 2);
    expect(dual).toHaveLength(2);
  });

  it('keeps the aliases separated by " | "', () => {
    expect(entities.find((e) => e.name === 'Hetian Haolin Hair Accessories Co. Ltd.')!.aliases).toEqual(['Hotan Haolin Hair Accessories', 'Hollin Hair Accessories']);
  });

  it('names the line and column of a bad field', () => {
    const bad = uflpaCsv.replace(',2(d)(2)(B)(i),2022-06-21,', ',2(d)(2)(B)(vii),2022-06-21,');
    expect(() => convertUflpaList(bad, 'u.csv')).toThrow(CsvError);
    expect(() => convertUflpaList(bad, 'u.csv')).toThrow(/^u\.csv, line 2, column "section": expected a clause/);
  });
});

describe('the checked CBP Withhold Release Orders and Findings', () => {
  const { source, entities, flags } = convertCbpOrders(cbpCsv, 'cbp_wro_findings.csv');

  it('leaves out the rows marked "do not ship" and the orders no longer in force, and says so', () => {
    expect(entities.map((e) => e.name)).not.toContain('Paakumsuk Industrial Co.');
    expect(entities.map((e) => e.name)).not.toContain('British American Tobacco Malawi (BAT Malawi)');
    // Supermax's WRO was modified in 2023: its goods are no longer detained.
    expect(entities.some((e) => /Supermax/.test(e.name))).toBe(false);
    expect(source.coverage).toMatchObject({ rows: 80, verifiedRows: 16, secondaryRows: 24, unverifiedRows: 40, incomplete: false });
    expect(source.coverage!.withheld).toBe('4 rows marked "do not ship" (no source supports them) and 16 orders no longer in force (modified, revoked, superseded or vacated) are not loaded.');
    expect(source.meaning).toBe('detained_at_import');
  });

  it('reads a/k/a aliases and gives one entity per producer of a row', () => {
    expect(parseCbpEntityCell('Fuchu Prison; Union Kogyo Co., Ltd.')).toEqual([
      { name: 'Fuchu Prison', aliases: [] },
      { name: 'Union Kogyo Co., Ltd.', aliases: [] },
    ]);
    expect(entities.find((e) => e.name === 'Yunnan Machinery')!.aliases).toEqual(['Golden Horse (JinMa) Diesel Factory', 'Yunnan 1st Prison']);
  });

  it('gives two findings on one producer as two flags of one entity', () => {
    const prison = flags.filter((f) => f.entityId === 'us-cbp-wro:state-penitentiary-ciudad-victoria-tamaulipas-mexico');
    expect(prison.map((f) => f.date)).toEqual(['1953-12-28', '1958-10-29']);
    expect(prison[0]!.note).toContain('detains goods of this producer at import (Finding of 1953-12-28)');
  });
});
