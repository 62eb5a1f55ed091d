// The entities a command matches against: the default knowledge base (unless --no-defaults) and every
// `--entities FILE` (FollowTheMoney JSON lines). Shared by `match` and `scan`: the repeatable option, the files'
// source ids, their problems on standard error, and one id per entity across all of them.
import { basename, resolve } from 'node:path';
import type { Entity } from '../core/types';
import { FtmImportError, formatFtmProblem, type FtmImportResult } from '../import/ftm';
import { FtmFileError, importFtmFile } from '../import/ftm-file';
import { InputError, UsageError, type CliIo } from './cli-io';
import { readDefaultData } from './knowledge-file';

export const ENTITIES_OPTION = 'entities';
/** Problems of one entities file printed on standard error; the rest are counted. */
const PROBLEMS_SHOWN_PER_FILE = 20;

/** One group of entities and where it came from. */
export interface EntitySet {
  label: string;
  entities: readonly Entity[];
  /** Where the entities come from: the shipped knowledge base, or a FollowTheMoney file (ids as the file writes them). */
  origin: 'shipped' | 'file';
  /** Present for FollowTheMoney files. */
  report?: FtmImportResult['report'];
}

/**
 * Takes every `--entities FILE` (or `--entities=FILE`) out of the arguments, since the option may be repeated,
 * and leaves the rest for the ordinary parser. Arguments after "--" are left alone.
 */
export function takeEntityFiles(args: readonly string[], command: string): { files: string[]; rest: string[] } {
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
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${ENTITIES_OPTION} needs a value (--${ENTITIES_OPTION} FILE)`, command);
    } else if (arg.startsWith(`--${ENTITIES_OPTION}=`)) {
      value = arg.slice(ENTITIES_OPTION.length + 3);
    } else {
      rest.push(arg);
      continue;
    }
    if (value === '' || value === '-') throw new UsageError(`--${ENTITIES_OPTION} needs a file name (not standard input)`, command);
    files.push(value);
  }
  return { files, rest };
}

/** The source id of an entities file: its name without the extensions ("eu_fsf.ftm.jsonl" → "eu_fsf"). */
export function entityFileSourceId(file: string): string {
  const stem = basename(file).replace(/(\.ftm)?\.(jsonl|ndjson|json)$/i, '').replace(/\.ftm$/i, '');
  const slug = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  return slug || 'entities';
}

export async function readEntityFile(file: string, io: CliIo, strict = false): Promise<EntitySet> {
  try {
    const result = await importFtmFile(resolve(io.cwd(), file), { sourceId: entityFileSourceId(file), fileName: file, strict });
    return { label: file, entities: result.entities, origin: 'file', report: result.report };
  } catch (error) {
    if (error instanceof FtmImportError || error instanceof FtmFileError) throw new InputError(error.message);
    throw error;
  }
}

export async function readDefaultEntities(dataFile: string): Promise<EntitySet> {
  try {
    const data = await readDefaultData(dataFile);
    if (!Array.isArray(data.entities)) throw new Error(`${dataFile}: "entities" is not a list`);
    return { label: 'default knowledge base', entities: data.entities, origin: 'shipped' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(message.includes(dataFile) ? message : `${dataFile}: ${message}`);
  }
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? word : words}`;
}

/** Prints an entities file's problems (the first few) on standard error, each as file:line: field: message. */
export function reportProblems(set: EntitySet, io: CliIo): void {
  const problems = set.report?.problems ?? [];
  if (problems.length === 0) return;
  const shown = problems.slice(0, PROBLEMS_SHOWN_PER_FILE).map((p) => `tenderlens: ${formatFtmProblem(set.label, p)}\n`);
  const more = problems.length - shown.length;
  io.stderr(shown.join('') + (more > 0 ? `tenderlens: ${set.label}: … and ${plural(more, 'more problem')} (use --strict to refuse the file)\n` : ''));
}

/** Every entity once; the same id in two sets is an error naming both. */
export function mergeEntitySets(sets: readonly EntitySet[]): Entity[] {
  // One set holds each id once already (the importer refuses repeats, the default data is checked when built).
  if (sets.length === 1) return sets[0]!.entities.slice();
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

/**
 * Reads the default knowledge base (when `useDefaults`) and every entities file, reports each file's problems on
 * standard error, and returns the sets with their entities merged.
 */
export async function loadEntitySets(
  options: { useDefaults: boolean; dataFile: string; files: readonly string[]; strict?: boolean },
  io: CliIo,
): Promise<{ sets: EntitySet[]; entities: Entity[] }> {
  const sets = await Promise.all([
    ...(options.useDefaults ? [readDefaultEntities(options.dataFile)] : []),
    ...options.files.map((file) => readEntityFile(file, io, options.strict)),
  ]);
  for (const set of sets) reportProblems(set, io);
  return { sets, entities: mergeEntitySets(sets) };
}
