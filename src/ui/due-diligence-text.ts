// What a finding means for the award and what to ask the supplier, in the interface language: the catalogue's
// `dueDiligence_<concern>_award` and `_q<n>` messages. Their English is the shipped guidance of
// src/data/due-diligence.ts word for word (a test checks it), which the findings report keeps.
import type { Concern } from '../core/types';
import { DUE_DILIGENCE, type DueDiligence } from '../data/due-diligence';
import { t } from './i18n';

export function dueDiligenceWords(concern: Concern): DueDiligence {
  const english = DUE_DILIGENCE[concern];
  const prefix = `dueDiligence_${concern}_`;
  return {
    forTheAward: translated(`${prefix}award`, english.forTheAward),
    askTheSupplier: english.askTheSupplier.map((question, i) => translated(`${prefix}q${i + 1}`, question)),
  };
}

/** The catalogue's message, or the English guidance for one the catalogue lacks. */
function translated(key: string, english: string): string {
  const message = t(key);
  return message === key ? english : message;
}
