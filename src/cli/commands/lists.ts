// `tenderlens lists refresh --out DIR`: refreshes the official lists (DHS UFLPA Entity List page, CBP orders and
// their CSV, DOL ILAB data download) into DIR as FollowTheMoney JSON lines (<list>.ftm.json), which the extension
// can subscribe to by address; says what changed since the last run. Conditional requests with the validators kept
// in DIR/.tenderlens-lists-state.json; a list that fails keeps its last good file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import packageJson from '../../../package.json';
import type { Entity, Source } from '../../core/types';
import { writeFtmLines } from '../../publish/ftm-export';
import { oneRequestPerHost } from '../../sources/host-queue';
import { OFFICIAL_LISTS } from '../../sources/official-lists';
import { refreshList } from '../../sources/refresh-list';
import { EXIT_FAILURE, EXIT_OK, InputError, UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { parseArgs, type OptionSpec } from '../parse-args';

const NAME = 'lists';
export const LISTS_STATE_FILE = '.tenderlens-lists-state.json';

const OPTIONS: OptionSpec[] = [
  { name: 'out', value: 'DIR', description: 'the folder for <list>.ftm.json and the state kept between runs' },
  { name: 'only', value: 'LIST', description: `refresh only this list (${OFFICIAL_LISTS.map((l) => l.sourceId).join(', ')})` },
  { name: 'from', value: 'URL', description: 'with --only: read the list from this address instead of its publisher (a mirror or a saved copy)' },
];

interface ListState {
  etag?: string;
  lastModified?: string;
  version?: string;
  readAt?: string;
  lastError?: string;
  entities?: Pick<Entity, 'id' | 'name' | 'aliases' | 'previousNames'>[];
}

const safe = (text: string) => text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');

async function runLists(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, OPTIONS, NAME);
  if (parsed.positionals[0] !== 'refresh' || parsed.positionals.length !== 1) throw new UsageError('the only lists command is "lists refresh --out DIR"', NAME);
  const out = parsed.options.get('out');
  if (typeof out !== 'string') throw new UsageError('lists refresh needs --out DIR', NAME);
  const only = parsed.options.get('only');
  const from = parsed.options.get('from');
  if (from !== undefined && typeof only !== 'string') throw new UsageError('--from needs --only LIST: it replaces one list\'s address', NAME);
  const lists = OFFICIAL_LISTS.filter((l) => only === undefined || l.sourceId === only);
  if (lists.length === 0) throw new UsageError(`unknown list "${String(only)}"; expected one of ${OFFICIAL_LISTS.map((l) => l.sourceId).join(', ')}`, NAME);

  const dir = resolve(io.cwd(), out);
  mkdirSync(dir, { recursive: true });
  const statePath = join(dir, LISTS_STATE_FILE);
  let state: Record<string, ListState> = {};
  if (existsSync(statePath)) {
    try {
      state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, ListState>;
    } catch {
      throw new InputError(`${statePath}: not a TenderLens lists state; move it away to start afresh`);
    }
  }
  const fetchImpl = oneRequestPerHost((input, init) => fetch(input, init));
  let failed = 0;
  for (const list of lists) {
    const previous = state[list.sourceId] ?? {};
    const url = typeof from === 'string' ? from : list.url;
    const source: Source = {
      id: list.sourceId, kind: 'entity-list', title: list.sourceId, publisher: '', url, licence: '', version: previous.version ?? '', partial: false, refresh: list.refresh,
      fetch: { ...(previous.etag ? { etag: previous.etag } : {}), ...(previous.lastModified ? { lastModified: previous.lastModified } : {}) },
    };
    const current = (previous.entities ?? []).map((e) => ({ ...e, sourceId: list.sourceId, schema: 'Company' as const, weakAliases: [], identifiers: [], countries: [] }));
    try {
      const result = await refreshList(source, current, { fetch: fetchImpl, userAgent: `tenderlens/${packageJson.version} (list refresh)` });
      if (result.outcome === 'not-modified') {
        io.stdout(`${list.sourceId}: not modified since the last run\n`);
        continue;
      }
      const { snapshot, changes } = result;
      const file = join(dir, `${list.sourceId}.ftm.json`);
      writeFileSync(`${file}.tmp`, writeFtmLines(snapshot.entities, snapshot.flags));
      renameSync(`${file}.tmp`, file);
      state[list.sourceId] = {
        ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}),
        version: snapshot.version, readAt: new Date().toISOString(),
        entities: snapshot.entities.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, previousNames: e.previousNames })),
      };
      io.stdout(`${list.sourceId}: ${snapshot.version}; ${snapshot.entities.length} entities, ${snapshot.flags.length} flags → ${file}\n`);
      io.stdout(`  changed: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.renamed.length} renamed\n`);
      for (const r of changes.renamed) io.stdout(`  renamed: ${safe(r.from)} → ${safe(r.to)}\n`);
      if (current.length > 0) {
        for (const a of changes.added.slice(0, 20)) io.stdout(`  added: ${safe(a.name)}\n`);
        for (const r of changes.removed.slice(0, 20)) io.stdout(`  removed: ${safe(r.name)}\n`);
      }
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      state[list.sourceId] = { ...previous, lastError: message };
      io.stderr(`tenderlens: ${list.sourceId}: ${safe(message)} (the last good file is kept)\n`);
    }
  }
  writeFileSync(statePath, `${JSON.stringify(state)}\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

export const listsCommand: Command = {
  name: NAME,
  summary: 'refresh the official lists into a folder of FollowTheMoney files',
  usage: 'tenderlens lists refresh --out <dir> [--only LIST [--from URL]]',
  description: `
Reads the official lists from their publishers: the DHS UFLPA Entity List page, CBP's Withhold Release Orders and
Findings page and the CSV it links, and the DOL ILAB data download. Each is written to DIR/<list>.ftm.json as
FollowTheMoney JSON lines, which the extension can subscribe to by address (options page, "Add a list by
address"). The validators and the entities of the last run are kept in DIR/${LISTS_STATE_FILE}: requests are
conditional, and each run says which entities were added, removed or renamed. A list that cannot be read or whose
page changed shape keeps its last good file. Exit codes: 0 when every list was read, 1 when any failed.`,
  options: OPTIONS,
  run: runLists,
};
