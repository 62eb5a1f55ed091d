// Converts the US DOL ILAB List of Goods Produced by Child Labor or Forced Labor (CSV, one row per good × country)
// into product flags: one per good × country × labour type the row marks "Yes".
import type { Flag, FlagType, Source } from '../../core/types';
import { countryName, toCountryCode } from '../../core/countries';
import { readCsvTable, type CsvRow } from '../csv';
import { slugify } from '../slug';

export const ILAB_SOURCE_ID = 'us-dol-ilab';
export const ILAB_LIST_URL = 'https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods';
export const ILAB_LIST_VERSION = '2022';

/** The CSV's Yes/No columns and the flag type each one gives. */
const LABOUR_COLUMNS: readonly (readonly [string, FlagType])[] = [
  ['child_labor', 'child_labour'],
  ['forced_labor', 'forced_labour'],
  ['forced_child_labor', 'forced_child_labour'],
  ['derived_labor_exploitation', 'derived_labour_exploitation'],
];

const REQUIRED_COLUMNS = ['good', 'sector', 'country', ...LABOUR_COLUMNS.map(([column]) => column), 'derived_input_country'];

export interface IlabConversion {
  source: Source;
  flags: Flag[];
  /** Every flag id of each good, keyed by the good's name (NFC-normalised, as in the flags' `product`). */
  flagIdsByGood: Map<string, string[]>;
}

export function ilabFlagId(good: string, country: string, type: FlagType): string {
  return `${ILAB_SOURCE_ID}:${slugify(good)}:${country.toLowerCase()}:${type}`;
}

function yesNo(row: CsvRow, column: string): boolean {
  const value = row.get(column).trim();
  if (value === 'Yes') return true;
  if (value === 'No') return false;
  throw row.error(column, `expected "Yes" or "No", found ${JSON.stringify(value)}`);
}

function countryOf(row: CsvRow, column: string): string {
  const name = row.required(column);
  const code = toCountryCode(name);
  if (!code) throw row.error(column, `unknown country ${JSON.stringify(name)}; expected a country name, ISO alpha-2 or alpha-3 code`);
  return code;
}

/** Reads the ILAB goods CSV. Throws a CsvError naming the line and column of the first bad field. */
export function convertIlabGoods(csvText: string, fileName: string): IlabConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: REQUIRED_COLUMNS });
  const flags: Flag[] = [];
  const flagIdsByGood = new Map<string, string[]>();
  const seenRows = new Map<string, number>();
  const countries = new Set<string>();

  for (const row of table.rows) {
    const good = row.required('good').normalize('NFC');
    if (!slugify(good)) throw row.error('good', `the good name ${JSON.stringify(good)} has no letters or digits`);
    const country = countryOf(row, 'country');
    const rowKey = `${good}\u0000${country}`;
    const earlier = seenRows.get(rowKey);
    if (earlier !== undefined) throw row.error('country', `"${good}" × ${country} is already listed on line ${earlier}`);
    seenRows.set(rowKey, row.line);
    countries.add(country);

    const types = LABOUR_COLUMNS.filter(([column]) => yesNo(row, column)).map(([, type]) => type);
    if (types.length === 0) throw row.error(undefined, `"${good}" × ${country} is marked "No" for every labour type`);

    const derived = types.includes('derived_labour_exploitation');
    const inputCountryText = row.get('derived_input_country').trim();
    if (!derived && inputCountryText) {
      throw row.error('derived_input_country', 'given although derived_labor_exploitation is "No"');
    }
    const inputCountry = derived && inputCountryText ? countryOf(row, 'derived_input_country') : undefined;

    const ids = flagIdsByGood.get(good) ?? [];
    for (const type of types) {
      const flag: Flag = {
        id: ilabFlagId(good, country, type),
        sourceId: ILAB_SOURCE_ID,
        listVersion: ILAB_LIST_VERSION,
        type,
        product: good,
        country,
        evidenceUrl: ILAB_LIST_URL,
      };
      if (type === 'derived_labour_exploitation') {
        flag.note = inputCountry
          ? `Listed because an input to it is produced with child or forced labour in ${countryName(inputCountry) ?? inputCountry}.`
          : 'Listed because an input to it is produced with child or forced labour.';
      }
      flags.push(flag);
      ids.push(flag.id);
    }
    flagIdsByGood.set(good, ids);
  }

  const source: Source = {
    id: ILAB_SOURCE_ID,
    kind: 'product-list',
    title: 'List of Goods Produced by Child Labor or Forced Labor',
    publisher: 'U.S. Department of Labor, Bureau of International Labor Affairs',
    url: ILAB_LIST_URL,
    licence: 'Public domain (work of the US federal government, 17 U.S.C. §105)',
    version: ILAB_LIST_VERSION,
    partial: false,
    note: `${table.rows.length} good × country listings of ${flagIdsByGood.size} goods in ${countries.size} countries, from the data of ILAB's "Sweat & Toil" app.`,
  };
  return { source, flags, flagIdsByGood };
}
