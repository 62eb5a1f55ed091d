// `tenderlens scan`: reads RSS and Atom feeds from files or http(s) addresses, links every item to the entities
// of the knowledge base it names, and prints the linked items with why each was linked, for people or as JSON.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../../package.json';
import type { Entity } from '../../core/types';
import { compileMatcher, type CompiledMatcher } from '../../matcher';
import { fetchFeed } from '../../scanner/fetch-feed';
import type { LinkedAlert } from '../../scanner/link-items';
import { scanFeed, type FeedBytes, type FeedScan } from '../../scanner/scan-feed';
import { EXIT_FAILURE, EXIT_OK, InputError, UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { DEFAULT_KNOWLEDGE_PATH } from '../knowledge-file';
import { loadEntitySets, takeEntityFiles } from '../entity-sets';
import { referencesOfSets } from '../entity-references';
import { withEntityReferences, type ReferenceOf } from '../../publish/entity-references';
import { parseArgs, type OptionSpec } from '../parse-args';
import { runScanFeeds } from './scan-feeds';

const NAME = 'scan';

const ENTITIES_OPTION: OptionSpec = {
  name: 'entities', value: 'FILE', description: 'also link against the companies and organisations of a FollowTheMoney JSON-lines file (repeatable)',
};

const OPTIONS: OptionSpec[] = [
  ENTITIES_OPTION,
  { name: 'no-defaults', description: 'leave out the default knowledge base: link only against --entities files' },
  { name: 'json', description: 'print { feeds: [{ source, title, items, alerts }] } as JSON instead of a report' },
  { name: 'data', value: 'FILE', description: 'knowledge base to link against instead of the default (public/data/defaults.json)' },
  { name: 'feeds', value: 'OPML', description: 'read every feed of an OPML list and publish the linked items as Atom and JSON feeds (needs --out)' },
  { name: 'out', value: 'DIR', description: 'with --feeds: the folder for alerts.atom, alerts.json, entities/*.atom and the state kept between runs' },
];


const NO_LINKS_MESSAGE = 'No item names a known entity. No information is not the same as no risk.';

/** Feed text is untrusted: control characters (terminal escapes included) are shown as spaces. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

interface FeedInput {
  /** As given on the command line. */
  given: string;
  /** Stable source id of the feed: its address, or the file's file:// URL. */
  sourceId: string;
  remote: boolean;
}

function feedInput(given: string, io: CliIo): FeedInput {
  if (/^https?:\/\//i.test(given)) {
    try {
      return { given, sourceId: new URL(given).href, remote: true };
    } catch {
      throw new UsageError(`"${given}" is not a valid address`, NAME);
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(given)) throw new UsageError(`"${given}": only http(s) addresses and local files can be scanned`, NAME);
  return { given, sourceId: pathToFileURL(resolve(io.cwd(), given)).href, remote: false };
}

async function readFeedBytes(input: FeedInput, io: CliIo): Promise<FeedBytes> {
  if (!input.remote) return { bytes: await io.readFile(input.given) };
  const fetched = await fetchFeed(input.given, { userAgent: `tenderlens/${packageJson.version} (feed scanner)` });
  return { bytes: fetched.bytes, url: fetched.url, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) };
}

interface Knowledge {
  matcher: CompiledMatcher;
  entities: Map<string, Entity>;
  referenceOf: ReferenceOf;
}

async function loadKnowledge(options: { dataFile: string; useDefaults: boolean; entityFiles: string[] }, io: CliIo): Promise<Knowledge> {
  const { sets, entities } = await loadEntitySets({ useDefaults: options.useDefaults, dataFile: options.dataFile, files: options.entityFiles }, io);
  return { matcher: compileMatcher(entities), entities: new Map(entities.map((e) => [e.id, e])), referenceOf: referencesOfSets(sets) };
}

type FeedOutcome = { input: FeedInput; scan: FeedScan } | { input: FeedInput; error: string };

