// Interface strings come from the extension's _locales (English first); a missing key shows as the key.
import { browser } from '../extension/browser';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
