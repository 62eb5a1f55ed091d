// The risk categories a notice's UNSPSC, NAICS or PSC code falls in, by TenderLens's classification map
// (src/data/classification-risk-map.ts), with the mapped code that led there. UNSPSC and NAICS are hierarchies: a
// notice code matches an entry it lies under (46181504 under 46181500), and a broader notice code down to a UNSPSC
// family or a NAICS industry group (4 digits) covers a narrower entry, as for CPV; segments and sectors are too broad
// to say. PSC classes match exactly.
import type { NoticeClassification, RiskCategory } from './types';
import { CLASSIFICATION_RISK_MAP, type ClassificationRiskEntry, type MappedScheme } from '../data/classification-risk-map';

export interface ClassificationCategory {
  category: RiskCategory;
  /** The map's entry that led to the category: its code and official title. */
  entry: ClassificationRiskEntry;
}

/** A UNSPSC code's significant digits: its level's 2, 4, 6 or 8 digits (trailing "00" pairs dropped). */
function unspscLevel(code8: string): string {
  let digits = code8;
  while (digits.length > 2 && digits.endsWith('00')) digits = digits.slice(0, -2);
  return digits;
}

function overlaps(scheme: MappedScheme, noticeCode: string, entryCode: string): boolean {
  if (scheme === 'psc') return noticeCode === entryCode;
  const notice = scheme === 'unspsc' ? unspscLevel(noticeCode) : noticeCode;
  const entry = scheme === 'unspsc' ? unspscLevel(entryCode) : entryCode;
  if (notice.startsWith(entry)) return true;
  return notice.length >= 4 && entry.startsWith(notice);
}

export const SCHEME_NAMES: Record<NoticeClassification['scheme'], string> = { unspsc: 'UNSPSC', naics: 'NAICS', psc: 'PSC', cpc: 'CPC' };

/** The categories (in their given order) a classification falls in, each with the first entry that led to it. */
export function riskCategoriesForClassification(
  classification: NoticeClassification,
  categories: readonly RiskCategory[],
  map: readonly ClassificationRiskEntry[] = CLASSIFICATION_RISK_MAP,
): ClassificationCategory[] {
  if (classification.scheme === 'cpc') return [];
  const scheme = classification.scheme;
  const entries = map.filter((e) => e.scheme === scheme && overlaps(scheme, classification.code, e.code));
  // The most specific entry first: it names the good most closely.
  entries.sort((a, b) => specificity(b) - specificity(a));
  const found: ClassificationCategory[] = [];
  for (const category of categories) {
    const entry = entries.find((e) => e.categories.includes(category.id));
    if (entry) found.push({ category, entry });
  }
  return found;
}

function specificity(entry: ClassificationRiskEntry): number {
  return entry.scheme === 'unspsc' ? unspscLevel(entry.code).length : entry.code.length;
}

/**
 * Why a code falls in a category, naming the code and the map's entry: "UNSPSC 46181504 Protective gloves",
 * "UNSPSC 46181506 (under 46181500 Safety apparel)", "NAICS 3341 (which includes 334111 …)" for a broader code.
 */
export function describeMappedCode(classification: NoticeClassification, entry: ClassificationRiskEntry): string {
  const scheme = SCHEME_NAMES[classification.scheme];
  if (entry.code === classification.code) return `${scheme} ${classification.code} ${entry.title}`;
  const own = classification.label ? ` ${classification.label}` : '';
  const broader = classification.scheme !== 'psc' && !(classification.scheme === 'unspsc' ? unspscLevel(classification.code) : classification.code).startsWith(classification.scheme === 'unspsc' ? unspscLevel(entry.code) : entry.code);
  return `${scheme} ${classification.code}${own} (${broader ? 'which includes' : 'under'} ${entry.code} ${entry.title})`;
}