function describeAlert(alert: LinkedAlert, entities: Map<string, Entity>): string[] {
  const tag = alert.confidence === 'high' ? 'FLAG' : 'REVIEW';
  const lines = [`  [${tag}] ${safe(alert.title || '(untitled item)')}`];
  const where = [alert.published?.slice(0, 10), alert.url].filter(Boolean).join('  ');
  if (where) lines.push(`      ${safe(where)}`);
  for (const entityId of alert.entityIds) {
    const mentions = alert.mentions.filter((m) => m.entityId === entityId);
    const best = mentions.find((m) => m.confidence === 'high') ?? mentions[0]!;
    const name = entities.get(entityId)?.name ?? entityId;
    lines.push(`      ${safe(name)} — ${best.confidence === 'high' ? 'high confidence' : 'possible match, needs review'} (in the ${best.field})`);
    lines.push(`        why: ${safe(best.reason)}`);
  }
  return lines;
}

function formatOutcome(outcome: FeedOutcome, entities: Map<string, Entity>): string {
  const lines = [`Feed:  ${safe(outcome.input.given)}`];
  if ('error' in outcome) {
    lines.push(`  failed: ${safe(outcome.error)}`);
    return `${lines.join('\n')}\n`;
  }
  const { feed, alerts, duplicates } = outcome.scan;
  lines.push(`Title: ${feed.title ? safe(feed.title) : '(none)'}`);
  const extras = [duplicates > 0 && `${duplicates} repeated`, feed.omittedItems > 0 && `${feed.omittedItems} beyond the limit, not read`].filter(Boolean);
  lines.push(`Items: ${feed.items.length}${extras.length ? ` (${extras.join(', ')})` : ''}; linked to known entities: ${alerts.length}`);
  if (alerts.length === 0) lines.push(`  ${NO_LINKS_MESSAGE}`);
  for (const alert of alerts) lines.push(...describeAlert(alert, entities));
  return `${lines.join('\n')}\n`;
}

function outcomeJson(outcome: FeedOutcome, referenceOf: ReferenceOf): unknown {
  if ('error' in outcome) return { source: outcome.input.given, sourceId: outcome.input.sourceId, error: outcome.error };
  const { feed, alerts, duplicates, encoding } = outcome.scan;
  return {
    source: outcome.input.given,
    sourceId: outcome.input.sourceId,
    title: feed.title,
    link: feed.link,
    format: feed.format,
    encoding: encoding.encoding,
    items: feed.items.length,
    duplicates,
    alerts: withEntityReferences(alerts, referenceOf),
  };
}

