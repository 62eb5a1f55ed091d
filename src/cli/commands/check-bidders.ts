// `tenderlens check-bidders`: the bidder check of the extension from a terminal — bidders from a text or CSV file,
// disclosures and entity files as given — written as a printable HTML page, CSV or JSON.
import { basename } from 'node:path';
import type { Source } from '../../core/types';
import { checkBidders, summariseBidder, type BidderInput } from '../../disclosures/check-bidders';
import { checkKnowledgeFrom } from '../../disclosures/check-knowledge';
import { readBidderFile } from '../../disclosures/bidder-list';
import { parseDate } from '../../disclosures/parse-values';
import { renderReportCsv, renderReportJson } from '../../disclosures/report-export';
import { renderReportHtml } from '../../disclosures/report-html';
import { EXIT_OK, InputError, UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { loadDisclosureFiles } from '../disclosure-files';
import { referencesOfSets } from '../entity-references';
import { ENTITIES_OPTION, entityFileSourceId, loadEntitySets, plural, takeEntityFiles } from '../entity-sets';
import { DEFAULT_KNOWLEDGE_PATH, readDefaultData } from '../knowledge-file';
import { parseArgs, type OptionSpec } from '../parse-args';
import { readReportWords } from '../report-language';
import { readWorldShapes } from '../world-shapes-file';

const NAME = 'check-bidders';
const DISCLOSURES_OPTION = 'disclosures';

const OPTIONS: OptionSpec[] = [
  { name: 'bidders', value: 'FILE', description: 'the bidders: a text file with one name a line, or a CSV whose first column (or column "bidder"/"name") holds them' },
  { name: DISCLOSURES_OPTION, value: 'FILE', description: 'a disclosure or facility list (CSV, XLSX, JSON); give it once per file, earlier versions first' },
  { name: ENTITIES_OPTION, value: 'FILE', description: 'FollowTheMoney entities (JSON lines) to check against; give it once per file' },
  { name: 'no-defaults', description: 'leave out the shipped entity lists (the product lists are still used)' },
  { name: 'as-of', value: 'YYYY-MM-DD', description: 'the date disclosure and audit freshness are judged at (default: today)' },
  { name: 'out', value: 'FILE', description: 'the report: .html (printable), .csv or .json' },
  { name: 'lang', value: 'en|es|fr|nl|de|sv', description: "the report's language, as the extension writes it (default: en); CSV column names stay English" },
];

/** Takes every `--disclosures FILE` out of the arguments (the option may be repeated). */
function takeDisclosureFiles(args: readonly string[]): { files: string[]; rest: string[] } {
  const files: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${DISCLOSURES_OPTION}`) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${DISCLOSURES_OPTION} needs a value (--${DISCLOSURES_OPTION} FILE)`, NAME);
      files.push(value);
    } else if (arg.startsWith(`--${DISCLOSURES_OPTION}=`)) files.push(arg.slice(DISCLOSURES_OPTION.length + 3));
    else rest.push(arg);
  }
  return { files, rest };
}

/** Bidders from a text file (one a line, # comments) or a CSV (the bidder column, else the first). */
export function readBidderList(file: string, bytes: Uint8Array): BidderInput[] {
  const bidders = readBidderFile(file, bytes);
  if (bidders.length === 0) throw new InputError(`${file}: no bidder names (one a line, or a CSV with a "bidder" column)`);
  return bidders;
}

