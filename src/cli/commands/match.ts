// `tenderlens match`: finds the entities of the default knowledge base and of FollowTheMoney entity files in the
// text of a saved page, with the matcher the extension uses, and prints each mention with its confidence and reason.
import { compileMatcher, findMentions, type Mention } from '../../matcher';
import { UsageError, EXIT_OK, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { readPageTextInParallel } from '../page-text-thread';
import { DEFAULT_KNOWLEDGE_PATH } from '../knowledge-file';
import { referencesOfSets } from '../entity-references';
import type { ReferenceOf } from '../../publish/entity-references';
import { ENTITIES_OPTION, loadEntitySets, plural, takeEntityFiles, type EntitySet } from '../entity-sets';
import { parseArgs, type OptionSpec } from '../parse-args';

const NAME = 'match';
/** Widest cell of the human table's entity and text columns. */
const COLUMN_WIDTH = 40;

const OPTIONS: OptionSpec[] = [
  { name: ENTITIES_OPTION, value: 'FILE', description: 'FollowTheMoney entities (JSON lines) to match; give it once per file' },
  { name: 'no-defaults', description: 'do not match the default knowledge base (public/data/defaults.json); needs --entities' },
  { name: 'strict', description: 'refuse an entities file with any problem instead of importing its usable records' },
  { name: 'url', value: 'URL', description: 'the address the page was saved from (default: file://<path>)' },
  { name: 'json', description: 'print {"mentions":[{entityId, text, confidence, score, reason, list, …}]} instead of a table' },
];

/** The page's visible text, read straight from its markup (no DOM: `match` needs only the text), on a second thread. */
async function readPageText(input: string, bytes: Promise<Uint8Array>, io: CliIo): Promise<string> {
  const source = input === '-' ? 'standard input' : input;
  return readPageTextInParallel(await bytes, source, (warning) => io.stderr(`tenderlens: warning: ${warning}\n`));
}

/** Untrusted text in a terminal: control characters (escapes included) and line breaks become spaces. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

function cell(text: string, width: number): string {
  const clean = printable(text);
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean;
}

function describeSets(sets: readonly EntitySet[]): string {
  return sets.map((set) => {
    const skipped = Object.entries(set.report?.skippedBySchema ?? {}).map(([schema, n]) => `${schema} ${n}`);
    const problems = set.report?.problems.length ?? 0;
    const details = [
      skipped.length > 0 ? `skipped ${skipped.join(', ')}` : '',
      problems > 0 ? plural(problems, 'problem') : '',
    ].filter(Boolean);
    return `${printable(set.label)} (${plural(set.entities.length, 'entity', 'entities')}${details.length ? `; ${details.join('; ')}` : ''})`;
  }).join(', ');
}

function formatTable(mentions: readonly Mention[], names: ReadonlyMap<string, string>, sets: readonly EntitySet[]): string {
  const lines = [`Checked against: ${describeSets(sets)}`, ''];
  if (mentions.length === 0) {
    lines.push('No mentions found. No information is not the same as no risk.', '');
    return lines.join('\n');
  }
  const rows = mentions.map((m) => [
    cell(names.get(m.entityId) ?? m.entityId, COLUMN_WIDTH),
    cell(m.text, COLUMN_WIDTH),
    m.confidence,
    m.score.toFixed(2),
    printable(m.reason),
  ]);
  const header = ['ENTITY', 'TEXT', 'CONFIDENCE', 'SCORE', 'REASON'];
  const widths = header.slice(0, 4).map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => [...r.slice(0, 4).map((v, c) => v.padEnd(widths[c]!)), r[4]].join('  ').trimEnd();
  lines.push(`${plural(mentions.length, 'mention')}:`, line(header), ...rows.map(line), '');
  return lines.join('\n');
}

/** A mention for --json: the entity's own id as written in its file, and the list it came from, apart. */
function mentionJson(m: Mention, referenceOf: ReferenceOf) {
  const { entityId, list } = referenceOf(m.entityId);
  return {
    entityId, text: m.text, confidence: m.confidence, score: m.score, reason: m.reason,
    list, start: m.start, end: m.end, rule: m.rule, matchedName: m.matchedName,
  };
}

function parseUrlOption(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw new UsageError(`--url: "${value}" is not a valid URL (for example https://www.find-tender.service.gov.uk/Notice/008624-2023)`, NAME);
  }
}

