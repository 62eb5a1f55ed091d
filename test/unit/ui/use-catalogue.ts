// Puts one of the real catalogues behind WXT's fake browser.i18n (which has none): getMessage reads
// public/_locales/<lang>/messages.json and substitutes $1…$9 as the browser does; getUILanguage reports
// `browserTag`, which may differ from the catalogue (Chromium started with --lang=de says "en-US").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing';

export type Catalogue = Record<string, { message: string }>;

export function readCatalogue(lang: string): Catalogue {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url)), 'utf8')) as Catalogue;
}

export function useCatalogue(lang: string, browserTag: string): void {
  const catalogue = readCatalogue(lang);
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const message = catalogue[key]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => browserTag;
}
