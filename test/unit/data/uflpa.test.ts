// UFLPA Entity List rows → entities and import-ban flags; the alias grammar of the name cell parsed by our own rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '@/src/data/csv';
import { convertUflpaEntityList, UFLPA_LIST_URL } from '@/src/data/convert/uflpa';
import { decodeHtmlEntities, parseUflpaNameCell } from '@/src/data/convert/uflpa-name-cell';

const fileName = 'uflpa_entity_list_rows.csv';
const csv = readFileSync(new URL(`../../fixtures/forced_labour_import_bans/${fileName}`, import.meta.url), 'utf8');
const splitAliases = (cell: string) => cell.split(';').map((a) => a.trim()).filter(Boolean);

describe('parseUflpaNameCell on the shipped rows', () => {
  const rows = readCsvTable(csv, { fileName }).rows;

  it('has the 6 rows with plain ISO dates', () => {
    expect(rows).toHaveLength(6);
  });

  it.each(rows.map((row) => [row.get('primary_name'), row] as const))('parses %s as the collected columns say', (_, row) => {
    const parsed = parseUflpaNameCell(row.get('raw_name_cell'));
    expect(parsed.name).toBe(row.get('primary_name'));
    expect([...parsed.aliases, ...parsed.previousNames]).toEqual(splitAliases(row.get('aliases')));
  });
});

describe('parseUflpaNameCell grammar', () => {
  it('reads "(including one alias: …)" with brackets inside the names, and a trailing "and subsidiaries"', () => {
    expect(
      parseUflpaNameCell(
        'Hoshine Silicon Industry (Shanshan) Co., Ltd (including one alias: Hesheng Silicon Industry (Shanshan) Co.) and subsidiaries',
      ),
    ).toEqual({
      name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd',
      aliases: ['Hesheng Silicon Industry (Shanshan) Co.'],
      previousNames: [],
      includesSubsidiaries: true,
    });
  });

  it('reads "(and two aliases: A; and B)"', () => {
    const parsed = parseUflpaNameCell('Hetian Haolin Hair Accessories Co. Ltd. (and two aliases: Hotan Haolin Hair Accessories; and Hollin Hair Accessories)');
    expect(parsed.aliases).toEqual(['Hotan Haolin Hair Accessories', 'Hollin Hair Accessories']);
    expect(parsed.includesSubsidiaries).toBe(false);
  });

  it('reads "(also known as A; B; and C)"', () => {
    const parsed = parseUflpaNameCell('Aksu Huafu Color Spinning Co., Ltd. (also known as Aksu Huafu Textiles Co., Ltd.; Akesu Huafu; and Akesu Huafu Melange Yarn Co., Ltd.)');
    expect(parsed.name).toBe('Aksu Huafu Color Spinning Co., Ltd.');
    expect(parsed.aliases).toEqual(['Aksu Huafu Textiles Co., Ltd.', 'Akesu Huafu', 'Akesu Huafu Melange Yarn Co., Ltd.']);
  });

  it('reads "(formerly known as …)" as previous names, with &nbsp; between words', () => {
    // A row of the collected sample left out of the shipped data (its date is unverified); its cell uses &nbsp;.
    const cell =
      'Xinjiang&nbsp;Goens Energy Technology Co., Ltd. (formerly known as Xinjiang GCL New Energy Material Technology Co., Ltd.; and Xinjiang&nbsp;GCL New Energy Materials Technology Co., Ltd.)';
    expect(parseUflpaNameCell(cell)).toEqual({
      name: 'Xinjiang Goens Energy Technology Co., Ltd.',
      aliases: [],
      previousNames: [
        'Xinjiang GCL New Energy Material Technology Co., Ltd.',
        'Xinjiang GCL New Energy Materials Technology Co., Ltd.',
      ],
      includesSubsidiaries: false,
    });
  });

  it('decodes HTML entities (&amp;, numeric references) and non-breaking spaces', () => {
    expect(parseUflpaNameCell('Xinjiang East Hope&amp;Nonferrous Metals Co., Ltd.').name).toBe('Xinjiang East Hope&Nonferrous Metals Co., Ltd.');
    expect(decodeHtmlEntities('A&#39;s &#x2019; B\u00a0&NBSP;C &unknown;')).toBe("A's ’ B\u00a0 C &unknown;");
    expect(parseUflpaNameCell('Camel\u00a0Group  Co.,\u00a0Ltd.').name).toBe('Camel Group Co., Ltd.');
  });

  it('keeps an alias group and a former-name group apart in the same cell', () => {
    const parsed = parseUflpaNameCell('Alpha Co. (also known as Alpha Trading) (formerly known as Beta Co.) and subsidiaries');
    expect(parsed).toEqual({ name: 'Alpha Co.', aliases: ['Alpha Trading'], previousNames: ['Beta Co.'], includesSubsidiaries: true });
  });

  it('rejects a cell whose announced number of aliases does not match', () => {
    expect(() => parseUflpaNameCell('Alpha Co. (and two aliases: Alpha Trading)')).toThrowError(/announces 2 alias\(es\) but 1 follow/);
  });

  it('rejects unbalanced brackets and empty names', () => {
    expect(() => parseUflpaNameCell('Alpha (Shanshan Co.')).toThrowError(/never closed/);
    expect(() => parseUflpaNameCell('Alpha) Co.')).toThrowError(/no "\(" before it/);
    expect(() => parseUflpaNameCell('(also known as Alpha)')).toThrowError(/no entity name/);
    expect(() => parseUflpaNameCell('Alpha Co. (also known as )')).toThrowError(/no names after/);
  });
});