async function runMatch(args: string[], io: CliIo): Promise<number> {
  const { files, rest } = takeEntityFiles(args, NAME);
  const parsed = parseArgs(rest, OPTIONS, NAME);
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? 'match needs a page: a saved .html file, or - for standard input' : `match takes one page, got ${parsed.positionals.length} (give --entities once per file)`, NAME);
  }
  const useDefaults = !parsed.options.has('no-defaults');
  if (!useDefaults && files.length === 0) throw new UsageError('--no-defaults leaves nothing to match: give at least one --entities FILE', NAME);
  const urlOption = parsed.options.get('url');
  const pageUrl = typeof urlOption === 'string' ? parseUrlOption(urlOption) : undefined;
  const strict = parsed.options.has('strict');
  const input = parsed.positionals[0]!;

  // The page's text is read on a second thread while this one loads the entities and compiles the matcher; when
  // both inputs fail, the page's error is the one reported. A file's bytes are read first (a few milliseconds):
  // read alongside the entities, the read had this thread only between the import's chunks, and the second
  // thread started half a second late. Standard input, which may be slow to come, is read alongside.
  const bytes = input === '-' ? io.readStdin() : io.readFile(input);
  if (input !== '-') await bytes.catch(() => undefined);
  const reading = readPageText(input, bytes, io);
  reading.catch(() => undefined);
  let loaded: Awaited<ReturnType<typeof loadEntitySets>>;
  let matcher: ReturnType<typeof compileMatcher>;
  try {
    loaded = await loadEntitySets({ useDefaults, dataFile: DEFAULT_KNOWLEDGE_PATH, files, strict }, io);
    matcher = compileMatcher(loaded.entities);
  } catch (error) {
    await reading;
    throw error;
  }
  const { sets, entities } = loaded;
  const text = await reading;

  const mentions = findMentions(matcher, text, pageUrl === undefined ? {} : { pageUrl });
  if (parsed.options.has('json')) {
    const referenceOf = referencesOfSets(sets, mentions.map((m) => m.entityId));
    io.stdout(`${JSON.stringify({ mentions: mentions.map((m) => mentionJson(m, referenceOf)) }, null, 2)}\n`);
  } else {
    const names = new Map(entities.map((e) => [e.id, e.name]));
    io.stdout(formatTable(mentions, names, sets));
  }
  return EXIT_OK;
}

export const matchCommand: Command = {
  name: NAME,
  summary: 'find listed companies and organisations in a saved page, with FollowTheMoney entity files',
  usage: 'tenderlens match <file.html|-> [--entities FILE.ftm.jsonl]... [--no-defaults] [--strict] [--url URL] [--json]',
  description: `
Reads the page in <file.html> (or standard input when the file is "-"), takes its visible text as the browser
extension does, and finds in it the names and identifiers of the entities to match: those of the default
knowledge base (unless --no-defaults) and those of every --entities file.

An entities file holds FollowTheMoney records, one JSON object per line, as OpenSanctions publishes them.
Company, Organization, LegalEntity and PublicBody records are matched: their names, aliases, weak aliases and
abbreviations, previous names, countries and identifiers (LEI, VAT, UEI, DUNS, CAGE, registration numbers,
INN and OGRN). Records of other schemata (Person, Address, Sanction, Ownership…) are skipped and counted. An
entity's list is the file's name without its extensions ("eu_fsf" for eu_fsf.ftm.jsonl).
A record or value that cannot be used is reported on standard error as file:line: field: problem, and the rest
of the file is used; with --strict such a file is refused. Two files of the same list (the same name) may not
hold the same id.

Prints a table of the mentions (entity, text found, confidence, score, reason) after the lists checked, or with
--json exactly {"mentions":[{"entityId","text","confidence","score","reason","list","start","end","rule",
"matchedName"}]}, where entityId is the record's own FollowTheMoney id exactly as written in its file, list is
the list it came from (the file's name without its extensions, or the default list's id), confidence is "high"
(shown as a flag) or "review" (a possible match), score is 0 to 1, and start and end are offsets in the page
text. No mention is not the same as no risk.

Exit codes: 0 when the page was matched (whatever it contains), 1 when a file cannot be used, 2 for usage errors.`,
  options: OPTIONS,
  run: runMatch,
};
