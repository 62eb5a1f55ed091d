// The evaluation's knowledge base: real listed and facility names read from the copied source files in
// test/eval/data (UFLPA and CBP rows, OpenSanctions FollowTheMoney lines, Open Supply Hub lists) plus the
// supplementary names and identifiers written for the set (supplementary-entities.json).

import { readFileSync } from 'node:fs';
import type { EntityIdentifier, IdentifierScheme } from '@/src/core/types';
import { readCsvTable } from '@/src/data/csv';
import { slugify } from '@/src/data/slug';
import type { MatcherEntity } from '@/src/matcher';

function dataText(file: string): string {
  return readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
}

function entity(id: string, name: string, extra: Partial<MatcherEntity> = {}): MatcherEntity {
  return { id, name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [], ...extra };
}

const splitList = (cell: string): string[] => cell.split('; ').map((part) => part.trim()).filter(Boolean);

/** DHS UFLPA Entity List rows: primary name, aliases; "formerly known as" names are previous names. */
function uflpaEntities(): MatcherEntity[] {
  const table = readCsvTable(dataText('uflpa_entity_list_sample_rows.csv'), { fileName: 'uflpa_entity_list_sample_rows.csv' });
  return table.rows.map((row) => {
    const name = row.required('primary_name');
    const others = splitList(row.get('aliases'));
    const formerly = /formerly known as/i.test(row.get('raw_name_cell'));
    return entity(`uflpa:${slugify(name)}`, name, {
      aliases: formerly ? [] : others,
      previousNames: formerly ? others : [],
      countries: ['CN'],
    });
  });
}

/** Rows naming several entities: "Fuchu Prison; Union Kogyo Co., Ltd.", "A Co., Ltd. and B Co., Ltd.". */
function splitEntityNames(cell: string): string[] {
  return cell.split(/;\s+|(?<=\b(?:Ltd|Inc|LLC)\.?),?\s+and\s+/).map((part) => part.trim()).filter(Boolean);
}

/** CBP Withhold Release Orders and Findings: one entity per named entity, a/k/a names as aliases of the first. */
function cbpEntities(): MatcherEntity[] {
  const table = readCsvTable(dataText('cbp_wro_findings_active_UNVERIFIED.csv'), { fileName: 'cbp_wro_findings_active_UNVERIFIED.csv' });
  const byId = new Map<string, MatcherEntity>();
  for (const row of table.rows) {
    splitEntityNames(row.required('primary_name')).forEach((name, k) => {
      const id = `cbp:${slugify(name)}`;
      if (!byId.has(id)) byId.set(id, entity(id, name, { aliases: k === 0 ? splitList(row.get('aliases')) : [] }));
    });
  }
  return [...byId.values()];
}

const FTM_IDENTIFIER_PROPERTIES: ReadonlyArray<[string, IdentifierScheme]> = [
  ['leiCode', 'lei'],
  ['uniqueEntityId', 'uei'],
  ['registrationNumber', 'registration'],
  ['ogrnCode', 'registration'],
  ['innCode', 'registration'],
];

/** Companies and organisations of OpenSanctions FollowTheMoney JSON lines. */
function ftmEntities(file: string): MatcherEntity[] {
  const out: MatcherEntity[] = [];
  for (const line of dataText(file).split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[] | undefined> };
    if (!['Company', 'Organization', 'LegalEntity'].includes(record.schema)) continue;
    const p = record.properties;
    const [name, ...otherNames] = p.name ?? [];
    if (!name) continue;
    const identifiers: EntityIdentifier[] = [];
    const seen = new Set<string>();
    for (const [property, scheme] of FTM_IDENTIFIER_PROPERTIES) {
      for (const value of p[property] ?? []) {
        if (seen.has(`${scheme}:${value}`)) continue;
        seen.add(`${scheme}:${value}`);
        identifiers.push({ scheme, value });
      }
    }
    out.push(
      entity(`ftm:${record.id}`, name, {
        aliases: [...otherNames, ...(p.alias ?? [])],
        weakAliases: p.weakAlias ?? [],
        previousNames: p.previousName ?? [],
        identifiers,
        countries: (p.country ?? []).map((c) => c.toUpperCase()),
      }),
    );
  }
  return out;
}

/** Open Supply Hub facility names from one list file, one entity per distinct name. */
export function openSupplyHubNames(file: string): string[] {
  const table = readCsvTable(dataText(file), { fileName: file });
  const names = new Map<string, string>();
  for (const row of table.rows) {
    const name = row.get('name').trim();
    const key = slugify(name);
    if (key && !names.has(key)) names.set(key, name);
  }
  return [...names.values()];
}

/**
 * Every other distinct name of the seed facility lists is in the knowledge base (the first, third, …); the others
 * are real factory names that are not listed, which the pages use as near misses.
 */
export function facilityNames(): { listed: string[]; unlisted: string[] } {
  const names = openSupplyHubNames('osh_seed_facility_lists_geocoded.csv');
  return { listed: names.filter((_, k) => k % 2 === 0), unlisted: names.filter((_, k) => k % 2 === 1) };
}

function facilityEntities(): MatcherEntity[] {
  return facilityNames().listed.map((name) => entity(`osh:${slugify(name)}`, name));
}

interface Supplement {
  /** Names and identifiers added to entities of the sources above. */
  additions: Array<Partial<MatcherEntity> & { id: string }>;
  /** Entities that the copied sources do not hold. */
  entities: Array<Partial<MatcherEntity> & { id: string; name: string }>;
}

function applySupplement(entities: MatcherEntity[]): MatcherEntity[] {
  const supplement = JSON.parse(dataText('supplementary-entities.json')) as Supplement;
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const addition of supplement.additions) {
    const target = byId.get(addition.id);
    if (!target) throw new Error(`supplementary-entities.json: no entity "${addition.id}" to add names to`);
    target.aliases.push(...(addition.aliases ?? []));
    target.weakAliases.push(...(addition.weakAliases ?? []));
    target.previousNames.push(...(addition.previousNames ?? []));
    target.identifiers.push(...(addition.identifiers ?? []));
  }
  for (const extra of supplement.entities) {
    if (byId.has(extra.id)) throw new Error(`supplementary-entities.json: entity "${extra.id}" already exists`);
    const { id, name, ...rest } = extra;
    const created = entity(id, name, rest);
    entities.push(created);
    byId.set(id, created);
  }
  return entities;
}

/** Every entity of the evaluation's knowledge base. */
export function evaluationEntities(): MatcherEntity[] {
  return applySupplement([
    ...uflpaEntities(),
    ...cbpEntities(),
    ...ftmEntities('yente_t1_eu_fsf_sample.ftm.jsonl'),
    ...ftmEntities('yente_zala_cluster.ftm.jsonl'),
    ...facilityEntities(),
  ]);
}
