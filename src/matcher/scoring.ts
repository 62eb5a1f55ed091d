// Scores one name match from the evidence around it (how distinctive and long the name is, how the page writes it,
// legal forms, a different continuation, an omitted qualifier) into a tier, a 0..1 score, a rule id and a reason.

import { toCountryCode } from '../core/countries';
import type { NameKind } from './compiled';

export type CaseAsWritten = 'title' | 'upper' | 'lower' | 'mixed' | 'uncased';

/** How the legal form on the page relates to the knowledge-base name's. */
export type LegalFormEvidence =
  | 'same' // same class ("Co., Ltd." on the page, "Company Limited" in the list)
  | 'compatible' // only generic words ("Corporation") on one side
  | 'present' // a form on the page, none in the list
  | 'different' // both have forms of different classes ("Sdn Bhd" against "Berhad")
  | 'none';

export interface NameEvidence {
  kind: NameKind;
  /** Distinctive words in the indexed name (rare in the knowledge base and not common words). */
  distinct: number;
  caseAsWritten: CaseAsWritten;
  /** The knowledge base writes this name in capitals (an acronym such as "XPCC"). */
  listedInCapitals: boolean;
  /** The knowledge base writes this name with a legal form ("Aneks Polska Sp. z o.o."), so a page without one shortens it. */
  listedWithLegalForm?: boolean;
  legalForm: LegalFormEvidence;
  /** The page's legal form is the listed form of another entity with this name, and this entity lists none. */
  formOfAnotherEntity?: boolean;
  /** The legal form as written on the page, if any. */
  pageLegalForm?: string;
  /** The next word when the page continues the name with another capitalised word ("Healthcare"). */
  continuation?: string;
  /** True when a legal form follows that continuation ("Supermax Healthcare Limited"): another company's name. */
  continuationHasLegalForm?: boolean;
  /** The capitalised word just before the name, when it stands in the same proper name ("Mikhail Kalashnikov"). */
  precededBy?: string;
  /** Number of words of the indexed name (characters for CJK names). */
  tokens: number;
  /** The name is written in CJK characters. */
  cjk: boolean;
  /** A qualifier inside the listed name ("Shanshan" of "Hoshine Silicon Industry (Shanshan) Co., Ltd") that the page leaves out. */
  omittedQualifier?: string;
  /** The listed name goes on after its legal form with a town ("… D.O.O. Zrenjanin"), and the page stops at the form. */
  townLeftOut?: boolean;
  /**
   * The page writes the whole listed name, and it numbers a site after a word of its own, as in "Tianjin No. 2 Prison"
   * or "Shenyang No. 1 Laogai Detachment".
   */
  numbered?: boolean;
}

export interface Verdict {
  confidence: 'high' | 'review';
  score: number;
  rule: string;
  reason: string;
}

const KIND_BASE: Record<NameKind, number> = { name: 0.8, alias: 0.76, previousName: 0.72, weakAlias: 0.45 };
const KIND_RULE: Record<NameKind, string> = {
  name: 'exact-name',
  alias: 'exact-alias',
  previousName: 'exact-previous-name',
  weakAlias: 'weak-alias',
};
const KIND_LABEL: Record<NameKind, string> = {
  name: 'name',
  alias: 'alias',
  previousName: 'previous name',
  weakAlias: 'short alias',
};
/** The words between the page's text and the listed name in a reason, whole (fewer strings joined per mention). */
const KIND_MATCHES = Object.fromEntries(
  Object.entries(KIND_LABEL).map(([kind, label]) => [kind, `" matches the ${label} "`]),
) as Record<NameKind, string>;

/** CJK names without a legal form need more characters than this to be a red flag on their own. */
const CJK_TRADE_NAME_MAX = 4;

function clampToTier(value: number, confidence: 'high' | 'review'): number {
  const [low, high] = confidence === 'high' ? [0.7, 1] : [0.3, 0.69];
  return Math.round(Math.min(high, Math.max(low, value)) * 100) / 100;
}