describe('convertUflpaEntityList', () => {
  const { source, entities, flags } = convertUflpaEntityList(csv, fileName);

  it('makes one entity and one import-ban flag per row, with ids from the name', () => {
    expect(entities).toHaveLength(6);
    expect(flags).toHaveLength(6);
    const camel = entities.find((e) => e.name === 'Camel Group Co., Ltd.')!;
    expect(camel.id).toBe('us-dhs-uflpa:camel-group-co-ltd');
    expect(flags.find((f) => f.entityId === camel.id)).toMatchObject({
      type: 'import_ban',
      date: '2023-08-02',
      evidenceUrl: UFLPA_LIST_URL,
      sourceId: 'us-dhs-uflpa',
    });
  });

  it('says in the note which section the row sits in, and that subsidiaries are covered', () => {
    const hoshine = flags.find((f) => f.entityId === 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd')!;
    expect(hoshine.note).toMatch(/^Listed under UFLPA §2\(d\)\(2\)\(B\)\(i\): /);
    expect(hoshine.note).toContain('subsidiaries');
    expect(flags.find((f) => f.entityId === 'us-dhs-uflpa:aksu-huafu-color-spinning-co-ltd')!.note).toBe('Listed in table 2 of the DHS page.');
  });

  it('marks the source as partial', () => {
    expect(source).toMatchObject({ id: 'us-dhs-uflpa', kind: 'entity-list', partial: true, url: UFLPA_LIST_URL });
  });

  it('rejects a row whose date is not a plain ISO date, naming the line and column', () => {
    const bad = 'raw_name_cell,effective_date,section\n"Shihezi Xinren Battery Aluminum Foil Technology Co., Ltd.",2026-08-03 (as given in fixture; unverified),(v) per fixture\n';
    expect(() => convertUflpaEntityList(bad, 'bad.csv')).toThrowError(
      'bad.csv, line 2, column "effective_date": expected a date written YYYY-MM-DD, found "2026-08-03 (as given in fixture; unverified)"',
    );
    expect(() => convertUflpaEntityList('raw_name_cell,effective_date,section\nAlpha Co.,2023-02-30,\n', 'bad.csv')).toThrowError(/found "2023-02-30"/);
  });

  it('rejects a malformed name cell and an unknown section with the row that has it', () => {
    expect(() => convertUflpaEntityList('raw_name_cell,effective_date,section\nAlpha (Co.,2023-01-02,\n', 'bad.csv')).toThrowError(
      /^bad\.csv, line 2, column "raw_name_cell": a "\(" is never closed/,
    );
    expect(() => convertUflpaEntityList('raw_name_cell,effective_date,section\nAlpha Co.,2023-01-02,(vii)\n', 'bad.csv')).toThrowError(/column "section": unknown clause/);
  });
});
