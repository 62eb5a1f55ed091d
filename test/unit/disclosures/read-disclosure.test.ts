// Reading disclosure files: every encoding, delimiter and language of the fixtures, Open Supply Hub's own columns,
// the template (CSV and XLSX), user mappings per layout, and every broken case with its file, row and column.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutKey, mapColumns } from '@/src/disclosures/columns';
import { decodeText } from '@/src/disclosures/decode-text';
import { parseDisclosureTable } from '@/src/disclosures/parse-disclosure';
import { readTable } from '@/src/disclosures/read-table';
import { FIELD_SPECS, fieldForHeader, templateCsv } from '@/src/disclosures/template';
import { templateXlsx } from '@/src/disclosures/xlsx-file';

const DIR = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
const bytes = (name: string) => new Uint8Array(readFileSync(DIR + name));
async function parse(name: string, options = {}) {
  return parseDisclosureTable(await readTable(name, bytes(name)), { importedAt: '2026-12-03T10:00:00.000Z', ...options });
}

describe('encodings', () => {
  it('reads UTF-8 with and without a byte-order mark, UTF-16 LE and BE, and Windows-1252', async () => {
    expect(decodeText(bytes('suministros_iberia_bom.csv')).encoding).toBe('utf-8-bom');
    expect(decodeText(bytes('nordkust_workwear_2026-03.csv')).encoding).toBe('utf-8');
    expect(decodeText(bytes('buerotechnik_sued_utf16.tsv')).encoding).toBe('utf-16le');
    expect(decodeText(bytes('nordiska_kontorsvaror_utf16be.csv')).encoding).toBe('utf-16be');
    expect(decodeText(bytes('brightline_ict_2026-10.csv')).encoding).toBe('windows-1252');
    const es = await parse('suministros_iberia_bom.csv');
    expect(es.disclosures[0]!.facilities[0]!.name).toBe('Industrias Químicas Perlacos S.L.');
    const de = await parse('buerotechnik_sued_utf16.tsv');
    expect(de.disclosures[0]!.supplier.name).toBe('Bürotechnik Süd GmbH');
    expect(de.disclosures[0]!.facilities.map((f) => f.products)).toEqual([['Mauspads', 'Stoffhüllen'], ['Sicherheitsschuhe']]);
  });
});

