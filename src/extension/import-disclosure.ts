// Imports disclosure files chosen by the user (in an extension page, which shares the extension origin's IndexedDB
// with the background): reads the file with progress, applies the column mapping saved for its layout (or the one
// the user just made, which is then saved), validates it, and stores each contractor's next version — or stores
// nothing when the file is refused, with the reasons.
import { layoutKey, type ColumnMapping } from '../disclosures/columns';
import { parseDisclosureTable, type ParsedFile } from '../disclosures/parse-disclosure';
import { readTable, TableReadError, type RawTable } from '../disclosures/read-table';
import type { Disclosure } from '../disclosures/types';
import type { DisclosureDiff } from '../disclosures/versions';
import type { KnowledgeDb } from '../kb/db';
import { columnMappingFor, saveColumnMapping, storeDisclosures } from '../kb/disclosures';

export type DisclosureImportOutcome =
  | { status: 'imported'; fileName: string; parsed: ParsedFile; stored: Disclosure[]; diffs: DisclosureDiff[] }
  | { status: 'refused'; fileName: string; parsed: ParsedFile; table: RawTable }
  | { status: 'unreadable'; fileName: string; message: string };

async function readWithProgress(file: Blob, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    read += value.byteLength;
    onProgress(file.size ? read / file.size : 1);
  }
  const bytes = new Uint8Array(read);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

export async function importDisclosureFile(
  db: KnowledgeDb,
  file: Blob & { name: string },
  options: { supplierName?: string; mapping?: ColumnMapping; onProgress?: (fraction: number) => void } = {},
): Promise<DisclosureImportOutcome> {
  let table: RawTable;
  try {
    table = await readTable(file.name, await readWithProgress(file, options.onProgress ?? (() => undefined)));
  } catch (error) {
    if (error instanceof TableReadError) return { status: 'unreadable', fileName: file.name, message: error.message };
    throw error;
  }
  const key = layoutKey(table.headers);
  const saved = options.mapping ? undefined : await columnMappingFor(db, key);
  const mapping = options.mapping ?? saved;
  const parsed = parseDisclosureTable(table, { ...(options.supplierName?.trim() ? { supplierName: options.supplierName.trim() } : {}), ...(mapping ? { mapping } : {}) });
  if (!parsed.accepted) return { status: 'refused', fileName: file.name, parsed, table };
  if (options.mapping) await saveColumnMapping(db, { layoutKey: key, headers: table.headers, fields: options.mapping.map((f) => f ?? null), savedAt: new Date().toISOString() });
  const { stored, diffs } = await storeDisclosures(db, parsed.disclosures);
  return { status: 'imported', fileName: file.name, parsed, stored, diffs };
}
