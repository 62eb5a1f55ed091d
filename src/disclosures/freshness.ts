// The disclosure clause's freshness rule in dates: a disclosure or audit older than six months asks for an update.
// Whole-month arithmetic on calendar days (YYYY-MM-DD). Pure, and small: the in-page cards use it too.

export const FRESHNESS_MONTHS = 6;

/** The date `months` before `isoDate` (YYYY-MM-DD). */
export function monthsBefore(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** Whole months from `fromIso` to `toIso` (both YYYY-MM-DD): 2026-04-15 → 2026-12-14 is 7, → 2026-12-15 is 8. */
export function monthsBetween(fromIso: string, toIso: string): number {
  const [y1, m1, d1] = fromIso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = toIso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** True when a disclosure or audit dated `isoDate` is older than the freshness rule allows at `asOf`. */
export function isStale(isoDate: string, asOf: string): boolean {
  return isoDate < monthsBefore(asOf, FRESHNESS_MONTHS);
}
