// Turns the country names and NUTS codes printed on notice pages ("United Kingdom", "England", "UK - United
// Kingdom") into ISO 3166-1 alpha-2 codes. English names come from the runtime's CLDR data (Intl.DisplayNames).
import type { CountryCode } from '../core/types';

/** Names notices use that CLDR's English short names do not cover. */
const NAME_ALIASES: Record<string, CountryCode> = {
  'uk': 'GB',
  'great britain': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'england': 'GB',
  'scotland': 'GB',
  'wales': 'GB',
  'northern ireland': 'GB',
  'usa': 'US',
  'united states of america': 'US',
  'turkey': 'TR',
  'czech republic': 'CZ',
  "people's republic of china": 'CN',
  'china, people’s republic of': 'CN',
  'hong kong': 'HK',
  'macao': 'MO',
  'macau': 'MO',
  'republic of korea': 'KR',
  'korea, republic of': 'KR',
  'russian federation': 'RU',
  'viet nam': 'VN',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  'burma': 'MM',
  'myanmar': 'MM',
  'swaziland': 'SZ',
  'macedonia': 'MK',
  'republic of moldova': 'MD',
  'iran, islamic republic of': 'IR',
  'bolivia, plurinational state of': 'BO',
  'venezuela, bolivarian republic of': 'VE',
  'tanzania, united republic of': 'TZ',
  'lao pdr': 'LA',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
};

/** NUTS country prefixes that differ from ISO 3166-1 (Greece "EL", the United Kingdom "UK"). */
const NUTS_PREFIX_TO_ISO: Record<string, CountryCode> = { EL: 'GR', UK: 'GB' };

/** Region codes CLDR names that are not countries: groupings, private-use and pseudo-locale codes. */
function isCountryCode(code: string): boolean {
  if (['EU', 'EZ', 'UN', 'AA', 'ZZ'].includes(code)) return false;
  if (/^Q[M-Z]$/.test(code) || (/^X[A-Z]$/.test(code) && code !== 'XK')) return false;
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}

/** Lower case, accents and punctuation variants folded, so "Côte d’Ivoire" and "Cote d'Ivoire" meet. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/&/g, 'and')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

let namesToCodes: Map<string, CountryCode> | undefined;

function countryNameIndex(): Map<string, CountryCode> {
  if (namesToCodes) return namesToCodes;
  const index = new Map<string, CountryCode>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let displayNames: Intl.DisplayNames | undefined;
  try {
    displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    displayNames = undefined; // a runtime without CLDR region names: only the aliases below are known
  }
  if (displayNames) {
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        if (!isCountryCode(code)) continue;
        const name = displayNames.of(code);
        if (name && name !== code) index.set(nameKey(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(NAME_ALIASES)) index.set(nameKey(alias), code);
  namesToCodes = index;
  return index;
}

/** The ISO alpha-2 code for a printed country name ("United Kingdom" → "GB"), or undefined when unknown. */
export function countryFromName(name: string): CountryCode | undefined {
  const key = nameKey(name);
  if (key === '' || key.length > 80) return undefined;
  return countryNameIndex().get(key);
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
