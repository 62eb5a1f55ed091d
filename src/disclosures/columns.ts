// Which field each column of a file holds: recognised from its header (six languages, Open Supply Hub's names), or
// as the user mapped it once for files of that layout. A layout is the folded list of headers, so the next file with
// the same headers is mapped the same way. Pure.
import { FIELD_SPECS, fieldForHeader, foldHeader, type DisclosureField } from './template';

/** Field per column index; undefined = column not used. */
export type ColumnMapping = (DisclosureField | undefined)[];

/** A user's mapping for one layout, as kept by the extension (by layout key). */
export interface SavedColumnMapping {
  layoutKey: string;
  headers: string[];
  fields: (DisclosureField | null)[];
  savedAt: string;
}

/** A short stable key for a list of headers (FNV-1a over the folded headers). */
export function layoutKey(headers: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of headers.map(foldHeader).join('\u001f')) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  }
  return `layout-${(hash >>> 0).toString(36)}-${headers.length}`;
}

/** The mapping of a file's headers: the saved one for its layout when given, otherwise recognised from the headers. */
export function mapColumns(headers: readonly string[], saved?: SavedColumnMapping): ColumnMapping {
  if (saved && saved.layoutKey === layoutKey(headers)) return saved.fields.map((f) => f ?? undefined);
  const seen = new Set<DisclosureField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || seen.has(field)) return undefined;
    seen.add(field);
    return field;
  });
}

export const REQUIRED_FIELDS: readonly DisclosureField[] = FIELD_SPECS.filter((s) => s.required).map((s) => s.field);

/** The required fields no column is mapped to. */
export function missingRequiredFields(mapping: ColumnMapping): DisclosureField[] {
  return REQUIRED_FIELDS.filter((f) => !mapping.includes(f));
}
