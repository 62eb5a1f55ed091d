// Reads an uploaded disclosure file into a plain table of text cells: CSV or TSV (papaparse; the encoding detected,
// the delimiter guessed among , ; tab and |, quoted cells over several lines), XLSX (exceljs, first worksheet) and
// JSON (a list of rows, or {"supplier": {...}, "facilities": [...]}). Row numbers are as a spreadsheet shows them:
// the header is row 1. A file that cannot be read at all throws a TableReadError naming the file and the reason.
import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from './decode-text';

export type TableFormat = 'csv' | 'xlsx' | 'json';

export interface TableRow {
  /** Row number as a spreadsheet shows it (header = 1). */
  row: number;
  cells: string[];
}

export interface RawTable {
  fileName: string;
  format: TableFormat;
  encoding?: TextEncodingName;
  delimiter?: string;
  headers: string[];
  rows: TableRow[];
  /** Values the file gives once for all rows (JSON `supplier`), by header. */
  fileValues: Record<string, string>;
  /** Rows the reader itself could not use (a CSV row with unbalanced quotes), with the reason. */
  readProblems: { row: number; message: string }[];
}

export class TableReadError extends Error {}

export function detectFormat(fileName: string, bytes: Uint8Array): TableFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx'; // a ZIP container: XLSX
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return 'csv';
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function fromMatrix(fileName: string, format: TableFormat, matrix: string[][], firstRowNumber = 1): Omit<RawTable, 'fileValues' | 'readProblems'> {
  const headerIndex = matrix.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new TableReadError(`${fileName}: the file is empty (no header row)`);
  const headers = matrix[headerIndex]!.map((h) => h.trim());
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < matrix.length; i++) {
    const cells = matrix[i]!;
    if (!isBlank(cells)) rows.push({ row: i + firstRowNumber, cells });
  }
  return { fileName, format, headers, rows };
}

/** The delimiter of a CSV file: the one of , ; tab | that occurs most often, outside quotes, in its header line. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const char of text.replace(/^[\s]+/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function readCsv(fileName: string, bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  const readProblems = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : e.message }));
  const table = fromMatrix(fileName, 'csv', parsed.data.map((r) => r.map((c) => String(c ?? ''))));
  return { ...table, encoding, delimiter: parsed.meta.delimiter, fileValues: {}, readProblems };
}

/** An exceljs cell value as text: dates as YYYY-MM-DD, rich text joined, hyperlinks by their text, formulas by result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; hyperlink?: string; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.hyperlink) return v.hyperlink;
    if (v.error) return v.error;
    return '';
  }
  return String(value);
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<RawTable> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new TableReadError(`${fileName}: not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError(`${fileName}: the workbook has no worksheet`);
  const matrix: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    matrix[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { ...fromMatrix(fileName, 'xlsx', Array.from(matrix, (r) => r ?? [])), fileValues: {}, readProblems: [] };
}

function readJson(fileName: string, bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TableReadError(`${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const fileValues: Record<string, string> = {};
  let list: unknown = data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const object = data as Record<string, unknown>;
    list = object.facilities;
    const supplier = object.supplier;
    if (supplier && typeof supplier === 'object') {
      for (const [key, value] of Object.entries(supplier as Record<string, unknown>)) {
        fileValues[key.startsWith('supplier') ? key : `supplier_${key}`] = jsonCell(value);
      }
    }
    for (const [key, value] of Object.entries(object)) {
      if (key !== 'facilities' && key !== 'supplier' && (typeof value === 'string' || typeof value === 'number')) fileValues[key] = String(value);
    }
  }
  if (!Array.isArray(list)) throw new TableReadError(`${fileName}: expected a list of facilities, or an object with "facilities": [...]`);
  const headers: string[] = [];
  const rows: TableRow[] = [];
  const readProblems: RawTable['readProblems'] = [];
  list.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      readProblems.push({ row: index + 2, message: `facility ${index + 1} is not an object` });
      return;
    }
    const entries = Object.entries(item as Record<string, unknown>);
    for (const [key] of entries) if (!headers.includes(key)) headers.push(key);
    const cells = headers.map((h) => jsonCell((item as Record<string, unknown>)[h]));
    rows.push({ row: index + 2, cells });
  });
  return { fileName, format: 'json', encoding, headers, rows: rows.map((r) => ({ ...r, cells: headers.map((_, i) => r.cells[i] ?? '') })), fileValues, readProblems };
}

function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(jsonCell).join('|');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Reads a disclosure file of any of the three formats into a table of text cells. */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<RawTable> {
  if (bytes.length === 0) throw new TableReadError(`${fileName}: the file is empty`);
  const format = detectFormat(fileName, bytes);
  if (format === 'xlsx') return readXlsx(fileName, bytes);
  if (format === 'json') return readJson(fileName, bytes);
  return readCsv(fileName, bytes);
}
