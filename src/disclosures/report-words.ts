// The words the bidder check's report is written in, for one language: the messages of a locale catalogue
// (public/_locales/<lang>/messages.json, substituted as browser.i18n does), and Intl's plural rules and country
// names for that language. The extension builds them from browser.i18n (the interface's catalogue), the CLI and
// the tests from a catalogue file: the same messages, so the same sentences. Pure.
import { localiseMatchReasonWith } from '../core/match-reason-text';

export type Catalogue = Record<string, { message: string }>;

/** The report's languages: the interface's six. */
export const REPORT_LANGUAGES = ['en', 'es', 'fr', 'nl', 'de', 'sv'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportWords {
  /** The catalogue's language ("de"), written into the report. */
  lang: string;
  /** The BCP 47 tag for Intl ("de-AT", or the catalogue's language). */
  locale: string;
  t(key: string, substitutions?: string[]): string;
  /** `<key>_one` / `<key>_other` by the language's plural rules; `$1` is the count, further substitutions follow. */
  tn(key: string, count: number, more?: string[]): string;
  /** A country's name in the language from its ISO 3166-1 alpha-2 code (the code when Intl has none). */
  country(code: string): string;
  /** The matcher's English explanation in the language. */
  matchReason(reason: string): string;
}

/** The parts every `ReportWords` shares, given a message lookup (`''` for a missing key). */
export function wordsFrom(lang: string, locale: string, message: (key: string, substitutions: string[]) => string): ReportWords {
  const t = (key: string, substitutions: string[] = []) => message(key, substitutions) || key;
  let regions: Intl.DisplayNames | undefined;
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return {
    lang,
    locale,
    t,
    tn(key, count, more = []) {
      const substitutions = [numbers.format(count), ...more];
      const form = plurals.select(count) === 'one' ? 'one' : 'other';
      return message(`${key}_${form}`, substitutions) || message(`${key}_other`, substitutions) || key;
    },
    country(code) {
      try {
        regions ??= new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    matchReason: (reason) => localiseMatchReasonWith(reason, t),
  };
}

/** The words of a catalogue read from its messages.json: `$1`…`$9` substituted, `$$` a dollar. */
export function catalogueWords(catalogue: Catalogue, lang: string, locale = lang): ReportWords {
  return wordsFrom(lang, locale, (key, substitutions) => {
    const text = catalogue[key]?.message;
    if (text === undefined) return '';
    return text.replace(/\$(\$|\d)/g, (_, n: string) => (n === '$' ? '$' : (substitutions[Number(n) - 1] ?? '')));
  });
}

export function isReportLanguage(lang: string): lang is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(lang);
}
