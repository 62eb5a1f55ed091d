// Reads the DOL ILAB List of Goods Produced by Child Labor or Forced Labor from its data download (the Better Trade
// Tool core data, documented at https://developer.dol.gov/others/better-trade-tool): one row per good × country,
// with Country_ISOCode, Good, and CL, FL, FCL holding the years a labour type has been listed ("2009-", or
// "2009-2016" once removed). Flag ids follow the shipped list's, so the risk map keeps pointing at them.
import type { Flag, FlagType } from '../core/types';
import { toCountryCode } from '../core/countries';
import { ILAB_LIST_URL, ILAB_SOURCE_ID, ilabFlagId } from '../data/convert/ilab';
import { CsvError, readCsvTable } from '../data/csv';
import { ListParseError, type ListSnapshot } from './list-snapshot';

const LABOUR_COLUMNS: readonly (readonly [string, FlagType, string])[] = [
  ['CL', 'child_labour', 'child labour'],
  ['FL', 'forced_labour', 'forced labour'],
  ['FCL', 'forced_child_labour', 'forced child labour'],
];

/** "2009-" → listed since 2009; "2009-2016" → removed in 2016; empty → not listed for this labour type. */
function listedSince(value: string, where: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const match = /^(\d{4})\s*-\s*(\d{4})?$/.exec(text);
  if (!match) throw new ListParseError(where, `expected years such as "2009-" or "2009-2016", found ${JSON.stringify(text)}`);
  return match[2] ? undefined : match[1];
}

export function parseIlabDownload(csvText: string, fileName: string): ListSnapshot {
  let table;
  try {
    table = readCsvTable(csvText.replace(/^\ufeff/, ''), { fileName, requiredColumns: ['Country', 'Country_ISOCode', 'Good', 'CL', 'FL', 'FCL'] });
  } catch (error) {
    if (error instanceof CsvError) throw new ListParseError(fileName, error.message);
    throw error;
  }
  const flags: Flag[] = [];
  let latestYear = 0;
  for (const row of table.rows) {
    const where = `${fileName}, line ${row.line}`;
    const good = row.get('Good').normalize('NFC').trim();
    if (!good) throw new ListParseError(`${where}, column "Good"`, 'expected a good, found an empty field');
    const country = toCountryCode(row.get('Country_ISOCode')) ?? toCountryCode(row.get('Country'));
    if (!country) throw new ListParseError(`${where}, column "Country_ISOCode"`, `expected an ISO country code, found ${JSON.stringify(row.get('Country_ISOCode'))}`);
    for (const [column, type, words] of LABOUR_COLUMNS) {
      const since = listedSince(row.get(column), `${where}, column "${column}"`);
      if (!since) continue;
      latestYear = Math.max(latestYear, Number(since));
      const id = ilabFlagId(good, country, type);
      if (flags.some((f) => f.id === id)) continue;
      flags.push({
        id,
        sourceId: ILAB_SOURCE_ID,
        listVersion: '',
        type,
        product: good,
        country,
        evidenceUrl: ILAB_LIST_URL,
        note: `ILAB has reason to believe ${good} from ${row.get('Country').trim()} is produced with ${words} (listed since ${since}).`,
        verification: 'verified',
      });
    }
  }
  if (flags.length === 0) throw new ListParseError(fileName, 'the download lists no good; refusing to replace the list with an empty one');
  const version = `dol.gov data download, goods listed up to ${latestYear}`;
  for (const flag of flags) flag.listVersion = version;
  return { entities: [], flags, version };
}
