// Reads CBP's Withhold Release Orders and Findings: the page (https://www.cbp.gov/document/stats/withhold-release-
// orders-findings) links a CSV republished under a dated name; the CSV's columns are Effective Date, Country,
// Status, Entity, Merchandise, Industry, WRO/Finding, Remarks. Only orders whose Status is Active are loaded.
import { load } from 'cheerio/slim';
import type { Entity, Flag } from '../core/types';
import { toCountryCode } from '../core/countries';
import { CBP_SOURCE_ID, cbpEntityId, parseCbpEntityCell } from '../data/convert/cbp-wro';
import { CsvError, readCsvTable } from '../data/csv';
import { slugify } from '../data/slug';
import { latestDate, ListParseError, readListDate, type ListSnapshot } from './list-snapshot';

export const CBP_PAGE_URL = 'https://www.cbp.gov/document/stats/withhold-release-orders-findings';
const COLUMNS = ['Effective Date', 'Country', 'Status', 'Entity', 'Merchandise', 'WRO/Finding'];

/** The address of the list's CSV on the page: the link whose address ends in .csv (the newest when several). */
export function findCbpCsvLink(html: string, pageUrl = CBP_PAGE_URL): string {
  const $ = load(html);
  const links = $('a[href]')
    .map((_, a) => $(a).attr('href') ?? '')
    .get()
    .filter((href) => /\.csv(\?|#|$)/i.test(href) && /withhold|wro|finding/i.test(href));
  if (links.length === 0) throw new ListParseError(pageUrl, 'found no link to the orders CSV (an address ending in .csv); the page may have changed');
  const absolute = new URL(links[0]!, pageUrl);
  if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') throw new ListParseError(pageUrl, `the CSV link ${JSON.stringify(links[0])} is not an http(s) address`);
  return absolute.href;
}

export function parseCbpCsv(csvText: string, csvUrl: string, sourceId = CBP_SOURCE_ID): ListSnapshot {
  const fileName = csvUrl.split('/').pop() || csvUrl;
  let table;
  try {
    table = readCsvTable(csvText.replace(/^\ufeff/, ''), { fileName, requiredColumns: COLUMNS });
  } catch (error) {
    if (error instanceof CsvError) throw new ListParseError(csvUrl, error.message);
    throw error;
  }
  const entities = new Map<string, Entity>();
  const flags: Flag[] = [];
  for (const row of table.rows) {
    const status = row.get('Status').trim().toLowerCase();
    if (status !== 'active') continue;
    const where = `${fileName}, line ${row.line}`;
    const dateText = row.get('Effective Date');
    const date = readListDate(dateText);
    if (!date) throw new ListParseError(where, `column "Effective Date": expected a date such as 9/30/2020, found ${JSON.stringify(dateText)}`);
    const countryText = row.get('Country').trim();
    const country = countryText ? toCountryCode(countryText) : undefined;
    const kindText = row.get('WRO/Finding').trim();
    const kind = /^wro$/i.test(kindText) ? 'Withhold Release Order' : /^finding$/i.test(kindText) ? 'Finding' : undefined;
    if (!kind) throw new ListParseError(where, `column "WRO/Finding": expected "WRO" or "Finding", found ${JSON.stringify(kindText)}`);
    const merchandise = row.get('Merchandise').trim();
    const producers = parseCbpEntityCell(row.get('Entity').trim());
    if (producers.length === 0) throw new ListParseError(where, 'column "Entity": expected a producer or goods, found an empty field');
    for (const producer of producers) {
      if (!slugify(producer.name)) throw new ListParseError(where, `column "Entity": the name ${JSON.stringify(producer.name)} has no letters or digits`);
      const id = `${sourceId}:${cbpEntityId(producer.name).slice(CBP_SOURCE_ID.length + 1)}`;
      const entity = entities.get(id) ?? { id, sourceId, schema: 'Company' as const, name: producer.name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] };
      for (const alias of producer.aliases) if (!entity.aliases.includes(alias)) entity.aliases.push(alias);
      if (country && !entity.countries.includes(country)) entity.countries.push(country);
      entities.set(id, entity);
      const flag: Flag = {
        id: `${id}:import_ban:${date}:${kind === 'Finding' ? 'finding' : 'wro'}`,
        sourceId,
        listVersion: '',
        type: 'import_ban',
        entityId: id,
        date,
        evidenceUrl: csvUrl.startsWith('https:') ? csvUrl : CBP_PAGE_URL,
        note: [`US Customs and Border Protection detains goods of this producer at import (${kind} of ${date}).`, merchandise ? `Goods: ${merchandise}.` : '', "Read from CBP's own list."].filter(Boolean).join(' '),
        verification: 'verified',
      };
      if (country) flag.country = country;
      flags.push(flag);
    }
  }
  if (flags.length === 0) throw new ListParseError(csvUrl, 'the CSV has no active order; refusing to replace the list with an empty one');
  const listDate = latestDate(flags.map((f) => f.date));
  const version = `cbp.gov ${fileName}`;
  for (const flag of flags) flag.listVersion = version;
  return { entities: [...entities.values()], flags, version, ...(listDate ? { listDate } : {}) };
}
