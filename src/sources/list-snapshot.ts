// The shape every official-list parser returns: the whole list as entities and flags, with the version and date
// the publisher gives it, ready to replace the stored list in one transaction. And the parsers' error type.
import type { Entity, Flag } from '../core/types';

export interface ListSnapshot {
  entities: Entity[];
  flags: Flag[];
  /** The version this read gives the list ("dhs.gov, latest listing 2025-01-15"). */
  version: string;
  /** Latest effective date on the list (YYYY-MM-DD), when it has dates: the list as it stood then. */
  listDate?: string;
}

/** A page or file that does not have the structure the parser expects; says where and what was expected. */
export class ListParseError extends Error {
  constructor(readonly where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'ListParseError';
  }
}

/** The latest of some YYYY-MM-DD dates. */
export function latestDate(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => !!d).sort().pop();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "June 21, 2022", "6/21/2022" or "2022-06-21" → "2022-06-21"; undefined for anything else or an impossible date. */
export function readListDate(text: string): string | undefined {
  const value = text.replace(/\s+/g, ' ').trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(value))) {
    m = MONTHS.findIndex((name) => name.startsWith(match![1]!.toLowerCase()) && match![1]!.length >= 3) + 1;
    d = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value))) {
    m = Number(match[1]);
    d = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else return undefined;
  if (m < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
