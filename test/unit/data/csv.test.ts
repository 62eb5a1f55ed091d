// The RFC 4180 CSV reader: quoting, line breaks, BOM, and errors that say where the problem is.
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsvRecords, readCsvTable } from '@/src/data/csv';

const fields = (text: string) => parseCsvRecords(text, 'test.csv').map((record) => record.fields);

describe('parseCsvRecords', () => {
  it('splits plain fields and records, with CRLF or LF line ends', () => {
    expect(fields('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fields('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']]);
    expect(fields(',\n')).toEqual([['', '']]);
  });

  it('reads quoted fields with embedded commas, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"Congo, Democratic Republic of the","He said ""no""\r\nthen left"\r\nlast,"x"';
    expect(fields(text)).toEqual([
      ['name', 'note'],
      ['Congo, Democratic Republic of the', 'He said "no"\r\nthen left'],
      ['last', 'x'],
    ]);
  });

  it('counts an empty quoted field as a value', () => {
    expect(fields('""\n"",""\n')).toEqual([[''], ['', '']]);
  });

  it('drops a leading byte-order mark', () => {
    expect(fields('\uFEFFgood,country\nCotton,China\n')[0]).toEqual(['good', 'country']);
  });

  it('skips blank lines and gives each record the line it starts on', () => {
    const records = parseCsvRecords('h1,h2\n\n"multi\nline",x\r\nnext,y\n', 'test.csv');
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('returns no records for empty text', () => {
    expect(fields('')).toEqual([]);
    expect(fields('\uFEFF')).toEqual([]);
  });

  it('rejects a quote inside an unquoted field, naming file, line and field', () => {
    expect(() => parseCsvRecords('a,b\nab"c,d\n', 'goods.csv')).toThrowError(/^goods\.csv, line 2, column "#1": a quote/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsvRecords('a,b\n"x"y,z\n', 'goods.csv')).toThrowError(/line 2, column "#1": unexpected "y" after a closing quote/);
  });

  it('rejects a quoted field that is never closed, pointing at the line where it opens', () => {
    const error = (() => {
      try {
        parseCsvRecords('a,b\n1,"open\nstill open\n', 'goods.csv');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).line).toBe(2);
    expect((error as CsvError).message).toContain('never closed');
  });
});

describe('readCsvTable', () => {
  const text = 'good,country,child_labor\nCotton,China,Yes\n"Bricks (clay)",,No\n';

  it('reads rows by column name', () => {
    const table = readCsvTable(text, { fileName: 'ilab.csv', requiredColumns: ['good', 'country'] });
    expect(table.columns).toEqual(['good', 'country', 'child_labor']);
    expect(table.rows.map((row) => [row.line, row.get('good'), row.get('country')])).toEqual([
      [2, 'Cotton', 'China'],
      [3, 'Bricks (clay)', ''],
    ]);
  });

  it('says which row and column an empty required field is in', () => {
    const row = readCsvTable(text, { fileName: 'ilab.csv' }).rows[1]!;
    expect(() => row.required('country')).toThrowError('ilab.csv, line 3, column "country": expected a value, found an empty field');
  });

  it('names missing header columns', () => {
    expect(() => readCsvTable(text, { fileName: 'ilab.csv', requiredColumns: ['good', 'sector'] })).toThrowError(/missing column\(s\) "sector"/);
  });

  it('rejects a record with a different number of fields than the header', () => {
    expect(() => readCsvTable('a,b\n1,2\n1,2,3\n', { fileName: 'x.csv' })).toThrowError('x.csv, line 3: expected 2 fields as in the header, found 3');
  });

  it('rejects duplicate and empty column names, and an empty file', () => {
    expect(() => readCsvTable('a,a\n1,2\n', { fileName: 'x.csv' })).toThrowError(/column "a": the column name appears twice/);
    expect(() => readCsvTable('a,\n1,2\n', { fileName: 'x.csv' })).toThrowError(/column "#2": empty column name/);
    expect(() => readCsvTable('', { fileName: 'x.csv' })).toThrowError(/the file is empty/);
  });

  it('fails clearly when code asks for a column the header lacks', () => {
    const row = readCsvTable(text, { fileName: 'ilab.csv' }).rows[0]!;
    expect(() => row.get('region')).toThrowError('ilab.csv, line 2, column "region": no such column in the header');
  });
});
