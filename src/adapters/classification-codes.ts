// Normalises the product and service codes portals print besides (or instead of) CPV: UNSPSC as SECOP and Mercado
// Público write it ("V1.81111800", "1.80111500", "801116", "8011"), NAICS industries (2 to 6 digits) and US Product
// and Service Codes (PSC: "5850", "Q999", "Z2AA"). Codes that have no such shape are left out, never guessed.
import type { NoticeClassification } from '../core/types';

/** UNSPSC segments run from 10 to 95 (Live Plant and Animal Material … Public Utilities and Public Sector). */
function isUnspscSegment(two: string): boolean {
  const n = Number(two);
  return n >= 10 && n <= 95;
}

/**
 * A UNSPSC code as its 8-digit commodity form: the version prefix ("V1.", "1.") dropped, a segment, family or
 * class padded with zeros ("801116" → "80111600", "8011" → "80110000"); a 7-digit form with a lost trailing zero
 * ("1.8011000") read as the family it names. Undefined for anything else.
 */
export function normaliseUnspsc(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(/^(?:V?\d{1,2}\.)/i, '');
  if (!/^\d{2,8}$/.test(compact) || (compact.length % 2 === 1 && compact.length !== 7)) return undefined;
  if (!isUnspscSegment(compact.slice(0, 2))) return undefined;
  return compact.padEnd(8, '0');
}

/** NAICS 2022 sectors (first two digits). */
const NAICS_SECTORS = new Set(['11', '21', '22', '23', '31', '32', '33', '42', '44', '45', '48', '49', '51', '52', '53', '54', '55', '56', '61', '62', '71', '72', '81', '92']);

/** A NAICS code (sector to national industry, 2–6 digits) or undefined. */
export function normaliseNaics(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  return /^\d{2,6}$/.test(compact) && NAICS_SECTORS.has(compact.slice(0, 2)) ? compact : undefined;
}

/** A PSC: four digits for products (Federal Supply Class), a letter and three characters for services and R&D. */
export function normalisePsc(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '').toUpperCase();
  return /^(?:\d{4}|[A-Z][0-9A-Z]{3})$/.test(compact) ? compact : undefined;
}

const NORMALISERS: Record<NoticeClassification['scheme'], (text: string) => string | undefined> = {
  unspsc: normaliseUnspsc,
  naics: normaliseNaics,
  psc: normalisePsc,
  cpc: (text) => (/^\d{1,9}$/.test(text.trim()) ? text.trim() : undefined),
};

/** A classification of a known scheme, normalised, with its label when it has one; undefined when malformed. */
export function classification(scheme: NoticeClassification['scheme'], code: string, label?: string): NoticeClassification | undefined {
  const normal = NORMALISERS[scheme](String(code));
  if (!normal) return undefined;
  const cleanLabel = label?.replace(/\s+/g, ' ').trim();
  return cleanLabel ? { scheme, code: normal, label: cleanLabel.slice(0, 300) } : { scheme, code: normal };
}

/** The scheme an OCDS classification names ("UNSPSC", "CPV", "NAICS", "PSC", "CPC"), lower-cased, if known. */
export function schemeOf(name: unknown): NoticeClassification['scheme'] | 'cpv' | undefined {
  const key = String(name ?? '').trim().toLowerCase();
  if (key === 'cpv' || key === 'cpvs') return 'cpv';
  if (key === 'unspsc' || key === 'unspsc-v1') return 'unspsc';
  if (key === 'naics') return 'naics';
  if (key === 'psc') return 'psc';
  if (key === 'cpc') return 'cpc';
  return undefined;
}
