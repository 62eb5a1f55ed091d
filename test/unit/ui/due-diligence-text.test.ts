// The guidance on each kind of finding (what it means for the award, what to ask the supplier) in the interface
// language: the English catalogue says exactly what the shipped guidance says, and the other languages translate it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DUE_DILIGENCE } from '@/src/data/due-diligence';
import type { Concern } from '@/src/core/types';
import { dueDiligenceWords } from '@/src/ui/due-diligence-text';
import { readCatalogue, useCatalogue } from './use-catalogue';

const concerns = Object.keys(DUE_DILIGENCE) as Concern[];

beforeEach(() => fakeBrowser.reset());

describe('due-diligence guidance in the interface language', () => {
  it('is in the English catalogue word for word, with no question more or less', () => {
    const english = readCatalogue('en');
    for (const concern of concerns) {
      const guidance = DUE_DILIGENCE[concern];
      expect(english[`dueDiligence_${concern}_award`]?.message, concern).toBe(guidance.forTheAward);
      guidance.askTheSupplier.forEach((q, i) => expect(english[`dueDiligence_${concern}_q${i + 1}`]?.message, `${concern} q${i + 1}`).toBe(q));
    }
    const keys = Object.keys(english).filter((key) => key.startsWith('dueDiligence_'));
    expect(keys.length).toBe(concerns.reduce((n, c) => n + 1 + DUE_DILIGENCE[c].askTheSupplier.length, 0));
  });

  it.each(['es', 'fr', 'nl', 'de', 'sv'])('is translated in %s, questions still questions', (lang) => {
    useCatalogue(lang, lang);
    for (const concern of concerns) {
      const words = dueDiligenceWords(concern);
      expect(words.forTheAward).not.toBe(DUE_DILIGENCE[concern].forTheAward);
      words.askTheSupplier.forEach((q, i) => {
        expect(q).not.toBe(DUE_DILIGENCE[concern].askTheSupplier[i]);
        expect(q).toMatch(/\?$/);
      });
    }
  });

  it('speaks of the bidder and the award in each country’s words', () => {
    useCatalogue('de', 'de-DE');
    expect(dueDiligenceWords('import_ban').forTheAward).toMatch(/vor dem Zuschlag.*Bieter/i);
    useCatalogue('fr', 'fr-FR');
    expect(dueDiligenceWords('import_ban').forTheAward).toMatch(/attribution.*soumissionnaire/);
    useCatalogue('sv', 'sv-SE');
    expect(dueDiligenceWords('high_risk_product').forTheAward).toMatch(/anbudsgivare/);
  });
});
