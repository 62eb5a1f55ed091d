// Company identifiers: validators (LEI check digits, EU VAT formats, UK company numbers, UEI, CAGE, DUNS,
// Open Supply Hub IDs), canonical spellings for lookup, and the search for identifier candidates in page text.

import type { IdentifierScheme } from '@/src/core/types';

/** ISO 17442 LEI: 18 alphanumerics and 2 check digits; ISO 7064 MOD 97-10 of the whole code equals 1. */
export function isValidLei(value: string): boolean {
  if (!/^[A-Z0-9]{18}[0-9]{2}$/.test(value)) return false;
  let remainder = 0;
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const digits = code <= 0x39 ? String(code - 0x30) : String(code - 0x41 + 10);
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 0x30)) % 97;
  }
  return remainder === 1;
}

/** EU VAT number formats by country prefix (the VIES formats); "XI" is Northern Ireland, "GB" the UK. */
const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/, BE: /^[01]\d{9}$/, BG: /^\d{9,10}$/, CY: /^\d{8}[A-Z]$/, CZ: /^\d{8,10}$/, DE: /^\d{9}$/,
  DK: /^\d{8}$/, EE: /^\d{9}$/, EL: /^\d{9}$/, ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/, FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, HR: /^\d{11}$/, HU: /^\d{8}$/, IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/, LT: /^(\d{9}|\d{12})$/, LU: /^\d{8}$/, LV: /^\d{11}$/, MT: /^\d{8}$/, NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/, PT: /^\d{9}$/, RO: /^[1-9]\d{1,9}$/, SE: /^\d{10}01$/, SI: /^\d{8}$/, SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, GB: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** An EU VAT number with its country prefix ("DE123456789", "NL123456789B01"); checks the format, not a register. */
export function isValidEuVat(value: string): boolean {
  const format = VAT_FORMATS[value.slice(0, 2)];
  return format !== undefined && format.test(value.slice(2));
}

const UK_COMPANY_PREFIXES = 'SC|NI|OC|SO|NC|IP|SP|IC|SI|NP|NV|RC|SR|SL|FC|GE|LP|NL|NO|NR|NA|NZ|RS|SA|SF|SG|SZ|ZC|AC|CE|CS|PC|SE';
const UK_COMPANY_RE = new RegExp(`^(\\d{8}|(${UK_COMPANY_PREFIXES})\\d{6}|R\\d{7})$`);

/** UK Companies House number: 8 characters, digits or a 2-letter register prefix and 6 digits ("SC123456"). */
export function isValidUkCompanyNumber(value: string): boolean {
  return UK_COMPANY_RE.test(value);
}

/** US SAM Unique Entity ID: 12 characters, letters and digits without I or O, not starting with 0. */
export function isValidUei(value: string): boolean {
  return /^[A-HJ-NP-Z1-9][A-HJ-NP-Z0-9]{11}$/.test(value);
}

/** US CAGE (or NATO NCAGE) code: 5 characters, letters and digits without I or O. */
export function isValidCage(value: string): boolean {
  return /^[A-HJ-NP-Z0-9]{5}$/.test(value);
}

/** Dun & Bradstreet number: 9 digits (often written 12-345-6789). */
export function isValidDuns(value: string): boolean {
  return /^\d{9}$/.test(value);
}

/** Open Supply Hub ID: country code, year and day of the year it was created, 6 characters ("BD2021113R7R87P"). */
export function isValidOsId(value: string): boolean {
  const match = /^[A-Z]{2}(\d{4})(\d{3})[A-Z0-9]{6}$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const day = Number(match[2]);
  return year >= 2015 && year <= 2099 && day >= 1 && day <= 366;
}

export const IDENTIFIER_VALIDATORS: Readonly<Record<IdentifierScheme, (canonical: string) => boolean>> = {
  lei: isValidLei,
  vat: isValidEuVat,
  'gb-coh': isValidUkCompanyNumber,
  uei: isValidUei,
  cage: isValidCage,
  duns: isValidDuns,
  'os-id': isValidOsId,
  registration: (value) => /^[A-Z0-9]{4,20}$/.test(value) && /\d/.test(value),
};

/**
 * The spelling an identifier is looked up by: upper case, without spaces, dots, hyphens or slashes; Greek VAT
 * with "EL"; UK company numbers of 7 digits padded to 8.
 */
export function canonicalIdentifier(scheme: IdentifierScheme, value: string): string {
  let canonical = value.normalize('NFKC').toUpperCase().replace(/[\s.\-/]/g, '');
  if (scheme === 'vat' && canonical.startsWith('GR')) canonical = 'EL' + canonical.slice(2);
  if (scheme === 'gb-coh' && /^\d{1,7}$/.test(canonical)) canonical = canonical.padStart(8, '0');
  return canonical;
}

/**
 * Schemes whose numbers look like many other numbers on a page (plain digits, 5-character codes): a match is
 * high confidence only when a label such as "Companies House number" or "DUNS" stands just before it.
 */
export const AMBIGUOUS_SCHEMES: ReadonlySet<IdentifierScheme> = new Set(['gb-coh', 'duns', 'cage', 'registration']);