/** Decides the tier of a name match, or null when the evidence is too weak to show it at all. */
export function scoreNameMatch(e: NameEvidence, text: string, matchedName: string): Verdict | null {
  const lowerish = e.caseAsWritten === 'lower' || e.caseAsWritten === 'mixed';
  const formSupports = e.legalForm === 'same' || e.legalForm === 'compatible' || e.legalForm === 'present';
  if (e.kind === 'weakAlias') {
    if (lowerish) return null;
    if (e.listedInCapitals && e.caseAsWritten !== 'upper' && e.caseAsWritten !== 'uncased') return null;
  } else {
    if (lowerish && e.distinct < 2 && !formSupports) return null;
    // A one-word name inside a longer proper name ("Gloria Ferrante", "Mikhail Kalashnikov") names something else.
    if (e.tokens === 1 && !formSupports && ((e.continuation && !e.continuationHasLegalForm) || e.precededBy)) return null;
  }
  // Candidates turned down end above: the explanation is written only for those kept.
  const head = `"${text}${KIND_MATCHES[e.kind]}${matchedName}"`;
  const formNote = e.pageLegalForm && formSupports ? ` with the legal form "${e.pageLegalForm}"` : '';

  if (e.kind === 'weakAlias') {
    const score = KIND_BASE.weakAlias + (formSupports ? 0.1 : 0);
    return {
      confidence: 'review',
      score: clampToTier(score, 'review'),
      rule: formSupports ? 'weak-alias+legal-form' : 'weak-alias',
      reason: `${head}${formNote}; possible only, because short or ambiguous aliases need a person to check them.`,
    };
  }
  const properCase = e.caseAsWritten === 'title' || e.caseAsWritten === 'upper';

  let score = KIND_BASE[e.kind] + 0.05 * Math.min(e.distinct, 3);
  if (e.legalForm === 'same') score += 0.1;
  else if (formSupports) score += 0.05;
  if (e.caseAsWritten === 'title' || e.caseAsWritten === 'upper') score += 0.03;

  // The rule id is the kind's rule and what decided (`+rule`); `why` ends the reason.
  let confidence: 'high' | 'review';
  let rule: string;
  let why: string;
  if (e.legalForm === 'different') {
    rule = '+legal-form-differs';
    score -= 0.15;
    confidence = 'review';
    why = `possible only, because the page has the legal form "${e.pageLegalForm}", which differs from the listed one, so it may be a related company`;
  } else if (e.formOfAnotherEntity) {
    rule = '+legal-form-of-another-entity';
    score -= 0.15;
    confidence = 'review';
    why = `possible only, because another listed company bears this name with the legal form "${e.pageLegalForm}", and this one is listed without it`;
  } else if (e.omittedQualifier) {
    rule = '+qualifier-omitted';
    score -= 0.15;
    confidence = 'review';
    why = `possible only, because the listed company is the one qualified "${e.omittedQualifier}" and the page leaves that out, so it may be its parent or a sister company`;
  } else if (e.townLeftOut) {
    rule = '+town-omitted';
    score -= 0.15;
    confidence = 'review';
    why = 'possible only, because the listed name goes on after its legal form with what is usually the town of its seat, and the page leaves that out, so it may be a related company';
  } else if (e.continuation) {
    rule = '+different-continuation';
    score -= 0.2;
    confidence = 'review';
    why = `possible only, because the page continues the name with "${e.continuation}", so it may be a sister company`;
  } else if (lowerish) {
    rule = '+lower-case';
    score -= 0.2;
    confidence = 'review';
    why = 'possible only, because the page does not write it as a proper name';
  } else if (e.cjk && !formSupports && e.tokens < CJK_TRADE_NAME_MAX + 1) {
    rule = '+short-cjk-name';
    confidence = 'review';
    why = `possible only, because a Chinese, Japanese or Korean name of ${CJK_TRADE_NAME_MAX} characters or fewer without its legal form is usually a trade name that many companies share`;
  } else if (e.distinct >= 2) {
    rule = formSupports ? '+legal-form' : '';
    confidence = 'high';
    why = formSupports
      ? 'flagged because the name is distinctive and a matching legal form follows it'
      : e.caseAsWritten === 'uncased'
        ? 'flagged because the name is distinctive'
        : 'flagged because the name is distinctive and written as a proper name';
  } else if (e.distinct === 1 && formSupports) {
    rule = '+legal-form';
    confidence = 'high';
    why = 'flagged because a legal form confirms that the page names this company';
  } else if (e.distinct === 1 && properCase && !e.cjk && e.tokens >= 3) {
    rule = '+long-name';
    confidence = 'high';
    why = 'flagged because the page writes this name of three or more words, one of them distinctive, in full as a proper name';
  } else if (e.distinct >= 1 && !e.listedWithLegalForm && e.legalForm === 'none' && properCase && !e.cjk && e.tokens >= 2) {
    rule = '+full-listed-name';
    confidence = 'high';
    why = 'flagged because the page writes the whole listed name, which has no legal form, as a proper name, and one of its words is distinctive';
  } else if (e.distinct === 0 && e.legalForm === 'same' && properCase && e.tokens >= 2) {
    rule = '+common-words+legal-form';
    confidence = 'high';
    why = 'flagged because, although the name is made of common words, the page writes it in full with the same legal form as the list';
  } else if (e.numbered && properCase && !e.cjk && e.tokens >= 4) {
    rule = '+numbered-name';
    confidence = 'high';
    why = 'flagged because the page writes in full a listed name that gives its place a number, which sets it apart although its words are common';
  } else {
    rule = (e.distinct === 0 ? '+common-words' : '+short-name') + (formSupports ? '+legal-form' : '');
    confidence = 'review';
    why =
      e.distinct === 0
        ? 'possible only, because the name is made of common words'
        : 'possible only, because a short name needs a legal form or identifier to confirm it';
  }
  return { confidence, score: clampToTier(score, confidence), rule: KIND_RULE[e.kind] + rule, reason: `${head}${formNote}; ${why}.` };
}

