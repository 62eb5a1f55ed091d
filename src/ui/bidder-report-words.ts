// The bidder check report's words in the interface language: browser.i18n's catalogue (the one the interface
// shows) and Intl in that language. The CLI builds the same words from the same catalogue files.
import { wordsFrom, type ReportWords } from '../disclosures/report-words';
import { browser } from '../extension/browser';
import { uiLocale } from './i18n';

export function interfaceReportWords(): ReportWords {
  return wordsFrom(browser.i18n.getMessage('uiLanguage') || 'en', uiLocale(), (key, substitutions) => browser.i18n.getMessage(key, substitutions));
}
