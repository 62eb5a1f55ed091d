// Converts the reconstructed DHS UFLPA Entity List (one row per entity, each citing its source and saying how it
// was checked) into entities and import-ban flags. The list is known to be incomplete until a refresh from dhs.gov.
import type { Entity, Flag, Source } from '../../core/types';
import { toCountryCode } from '../../core/countries';
import { readCsvTable, type CsvRow } from '../csv';
import { slugify } from '../slug';
import { countCoverage, firstHttpsSource, readDate, rowVerification, verificationNote } from './list-coverage';
import { UFLPA_LIST_URL, UFLPA_SOURCE_ID, uflpaEntityId } from './uflpa';

export const UFLPA_RECONSTRUCTED_VERSION = 'reconstructed 2026-12-03';
const PUBLISHER = 'U.S. Department of Homeland Security, Forced Labor Enforcement Task Force';
const REQUIRED_COLUMNS = ['name', 'aliases', 'section', 'effective_date', 'country', 'source_url', 'verified', 'listing_round'];

/** Plain words for the clauses of UFLPA §2(d)(2)(B) that the list's sections follow. */
export const UFLPA_CLAUSES: Readonly<Record<string, string>> = {
  i: 'makes goods wholly or in part with forced labour in Xinjiang',
  ii: 'works with the Xinjiang government to recruit, transport, transfer, harbour or receive forced labour',
  iii: 'makes products of entities in (i) or (ii)',
  iv: 'exports products made with forced labour in Xinjiang to the United States',
  v: 'sources material from Xinjiang or from persons working with its government or the XPCC in forced-labour schemes',
};

/** "2(d)(2)(B)(ii); 2(d)(2)(B)(v)" → a sentence per clause; empty cell → says the section is not known. */
export function uflpaSectionNote(section: string, onError: (problem: string) => Error): string {
  if (!section.trim()) return 'The sources read do not say in which section of the list this entity is.';
  const parts = section.split(';').map((part) => part.trim()).filter(Boolean);
  return parts
    .map((part) => {
      const clause = /^(?:2\(d\)\(2\)\(B\))?\(([ivx]+)\)$/i.exec(part)?.[1]?.toLowerCase();
      const meaning = clause ? UFLPA_CLAUSES[clause] : undefined;
      if (!clause || !meaning) throw onError(`expected a clause such as "2(d)(2)(B)(ii)", found ${JSON.stringify(part)}`);
      return `Section 2(d)(2)(B)(${clause}): ${meaning}.`;
    })
    .join(' ');
}

function countryOf(row: CsvRow): string[] {
  const value = row.get('country').trim();
  if (!value) return [];
  const code = toCountryCode(value);
  if (!code) throw row.error('country', `expected an ISO 3166-1 alpha-2 code, found ${JSON.stringify(value)}`);
  return [code];
}

export interface UflpaListConversion {
  source: Source;
  entities: Entity[];
  flags: Flag[];
}

/** Reads the reconstructed list. Throws a CsvError naming the line and column of the first bad field. */
export function convertUflpaList(csvText: string, fileName: string): UflpaListConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: REQUIRED_COLUMNS });
  const entities: Entity[] = [];
  const flags: Flag[] = [];
  const lineOfId = new Map<string, number>();
  for (const row of table.rows) {
    const name = row.required('name');
    const id = uflpaEntityId(name);
    if (!slugify(name)) throw row.error('name', `the name ${JSON.stringify(name)} has no letters or digits`);
    const earlier = lineOfId.get(id);
    if (earlier !== undefined) throw row.error('name', `"${name}" is already listed on line ${earlier}`);
    lineOfId.set(id, row.line);
    const verification = rowVerification(row);
    const { date, partial } = readDate(row, 'effective_date');
    if (partial) throw row.error('effective_date', `expected a full date YYYY-MM-DD or an empty field, found ${JSON.stringify(partial)}`);
    const aliases = row.get('aliases').split('|').map((a) => a.trim()).filter(Boolean);
    const countries = countryOf(row);
    entities.push({ id, sourceId: UFLPA_SOURCE_ID, schema: 'Company', name, aliases, weakAliases: [], previousNames: [], identifiers: [], countries });
    const note = [
      'On the UFLPA Entity List: its goods are barred from US import under a rebuttable presumption of forced labour.',
      uflpaSectionNote(row.get('section'), (problem) => row.error('section', problem)),
      date ? '' : 'The effective date was not found in the sources read.',
      `Listing round: ${row.get('listing_round').trim()}.`,
      verificationNote(verification, 'DHS'),
    ].filter(Boolean);
    const flag: Flag = {
      id: `${id}:import_ban`,
      sourceId: UFLPA_SOURCE_ID,
      listVersion: UFLPA_RECONSTRUCTED_VERSION,
      type: 'import_ban',
      entityId: id,
      evidenceUrl: firstHttpsSource(row, UFLPA_LIST_URL),
      note: note.join(' '),
      verification,
    };
    if (countries[0]) flag.country = countries[0];
    if (date) flag.date = date;
    flags.push(flag);
  }
  const coverage = countCoverage(flags, { incomplete: true });
  const source: Source = {
    id: UFLPA_SOURCE_ID,
    kind: 'entity-list',
    title: 'UFLPA Entity List',
    publisher: PUBLISHER,
    url: UFLPA_LIST_URL,
    licence: 'Public domain (work of the US federal government, 17 U.S.C. §105); facts read from cited public sources',
    version: UFLPA_RECONSTRUCTED_VERSION,
    partial: true,
    meaning: 'import_ban',
    coverage,
    note: `${entities.length} of the list's entities, reconstructed from DHS releases, Federal Register notices and public copies; still incomplete until TenderLens refreshes it from the DHS page.`,
  };
  return { source, entities, flags };
}
