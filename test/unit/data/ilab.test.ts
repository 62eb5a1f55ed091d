// ILAB goods list → product flags: one per good × country × labour type marked "Yes", counted independently here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertIlabGoods, ILAB_LIST_URL } from '@/src/data/convert/ilab';
import type { FlagType } from '@/src/core/types';

const fileName = 'ilab_tvpra_goods_2022.csv';
const csv = readFileSync(new URL(`../../../src/data/sources/ilab/${fileName}`, import.meta.url), 'utf8');

/** Counts "Yes" per labour column straight from the text, without the project's CSV reader. */
function countYesFromRawText(text: string): { rows: number; byColumn: Record<string, number> } {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0]!.split(',');
  const byColumn: Record<string, number> = {};
  for (const line of lines.slice(1)) {
    const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, header.length);
    header.forEach((column, index) => {
      if (cells[index] === 'Yes') byColumn[column] = (byColumn[column] ?? 0) + 1;
    });
  }
  return { rows: lines.length - 1, byColumn };
}

describe('convertIlabGoods on the 2022 list', () => {
  const { source, flags, flagIdsByGood } = convertIlabGoods(csv, fileName);
  const raw = countYesFromRawText(csv);
  const countOf = (type: FlagType) => flags.filter((flag) => flag.type === type).length;

  it('reads 467 rows', () => {
    expect(raw.rows).toBe(467);
    expect(source.note).toContain('467 good × country listings of 169 goods in 78 countries');
  });

  it('gives one flag per Yes in each labour column', () => {
    expect(countOf('child_labour')).toBe(raw.byColumn['child_labor']);
    expect(countOf('forced_labour')).toBe(raw.byColumn['forced_labor']);
    expect(countOf('forced_child_labour')).toBe(raw.byColumn['forced_child_labor']);
    expect(countOf('derived_labour_exploitation')).toBe(raw.byColumn['derived_labor_exploitation']);
    const allYes = Object.values(raw.byColumn).reduce((a, b) => a + b, 0);
    expect(flags).toHaveLength(allYes);
    expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length);
  });

  it('flags Cotton × China for forced labour', () => {
    const cotton = flags.filter((f) => f.product === 'Cotton' && f.country === 'CN');
    expect(cotton.map((f) => f.type).sort()).toEqual(['child_labour', 'forced_child_labour', 'forced_labour']);
    expect(cotton[0]).toMatchObject({
      sourceId: 'us-dol-ilab',
      listVersion: '2022',
      evidenceUrl: ILAB_LIST_URL,
    });
    expect(flags.find((f) => f.id === 'us-dol-ilab:cotton:cn:forced_labour')).toBeDefined();
  });

  it('flags Polysilicon × China for forced labour only', () => {
    expect(flags.filter((f) => f.product === 'Polysilicon').map((f) => [f.country, f.type])).toEqual([['CN', 'forced_labour']]);
  });

  it('lists Li-ion batteries from China as derived, with the Congolese input in the note', () => {
    const batteries = flags.filter((f) => f.product === 'Lithium-Ion Batteries');
    expect(batteries).toHaveLength(1);
    expect(batteries[0]).toMatchObject({ type: 'derived_labour_exploitation', country: 'CN' });
    expect(batteries[0]!.note).toContain('Democratic Republic of the Congo');
  });

  it('maps the DRC and Burma to their ISO codes', () => {
    expect(flags.some((f) => f.product === 'Cobalt ore (heterogenite)' && f.country === 'CD')).toBe(true);
    expect(flags.some((f) => f.product === 'Bamboo' && f.country === 'MM')).toBe(true);
  });

  it('indexes flag ids by good, with names in NFC so "Açaí Berries" matches however it was typed', () => {
    expect(flagIdsByGood.size).toBe(169);
    expect(flagIdsByGood.get('Açaí Berries'.normalize('NFC'))).toEqual(['us-dol-ilab:acai-berries:br:child_labour']);
    expect(flagIdsByGood.get('Gold')!.length).toBe(flags.filter((f) => f.product === 'Gold').length);
  });
});

describe('convertIlabGoods on bad rows', () => {
  const header = 'good,sector,country,region,child_labor,forced_labor,forced_child_labor,derived_labor_exploitation,derived_input_country\n';

  it('names an unknown country with its line and column', () => {
    expect(() => convertIlabGoods(`${header}Cotton,Agriculture,Atlantis,X,Yes,No,No,No,\n`, 'bad.csv')).toThrowError(
      'bad.csv, line 2, column "country": unknown country "Atlantis"; expected a country name, ISO alpha-2 or alpha-3 code',
    );
  });

  it('rejects a labour column that is not Yes or No', () => {
    expect(() => convertIlabGoods(`${header}Cotton,Agriculture,China,X,yes,No,No,No,\n`, 'bad.csv')).toThrowError(
      /line 2, column "child_labor": expected "Yes" or "No", found "yes"/,
    );
  });

  it('rejects a row with no labour type, a repeated good × country, and an input country without derivation', () => {
    expect(() => convertIlabGoods(`${header}Cotton,Agriculture,China,X,No,No,No,No,\n`, 'bad.csv')).toThrowError(/marked "No" for every labour type/);
    expect(() =>
      convertIlabGoods(`${header}Cotton,Agriculture,China,X,Yes,No,No,No,\nCotton,Agriculture,CHN,X,No,Yes,No,No,\n`, 'bad.csv'),
    ).toThrowError(/line 3, column "country": "Cotton" × CN is already listed on line 2/);
    expect(() => convertIlabGoods(`${header}Cotton,Agriculture,China,X,Yes,No,No,No,China\n`, 'bad.csv')).toThrowError(
      /column "derived_input_country": given although/,
    );
  });
});
