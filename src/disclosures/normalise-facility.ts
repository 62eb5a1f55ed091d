// Facility names and addresses in a comparable form. Names go through the matcher's name normaliser (case, accents,
// punctuation, legal forms' spellings) and lose their legal form; addresses are folded, common abbreviations are
// written out ("Rd." = "Road", "No." = number), and the country's name is dropped, since the country is compared
// on its own. Pure.
import { normaliseName } from '../matcher';
import { countryName } from '../core/countries';

/** Legal-form and filler words left out when facility names are compared. */
const NAME_NOISE = new Set([
  'co', 'company', 'ltd', 'limited', 'inc', 'corp', 'corporation', 'llc', 'plc', 'sdn', 'bhd', 'berhad', 'gmbh', 'ag',
  'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy', 'kg', 'sl', 'pt', 'tbk', 'jsc', 'pvt', 'private',
  'the', 'factory', 'plant', 'branch',
]);

export function facilityNameTokens(name: string): string[] {
  return normaliseName(name).split(' ').filter((t) => t && !NAME_NOISE.has(t));
}

export function normaliseFacilityName(name: string): string {
  const tokens = facilityNameTokens(name);
  return (tokens.length > 0 ? tokens : normaliseName(name).split(' ')).join(' ');
}

const ADDRESS_WORDS: Record<string, string> = {
  rd: 'road', st: 'street', str: 'strasse', straße: 'strasse', ave: 'avenue', av: 'avenue', blvd: 'boulevard',
  no: '#', nr: '#', num: '#', number: '#', bldg: 'building', fl: 'floor', f: 'floor', ind: 'industrial',
  indl: 'industrial', industial: 'industrial', zn: 'zone', dist: 'district', prov: 'province', hwy: 'highway',
  jln: 'jalan', jl: 'jalan', tmn: 'taman', kg: 'kampung', dong: 'dong', vill: 'village', twp: 'township',
  'p c': 'postcode', pc: 'postcode',
};

export function addressTokens(address: string, country?: string): string[] {
  const countryWords = new Set(country ? [country.toLowerCase(), ...(countryName(country)?.toLowerCase().split(/\s+/) ?? [])] : []);
  return address
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .split(/[^\p{L}\p{N}#]+/u)
    .filter(Boolean)
    .map((t) => ADDRESS_WORDS[t] ?? t)
    .filter((t) => t !== '#' && !countryWords.has(t));
}

export function normaliseAddress(address: string, country?: string): string {
  return addressTokens(address, country).join(' ');
}

/** Dice coefficient of two token lists (as sets): 1 when they share every token, 0 when none. */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared++;
  return (2 * shared) / (setA.size + setB.size);
}
