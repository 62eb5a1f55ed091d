// CPV 2008 codes: reads a code as notices write it, and finds the risk categories a notice's code falls under
// by CPV's trailing-zero hierarchy (division XX000000 > group > class > category > subcategories).
import type { RiskCategory } from './types';

/**
 * The 8 digits of a CPV code written as "33600000", "33600000-6" (with its check digit) or "33 60 00 00";
 * undefined for anything that is not 8 digits with an optional single check digit.
 */
export function normaliseCpvCode(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const compact = raw.replace(/[\s\u00a0]+/g, '');
  const match = /^(\d{8})(?:-\d)?$/.exec(compact);
  return match?.[1];
}

/** The significant digits of a code: trailing zeros dropped, but never fewer than the 2 digits of its division. */
export function cpvSignificantDigits(code8: string): string {
  const trimmed = code8.replace(/0+$/, '');
  return trimmed.length >= 2 ? trimmed : code8.slice(0, 2);
}

/** True when `descendant` lies under `ancestor` in the CPV tree, or is the same code. */
export function isCpvCodeUnder(descendant: string, ancestor: string): boolean {
  return descendant.startsWith(cpvSignificantDigits(ancestor));
}

/** True when one code lies under the other (either way), or they are the same code. */
export function cpvCodesOverlap(a: string, b: string): boolean {
  return isCpvCodeUnder(a, b) || isCpvCodeUnder(b, a);
}

/**
 * The categories a notice's CPV code triggers: a category matches when one of its codes and the notice's code
 * lie one under the other. A narrow notice code (18424300) falls under a broad category code (18424000), and a
 * broad notice code (18000000, a whole division) covers a narrower category code (18100000), since a
 * division-wide purchase includes it. Categories keep their given order.
 */
export function riskCategoriesForCpv(code8: string, categories: readonly RiskCategory[]): RiskCategory[] {
  const code = normaliseCpvCode(code8);
  if (!code) return [];
  return categories.filter((category) => category.cpvCodes.some((categoryCode) => cpvCodesOverlap(code, categoryCode)));
}