describe('the template and the six languages', () => {
  it('reads the template\'s own CSV with a two-line quoted address', async () => {
    const result = await parse('nordkust_workwear_2026-03.csv');
    expect(result.accepted).toBe(true);
    expect(result.problems).toEqual([]);
    const [d] = result.disclosures;
    expect(d!.supplier).toEqual({ name: 'Nordkust Workwear BV', id: 'BE0784531163', registeredOffice: 'Noorderlaan 139, 2030 Antwerpen', country: 'BE' });
    expect(d!.disclosureDate).toBe('2026-03-10');
    const noman = d!.facilities[1]!;
    expect(noman).toMatchObject({ row: 3, name: 'NOMAN TERRY TOWEL MILLS LTD', address: 'VAWAL MIRZAPUR, GAZIPUR', country: 'BD', workers: '4000-5000', products: ['towels', 'terry cloth'] });
    expect(d!.facilities[3]).toMatchObject({ stage: 'component', suppliesTo: 'Nordkust glove kits (item NK-G20)', requestPending: false });
    // the multi-line cell counts as one row: the next facility is row 4
    expect(d!.facilities[2]!.row).toBe(4);
  });

  it('reads Dutch headers, semicolons, day-first dates and Dutch stage and country words', async () => {
    const [d] = (await parse('brightline_ict_2026-10.csv')).disclosures;
    expect(d!.disclosureDate).toBe('2026-10-01');
    expect(d!.facilities.map((f) => [f.country, f.stage])).toEqual([['CN', 'assembly'], ['CN', 'component'], ['CN', 'raw-material'], ['MY', 'component']]);
    expect(d!.facilities[0]!.lastAuditDate).toBe('2026-04-15');
    expect(d!.facilities[0]!.requestPending).toBe(true);
  });

  it('recognises headers in English, French, Dutch, German, Spanish and Swedish', () => {
    const names = ['Facility name', "Nom de l'usine", 'Naam fabriek', 'Name der Produktionsstätte', 'Nombre de la fábrica', 'Anläggningens namn'];
    expect(names.map(fieldForHeader)).toEqual(Array(6).fill('facility_name'));
    expect(['Address', 'Adresse complète', 'Adres', 'Anschrift', 'Dirección', 'Fullständig adress'].map(fieldForHeader)).toEqual(Array(6).fill('facility_address'));
    expect(['Country', 'Pays', 'Land', 'Land', 'País', 'Land'].map(fieldForHeader)).toEqual(Array(6).fill('facility_country'));
    expect(['Products', 'Produits', 'Producten', 'Produkte', 'Productos', 'Produkter'].map(fieldForHeader)).toEqual(Array(6).fill('products'));
  });

  it('reads a Swedish UTF-16 BE file and a French file whose contractor is given when importing', async () => {
    const sv = await parse('nordiska_kontorsvaror_utf16be.csv');
    expect(sv.disclosures[0]!.facilities[0]).toMatchObject({ name: 'Leader Garment Co. Ltd.', country: 'VN', products: ['arbetsskjortor'] });
    const fr = await parse('fournisseur_sans_nom_fr.csv', { supplierName: 'Textiles du Nord SA' });
    expect(fr.disclosures[0]).toMatchObject({ kind: 'disclosure', supplier: { name: 'Textiles du Nord SA' } });
    expect(fr.disclosures[0]!.facilities[0]).toMatchObject({ country: 'VN', stage: 'assembly', lastAuditDate: '2026-05-12' });
    const unnamed = await parse('fournisseur_sans_nom_fr.csv');
    expect(unnamed.disclosures[0]!.kind).toBe('facility-list');
    // the template with its contractor column left empty in every row is a facility list too
    const emptySupplier = parseDisclosureTable(await readTable('list.csv', new TextEncoder().encode('supplier_name,name,address,country\n,Scavi Hue,"Phong Dien Industrial Zone, Hue",VN\n')));
    expect(emptySupplier).toMatchObject({ accepted: true, problems: [], disclosures: [{ kind: 'facility-list' }] });
  });

  it('offers the template as CSV and XLSX with every field, and reads both back', async () => {
    const csv = templateCsv();
    expect(csv.split('\r\n')[0]).toBe(FIELD_SPECS.map((s) => s.field).join(','));
    const fromCsv = parseDisclosureTable(await readTable('template.csv', new TextEncoder().encode(csv)));
    expect(fromCsv.problems).toEqual([]);
    const xlsx = await templateXlsx();
    const fromXlsx = parseDisclosureTable(await readTable('template.xlsx', xlsx));
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.disclosures[0]!.facilities).toEqual(fromCsv.disclosures[0]!.facilities);
    expect(fromXlsx.disclosures[0]!.facilities[0]).toMatchObject({ osId: 'MY2019085QJ5A5W', country: 'MY', lastAuditDate: '2026-06-30' });
  });
});

describe('Open Supply Hub facility lists', () => {
  it('takes OS Hub columns as they are, splitting multi-value cells on | and ,', async () => {
    const result = await parse('osh_contributor_list_full_columns.csv');
    const [list] = result.disclosures;
    expect(list!.kind).toBe('facility-list');
    expect(list!.facilities[0]).toMatchObject({ products: ['Trousers', 'Jackets'], processingType: ['Cutting', 'Sewing'], osId: 'TR2019351K4Q7M4', workers: '500-1000' });
    expect(list!.facilities[1]).toMatchObject({ sector: ['Apparel', 'Textiles'], products: ['Polo shirts', 'Vests'] });
    expect(list!.facilities[2]).toMatchObject({ processingType: ['Cutting', 'Sewing'], parentCompany: 'Scavi Group' });
  });

  it('reads the real OS Hub fixture rows, mixed country spellings and all, and notes the columns it does not use', async () => {
    const result = await parse('osh_winter_2019_compliance_list_v2_sample.csv');
    expect(result.accepted).toBe(true);
    expect(result.rowsSkipped).toBe(0);
    expect(result.disclosures[0]!.facilities).toHaveLength(27);
    expect(result.problems.map((p) => [p.code, p.column])).toEqual([['unknown-column', 'lat'], ['unknown-column', 'lng']]);
  });
});

