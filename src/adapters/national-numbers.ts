// Reads two national company numbers that portals print next to names, checking their check digits so that a typo
// never becomes an identifier: the Belgian enterprise number (KBO/BCE, "0417.497.106" or "BE0417497106", which is
// also the company's VAT number) and the Chilean RUT ("76.012.551-2", check digit 0–9 or K).
import type { EntityIdentifier } from '../core/types';

/** "0417.497.106", "0417 497 106", "BE 0417.497.106", "BE0417497106", "417497106" (the old 9-digit form). */
const ENTERPRISE_NUMBER = /^(?:BE)?\s*([01]?\d{3})[\s.]?(\d{3})[\s.]?(\d{3})$/i;

/**
 * A Belgian enterprise number as its VAT identifier ("BE0417497106"), or undefined when the text is not one or its
 * check digits (97 minus the first eight digits modulo 97) do not agree.
 */
export function belgianEnterpriseNumber(text: string): EntityIdentifier | undefined {
  const compact = text.replace(/\u00a0/g, ' ').trim();
  if (compact.length > 24) return undefined;
  const match = ENTERPRISE_NUMBER.exec(compact);
  if (!match) return undefined;
  const digits = `${match[1]}${match[2]}${match[3]}`.padStart(10, '0');
  const body = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  if (body === 0 || 97 - (body % 97) !== check) return undefined;
  return { scheme: 'vat', value: `BE${digits}` };
}

/** The enterprise number printed the Belgian way, "0417.497.106", from its VAT form. */
export function formatEnterpriseNumber(vat: string): string {
  const digits = vat.replace(/^BE/, '');
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** "76.012.551-2", "76012551-2", "760125512" is not accepted (the hyphen says where the check digit starts). */
const RUT = /^(\d{1,3}(?:\.\d{3}){0,2}|\d{1,9})-([\dkK])$/;

/** The check digit of a RUT's body: the digits weighted 2, 3, 4, 5, 6, 7, 2, … from the right, modulo 11. */
function rutCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (2 + (i % 6));
  const rest = 11 - (sum % 11);
  return rest === 11 ? '0' : rest === 10 ? 'K' : String(rest);
}

/**
 * A Chilean RUT, written the Chilean way with dots and its check digit ("76.012.551-2"), or undefined when the text
 * is not one or its check digit is wrong.
 */
export function chileanRut(text: string): EntityIdentifier | undefined {
  const match = RUT.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!match) return undefined;
  const body = match[1]!.replace(/\./g, '').replace(/^0+/, '');
  if (body === '' || body.length > 9) return undefined;
  const check = match[2]!.toUpperCase();
  if (rutCheckDigit(body) !== check) return undefined;
  return { scheme: 'registration', value: `${body.replace(/\B(?=(\d{3})+$)/g, '.')}-${check}` };
}

/** A RUT at the start of a text, as the award pages print a bidder ("76.012.551-2 IMPORTADORA MEGA MARKET LTDA"). */
export function leadingRut(text: string): { rut?: EntityIdentifier; rest: string } {
  const match = /^\s*(\d{1,3}(?:\.\d{3}){0,2}-[\dkK]|\d{1,9}-[\dkK])(?=\s|$)\s*[-–]?\s*/.exec(text);
  if (!match) return { rest: text.trim() };
  const rut = chileanRut(match[1]!);
  return rut ? { rut, rest: text.slice(match[0].length).trim() } : { rest: text.slice(match[0].length).trim() };
}
