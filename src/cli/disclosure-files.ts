// Disclosure files for the CLI: reads each (CSV, XLSX or JSON), gives each contractor its version in the order the
// files are given, and reports every problem on standard error. A file refused whole is an input error with all
// its reasons. Shared by `check-bidders` and `disclosure validate`.
import { parseDisclosureTable, type ParsedFile } from '../disclosures/parse-disclosure';
import { readTable, TableReadError } from '../disclosures/read-table';
import type { Disclosure } from '../disclosures/types';
import { nextVersion, type DisclosureDiff } from '../disclosures/versions';
import { InputError, type CliIo } from './cli-io';

export async function parseDisclosureFile(file: string, io: CliIo, supplierName?: string): Promise<ParsedFile> {
  const bytes = await io.readFile(file);
  try {
    const table = await readTable(file, bytes);
    return parseDisclosureTable(table, { ...(supplierName ? { supplierName } : {}), importedAt: new Date().toISOString() });
  } catch (error) {
    if (error instanceof TableReadError) throw new InputError(error.message);
    throw error;
  }
}

/** Every file's disclosures as stored versions, with the differences between a contractor's versions. */
export async function loadDisclosureFiles(files: readonly string[], io: CliIo): Promise<{ disclosures: Disclosure[]; diffs: DisclosureDiff[] }> {
  const disclosures: Disclosure[] = [];
  const diffs: DisclosureDiff[] = [];
  for (const file of files) {
    const parsed = await parseDisclosureFile(file, io);
    const problems = parsed.problems.filter((p) => p.effect !== 'note');
    if (!parsed.accepted) throw new InputError(`${file}: refused, nothing imported:\n${parsed.problems.map((p) => `  ${p.message}`).join('\n')}`);
    if (problems.length > 0) io.stderr(problems.map((p) => `tenderlens: ${p.message}\n`).join(''));
    for (const draft of parsed.disclosures) {
      const { disclosure, diff } = nextVersion(draft, disclosures);
      disclosures.push(disclosure);
      if (diff) diffs.push(diff);
    }
  }
  return { disclosures, diffs };
}
