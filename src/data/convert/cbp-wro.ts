// Converts the checked table of CBP Withhold Release Orders and Findings (19 U.S.C. 1307) into entities and flags:
// goods of these producers are detained at US import. Rows marked "do not ship" and orders no longer in force
// (modified, revoked, superseded, vacated) stay out; a row naming several producers gives one entity per producer.
import type { Entity, Flag, Source } from '../../core/types';
import { toCountryCode } from '../../core/countries';
import { readCsvTable, type CsvRow } from '../csv';
import { slugify } from '../slug';
import { countCoverage, firstHttpsSource, readDate, rowVerification, verificationNote } from './list-coverage';

export const CBP_SOURCE_ID = 'us-cbp-wro';
export const CBP_LIST_URL = 'https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings';
export const CBP_LIST_VERSION = 'checked 2026-12-03';
const REQUIRED_COLUMNS = ['date', 'type', 'country', 'entity_or_merchandise', 'merchandise', 'status', 'status_detail', 'source_url', 'verified'];

/** Statuses under which CBP still detains the goods (or may: status not found). */
const IN_FORCE: Readonly<Record<string, string>> = {
  active: 'No modification or revocation was found.',
  'partially modified': 'Partially modified:',
  unknown: 'Whether the order is still in force was not found.',
};
const HISTORICAL = new Set(['modified', 'revoked', 'superseded', 'vacated']);

export function cbpEntityId(name: string): string {
  return `${CBP_SOURCE_ID}:${slugify(name)}`;
}

/** Splits on a character only outside parentheses. */
function splitOutsideBrackets(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** "A, a/k/a B, a/k/a C; D" → [{ name: A, aliases: [B, C] }, { name: D, aliases: [] }]. */
export function parseCbpEntityCell(cell: string): { name: string; aliases: string[] }[] {
  return splitOutsideBrackets(cell, ';').map((producer) => {
    const [name = '', ...aliases] = producer.split(/,?\s*\(?\ba\/k\/a\b\s*/i).map((p) => p.replace(/\)\s*$/, (m) => (p.includes('(') ? m : '')).trim());
    return { name: name.replace(/,$/, '').trim(), aliases: aliases.flatMap((a) => a.split(';')).map((a) => a.replace(/,$/, '').trim()).filter(Boolean) };
  });
}

function orderType(row: CsvRow): string {
  const value = row.required('type');
  if (value === 'WRO') return 'Withhold Release Order';
  if (value === 'Finding') return 'Finding';
  if (value === 'unknown') return 'order (type not found)';
  throw row.error('type', `expected "WRO", "Finding" or "unknown", found ${JSON.stringify(value)}`);
}

export interface CbpConversion {
  source: Source;
  entities: Entity[];
  flags: Flag[];
}

export function convertCbpOrders(csvText: string, fileName: string): CbpConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: REQUIRED_COLUMNS });
  const entities = new Map<string, Entity>();
  const flags: Flag[] = [];
  let doNotShip = 0;
  let historical = 0;
  for (const row of table.rows) {
    const status = row.required('status');
    const detail = row.get('status_detail').trim();
    if (status === 'unsupported' || /do not ship/i.test(detail)) {
      doNotShip++;
      continue;
    }
    if (HISTORICAL.has(status)) {
      historical++;
      continue;
    }
    const inForce = IN_FORCE[status];
    if (!inForce) throw row.error('status', `expected one of active, partially modified, modified, superseded, revoked, vacated, unknown, unsupported; found ${JSON.stringify(status)}`);
    const kind = orderType(row);
    const { date, partial } = readDate(row, 'date');
    const countryCell = row.get('country').trim();
    const country = countryCell ? toCountryCode(countryCell) : undefined;
    if (countryCell && !country) throw row.error('country', `expected an ISO 3166-1 alpha-2 code, found ${JSON.stringify(countryCell)}`);
    const verification = rowVerification(row);
    const merchandise = row.get('merchandise').trim();
    const producers = parseCbpEntityCell(row.required('entity_or_merchandise'));
    for (const producer of producers) {
      if (!slugify(producer.name)) throw row.error('entity_or_merchandise', `the name ${JSON.stringify(producer.name)} has no letters or digits`);
      const id = cbpEntityId(producer.name);
      const entity = entities.get(id) ?? { id, sourceId: CBP_SOURCE_ID, schema: 'Company' as const, name: producer.name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] };
      const cbpString = producers.length === 1 ? row.get('cbp_csv_entity_string').trim() : '';
      const listed = cbpString ? parseCbpEntityCell(cbpString)[0] : undefined;
      const names = [...producer.aliases, ...(listed ? [listed.name, ...listed.aliases] : [])];
      for (const alias of names) if (!entity.aliases.includes(alias) && alias !== entity.name) entity.aliases.push(alias);
      if (country && !entity.countries.includes(country)) entity.countries.push(country);
      entities.set(id, entity);
      const note = [
        `US Customs and Border Protection detains goods of this producer at import (${kind}${date ? ` of ${date}` : partial ? ` of ${partial}` : ', date not found'}).`,
        merchandise ? `Goods: ${merchandise}.` : '',
        status === 'partially modified' ? `${inForce} ${detail}` : inForce,
        verificationNote(verification, 'CBP'),
      ].filter(Boolean);
      const flag: Flag = {
        id: `${id}:import_ban:${row.line}`,
        sourceId: CBP_SOURCE_ID,
        listVersion: CBP_LIST_VERSION,
        type: 'import_ban',
        entityId: id,
        evidenceUrl: firstHttpsSource(row, CBP_LIST_URL),
        note: note.join(' '),
        verification,
      };
      if (country) flag.country = country;
      if (date) flag.date = date;
      flags.push(flag);
    }
  }
  const withheld = `${doNotShip} rows marked "do not ship" (no source supports them) and ${historical} orders no longer in force (modified, revoked, superseded or vacated) are not loaded.`;
  const coverage = countCoverage(flags, { incomplete: false, withheld });
  const source: Source = {
    id: CBP_SOURCE_ID,
    kind: 'entity-list',
    title: 'CBP Withhold Release Orders and Findings',
    publisher: 'U.S. Customs and Border Protection',
    url: CBP_LIST_URL,
    licence: 'Public domain (work of the US federal government, 17 U.S.C. §105); facts read from cited public sources',
    version: CBP_LIST_VERSION,
    partial: false,
    meaning: 'detained_at_import',
    coverage,
    note: withheld,
  };
  return { source, entities: [...entities.values()], flags };
}
