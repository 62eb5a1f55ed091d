// Turns the country fields and NUTS codes printed on notice pages ("United Kingdom", "England", "UK - United
// Kingdom", "DE300") into ISO 3166-1 alpha-2 codes, using the shared country table of the core.
import type { CountryCode } from '../core/types';
import { isCountryCode, toCountryCode } from '../core/countries';

/** NUTS country prefixes that differ from ISO 3166-1 (Greece "EL", the United Kingdom "UK"). */
const NUTS_PREFIX_TO_ISO: Record<string, CountryCode> = { EL: 'GR', UK: 'GB' };

/**
 * The ISO alpha-2 code for a printed country ("United Kingdom" → "GB", "USA" → "US"), or undefined. Short words
 * count only when written as codes in capitals, so an address line or an answer such as "No" is never Norway.
 */
export function countryFromName(text: string): CountryCode | undefined {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '' || trimmed.length > 80) return undefined;
  if (trimmed.length <= 3 && trimmed !== trimmed.toUpperCase()) return undefined;
  return toCountryCode(trimmed);
}

/**
 * The country of a NUTS code as printed on EU-style notices ("UK - United Kingdom", "UKI3 - Inner London - West",
 * "DE300"), or undefined when the text is not a NUTS code of a known country.
 */
export function countryFromNutsCode(text: string): CountryCode | undefined {
  const match = /^\s*([A-Z]{2})[0-9A-Z]{0,3}(?:\s*[-\u2013]\s*.*)?$/.exec(text);
  if (!match) return undefined;
  const prefix = match[1]!;
  const code = NUTS_PREFIX_TO_ISO[prefix] ?? prefix;
  return isCountryCode(code) ? code : undefined;
}