async function runScan(args: string[], io: CliIo): Promise<number> {
  const { files: entityFiles, rest } = takeEntityFiles(args, NAME);
  const parsed = parseArgs(rest, OPTIONS.filter((o) => o !== ENTITIES_OPTION), NAME);
  const feedsOption = parsed.options.get('feeds');
  if (feedsOption !== undefined || parsed.options.has('out')) {
    const outOption = parsed.options.get('out');
    if (typeof feedsOption !== 'string' || typeof outOption !== 'string') throw new UsageError('--feeds OPML and --out DIR go together', NAME);
    if (parsed.positionals.length > 0 || parsed.options.has('json')) throw new UsageError('--feeds reads the feeds of the OPML list: give no feed arguments and no --json', NAME);
    if (parsed.options.has('no-defaults') && entityFiles.length === 0) throw new UsageError('--no-defaults leaves nothing to link against: add --entities FILE', NAME);
    const data = parsed.options.get('data');
    return runScanFeeds({ opmlFile: feedsOption, outDir: outOption, entityFiles, useDefaults: !parsed.options.has('no-defaults'), dataFile: typeof data === 'string' ? resolve(io.cwd(), data) : DEFAULT_KNOWLEDGE_PATH }, io);
  }
  if (parsed.positionals.length === 0) throw new UsageError('scan needs at least one feed: a file or an http(s) address', NAME);
  const useDefaults = !parsed.options.has('no-defaults');
  const dataOption = parsed.options.get('data');
  if (!useDefaults && dataOption !== undefined) throw new UsageError('--data and --no-defaults exclude each other', NAME);
  if (!useDefaults && entityFiles.length === 0) throw new UsageError('--no-defaults leaves nothing to link against: add --entities FILE', NAME);
  const inputs = parsed.positionals.map((given) => feedInput(given, io));
  const dataFile = typeof dataOption === 'string' ? resolve(io.cwd(), dataOption) : DEFAULT_KNOWLEDGE_PATH;
  const knowledge = await loadKnowledge({ dataFile, useDefaults, entityFiles }, io);
  const json = parsed.options.has('json');

  const outcomes: FeedOutcome[] = [];
  for (const input of inputs) {
    let outcome: FeedOutcome;
    try {
      const bytes = await readFeedBytes(input, io);
      outcome = { input, scan: await scanFeed(bytes, { matcher: knowledge.matcher, source: { id: input.sourceId }, label: input.given }) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = { input, error: message.includes(input.given) ? message : `${input.given}: ${message}` };
    }
    outcomes.push(outcome);
    if (!json) io.stdout(`${outcomes.length > 1 ? '\n' : ''}${formatOutcome(outcome, knowledge.entities)}`);
  }
  if (json) io.stdout(`${JSON.stringify({ feeds: outcomes.map((o) => outcomeJson(o, knowledge.referenceOf)) }, null, 2)}\n`);
  const failed = outcomes.filter((o): o is Extract<FeedOutcome, { error: string }> => 'error' in o);
  if (failed.length === 0) return EXIT_OK;
  io.stderr(`tenderlens: ${failed.length} of ${outcomes.length} feeds could not be read:\n${failed.map((o) => `  ${safe(o.error)}\n`).join('')}`);
  return EXIT_FAILURE;
}

export const scanCommand: Command = {
  name: NAME,
  summary: 'read RSS and Atom feeds and list the items that name known entities',
  usage: 'tenderlens scan <feed-file|URL ...> [--entities FILE.ftm.jsonl ...] [--no-defaults] [--json] [--data FILE]\n       tenderlens scan --feeds <OPML> --out <dir> [--entities FILE.ftm.jsonl ...] [--no-defaults] [--data FILE]',
  description: `
Reads each feed (a local file, or an http or https address, fetched with a 30 s time limit and a 10 MB cap),
in RSS 0.9x, 1.0 (RDF), 2.0 or Atom, decoded by its HTTP charset, XML declaration or content. Every item's
title and text (HTML reduced to plain text) are matched against the entities of the knowledge base (the
default one, or --data FILE) and of every --entities file (FollowTheMoney JSON lines, such as OpenSanctions
exports; their companies and organisations are used, problems are reported on standard error), and each
item that names one is listed with the entity, the confidence (high, or possible and needing review) and why
it matched. Repeated items (same id or same link) are counted once.

Prints per feed its title, its item count and the linked items. With --json it prints
{ "feeds": [{ "source", "sourceId", "title", "link", "format", "encoding", "items", "duplicates", "alerts" }] },
where items is the number of items read and each alert carries its entities and mentions. An entity is named
as {"entityId","list"}: entityId is the record's own FollowTheMoney id exactly as written in its file, list the
list it came from (the file's name without its extensions, or the shipped list's id). A feed that could not be
read has an "error" instead.

A feed that cannot be read (missing file, network error, not a feed) is reported and the others are still
scanned. Exit codes: 0 when every feed was read, 1 when any failed, 2 for usage errors.

With --feeds OPML --out DIR it publishes instead of printing: every feed of the OPML list is read (conditional
requests with the validators of the last run, one request at a time per host), and DIR receives alerts.atom,
alerts.json (JSON Feed 1.1) and entities/<entity>.atom for each entity with alerts. Each entry names its entities as
<category term="ENTITY_ID" label="NAME"/>; the same story in several feeds is one entry. The state (validators,
items seen) is kept in DIR/.tenderlens-scan-state.json: a run with nothing new leaves the feeds unchanged.`,
  options: OPTIONS,
  run: runScan,
};
