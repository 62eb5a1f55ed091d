// An RFC 4180 CSV reader: quoted fields with embedded commas, quotes ("") and line breaks, CRLF or LF records,
// a leading BOM; a named-column table on top of it. Errors name the file, the line and the column.

/** A problem in a CSV file, with where it is: file name, 1-based line, and the column when one is concerned. */
export class CsvError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    readonly column: string | undefined,
    readonly problem: string,
  ) {
    super(`${fileName}, line ${line}${column === undefined ? '' : `, column "${column}"`}: ${problem}`);
    this.name = 'CsvError';
  }
}

/** One record of a CSV file: its fields and the line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records of fields. Blank lines (nothing at all between two line breaks) are skipped, and a
 * trailing line break does not start an empty record.
 */
export function parseCsvRecords(text: string, fileName = 'CSV'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let recordHasContent = false;
  const length = text.length;

  const endRecord = () => {
    fields.push(field);
    if (recordHasContent) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordHasContent = false;
  };

  while (position < length) {
    const char = text[position];
    if (char !== '\r' && char !== '\n') recordHasContent = true;
    if (char === '"') {
      if (field !== '') {
        throw new CsvError(fileName, line, `#${fields.length + 1}`, 'a quote (") inside an unquoted field; quote the whole field and double the quote');
      }
      const quoteLine = line;
      position++;
      let closed = false;
      while (position < length) {
        const inner = text[position];
        if (inner === '"') {
          if (text[position + 1] === '"') {
            field += '"';
            position += 2;
            continue;
          }
          position++;
          closed = true;
          break;
        }
        if (inner === '\n' || (inner === '\r' && text[position + 1] !== '\n')) line++;
        field += inner;
        position++;
      }
      if (!closed) {
        throw new CsvError(fileName, quoteLine, `#${fields.length + 1}`, 'a quoted field is never closed');
      }
      const next = text[position];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(fileName, line, `#${fields.length + 1}`, `unexpected ${JSON.stringify(next)} after a closing quote; expected a comma or the end of the line`);
      }
      if (next === undefined) {
        endRecord();
        return records;
      }
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      position++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      position += char === '\r' && text[position + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += char;
    position++;
  }
  // Text that does not end with a line break: the last record ends here.
  endRecord();
  return records;
}

/** A CSV file read as named columns: the header row, then one row object per record. */
export interface CsvTable {
  fileName: string;
  columns: string[];
  rows: CsvRow[];
}

/** One data row of a CSV table, with helpers that fail with the row's line and the column's name. */
export class CsvRow {
  constructor(
    readonly fileName: string,
    readonly line: number,
    private readonly columnIndex: ReadonlyMap<string, number>,
    readonly fields: readonly string[],
  ) {}

  /** The raw value of a column (possibly empty). */
  get(column: string): string {
    const index = this.columnIndex.get(column);
    if (index === undefined) throw this.error(column, 'no such column in the header');
    return this.fields[index] ?? '';
  }

  /** The trimmed value of a column; an error when it is empty. */
  required(column: string): string {
    const value = this.get(column).trim();
    if (!value) throw this.error(column, 'expected a value, found an empty field');
    return value;
  }

  /** A CsvError pointing at this row and column. */
  error(column: string | undefined, problem: string): CsvError {
    return new CsvError(this.fileName, this.line, column, problem);
  }
}

export interface ReadCsvTableOptions {
  fileName: string;
  /** Columns the header must have; an error names the missing ones. */
  requiredColumns?: readonly string[];
}

/** Reads CSV text whose first record is a header; every other record must have as many fields as the header. */
export function readCsvTable(text: string, options: ReadCsvTableOptions): CsvTable {
  const { fileName } = options;
  const records = parseCsvRecords(text, fileName);
  const header = records[0];
  if (!header) {
    throw new CsvError(fileName, 1, undefined, 'the file is empty; expected a header row');
  }
  const columns = header.fields.map((name) => name.trim());
  const columnIndex = new Map<string, number>();
  columns.forEach((name, index) => {
    if (!name) throw new CsvError(fileName, header.line, `#${index + 1}`, 'empty column name in the header');
    if (columnIndex.has(name)) throw new CsvError(fileName, header.line, name, 'the column name appears twice in the header');
    columnIndex.set(name, index);
  });
  const missing = (options.requiredColumns ?? []).filter((name) => !columnIndex.has(name));
  if (missing.length > 0) {
    throw new CsvError(fileName, header.line, undefined, `missing column(s) ${missing.map((m) => `"${m}"`).join(', ')} in the header (found ${columns.map((c) => `"${c}"`).join(', ')})`);
  }
  const rows: CsvRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== columns.length) {
      throw new CsvError(fileName, record.line, undefined, `expected ${columns.length} fields as in the header, found ${record.fields.length}`);
    }
    rows.push(new CsvRow(fileName, record.line, columnIndex, record.fields));
  }
  return { fileName, columns, rows };
}
