// Converts rows of the DHS UFLPA Entity List (CSV keeping each row's raw "Name of Entity" cell) into entities and
// their import-ban flags, with the effective date and the section of the list each row sits in.
import type { Entity, Flag, Source } from '../../core/types';
import { readCsvTable, type CsvRow } from '../csv';
import { slugify } from '../slug';
import { parseUflpaNameCell, UflpaNameCellError } from './uflpa-name-cell';

export const UFLPA_SOURCE_ID = 'us-dhs-uflpa';
export const UFLPA_LIST_URL = 'https://www.dhs.gov/uflpa-entity-list';
export const UFLPA_LIST_VERSION = 'sample';

const REQUIRED_COLUMNS = ['raw_name_cell', 'effective_date', 'section'];

/** The clauses of UFLPA §2(d)(2)(B) that the list's tables follow. */
const CLAUSES: Readonly<Record<string, string>> = {
  i: 'entities that mine, produce or manufacture goods wholly or in part with forced labour in Xinjiang',
  ii: 'entities working with the Xinjiang government to recruit, transport, transfer, harbour or receive forced labour',
  iii: 'products made by entities in clause (i) or (ii)',
  iv: 'entities that export products made with forced labour in Xinjiang into the United States',
  v: 'facilities and entities that source material from Xinjiang or from persons working with its government or the XPCC for forced-labour schemes',
};
const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

export interface UflpaConversion {
  source: Source;
  entities: Entity[];
  flags: Flag[];
}

export function uflpaEntityId(name: string): string {
  return `${UFLPA_SOURCE_ID}:${slugify(name)}`;
}

/** A calendar date written YYYY-MM-DD; anything else (or an impossible date) is an error. */
function isoDate(row: CsvRow, column: string): string {
  const value = row.required(column);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw row.error(column, `expected a date written YYYY-MM-DD, found ${JSON.stringify(value)}`);
  }
  return value;
}

/** "(i) per fixture" → the statutory clause; "second table of page …" → the table's place on the page. */
function sectionNote(row: CsvRow): string {
  const section = row.get('section').trim();
  if (!section) return 'The source does not say in which section of the list this entity appears.';
  const clause = /^\(([ivx]+)\)/i.exec(section)?.[1]?.toLowerCase();
  if (clause) {
    const meaning = CLAUSES[clause];
    if (!meaning) throw row.error('section', `unknown clause "(${clause})"; expected (i) to (v) of UFLPA §2(d)(2)(B)`);
    return `Listed under UFLPA §2(d)(2)(B)(${clause}): ${meaning}.`;
  }
  const ordinal = /^(\w+)\s+table\b/i.exec(section)?.[1]?.toLowerCase();
  const tableNumber = ordinal ? ORDINALS[ordinal] : undefined;
  if (tableNumber) return `Listed in table ${tableNumber} of the DHS page.`;
  throw row.error('section', `expected a clause such as "(i)" or a table such as "first table", found ${JSON.stringify(section)}`);
}

/** Reads the UFLPA rows CSV. Throws a CsvError naming the line and column of the first bad field. */
export function convertUflpaEntityList(csvText: string, fileName: string): UflpaConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: REQUIRED_COLUMNS });
  const entities: Entity[] = [];
  const flags: Flag[] = [];
  const lineOfId = new Map<string, number>();

  for (const row of table.rows) {
    const cell = row.required('raw_name_cell');
    let names;
    try {
      names = parseUflpaNameCell(cell);
    } catch (error) {
      if (error instanceof UflpaNameCellError) throw row.error('raw_name_cell', error.message);
      throw error;
    }
    const id = uflpaEntityId(names.name);
    if (id === `${UFLPA_SOURCE_ID}:`) throw row.error('raw_name_cell', `the name ${JSON.stringify(names.name)} has no letters or digits`);
    const earlier = lineOfId.get(id);
    if (earlier !== undefined) throw row.error('raw_name_cell', `"${names.name}" is already listed on line ${earlier}`);
    lineOfId.set(id, row.line);

    entities.push({
      id,
      sourceId: UFLPA_SOURCE_ID,
      schema: 'Company',
      name: names.name,
      aliases: names.aliases,
      weakAliases: [],
      previousNames: names.previousNames,
      identifiers: [],
      countries: [],
    });
    const note = [sectionNote(row)];
    if (names.includesSubsidiaries) note.push('The listing extends to its subsidiaries.');
    flags.push({
      id: `${id}:import_ban`,
      sourceId: UFLPA_SOURCE_ID,
      listVersion: UFLPA_LIST_VERSION,
      type: 'import_ban',
      entityId: id,
      date: isoDate(row, 'effective_date'),
      evidenceUrl: UFLPA_LIST_URL,
      note: note.join(' '),
    });
  }

  const source: Source = {
    id: UFLPA_SOURCE_ID,
    kind: 'entity-list',
    title: 'UFLPA Entity List',
    publisher: 'U.S. Department of Homeland Security, Forced Labor Enforcement Task Force',
    url: UFLPA_LIST_URL,
    licence: 'Public domain (work of the US federal government, 17 U.S.C. §105)',
    version: UFLPA_LIST_VERSION,
    partial: true,
    note: `Only ${entities.length} rows of the list, as quoted in public test fixtures and not yet checked against dhs.gov; refresh the list from ${UFLPA_LIST_URL} for the whole of it.`,
  };
  return { source, entities, flags };
}
