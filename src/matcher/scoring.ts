// Scores one name match from the evidence around it (how distinctive the name is, how the page writes it,
// legal forms, a different continuation) into a tier, a 0..1 score, a rule id and a one-sentence reason.

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
  legalForm: LegalFormEvidence;
  /** The legal form as written on the page, if any. */
  pageLegalForm?: string;
  /** The next word when the page continues the name with another capitalised word ("Healthcare"). */
  continuation?: string;
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

function clampToTier(value: number, confidence: 'high' | 'review'): number {
  const [low, high] = confidence === 'high' ? [0.7, 1] : [0.3, 0.69];
  return Math.round(Math.min(high, Math.max(low, value)) * 100) / 100;
}

/** Decides the tier of a name match, or null when the evidence is too weak to show it at all. */
export function scoreNameMatch(e: NameEvidence, text: string, matchedName: string): Verdict | null {
  const lowerish = e.caseAsWritten === 'lower' || e.caseAsWritten === 'mixed';
  const formSupports = e.legalForm === 'same' || e.legalForm === 'compatible' || e.legalForm === 'present';
  const rule = [KIND_RULE[e.kind]];
  const intro = `"${text}" matches the ${KIND_LABEL[e.kind]} "${matchedName}"`;
  const formNote = e.pageLegalForm && formSupports ? ` with the legal form "${e.pageLegalForm}"` : '';

  if (e.kind === 'weakAlias') {
    if (lowerish) return null;
    if (e.listedInCapitals && e.caseAsWritten !== 'upper' && e.caseAsWritten !== 'uncased') return null;
    if (formSupports) rule.push('legal-form');
    const score = KIND_BASE.weakAlias + (formSupports ? 0.1 : 0);
    return {
      confidence: 'review',
      score: clampToTier(score, 'review'),
      rule: rule.join('+'),
      reason: `${intro}${formNote}; possible only, because short or ambiguous aliases need a person to check them.`,
    };
  }
  if (lowerish && e.distinct < 2 && !formSupports) return null;

  let score = KIND_BASE[e.kind] + 0.05 * Math.min(e.distinct, 3);
  if (e.legalForm === 'same') score += 0.1;
  else if (formSupports) score += 0.05;
  if (e.caseAsWritten === 'title' || e.caseAsWritten === 'upper') score += 0.03;

  let confidence: 'high' | 'review';
  let why: string;
  if (e.legalForm === 'different') {
    rule.push('legal-form-differs');
    score -= 0.15;
    confidence = 'review';
    why = `possible only, because the page has the legal form "${e.pageLegalForm}", which differs from the listed one, so it may be a related company`;
  } else if (e.continuation) {
    rule.push('different-continuation');
    score -= 0.2;
    confidence = 'review';
    why = `possible only, because the page continues the name with "${e.continuation}", so it may be a sister company`;
  } else if (lowerish) {
    rule.push('lower-case');
    score -= 0.2;
    confidence = 'review';
    why = 'possible only, because the page does not write it as a proper name';
  } else if (e.distinct >= 2) {
    if (formSupports) rule.push('legal-form');
    confidence = 'high';
    why = formSupports
      ? 'flagged because the name is distinctive and a matching legal form follows it'
      : e.caseAsWritten === 'uncased'
        ? 'flagged because the name is distinctive'
        : 'flagged because the name is distinctive and written as a proper name';
  } else if (e.distinct === 1 && formSupports) {
    rule.push('legal-form');
    confidence = 'high';
    why = 'flagged because a legal form confirms that the page names this company';
  } else {
    rule.push(e.distinct === 0 ? 'common-words' : 'short-name');
    if (formSupports) rule.push('legal-form');
    confidence = 'review';
    why =
      e.distinct === 0
        ? 'possible only, because the name is made of common words'
        : 'possible only, because a short name needs a legal form or identifier to confirm it';
  }
  return { confidence, score: clampToTier(score, confidence), rule: rule.join('+'), reason: `${intro}${formNote}; ${why}.` };
}