/**
 * A run of words from the middle or either end of a listed name ("Shihezi Xinren" of "Shihezi Xinren Battery Aluminum
 * Foil Technology Co., Ltd.", "LYSZD" of "Baoding LYSZD Trade and Business Co., Ltd."), holding a word that few
 * listed names use, written as a proper name. Never more than possible: the page does not give the whole name.
 */
export function scorePartialName(kind: NameKind, text: string, matchedName: string, words: number): Verdict {
  return {
    confidence: 'review',
    score: clampToTier(0.45 + 0.05 * Math.min(words, 3), 'review'),
    rule: `part-of-${KIND_RULE[kind]}`,
    reason: `"${text}" is part of the ${KIND_LABEL[kind]} "${matchedName}" and has a word that few listed names share; possible only, because the page does not give the whole name.`,
  };
}

/** Words that may stand in parentheses inside a name without being a location ("(Pvt) Ltd", "(M) Sdn Bhd"). */
function isFormLikeQualifier(words: readonly string[], legalFormWords: ReadonlySet<string>): boolean {
  return words.every((word) => word.length <= 2 || legalFormWords.has(word));
}

/**
 * The qualifier inside a listed name that a page leaves out: a parenthetical that is followed by more of the name
 * ("Hoshine Silicon Industry (Shanshan) Co., Ltd", "Young Sporting Goods (Suzhou) Co., Ltd.") whose words are not
 * in `pageText` (the mention and the text just after it), or a country anywhere in the name ("Long Rich (VN) Co.,
 * Ltd.", "Regina Miracle International (Vietnam)"): the company of another country is a sister. Any other
 * parenthetical at the end of a name is a note (an acronym, a plant) and may be left out; so may legal-form words and
 * one- or two-letter codes that are not countries ("(Pvt)", "(M)").
 */
export function omittedQualifier(
  listedName: string,
  pageText: string,
  fold: (text: string) => string[],
  legalFormWords: ReadonlySet<string>,
): string | undefined {
  if (!/[(（]/.test(listedName)) return undefined;
  const pageWords = new Set(fold(pageText));
  for (const match of listedName.matchAll(/[(（]([^()（）]*)[)）]/g)) {
    const inside = (match[1] ?? '').trim();
    const words = fold(inside);
    if (words.length === 0 || words.every((word) => legalFormWords.has(word))) continue;
    const country = toCountryCode(inside);
    const atEnd = fold(listedName.slice((match.index ?? 0) + match[0].length)).length === 0;
    if (country === undefined && (atEnd || isFormLikeQualifier(words, legalFormWords))) continue;
    if (words.every((word) => pageWords.has(word))) continue;
    if (country !== undefined && pageNamesCountry(pageText, country)) continue;
    return inside;
  }
  return undefined;
}

/** The page's own parenthetical names the same country ("(Vietnam)" for a listed "(VN)"). */
function pageNamesCountry(pageText: string, country: string): boolean {
  for (const match of pageText.matchAll(/[(（]([^()（）]*)[)）]/g)) if (toCountryCode(match[1] ?? '') === country) return true;
  return false;
}