// Labels in the portals' languages: registers and tax numbers (INN/ИНН, OGRN, KRS, NIP, REGON, KvK, SIREN, SIRET,
// NIF, CIF, RUT, NIT, CNPJ, RFC, Partita IVA, Handelsregister, USt-IdNr., the unified social credit code) and the
// words for "number" (Nr., nº, n°, número, numéro, numer, номер).
const LABEL_RE = new RegExp(
  [
    String.raw`compan(y|ies)\s*(house|number|no|reg)|registration|registered|reg\.?\s*no|\bcrn\b|d-?u-?n-?s|\bcage\b|\buei\b`,
    String.raw`unique entity|\bvat\b|\blei\b|\btax\b|os\s*id|open supply|\bid\b|number|no\.`,
    String.raw`(?<!\p{L})(инн|огрн|кпп|inn|ogrn|krs|nip|regon|kvk|btw|siren|siret|tva|nif|cif|rut|nit|cnpj|rfc|iva|hrb|hra|ust-?idnr|uid|ico|ičo|dič)(?!\p{L})`,
    String.raw`handelsregister|registre|registro|rejestr|реестр|codice fiscale|partita|steuernummer|nummer|numéro|número|numer|номер`,
    String.raw`(?<!\p{L})(nr\.?|n°|nº)(?!\p{L})|统一社会信用代码|統一社會信用代碼|注册号|註冊號|法人番号`,
  ].join('|'),
  'iu',
);

/** True when a label naming an identifier stands within 60 characters before `start`. */
export function hasIdentifierLabelBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return LABEL_RE.test(before);
}

export interface IdentifierCandidate {
  start: number;
  end: number;
  /** Canonical spelling (upper case, separators removed). */
  value: string;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const MAX_IDENTIFIER_LENGTH = 24;
const DIGIT = /[0-9]/g;

/**
 * Identifier-shaped strings in `text`: runs of letters and digits, alone or joined across single spaces,
 * hyphens, dots or slashes when the later parts are digits ("DE 123 456 789", "12-345-6789"). Every identifier
 * has a digit, so the search jumps from digit to digit and text without digits costs one pass of char codes.
 * Only candidates of a length in `lengths` are reported (`lengths[n]` non-zero).
 */
export function findIdentifierCandidates(text: string, lengths: Uint8Array): IdentifierCandidate[] {
  const out: IdentifierCandidate[] = [];
  if (lengths.every((allowed) => allowed === 0)) return out;
  const n = text.length;
  // Parts of the current candidate (prefix, run, later groups), reused from run to run.
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < n) {
    // The next digit, found by the regular expression engine's native loop.
    DIGIT.lastIndex = i;
    if (!DIGIT.test(text)) break;
    i = DIGIT.lastIndex - 1;
    // The alphanumeric run around this digit.
    let runStart = i;
    while (runStart > 0 && isAsciiAlnum(text.charCodeAt(runStart - 1))) runStart--;
    let runEnd = i;
    while (runEnd < n && isAsciiAlnum(text.charCodeAt(runEnd))) runEnd++;
    let parts = 0;
    // A country prefix of one or two letters before it ("DE 123456789").
    if (runStart >= 2 && isJoiner(text.charCodeAt(runStart - 1))) {
      let q = runStart - 1;
      while (q > 0 && isAsciiLetter(text.charCodeAt(q - 1))) q--;
      const size = runStart - 1 - q;
      if (size >= 1 && size <= 2 && (q === 0 || !isAsciiAlnum(text.charCodeAt(q - 1)))) {
        starts[parts] = q;
        ends[parts++] = runStart - 1;
      }
    }
    starts[parts] = runStart;
    ends[parts++] = runEnd;
    // Later groups of digits ("12-345-6789").
    let end = runEnd;
    while (end + 1 < n && isJoiner(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))) {
      let next = end + 1;
      while (next < n && isDigit(text.charCodeAt(next))) next++;
      if (next < n && isAsciiLetter(text.charCodeAt(next))) break;
      starts[parts] = end + 1;
      ends[parts++] = next;
      end = next;
    }
    for (let a = 0; a < parts; a++) {
      let length = 0;
      for (let b = a; b < parts; b++) {
        length += ends[b]! - starts[b]!;
        if (length > MAX_IDENTIFIER_LENGTH) break;
        // Every part but the letter prefix has a digit; the prefix alone is no identifier.
        const hasDigit = !(b === a && starts[a] !== runStart && a === 0);
        if (!hasDigit || !lengths[length] || !isBoundary(text, starts[a]! - 1) || !isBoundary(text, ends[b]!)) continue;
        let value = '';
        for (let k = a; k <= b; k++) value += text.slice(starts[k], ends[k]);
        out.push({ start: starts[a]!, end: ends[b]!, value: value.toUpperCase() });
      }
    }
    i = end + 1;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isJoiner(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x2e || c === 0x2f;
}

/** Identifiers must not be glued to letters or digits, nor to other word characters (accented letters). */
function isBoundary(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const c = text.charCodeAt(index);
  if (c < 128) return !isAsciiAlnum(c);
  return !/[\p{L}\p{N}]/u.test(text[index]!);
}
