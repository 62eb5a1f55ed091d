// From a read table to disclosures: maps the columns, reads and validates every row, and groups the facilities by
// contractor. Every problem names the file, row, column and what was expected. A row without a name, address or
// known country, or repeating a facility, is skipped; an unreadable optional value is not used and its row is kept;
// a file without a required column is refused whole. Nothing is dropped without a problem saying so. Pure.
import { toCountryCode } from '../core/countries';
import { normaliseName } from '../matcher';
import { mapColumns, missingRequiredFields, type ColumnMapping, type SavedColumnMapping } from './columns';
import { normaliseAddress, normaliseFacilityName } from './normalise-facility';
import { canonicalOsId, osIdProblem } from './os-id';
import { parseDate, parseStage, parseWorkers, parseYesNo, splitMulti } from './parse-values';
import type { RawTable } from './read-table';
import { FIELD_BY_NAME, fieldForHeader, type DisclosureField } from './template';
import type { DisclosedFacility, Disclosure, DisclosureProblem, DisclosureSupplier } from './types';

export interface ParseOptions {
  /** The contractor, when the file does not name it (a facility list sent by e-mail, an Open Supply Hub export). */
  supplierName?: string;
  /** A saved mapping for this file's layout, or one the user just made. */
  mapping?: SavedColumnMapping | ColumnMapping;
  importedAt?: string;
}

export interface ParsedFile {
  fileName: string;
  /** False when the file is refused whole (see `problems`). */
  accepted: boolean;
  mapping: ColumnMapping;
  /** One draft per contractor named in the file (version numbers are given when stored, see ./versions.ts). */
  disclosures: Disclosure[];
  problems: DisclosureProblem[];
  rowsRead: number;
  rowsSkipped: number;
}

const OS_ID_PROBLEMS = {
  format: 'an OS ID has 15 characters: 2-letter country, 7 digits, 6 letters or digits (e.g. BD2021113R7R87P)',
  country: 'its first two letters are not a country code',
  date: 'its year and day digits are not a date Open Supply Hub could have given',
  'check-character': 'its last character is not the check character of the others (a typing error?)',
} as const;

export function supplierKeyOf(supplier: Pick<DisclosureSupplier, 'name' | 'id'>): string {
  return `supplier:${normaliseName(supplier.name)}`;
}

