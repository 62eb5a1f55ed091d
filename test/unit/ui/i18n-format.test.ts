// The interface language at work, on the real catalogues (see use-catalogue.ts): the language dates and numbers
// are formatted in, the plural forms of counts, and Intl's dates, lists and country names.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { countryName, formatDate, formatDateTime, formatList, formatNumber, formatVersion, t, tn, uiLocale } from '@/src/ui/i18n';
import { useCatalogue } from './use-catalogue';

beforeEach(() => fakeBrowser.reset());

describe('the language to format in', () => {
  it('is the catalogue shown, when the browser reports another language', () => {
    useCatalogue('de', 'en-US');
    expect(uiLocale()).toBe('de');
  });

  it("keeps the browser's region when it reports the catalogue's language", () => {
    useCatalogue('de', 'de-AT');
    expect(uiLocale()).toBe('de-AT');
    useCatalogue('en', 'en-GB');
    expect(uiLocale()).toBe('en-GB');
  });

  it('is English for a language without a catalogue', () => {
    useCatalogue('en', 'pt-BR');
    expect(uiLocale()).toBe('en');
  });
});

describe('counts', () => {
  it('take the singular and plural forms of each language', () => {
    useCatalogue('en', 'en-US');
    expect(tn('countFindings', 1)).toBe('1 finding');
    expect(tn('countFindings', 3)).toBe('3 findings');
    useCatalogue('de', 'de-DE');
    expect(tn('countFindings', 1)).toBe('1 Befund');
    expect(tn('countFindings', 2)).toBe('2 Befunde');
    useCatalogue('es', 'es-ES');
    expect(tn('feedAdded', 2, ['Reuters'])).toBe('Ahora sigue «Reuters»: 2 alertas hasta ahora.');
  });

  it('follow French rules: zero is singular, and "many" falls back to the plural', () => {
    useCatalogue('fr', 'fr-FR');
    expect(tn('countFindings', 0)).toBe('0 constat');
    expect(tn('countFindings', 1_000_000)).toBe(`${formatNumber(1_000_000)} constats`);
  });

  it('format the count in the language', () => {
    useCatalogue('sv', 'sv-SE');
    expect(tn('importProblems', 12345)).toBe('12\u00a0345 problem i filen');
    useCatalogue('de', 'en-US');
    expect(t('feedRefreshDone', [tn('countFeeds', 1), tn('countNewAlerts', 1200)])).toBe('1 Feed gelesen: 1.200 neue Meldungen.');
  });
});

describe('dates, lists and countries', () => {
  it("write a list's date in the language, on its own day", () => {
    useCatalogue('de', 'en-US');
    expect(formatDate('2024-06-11')).toBe('11.06.2024');
    useCatalogue('fr', 'fr-FR');
    expect(formatDate('2024-06-11')).toBe('11 juin 2024');
    useCatalogue('en', 'en-GB');
    expect(formatDate('2024-06-11')).toBe('11 Jun 2024');
  });

  it('give moments a time, and leave what is not a date as it was', () => {
    useCatalogue('nl', 'nl-NL');
    expect(formatDateTime('2026-12-03T11:20:00Z')).toMatch(/^3 dec 2026,? \d{2}:\d{2}$/);
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatVersion('2026-06-03')).toBe('3 jun 2026');
    expect(formatVersion('2022')).toBe('2022');
  });

  it('join lists and name countries in the language', () => {
    useCatalogue('es', 'es-ES');
    expect(formatList(['China', 'Malasia', 'India'])).toBe('China, Malasia e India');
    expect(countryName('MY')).toBe('Malasia');
    useCatalogue('sv', 'sv-SE');
    expect(countryName('cn')).toBe('Kina');
    expect(countryName('XK')).toBe('Kosovo');
  });
});
