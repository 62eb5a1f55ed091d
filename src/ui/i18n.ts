// Interface strings and formats in the user's language. Words come from the extension's _locales (browser.i18n
// picks the catalogue from the browser's interface language; English when there is none for it); dates, numbers,
// lists, plurals and country names are formatted by Intl in the language of the catalogue actually shown, so a
// German sentence never carries an American date. A missing key shows as the key.
import { browser } from '../extension/browser';
import { LocalisedError } from '../core/localised-error';

type Substitutions = string | string[];

export function t(key: string, substitutions?: Substitutions): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The BCP 47 tag to format with: the browser's interface language when the catalogue shown is in that language
 * ("de-AT" with the German catalogue), else the catalogue's own language (`uiLanguage` in each messages.json).
 * Chromium started with `--lang=de` shows the German catalogue while `getUILanguage()` still says "en-US".
 */
export function uiLocale(): string {
  const catalogue = browser.i18n.getMessage('uiLanguage') || 'en';
  let browserTag = '';
  try {
    browserTag = browser.i18n.getUILanguage().replace(/_/g, '-');
  } catch {
    browserTag = '';
  }
  const key = `${catalogue}|${browserTag}`;
  let locale = locales.get(key);
  if (locale === undefined) {
    locale = primaryLanguage(browserTag) === primaryLanguage(catalogue) && isValidTag(browserTag) ? browserTag : catalogue;
    locales.set(key, locale);
  }
  return locale;
}

/** The locale chosen for each catalogue and browser language, and each Intl formatter made: made once, not per use. */
const locales = new Map<string, string>();
const formatters = new Map<string, unknown>();

function made<T>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = uiLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make(locale);
    formatters.set(key, formatter);
  }
  return formatter;
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * A message that depends on a count: `<key>_one` or `<key>_other` (chosen by the language's plural rules; a rule
 * the catalogues do not spell out, such as French "many", falls back to `_other`). `$1` is the count, formatted;
 * further substitutions follow as `$2`, `$3`….
 */
export function tn(key: string, count: number, more: string[] = []): string {
  const category = made('plural', {}, (locale) => new Intl.PluralRules(locale)).select(count);
  const substitutions = [formatNumber(count), ...more];
  const form = category === 'one' ? 'one' : 'other';
  return browser.i18n.getMessage(`${key}_${form}`, substitutions) || browser.i18n.getMessage(`${key}_other`, substitutions) || key;
}

export function formatNumber(n: number): string {
  return made('number', {}, (locale) => new Intl.NumberFormat(locale)).format(n);
}

/** A date alone ("3 déc. 2026"); `iso` may be a date ("2024-06-11") or a full timestamp. Unparseable: as given. */
export function formatDate(iso: string | number | Date): string {
  const date = toDate(iso);
  if (!date) return String(iso);
  // A bare date is a calendar day, not a moment: shown in UTC, so it never moves to the day before.
  const dayOnly = typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', ...(dayOnly ? { timeZone: 'UTC' } : {}) };
  return made('date', options, (locale) => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** A moment, with its time ("3 Dec 2026, 11:20"). */
export function formatDateTime(iso: string | number | Date): string {
  const date = toDate(iso);
  if (!date) return String(iso);
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return made('date', options, (locale) => new Intl.DateTimeFormat(locale, options)).format(date);
}

function toDate(value: string | number | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A list's version as shown: a date version ("2026-06-03") in the language, any other ("2022", "sample") as is. */
export function formatVersion(version: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(version) ? formatDate(version) : version;
}

/** "A, B and C" / "A, B y C" / "A, B et C". */
export function formatList(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
  return made('list', { type }, (locale) => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}

/** A country's name in the interface language from its ISO 3166-1 alpha-2 code ("CN" → "China", "Chine", "Kina"). */
export function countryName(code: string): string {
  try {
    return made('region', {}, (locale) => new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' })).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** What went wrong, for the user: a LocalisedError in the interface language, any other error as it says. */
export function errorText(error: unknown): string {
  if (error instanceof LocalisedError) return t(error.key, error.substitutions);
  return error instanceof Error ? error.message : String(error);
}

/** A list's publisher and licence as the interface shows them: the user's own imports say so in their language. */
export function sourcePublisher(source: { sourceId?: string; id?: string; publisher: string }): string {
  return isImported(source) ? t('importedByYou') : source.publisher;
}

export function sourceLicence(source: { id: string; licence: string }): string {
  return isImported(source) ? t('importedLicence') : source.licence;
}

function isImported(source: { sourceId?: string; id?: string }): boolean {
  return (source.sourceId ?? source.id ?? '').startsWith('import-');
}
