// Reads the registration numbers printed next to buyers and suppliers into identifiers with a scheme:
// UK Companies House numbers (zero-padded to 8 characters), DUNS numbers, or other national registrations.
import type { CountryCode, EntityIdentifier } from '../core/types';
import { isValidEuVat, isValidLei } from '../matcher/identifiers';

/**
 * A Companies House number in its canonical 8-character form, or undefined when the text is not one.
 * England and Wales numbers are digits ("2354269" → "02354269"); Scotland, Northern Ireland, LLPs and others
 * carry a two-letter prefix followed by six digits ("SC123456", "OC301234").
 */
export function companiesHouseNumber(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '').toUpperCase();
  if (/^\d{1,8}$/.test(compact) && /[1-9]/.test(compact)) return compact.padStart(8, '0');
  if (/^[A-Z]{2}\d{6}$/.test(compact)) return compact;
  return undefined;
}

/**
 * The identifier of a "National registration number" field. A number printed for a party in the United Kingdom
 * that has the shape of a Companies House number is read as one; anything else is kept as a national registration.
 */
export function registrationIdentifier(text: string, country: CountryCode | undefined): EntityIdentifier | undefined {
  const value = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (value === '' || value.length > 64) return undefined;
  if (country === 'GB') {
    const number = companiesHouseNumber(value);
    if (number) return { scheme: 'gb-coh', value: number };
  }
  return { scheme: 'registration', value };
}

/** How a "Reference" field names the register its number belongs to. */
const REFERENCE_SCHEMES: { label: RegExp; read(value: string): EntityIdentifier | undefined }[] = [
  {
    label: /^companies house(?: registration)?(?: number| no\.?)?$/i,
    read: (value) => {
      const number = companiesHouseNumber(value);
      return number ? { scheme: 'gb-coh', value: number } : undefined;
    },
  },
  {
    label: /^(?:duns|d-u-n-s)(?: number| no\.?)?$/i,
    read: (value) => {
      const digits = value.replace(/[\s-]/g, '');
      return /^\d{9}$/.test(digits) ? { scheme: 'duns', value: digits } : undefined;
    },
  },
];

/**
 * Reads a labelled reference such as "Companies House number: 08004972" or "DUNS number: 123456789".
 * Other labelled references become a national registration with the label kept ("Charity number: 1234567").
 */
export function referenceIdentifier(text: string): EntityIdentifier | undefined {
  const value = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (value === '' || value.length > 120) return undefined;
  const match = /^([^:]{2,60}):\s*(\S.*)$/.exec(value);
  if (!match) return { scheme: 'registration', value };
  const [, label, number] = match as unknown as [string, string, string];
  for (const scheme of REFERENCE_SCHEMES) {
    if (scheme.label.test(label.trim())) return scheme.read(number);
  }
  return { scheme: 'registration', value };
}

/**
 * The identifier of a company number given without a label (eForms `cbc:CompanyID`, TED `NATIONALID`, OCDS
 * `identifier.id`): an LEI or an EU VAT number (with its country prefix, "DE176071460") when it is one, a UK
 * Companies House number for a British party, else a national registration as written.
 */
export function companyIdentifier(text: string, country: CountryCode | undefined): EntityIdentifier | undefined {
  const value = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (value === '' || value.length > 64) return undefined;
  const compact = value.toUpperCase().replace(/[\s.\-/]/g, '');
  if (isValidLei(compact)) return { scheme: 'lei', value: compact };
  const vat = compact.startsWith('GR') ? `EL${compact.slice(2)}` : compact;
  if (/^[A-Z]{2}/.test(vat) && isValidEuVat(vat)) return { scheme: 'vat', value: vat };
  // Publishers sometimes put a name or a town in the number's field: a number has digits.
  if (!/\d/.test(value)) return undefined;
  return registrationIdentifier(value, country);
}