export function parseDisclosureTable(table: RawTable, options: ParseOptions = {}): ParsedFile {
  const file = table.fileName;
  const mapping: ColumnMapping = Array.isArray(options.mapping) ? options.mapping : mapColumns(table.headers, options.mapping);
  const problems: DisclosureProblem[] = [];
  const fileValue = (field: DisclosureField): string => {
    for (const [key, value] of Object.entries(table.fileValues)) if ((fieldForHeader(key) ?? key) === field && value.trim()) return value.trim();
    return '';
  };
  const refuse = (more: DisclosureProblem[]): ParsedFile => ({
    fileName: file, accepted: false, mapping, disclosures: [], problems: [...more, ...problems], rowsRead: table.rows.length, rowsSkipped: table.rows.length,
  });

  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) {
    return refuse(missing.map((field) => ({
      file, field, code: 'missing-column', effect: 'file-refused',
      message: `${file}: no column for "${field}" (${FIELD_BY_NAME.get(field)!.description}); the headers are ${table.headers.map((h) => `"${h}"`).join(', ')}. Map a column to it, or add the column.`,
    })));
  }
  if (table.rows.length === 0) return refuse([{ file, code: 'no-rows', effect: 'file-refused', message: `${file}: the file has a header row but no facility rows` }]);
  table.headers.forEach((header, i) => {
    if (!mapping[i] && header) problems.push({ file, column: header, code: 'unknown-column', effect: 'note', message: `${file}: column "${header}" is not a disclosure field and was not read (map it if it is one)` });
  });
  for (const p of table.readProblems) problems.push({ file, row: p.row, code: 'bad-row', effect: 'row-skipped', message: `${file}: row ${p.row}: ${p.message}; the row was skipped` });
  const badRows = new Set(table.readProblems.map((p) => p.row));

  const columnOf = new Map<DisclosureField, number>();
  mapping.forEach((field, i) => field && columnOf.set(field, i));
  // A contractor column left empty in every row names no contractor: the file is a facility list.
  const supplierColumn = columnOf.get('supplier_name');
  const namesSuppliers = !!fileValue('supplier_name') || (supplierColumn !== undefined && table.rows.some((r) => (r.cells[supplierColumn] ?? '').trim() !== ''));
  const groups = new Map<string, { supplier: DisclosureSupplier; dates: Set<string>; facilities: DisclosedFacility[]; problems: DisclosureProblem[] }>();
  const seenFacility = new Map<string, number>();
  let skipped = badRows.size;

  for (const { row, cells } of table.rows) {
    if (badRows.has(row)) continue;
    const rowProblems: DisclosureProblem[] = [];
    let skip = false;
    const get = (field: DisclosureField): string => {
      const i = columnOf.get(field);
      return (i === undefined ? '' : (cells[i] ?? '').trim()) || fileValue(field);
    };
    const column = (field: DisclosureField) => {
      const i = columnOf.get(field);
      return i === undefined ? field : table.headers[i] ?? field;
    };
    const problem = (field: DisclosureField, code: DisclosureProblem['code'], effect: DisclosureProblem['effect'], what: string) => {
      if (effect === 'row-skipped') skip = true;
      const tail = effect === 'row-skipped' ? 'the row was skipped' : 'this value was not used; the rest of the row was';
      rowProblems.push({ file, row, column: column(field), field, code, effect, message: `${file}: row ${row}, column "${column(field)}": ${what}; ${tail}` });
    };

    const name = get('facility_name').replace(/\s+/g, ' ');
    const address = get('facility_address').replace(/\s+/g, ' ');
    const countryText = get('facility_country');
    if (!name) problem('facility_name', 'empty-name', 'row-skipped', 'empty facility name (every facility needs its name)');
    if (!address) problem('facility_address', 'empty-address', 'row-skipped', 'empty address (every facility needs its full address)');
    const country = countryText ? toCountryCode(countryText) : undefined;
    if (!countryText) problem('facility_country', 'empty-country', 'row-skipped', 'empty country (expected an ISO code such as CN, or a country name)');
    else if (!country) problem('facility_country', 'unknown-country', 'row-skipped', `"${countryText}" is not a country (expected an ISO code such as CN, or a country name)`);

    const date = (field: DisclosureField): string | undefined => {
      const text = get(field);
      if (!text) return undefined;
      const iso = parseDate(text);
      if (!iso) problem(field, 'bad-date', 'value-not-used', `"${text}" is not a date (expected YYYY-MM-DD, or DD/MM/YYYY)`);
      return iso;
    };
    const disclosureDate = date('disclosure_date');
    const lastAuditDate = date('last_audit_date');
    const osIdText = get('os_id');
    let osId: string | undefined;
    if (osIdText) {
      const why = osIdProblem(osIdText);
      if (why) problem('os_id', 'bad-os-id', 'value-not-used', `"${osIdText}" is not a valid OS ID: ${OS_ID_PROBLEMS[why]}`);
      else osId = canonicalOsId(osIdText);
    }
    const workersText = get('number_of_workers');
    const workers = workersText ? parseWorkers(workersText) : undefined;
    if (workersText && !workers) problem('number_of_workers', 'bad-number', 'value-not-used', `"${workersText}" is not a number of workers (expected e.g. 3500 or 1000-5000)`);
    const stageText = get('production_stage');
    const stage = stageText ? parseStage(stageText) : undefined;
    if (stageText && !stage) problem('production_stage', 'bad-stage', 'value-not-used', `"${stageText}" is not a production stage (expected assembly, component or raw material)`);
    const pendingText = get('request_pending');
    const requestPending = pendingText ? parseYesNo(pendingText) : undefined;
    if (pendingText && requestPending === undefined) problem('request_pending', 'bad-yes-no', 'value-not-used', `"${pendingText}" is not yes or no`);
    const supplierCountryText = get('supplier_country');
    const supplierCountry = supplierCountryText ? toCountryCode(supplierCountryText) : undefined;
    if (supplierCountryText && !supplierCountry) problem('supplier_country', 'unknown-country', 'value-not-used', `"${supplierCountryText}" is not a country`);

    const supplierName = get('supplier_name') || options.supplierName?.trim() || '';
    if (!supplierName && namesSuppliers) problem('supplier_name', 'empty-supplier', 'row-skipped', 'empty contractor name (the other rows name one; which contractor disclosed this facility?)');
    const groupKey = supplierName ? supplierKeyOf({ name: supplierName }) : 'facility-list';
    let group = groups.get(groupKey);
    if (!supplierName && namesSuppliers) {
      skipped++;
      problems.push(...rowProblems);
      continue;
    }
    if (!group) {
      group = {
        supplier: {
          name: supplierName || file,
          ...(get('supplier_id') ? { id: get('supplier_id') } : {}),
          ...(get('supplier_registered_office') ? { registeredOffice: get('supplier_registered_office') } : {}),
          ...(supplierCountry ? { country: supplierCountry } : {}),
        },
        dates: new Set(), facilities: [], problems: [],
      };
      groups.set(groupKey, group);
    }
    if (disclosureDate) group.dates.add(disclosureDate);

    if (!skip && country && (supplierName || !namesSuppliers)) {
      const nameKey = normaliseFacilityName(name);
      const addressKey = normaliseAddress(address, country);
      const duplicateKeys = [`${groupKey}|${country}|${nameKey}|${addressKey}`, ...(osId ? [`${groupKey}|os:${osId}`] : [])];
      const earlier = duplicateKeys.map((k) => seenFacility.get(k)).find((r) => r !== undefined);
      if (earlier !== undefined) {
        problem('facility_name', 'duplicate-facility', 'row-skipped', `the same facility as row ${earlier} ("${name}", same address and country${osId ? ' or OS ID' : ''})`);
      } else {
        for (const k of duplicateKeys) seenFacility.set(k, row);
        const sameName = group.facilities.some((f) => f.key === `${country}:${nameKey}`);
        group.facilities.push({
          key: osId ? `os:${osId}` : sameName ? `${country}:${nameKey}@${addressKey}` : `${country}:${nameKey}`,
          row, name, address, country,
          ...(get('region') ? { region: get('region') } : {}),
          products: splitMulti(get('products')),
          ...(stage ? { stage } : {}),
          ...(get('supplies_to') ? { suppliesTo: get('supplies_to') } : {}),
          sector: splitMulti(get('sector')),
          facilityType: splitMulti(get('facility_type')),
          processingType: splitMulti(get('processing_type')),
          ...(workers ? { workers } : {}),
          ...(get('parent_company') ? { parentCompany: get('parent_company') } : {}),
          ...(osId ? { osId } : {}),
          ...(get('lei_id') ? { leiId: get('lei_id') } : {}),
          ...(get('duns_id') ? { dunsId: get('duns_id') } : {}),
          ...(lastAuditDate ? { lastAuditDate } : {}),
          ...(get('audit_findings') ? { auditFindings: get('audit_findings') } : {}),
          ...(requestPending !== undefined ? { requestPending } : {}),
        });
      }
    }
    if (skip) skipped++;
    problems.push(...rowProblems);
    group.problems.push(...rowProblems);
  }

  const importedAt = options.importedAt ?? new Date().toISOString();
  const disclosures: Disclosure[] = [...groups.entries()].map(([key, g]) => {
    const dates = [...g.dates].sort();
    const disclosureDate = dates[dates.length - 1];
    if (dates.length > 1) {
      const p: DisclosureProblem = { file, field: 'disclosure_date', code: 'several-dates', effect: 'note', message: `${file}: ${g.supplier.name}: the rows give ${dates.length} disclosure dates (${dates.join(', ')}); the latest, ${disclosureDate}, is used` };
      problems.push(p);
      g.problems.push(p);
    }
    return {
      id: `${key}#0`, supplierKey: key, supplier: g.supplier, kind: key === 'facility-list' ? 'facility-list' : 'disclosure', version: 0,
      ...(disclosureDate ? { disclosureDate } : {}), importedAt, fileName: file, format: table.format,
      facilities: g.facilities, problems: [...problems.filter((p) => p.row === undefined && p.code !== 'several-dates'), ...g.problems],
    };
  });
  const usable = disclosures.some((d) => d.facilities.length > 0);
  if (!usable) {
    return { fileName: file, accepted: false, mapping, disclosures: [], rowsRead: table.rows.length, rowsSkipped: skipped,
      problems: [...problems, { file, code: 'no-rows', effect: 'file-refused', message: `${file}: no row could be used (see the problems above); nothing was imported` }] };
  }
  const byRow = (a: DisclosureProblem, b: DisclosureProblem) => (a.row ?? 0) - (b.row ?? 0);
  return { fileName: file, accepted: true, mapping, disclosures, problems: problems.sort(byRow), rowsRead: table.rows.length, rowsSkipped: skipped };
}

/** Every problem, one line each, as the CLI and the import view print them. */
export function formatProblems(problems: readonly DisclosureProblem[]): string[] {
  return problems.map((p) => p.message);
}
