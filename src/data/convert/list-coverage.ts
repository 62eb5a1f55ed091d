// Shared reading of the checked-list CSVs (UFLPA reconstruction, CBP orders): how well each row was checked,
// its evidence address, and the list's coverage counted from those rows.
import type { Flag, ListCoverage } from '../../core/types';
import type { CsvRow } from '../csv';

export type Verification = NonNullable<Flag['verification']>;

const VERIFICATIONS: Readonly<Record<string, Verification>> = { yes: 'verified', secondary: 'secondary', unverified: 'unverified' };

/** The `verified` column: yes, secondary or unverified. */
export function rowVerification(row: CsvRow): Verification {
  const value = row.required('verified');
  const verification = VERIFICATIONS[value];
  if (!verification) throw row.error('verified', `expected "yes", "secondary" or "unverified", found ${JSON.stringify(value)}`);
  return verification;
}

/** The first https address of a `source_url` cell ("a | b | c"), else the list's own page. */
export function firstHttpsSource(row: CsvRow, fallback: string): string {
  for (const part of row.get('source_url').split('|')) {
    const candidate = part.trim();
    if (/^https:\/\/\S+$/.test(candidate)) return candidate;
  }
  return fallback;
}

/** A plain sentence on how the row was checked, for the flag's note. */
export function verificationNote(verification: Verification, publisher: string): string {
  if (verification === 'verified') return `Read in ${publisher}'s own text.`;
  if (verification === 'secondary') return `Read only in secondary material (law-firm or trade-press summaries, public copies), not yet in ${publisher}'s own text.`;
  return `Not checked: rests on unconfirmed material; check ${publisher}'s list before relying on it.`;
}

/** A YYYY-MM-DD date, undefined for an empty cell; a partial date (YYYY-MM, YYYY) is returned as `partial`. */
export function readDate(row: CsvRow, column: string): { date?: string; partial?: string } {
  const value = row.get(column).trim();
  if (!value) return {};
  if (/^\d{4}(-\d{2})?$/.test(value)) return { partial: value };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw row.error(column, `expected a date written YYYY-MM-DD (or YYYY-MM, YYYY, or empty), found ${JSON.stringify(value)}`);
  }
  return { date: value };
}

/** Counts the flags of a list by verification; `coversUntil` is the latest date among the checked rows. */
export function countCoverage(flags: readonly Flag[], options: { incomplete: boolean; withheld?: string }): ListCoverage {
  const count = (v: Verification) => flags.filter((f) => f.verification === v).length;
  const checkedDates = flags.filter((f) => f.verification !== 'unverified' && f.date).map((f) => f.date!).sort();
  const coverage: ListCoverage = {
    rows: flags.length,
    verifiedRows: count('verified'),
    secondaryRows: count('secondary'),
    unverifiedRows: count('unverified'),
    incomplete: options.incomplete,
  };
  const until = checkedDates[checkedDates.length - 1];
  if (until) coverage.coversUntil = until;
  if (options.withheld) coverage.withheld = options.withheld;
  return coverage;
}