describe('broken files', () => {
  it('refuses a file without an address column, naming the file and the missing field', async () => {
    const result = await parse('broken_missing_address_column.csv');
    expect(result.accepted).toBe(false);
    expect(result.disclosures).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'missing-column', field: 'facility_address', effect: 'file-refused' });
    expect(result.problems[0]!.message).toMatch(/^broken_missing_address_column\.csv: no column for "facility_address"/);
  });

  it('names the row, column and problem of every broken row, skips exactly those rows and keeps the rest', async () => {
    const result = await parse('broken_rows_kleding_plus.csv');
    expect(result.accepted).toBe(true);
    const summary = result.problems.map((p) => `${p.row}:${p.column ?? ''}:${p.code}:${p.effect}`);
    expect(summary).toEqual([
      '3:facility_address:empty-address:row-skipped',
      '4:facility_country:unknown-country:row-skipped',
      '5:last_audit_date:bad-date:value-not-used',
      '5:number_of_workers:bad-number:value-not-used',
      '5:request_pending:bad-yes-no:value-not-used',
      '6:facility_name:duplicate-facility:row-skipped',
      '7:os_id:bad-os-id:value-not-used',
      '7:production_stage:bad-stage:value-not-used',
      '8:disclosure_date:bad-date:value-not-used',
      '8:supplier_name:empty-supplier:row-skipped',
      '9::bad-row:row-skipped',
    ]);
    expect(result.rowsRead).toBe(8);
    expect(result.rowsSkipped).toBe(5);
    expect(result.disclosures.map((d) => d.facilities.map((f) => f.row))).toEqual([[2, 5, 7]]);
    const kept = result.disclosures[0]!.facilities;
    expect(kept[1]).not.toHaveProperty('lastAuditDate');
    expect(kept[2]).not.toHaveProperty('osId');
    expect(result.problems.find((p) => p.code === 'unknown-country')!.message).toBe(
      'broken_rows_kleding_plus.csv: row 4, column "facility_country": "Atlantis" is not a country (expected an ISO code such as CN, or a country name); the row was skipped',
    );
  });

  it('refuses unknown headers until the user maps them, then remembers the mapping for that layout', async () => {
    const table = await readTable('custom_headers.csv', bytes('custom_headers.csv'));
    expect(parseDisclosureTable(table).accepted).toBe(false);
    const saved = { layoutKey: layoutKey(table.headers), headers: table.headers, fields: ['facility_name', 'facility_address', 'facility_country', 'products'] as const, savedAt: '2026-12-03' };
    const mapped = parseDisclosureTable(table, { mapping: { ...saved, fields: [...saved.fields] } });
    expect(mapped.accepted).toBe(true);
    expect(mapped.disclosures[0]!.facilities[0]).toMatchObject({ name: 'Scavi Hue', country: 'VN', products: ['underwear'] });
    // another layout does not take the saved mapping
    expect(mapColumns(['Plant', 'Where', 'Nation'], { ...saved, fields: [...saved.fields] })).toEqual([undefined, undefined, undefined]);
    expect(layoutKey([' plant', 'WHERE', 'Nation', 'Makes'])).toBe(saved.layoutKey);
  });

  it('refuses an empty file, a header without rows, and JSON that is not a facility list', async () => {
    await expect(readTable('empty.csv', new Uint8Array())).rejects.toThrow('empty.csv: the file is empty');
    const headerOnly = parseDisclosureTable(await readTable('h.csv', new TextEncoder().encode('name,address,country\n')));
    expect(headerOnly).toMatchObject({ accepted: false, problems: [{ code: 'no-rows' }] });
    await expect(readTable('x.json', new TextEncoder().encode('{"facilities": 3}'))).rejects.toThrow(/x\.json: expected a list of facilities/);
    await expect(readTable('x.json', new TextEncoder().encode('{nope'))).rejects.toThrow(/x\.json: not valid JSON/);
    await expect(readTable('x.xlsx', new TextEncoder().encode('PK not a zip'))).rejects.toThrow(/x\.xlsx: not a readable XLSX workbook/);
  });
});
