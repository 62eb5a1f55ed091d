// The words of a report for the CLI: the extension's own locale catalogue (public/_locales/<lang>/messages.json)
// for the language --lang names, so the terminal writes the sentences the extension writes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogueWords, isReportLanguage, REPORT_LANGUAGES, type Catalogue, type ReportWords } from '../disclosures/report-words';
import { UsageError } from './cli-io';
import { packageRoot } from './knowledge-file';

export async function readReportWords(lang: string, command: string): Promise<ReportWords> {
  if (!isReportLanguage(lang)) throw new UsageError(`--lang: "${lang}" is not one of ${REPORT_LANGUAGES.join(', ')}`, command);
  const file = path.join(packageRoot(), 'public', '_locales', lang, 'messages.json');
  const catalogue = JSON.parse(await readFile(file, 'utf8')) as Catalogue;
  return catalogueWords(catalogue, lang);
}
