// Open Supply Hub facility IDs, checked in full: two-letter country code, the year and day of the year the
// facility was first listed, five random base-32 (Crockford) characters and a check character. The check character
// is Crockford's symbol at (sum of the two country letters' character codes + sum of the other characters' base-32
// values) mod 32, as Open Supply Hub computes it (django api/os_id.py, `checksum`). Pure.
import { isCountryCode } from '../core/countries';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type OsIdProblem = 'format' | 'country' | 'date' | 'check-character';

/** The check character of the first 14 characters of an OS ID. */
export function osIdCheckCharacter(first14: string): string | undefined {
  let sum = first14.charCodeAt(0) + first14.charCodeAt(1);
  for (const char of first14.slice(2)) {
    const value = CROCKFORD.indexOf(char);
    if (value < 0) return undefined;
    sum += value;
  }
  return CROCKFORD[sum % 32];
}

/** Undefined when `value` (spaces and case folded) is a valid OS ID; otherwise what is wrong with it. */
export function osIdProblem(value: string): OsIdProblem | undefined {
  const id = canonicalOsId(value);
  const match = /^([A-Z]{2})(\d{4})(\d{3})([0-9A-HJKMNP-TV-Z]{6})$/.exec(id);
  if (!match) return 'format';
  if (!isCountryCode(match[1]!)) return 'country';
  const year = Number(match[2]);
  const day = Number(match[3]);
  if (year < 2015 || year > 2099 || day < 1 || day > 366) return 'date';
  return osIdCheckCharacter(id.slice(0, 14)) === id[14] ? undefined : 'check-character';
}

export function canonicalOsId(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidFullOsId(value: string): boolean {
  return osIdProblem(value) === undefined;
}
