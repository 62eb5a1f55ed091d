// `tenderlens disclosure validate FILE`: reads a factory disclosure (CSV, XLSX or JSON) as the extension's import
// does and prints every problem with its file, row and column, then what would be imported.
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { parseDisclosureFile } from '../disclosure-files';
import { plural } from '../entity-sets';
import { parseArgs, type OptionSpec } from '../parse-args';

const NAME = 'disclosure';
const OPTIONS: OptionSpec[] = [
  { name: 'supplier', value: 'NAME', description: 'the contractor, when the file has no supplier_name column' },
];

async function runDisclosure(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'validate') throw new UsageError(action === undefined ? 'disclosure needs an action: tenderlens disclosure validate FILE' : `unknown action "${action}" (the action is validate)`, NAME);
  const parsed = parseArgs(rest, OPTIONS, NAME);
  if (parsed.positionals.length !== 1) throw new UsageError('disclosure validate takes one file', NAME);
  const file = parsed.positionals[0]!;
  const supplier = parsed.options.get('supplier');
  const result = await parseDisclosureFile(file, io, typeof supplier === 'string' ? supplier : undefined);
  for (const p of result.problems) io.stdout(`${p.effect === 'note' ? 'note' : p.effect === 'file-refused' ? 'refused' : p.effect === 'row-skipped' ? 'skipped' : 'not used'}: ${p.message}\n`);
  if (!result.accepted) {
    io.stdout(`${file}: refused; nothing would be imported.\n`);
    return EXIT_FAILURE;
  }
  for (const d of result.disclosures) {
    io.stdout(`${file}: ${d.kind === 'disclosure' ? `disclosure by ${d.supplier.name}${d.disclosureDate ? `, dated ${d.disclosureDate}` : ', not dated'}` : 'facility list (no contractor named)'}: ${plural(d.facilities.length, 'facility', 'facilities')}\n`);
  }
  io.stdout(`${file}: ${plural(result.rowsRead, 'row')} read, ${plural(result.rowsSkipped, 'row')} skipped, ${plural(result.problems.filter((p) => p.effect !== 'note').length, 'problem')}.\n`);
  return result.problems.some((p) => p.effect !== 'note') ? EXIT_FAILURE : EXIT_OK;
}

export const disclosureCommand: Command = {
  name: NAME,
  summary: 'check a factory disclosure file (CSV, XLSX, JSON) and print every problem',
  usage: 'tenderlens disclosure validate <FILE> [--supplier NAME]',
  description: `
Reads FILE as the extension's import does: CSV or tab-separated text in UTF-8 (with or without a byte-order mark),
UTF-16 or Windows-1252, delimited by , ; tab or |; an XLSX workbook (its first sheet); or JSON (a list of
facilities, or {"supplier": {...}, "facilities": [...]}). Headers may be the template's field names, Open Supply
Hub's columns (name, address, country, sector, product_type, …) or their usual names in English, French, Dutch,
German, Spanish or Swedish.

Prints every problem as file: row N, column "C": what is wrong, and what happens to it: "skipped" (the row is left
out: no name, no address, unknown country, a duplicate facility), "not used" (the value is left out, the row kept:
a date that is not a date, an invalid OS ID, …), "refused" (nothing is imported: a required column is missing) or
"note". Then prints what would be imported.

Exit codes: 0 when the file has no problem, 1 when it has any (or cannot be read), 2 for usage errors.`,
  options: OPTIONS,
  run: runDisclosure,
};
