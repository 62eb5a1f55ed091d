// Checks a knowledge-base bundle (DefaultData) for consistency: unique ids, every reference resolving (flag →
// source and entity, category → flag and CPV code), well-formed codes, countries, dates and evidence addresses.
import type { DefaultData, FlagType } from '../core/types';
import { isCountryCode } from '../core/countries';

const ENTITY_FLAG_TYPES: ReadonlySet<FlagType> = new Set(['import_ban']);
const PRODUCT_FLAG_TYPES: ReadonlySet<FlagType> = new Set([
  'forced_labour',
  'child_labour',
  'forced_child_labour',
  'derived_labour_exploitation',
  'high_risk_product',
]);

/** The bundle is inconsistent; `problems` lists every problem found. */
export class DefaultDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    const shown = problems.slice(0, 50).map((p) => `  - ${p}`);
    if (problems.length > 50) shown.push(`  … and ${problems.length - 50} more`);
    super(`The default data has ${problems.length} problem(s):\n${shown.join('\n')}`);
    this.name = 'DefaultDataError';
  }
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/** Every consistency problem of the bundle, as readable sentences; empty when it is consistent. */
export function findDefaultDataProblems(data: DefaultData): string[] {
  const problems: string[] = [];
  if (data.formatVersion !== 1) problems.push(`formatVersion is ${String(data.formatVersion)}, expected 1`);

  for (const [kind, ids] of [
    ['source', data.sources.map((s) => s.id)],
    ['entity', data.entities.map((e) => e.id)],
    ['flag', data.flags.map((f) => f.id)],
    ['risk category', data.riskCategories.map((c) => c.id)],
    ['CPV code', data.cpv.map((c) => c.code8)],
  ] as const) {
    for (const id of duplicates(ids)) problems.push(`${kind} id "${id}" is used more than once`);
  }

  const sourceIds = new Set(data.sources.map((s) => s.id));
  const entityIds = new Set(data.entities.map((e) => e.id));
  const flagIds = new Set(data.flags.map((f) => f.id));
  const cpvCodes = new Set(data.cpv.map((c) => c.code8));

  for (const source of data.sources) {
    if (source.url && !isHttpsUrl(source.url)) problems.push(`source ${source.id}: url "${source.url}" is not an https:// address`);
  }
  for (const entry of data.cpv) {
    if (!/^\d{8}$/.test(entry.code8)) problems.push(`CPV code "${entry.code8}" is not 8 digits`);
    if (!entry.label.trim()) problems.push(`CPV code ${entry.code8} has no label`);
  }
  for (const entity of data.entities) {
    const where = `entity ${entity.id}`;
    if (!sourceIds.has(entity.sourceId)) problems.push(`${where}: unknown source "${entity.sourceId}"`);
    if (!entity.id.startsWith(`${entity.sourceId}:`)) problems.push(`${where}: the id does not start with its source id "${entity.sourceId}:"`);
    if (!entity.name.trim()) problems.push(`${where}: empty name`);
    for (const country of entity.countries) {
      if (!isCountryCode(country)) problems.push(`${where}: "${country}" is not an ISO 3166-1 alpha-2 code`);
    }
  }
  for (const flag of data.flags) {
    const where = `flag ${flag.id}`;
    if (!sourceIds.has(flag.sourceId)) problems.push(`${where}: unknown source "${flag.sourceId}"`);
    if (!isHttpsUrl(flag.evidenceUrl)) problems.push(`${where}: evidenceUrl "${flag.evidenceUrl}" is not an https:// address`);
    if (flag.entityId !== undefined && !entityIds.has(flag.entityId)) problems.push(`${where}: unknown entity "${flag.entityId}"`);
    if (ENTITY_FLAG_TYPES.has(flag.type) && flag.entityId === undefined) problems.push(`${where}: a ${flag.type} flag needs an entityId`);
    if (PRODUCT_FLAG_TYPES.has(flag.type) && !flag.product) problems.push(`${where}: a ${flag.type} flag needs a product`);
    if (flag.country !== undefined && !isCountryCode(flag.country)) problems.push(`${where}: "${flag.country}" is not an ISO 3166-1 alpha-2 code`);
    if (flag.date !== undefined && !isIsoDate(flag.date)) problems.push(`${where}: date "${flag.date}" is not a YYYY-MM-DD date`);
    if (!flag.listVersion) problems.push(`${where}: empty listVersion`);
  }
  for (const category of data.riskCategories) {
    const where = `risk category ${category.id}`;
    if (category.cpvCodes.length === 0) problems.push(`${where}: no CPV codes`);
    if (category.flagIds.length === 0) problems.push(`${where}: rests on no flag`);
    for (const code of category.cpvCodes) {
      if (!cpvCodes.has(code)) problems.push(`${where}: CPV code "${code}" is not in the CPV list`);
    }
    for (const flagId of category.flagIds) {
      if (!flagIds.has(flagId)) problems.push(`${where}: unknown flag "${flagId}"`);
    }
  }
  return problems;
}

/** Throws a DefaultDataError listing every problem when the bundle is inconsistent. */
export function assertValidDefaultData(data: DefaultData): void {
  const problems = findDefaultDataProblems(data);
  if (problems.length > 0) throw new DefaultDataError(problems);
}