async function runCheckBidders(args: string[], io: CliIo): Promise<number> {
  const { files: entityFiles, rest: afterEntities } = takeEntityFiles(args, NAME);
  const { files: disclosureFiles, rest } = takeDisclosureFiles(afterEntities);
  const parsed = parseArgs(rest, OPTIONS, NAME);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, NAME);
  const biddersFile = parsed.options.get('bidders');
  const out = parsed.options.get('out');
  if (typeof biddersFile !== 'string') throw new UsageError('check-bidders needs --bidders FILE', NAME);
  if (typeof out !== 'string') throw new UsageError('check-bidders needs --out FILE (.html, .csv or .json)', NAME);
  const format = /\.html?$/i.test(out) ? 'html' : /\.csv$/i.test(out) ? 'csv' : /\.json$/i.test(out) ? 'json' : undefined;
  if (!format) throw new UsageError(`--out: "${out}" must end in .html, .csv or .json`, NAME);
  const asOfOption = parsed.options.get('as-of');
  const asOf = typeof asOfOption === 'string' ? parseDate(asOfOption) : new Date().toISOString().slice(0, 10);
  if (!asOf || (typeof asOfOption === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(asOfOption))) throw new UsageError(`--as-of: "${String(asOfOption)}" is not a date (YYYY-MM-DD)`, NAME);
  const useDefaults = !parsed.options.has('no-defaults');
  const langOption = parsed.options.get('lang');
  const words = await readReportWords(typeof langOption === 'string' ? langOption : 'en', NAME);

  const bidders = readBidderList(biddersFile, await io.readFile(biddersFile));
  const defaults = await readDefaultData(DEFAULT_KNOWLEDGE_PATH).catch((error: unknown) => { throw new InputError(error instanceof Error ? error.message : String(error)); });
  const { sets, entities } = await loadEntitySets({ useDefaults, dataFile: DEFAULT_KNOWLEDGE_PATH, files: entityFiles }, io);
  const { disclosures } = await loadDisclosureFiles(disclosureFiles, io);
  const loadedAt = new Date().toISOString();
  const fileSources: Source[] = entityFiles.map((file) => ({
    id: entityFileSourceId(file), kind: 'entity-list', title: basename(file), publisher: 'file given on the command line', url: '', licence: '',
    version: `${plural(entities.filter((e) => e.sourceId === entityFileSourceId(file)).length, 'entity', 'entities')}`, partial: false, loadedAt,
  }));
  const sources = [...defaults.sources.filter((s) => useDefaults || s.kind !== 'entity-list'), ...fileSources];
  const knowledge = checkKnowledgeFrom({ sources, entities, flags: defaults.flags.filter((f) => useDefaults || !f.entityId), riskCategories: defaults.riskCategories });
  const report = checkBidders({ bidders, disclosures, knowledge, asOf, generatedAt: loadedAt, words });
  const text =
    format === 'html'
      ? renderReportHtml(report, words, await readWorldShapes())
      : format === 'csv'
        ? renderReportCsv(report, words)
        : renderReportJson(report, referencesOfSets(sets));
  await io.writeFile(out, text);
  for (const b of report.bidders) io.stdout(`${b.name}: ${summariseBidder(b, words).verdict}\n`);
  io.stdout(`Report written to ${out} (${plural(bidders.length, 'bidder')}, ${plural(disclosures.length, 'disclosure')}, as of ${asOf}).\n`);
  return EXIT_OK;
}

export const checkBiddersCommand: Command = {
  name: NAME,
  summary: 'check bidders against the lists and their factory disclosures, and write the report',
  usage: 'tenderlens check-bidders --bidders <csv|txt> [--disclosures FILE]... [--entities FILE.ftm.jsonl]... [--no-defaults] [--as-of YYYY-MM-DD] [--lang en|es|fr|nl|de|sv] --out <report.html|report.csv|report.json>',
  description: `
Checks each bidder as the extension's bidder check does: the bidder's own name against the entity lists (the
shipped ones unless --no-defaults, and every --entities file); its latest disclosure among the --disclosures
files (a contractor's later file is its next version; the changes are listed), each disclosed facility against
the entity lists, against the facilities of the other files (Open Supply Hub lists, other bidders' disclosures)
and for derived risks (its products in its country on the ILAB list, high-risk categories, a Xinjiang address);
and the disclosure's completeness and freshness as of --as-of. Every flag has its chain of evidence (bidder →
facility → list entry) and its confidence. The report never says "no risk": it lists what was checked, the list
versions, and what is not known (alerts are not checked from the command line). --lang writes the report's
sentences in one of the extension's six languages, from its own catalogues (the CSV's column names stay English).

A disclosure file's problems are printed on standard error as file: row N, column "C": problem; a file refused
whole (a required column missing) stops the command. The report is written to --out; a line per bidder is printed.

Exit codes: 0 when the report was written, 1 when a file cannot be used, 2 for usage errors.`,
  options: OPTIONS,
  run: runCheckBidders,
};
