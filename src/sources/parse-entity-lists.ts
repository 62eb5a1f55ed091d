// Entity lists a user subscribes to by address: FollowTheMoney JSON lines (an OpenSanctions dataset's
// entities.ftm.json) and CSV files read through a column mapping. Both give entities with one flag each, of the
// type the user said being on the list means.
import type { Entity, Flag, FlagType } from '../core/types';
import { toCountryCode } from '../core/countries';
import { CsvError, readCsvTable } from '../data/csv';
import { slugify } from '../data/slug';
import { importFtmText } from '../import/ftm';
import { ListParseError, type ListSnapshot } from './list-snapshot';

export interface EntityListTarget {
  sourceId: string;
  url: string;
  flagType: FlagType;
}

/** Which CSV columns hold what; `aliases` may be split on a separator (";" by default). */
export interface CsvColumnMapping {
  name: string;
  aliases?: string;
  aliasSeparator?: string;
  country?: string;
  id?: string;
  date?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export function parseFtmList(text: string, target: EntityListTarget): ListSnapshot {
  const version = `${new URL(target.url).host} read ${today()}`;
  const result = importFtmText(text, {
    sourceId: target.sourceId,
    fileName: target.url,
    flagTemplate: { listVersion: version, type: target.flagType, evidenceUrl: target.url },
  });
  if (result.entities.length === 0) {
    const first = result.report.problems[0];
    throw new ListParseError(target.url, first ? `no company or organisation could be read; line ${first.line}: ${first.message}` : 'the file lists no company or organisation');
  }
  return { entities: result.entities, flags: result.flags, version };
}

export function parseCsvList(text: string, target: EntityListTarget, mapping: CsvColumnMapping): ListSnapshot {
  const fileName = target.url;
  const columns = [mapping.name, mapping.aliases, mapping.country, mapping.id, mapping.date].filter((c): c is string => !!c);
  let table;
  try {
    table = readCsvTable(text.replace(/^\ufeff/, ''), { fileName, requiredColumns: columns });
  } catch (error) {
    if (error instanceof CsvError) throw new ListParseError(fileName, error.message);
    throw error;
  }
  const version = `${new URL(target.url).host} read ${today()}`;
  const entities = new Map<string, Entity>();
  const flags: Flag[] = [];
  for (const row of table.rows) {
    const where = `${fileName}, line ${row.line}`;
    const name = row.get(mapping.name).trim();
    if (!name) throw new ListParseError(`${where}, column "${mapping.name}"`, 'expected a name, found an empty field');
    const key = mapping.id ? row.get(mapping.id).trim() : name;
    if (!slugify(key)) throw new ListParseError(`${where}, column "${mapping.id ?? mapping.name}"`, `expected letters or digits, found ${JSON.stringify(key)}`);
    const id = `${target.sourceId}:${slugify(key)}`;
    if (entities.has(id)) throw new ListParseError(where, `${JSON.stringify(key)} is listed twice`);
    const aliases = mapping.aliases ? row.get(mapping.aliases).split(mapping.aliasSeparator ?? ';').map((a) => a.trim()).filter(Boolean) : [];
    const countryText = mapping.country ? row.get(mapping.country).trim() : '';
    const country = countryText ? toCountryCode(countryText) : undefined;
    if (countryText && !country) throw new ListParseError(`${where}, column "${mapping.country}"`, `expected a country, found ${JSON.stringify(countryText)}`);
    entities.set(id, { id, sourceId: target.sourceId, schema: 'Company', name, aliases, weakAliases: [], previousNames: [], identifiers: [], countries: country ? [country] : [] });
    const flag: Flag = { id: `${id}:${target.flagType}`, sourceId: target.sourceId, listVersion: version, type: target.flagType, entityId: id, evidenceUrl: target.url };
    const dateText = mapping.date ? row.get(mapping.date).trim() : '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateText)) flag.date = dateText;
    if (country) flag.country = country;
    flags.push(flag);
  }
  if (flags.length === 0) throw new ListParseError(fileName, 'the file lists no entity');
  return { entities: [...entities.values()], flags, version };
}
