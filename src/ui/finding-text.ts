// A finding in the interface language: its title, what the lists say and why it is shown, worded from the finding's
// structured parts (flag types, products, countries, dates, CPV and other product codes) through the catalogue. The analysis writes the
// same sentences in English for the CLI; the matcher's explanation is translated by match-reason.ts; what a source
// wrote itself (names, products, notes, CPV labels) stays as written.
import type { Finding, Flag, NoticeReading } from '../core/types';
import { countryName, formatDate, formatList, t, tn } from './i18n';
import { localiseMatchReason } from './match-reason';
import { SCHEME_NAMES } from '../core/classification-risk';

export interface FindingWords {
  title: string;
  detail: string;
  reason: string;
}

export function findingWords(finding: Finding, reading?: NoticeReading): FindingWords {
  if (finding.kind !== 'high-risk-category') {
    const listTitle = (sourceId: string) => finding.sources.find((s) => s.sourceId === sourceId)?.title ?? sourceId;
    const detail = finding.flags.length
      ? finding.flags.map((f) => describeEntityFlag(f, listTitle(f.sourceId))).join(' ')
      : t('entityWatchList', [finding.sources[0]?.title ?? '']);
    return { title: finding.title, detail, reason: localiseMatchReason(finding.reason) };
  }
  const title = riskCategoryLabel(finding.id.replace(/^category:/, ''), finding.title);
  const code = finding.cpvCodes[0];
  const label = reading?.cpv.find((c) => c.code8 === code)?.label;
  const other = finding.classificationCodes?.[0];
  // A UNSPSC, NAICS or PSC code: the code, and the mapped code's official title (with that code when it differs).
  const otherReason = other && t('categoryReasonCode', [SCHEME_NAMES[other.scheme], other.code, other.mappedCode === other.code ? other.mappedTitle : `${other.mappedCode} ${other.mappedTitle}`, title]);
  return {
    title,
    detail: describeProductFlags(finding.flags),
    reason: code ? t('categoryReason', [code, label ?? t('cpvUnknown'), title]) : otherReason || finding.reason,
  };
}

/** A risk category's name in the interface language; the list's own label for a category the catalogue lacks. */
export function riskCategoryLabel(categoryId: string, listLabel: string): string {
  const key = `riskCategory_${categoryId.replace(/-/g, '_')}`;
  const label = t(key);
  return label === key ? listLabel : label;
}

const ENTITY_FLAG_TYPES = new Set<Flag['type']>(['import_ban', 'sanctions', 'child_labour', 'forced_child_labour', 'forced_labour']);

/** What a list says about a company: "On “UFLPA Entity List”: an import ban on goods made with forced labour. Listed since 21 Jun 2022." */
export function describeEntityFlag(flag: Flag, listTitle: string): string {
  const type = ENTITY_FLAG_TYPES.has(flag.type) ? flag.type : 'forced_labour';
  const says = t(`entityListSays_${type}`, [listTitle]);
  return flag.date ? `${says} ${t('entityListedSince', [formatDate(flag.date)])}` : says;
}

/** "import ban since 11 Jun 2024", "forced labour (Polysilicon, China)". */
export function describeFlag(flag: Flag): string {
  const what = t(`flagType_${flag.type}`);
  const about = [flag.product, flag.country ? countryName(flag.country) : undefined].filter(Boolean).join(', ');
  const withAbout = about ? `${what} (${about})` : what;
  return flag.date ? t('flagSince', [withAbout, formatDate(flag.date)]) : withAbout;
}

/** What the lists say about a category's products, product by product: "Gloves: forced labour in Malaysia." */
export function describeProductFlags(flags: readonly Flag[], maxProducts = 6): string {
  const byProduct = new Map<string, Map<Flag['type'], string[]>>();
  for (const flag of flags) {
    const product = flag.product ?? t('flagListedProduct');
    const types = byProduct.get(product) ?? new Map<Flag['type'], string[]>();
    const places = types.get(flag.type) ?? [];
    if (flag.country) places.push(countryName(flag.country));
    types.set(flag.type, places);
    byProduct.set(product, types);
  }
  const sentences = [...byProduct].slice(0, maxProducts).map(([product, types]) => {
    const parts = [...types].map(([type, places]) => {
      const what = t(`flagType_${type}`);
      return places.length ? t('flagWhere', [what, formatList(places)]) : what;
    });
    return t('productSentence', [product, parts.join('; ')]);
  });
  const more = byProduct.size - maxProducts;
  return more > 0 ? `${sentences.join(' ')} ${tn('moreProducts', more)}` : sentences.join(' ');
}
