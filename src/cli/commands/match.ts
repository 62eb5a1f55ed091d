// `tenderlens match`: finds the entities of the default knowledge base and of FollowTheMoney entity files in the
// text of a saved page, with the matcher the extension uses, and prints each mention with its confidence and reason.
import { basename, resolve } from 'node:path';
import type { Entity } from '../../core/types';
import { FtmImportError, formatFtmProblem, type FtmImportResult } from '../../import/ftm';
import { FtmFileError, importFtmFile } from '../../import/ftm-file';
import { compileMatcher, findMentions, type Mention } from '../../matcher';
import { extractPageText } from '../../page-text/extract';
import { InputError, UsageError, EXIT_OK, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { decodeHtml, parseHtmlDocument } from '../html-document';
import { DEFAULT_KNOWLEDGE_PATH, readDefaultData } from '../knowledge-file';
import { parseArgs, type OptionSpec } from '../parse-args';

const NAME = 'match';
const ENTITIES_OPTION = 'entities';
/** Problems of one entities file printed on standard error; the rest are counted. */
const PROBLEMS_SHOWN_PER_FILE = 20;
/** Widest cell of the human table's entity and text columns. */
const COLUMN_WIDTH = 40;

const OPTIONS: OptionSpec[] = [
  { name: ENTITIES_OPTION, value: 'FILE', description: 'FollowTheMoney entities (JSON lines) to match; give it once per file' },
  { name: 'no-defaults', description: 'do not match the default knowledge base (public/data/defaults.json); needs --entities' },
  { name: 'strict', description: 'refuse an entities file with any problem instead of importing its usable records' },
  { name: 'url', value: 'URL', description: 'the address the page was saved from (default: file://<path>)' },
  { name: 'json', description: 'print {"mentions":[{entityId, text, confidence, score, reason, …}]} instead of a table' },
];

/** One group of entities to match and where it came from. */
interface EntitySet {
  label: string;
  entities: readonly Entity[];
  /** Present for FtM files. */
  report?: FtmImportResult['report'];
}

/**
 * Takes every `--entities FILE` (or `--entities=FILE`) out of the arguments, since the option may be repeated,
 * and leaves the rest for the ordinary parser. Arguments after "--" are left alone.
 */
function takeEntityFiles(args: readonly string[]): { files: string[]; rest: string[] } {
  const files: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === `--${ENTITIES_OPTION}`) {
      value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${ENTITIES_OPTION} needs a value (--${ENTITIES_OPTION} FILE)`, NAME);
    } else if (arg.startsWith(`--${ENTITIES_OPTION}=`)) {
      value = arg.slice(ENTITIES_OPTION.length + 3);
    } else {
      rest.push(arg);
      continue;
    }
    if (value === '' || value === '-') throw new UsageError(`--${ENTITIES_OPTION} needs a file name (standard input is for the page)`, NAME);
    files.push(value);
  }
  return { files, rest };
}

/** The source id of an entities file: its name without the extensions ("eu_fsf.ftm.jsonl" → "eu_fsf"). */
function sourceIdOf(file: string): string {
  const stem = basename(file).replace(/(\.ftm)?\.(jsonl|ndjson|json)$/i, '').replace(/\.ftm$/i, '');
  const slug = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  return slug || 'entities';
}

async function importEntityFile(file: string, io: CliIo, strict: boolean): Promise<EntitySet> {
  try {
    const result = await importFtmFile(resolve(io.cwd(), file), { sourceId: sourceIdOf(file), fileName: file, strict });
    return { label: file, entities: result.entities, report: result.report };
  } catch (error) {
    if (error instanceof FtmImportError || error instanceof FtmFileError) throw new InputError(error.message);
    throw error;
  }
}

async function loadDefaultEntities(): Promise<EntitySet> {
  try {
    const data = await readDefaultData(DEFAULT_KNOWLEDGE_PATH);
    if (!Array.isArray(data.entities)) throw new Error(`${DEFAULT_KNOWLEDGE_PATH}: "entities" is not a list`);
    return { label: 'default knowledge base', entities: data.entities };
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

async function readPageText(input: string, io: CliIo): Promise<string> {
  const source = input === '-' ? 'standard input' : input;
  const html = decodeHtml(input === '-' ? await io.readStdin() : await io.readFile(input), source);
  if (/^\s*[{[]/.test(html)) throw new InputError(`${source}: looks like JSON, not an HTML page`);
  const doc = parseHtmlDocument(html);
  return extractPageText(doc.querySelector('body') ?? doc).text;
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? word : words}`;
}

/** Prints an entities file's problems (the first few) on standard error, each as file:line: field: message. */
function reportProblems(set: EntitySet, io: CliIo): void {
  const problems = set.report?.problems ?? [];
  if (problems.length === 0) return;
  const shown = problems.slice(0, PROBLEMS_SHOWN_PER_FILE).map((p) => `tenderlens: ${formatFtmProblem(set.label, p)}\n`);
  const more = problems.length - shown.length;
  io.stderr(shown.join('') + (more > 0 ? `tenderlens: ${set.label}: … and ${plural(more, 'more problem')} (use --strict to refuse the file)\n` : ''));
}

/** Every entity once; the same id in two sets is an error naming both. */
function mergeEntitySets(sets: readonly EntitySet[]): Entity[] {
  const origin = new Map<string, string>();
  const entities: Entity[] = [];
  for (const set of sets) {
    for (const entity of set.entities) {
      const first = origin.get(entity.id);
      if (first !== undefined) {
        throw new InputError(`${set.label}: entity id "${entity.id}" is also in ${first}; ids must be unique across entity files (rename one of the files, whose name gives the id prefix)`);
      }
      origin.set(entity.id, set.label);
      entities.push(entity);
    }
  }
  return entities;
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

function mentionJson(m: Mention) {
  return {
    entityId: m.entityId, text: m.text, confidence: m.confidence, score: m.score, reason: m.reason,
    start: m.start, end: m.end, rule: m.rule, matchedName: m.matchedName,
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
  const { files, rest } = takeEntityFiles(args);
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

  const [text, ...sets] = await Promise.all([
    readPageText(input, io),
    ...(useDefaults ? [loadDefaultEntities()] : []),
    ...files.map((file) => importEntityFile(file, io, strict)),
  ]);
  for (const set of sets) reportProblems(set, io);
  const entities = mergeEntitySets(sets);

  const mentions = findMentions(compileMatcher(entities), text, pageUrl === undefined ? {} : { pageUrl });
  if (parsed.options.has('json')) {
    io.stdout(`${JSON.stringify({ mentions: mentions.map(mentionJson) }, null, 2)}\n`);
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
entity's id is the file's name without its extensions, a colon and the record's id ("eu_fsf:NK-2Gdm…").
A record or value that cannot be used is reported on standard error as file:line: field: problem, and the rest
of the file is used; with --strict such a file is refused. The same entity id in two files is an error.

Prints a table of the mentions (entity, text found, confidence, score, reason) after the lists checked, or with
--json exactly {"mentions":[{"entityId","text","confidence","score","reason","start","end","rule",
"matchedName"}]}, where confidence is "high" (shown as a flag) or "review" (a possible match), score is 0 to 1,
and start and end are offsets in the page text. No mention is not the same as no risk.

Exit codes: 0 when the page was matched (whatever it contains), 1 when a file cannot be used, 2 for usage errors.`,
  options: OPTIONS,
  run: runMatch,
};
