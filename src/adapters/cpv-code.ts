// Recognises CPV 2008 codes: the shape of a real code (division, hierarchy of trailing zeros), its check digit,
// and a code printed with its label ("33600000 - Pharmaceutical products" or "Pharmaceutical products - 33600000").

/** The 45 divisions (first two digits) of the CPV 2008 main vocabulary (Regulation (EC) No 213/2008). */
const CPV_DIVISIONS = new Set([
  '03', '09', '14', '15', '16', '18', '19', '22', '24', '30', '31', '32', '33', '34', '35', '37', '38', '39', '41',
  '42', '43', '44', '45', '48', '50', '51', '55', '60', '63', '64', '65', '66', '70', '71', '72', '73', '75', '76',
  '77', '79', '80', '85', '90', '92', '98',
]);

/**
 * True when eight digits have the shape of a CPV 2008 code: a known division, and digits that only get more
 * specific from left to right (after the division, once a digit is 0 all the following ones are 0 too, as in
 * 33600000 or 33690000). Every one of the 9,454 codes of CPV 2008 has this shape; most random numbers do not.
 */
export function isCpvShaped(code8: string): boolean {
  if (!/^\d{8}$/.test(code8)) return false;
  if (!CPV_DIVISIONS.has(code8.slice(0, 2))) return false;
  return !/0[1-9]/.test(code8.slice(2));
}

const CHECK_DIGIT_WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7];

/**
 * The check digit of a CPV code as most of CPV 2008 computes it: the digits weighted 3, 7, 1, 3, 7, 1, 3, 7,
 * summed, modulo 10 (33600000 → 6, 18113000 → 4). About 94 % of the official codes follow it; some blocks kept
 * other check digits (for example 09100000-0 "Fuels" or 42100000-0), so a mismatch lowers confidence but does
 * not prove that a number is not a CPV code.
 */
export function cpvCheckDigit(code8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(code8[i]) * CHECK_DIGIT_WEIGHTS[i]!;
  return sum % 10;
}

export interface LabelledCpv {
  code8: string;
  /** The check digit as printed, when there is one. */
  checkDigit?: number;
  label?: string;
}

const DASH = '[-\u2013\u2014]';
const CODE_FIRST = new RegExp(`^(\\d{8})(?:-(\\d))?(?:\\s*${DASH}\\s*|\\s+)(\\S.*)$`, 'u');
const CODE_LAST = new RegExp(`^(\\S.*?)\\s*${DASH}\\s*(\\d{8})(?:-(\\d))?$`, 'u');
const CODE_ONLY = /^(\d{8})(?:-(\d))?$/;

/** A label must contain a letter and be of reasonable length; otherwise it is left out. */
function cleanLabel(label: string | undefined): string | undefined {
  const trimmed = label?.replace(/\s+/g, ' ').trim();
  if (!trimmed || trimmed.length > 300 || !/\p{L}/u.test(trimmed)) return undefined;
  return trimmed;
}

/**
 * Reads one list item that holds a CPV code and perhaps its label, in either order ("33600000 - Pharmaceutical
 * products", "33600000-6 Pharmaceutical products", "Pharmaceutical products - 33600000"). Returns undefined when
 * the item holds no CPV-shaped code. The check digit is returned, not judged: the caller knows how much the
 * context (a list labelled CPV on a portal, or loose page text) already says.
 */
export function parseLabelledCpv(item: string): LabelledCpv | undefined {
  const text = item.replace(/[\s\u00a0]+/g, ' ').trim();
  let code8: string | undefined;
  let check: string | undefined;
  let label: string | undefined;
  let match = CODE_ONLY.exec(text);
  if (match) [, code8, check] = match;
  else if ((match = CODE_FIRST.exec(text))) [, code8, check, label] = match;
  else if ((match = CODE_LAST.exec(text))) [, label, code8, check] = match;
  if (!code8 || !isCpvShaped(code8)) return undefined;
  const reading: LabelledCpv = { code8 };
  if (check !== undefined) reading.checkDigit = Number(check);
  const cleaned = cleanLabel(label);
  if (cleaned) reading.label = cleaned;
  return reading;
}
