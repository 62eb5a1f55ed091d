// `tenderlens scan --feeds <OPML> --out <dir>`: reads every feed of an OPML list (conditional requests, one at a
// time per host), links items to entities and writes <dir>/alerts.atom, <dir>/alerts.json (JSON Feed 1.1) and
// <dir>/entities/<entity>.atom for each entity with alerts. Incremental: the state (validators, seen items) lives in
// <dir>/.tenderlens-scan-state.json, so a run with nothing new writes the same files, and sends conditional requests.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import packageJson from '../../../package.json';
import type { Entity } from '../../core/types';
import { slugify } from '../../data/slug';
import { compileMatcher } from '../../matcher';
import { FEED_ID_AUTHORITY, type AlertFeed } from '../../publish/alert-feed';
import { writeAtom } from '../../publish/atom';
import { referencesOfSets } from '../entity-references';
import { writeJsonFeed } from '../../publish/json-feed';
import { readOpml } from '../../publish/opml';
import { emptyScanState, mergeAlerts, parseScanState, stateAlertRows, type ScanState } from '../../publish/scan-state';
import { alertEntries } from '../../publish/watchlist-feed';
import { fetchFeedIfChanged } from '../../scanner/fetch-feed';
import { scanFeed } from '../../scanner/scan-feed';
import { oneRequestPerHost } from '../../sources/host-queue';
import { EXIT_FAILURE, EXIT_OK, InputError, type CliIo } from '../cli-io';
import { loadEntitySets } from '../entity-sets';

export const SCAN_STATE_FILE = '.tenderlens-scan-state.json';

export interface ScanFeedsOptions {
  opmlFile: string;
  outDir: string;
  entityFiles: string[];
  useDefaults: boolean;
  dataFile: string;
  now?: Date;
  fetch?: typeof fetch;
}

const safe = (text: string) => text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');

/** Writes a file only when its content changed (through a temporary file, so a reader never sees half of it). */
function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  return true;
}

function readState(path: string): ScanState {
  if (!existsSync(path)) return emptyScanState();
  try {
    return parseScanState(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: ${error instanceof Error ? error.message : String(error)}; move it away to start afresh`);
  }
}

export async function runScanFeeds(options: ScanFeedsOptions, io: CliIo): Promise<number> {
  const now = options.now ?? new Date();
  const opmlPath = resolve(io.cwd(), options.opmlFile);
  const opml = readOpml(new TextDecoder().decode(await io.readFile(options.opmlFile)), options.opmlFile);
  for (const skipped of opml.skipped) io.stderr(`tenderlens: ${options.opmlFile}${skipped.line ? `, line ${skipped.line}` : ''}: ${safe(skipped.url)}: ${skipped.reason}; left out\n`);
  if (opml.feeds.length === 0) throw new InputError(`${opmlPath}: the OPML list has no http(s) feed`);
  const outDir = resolve(io.cwd(), options.outDir);
  mkdirSync(join(outDir, 'entities'), { recursive: true });
  const statePath = join(outDir, SCAN_STATE_FILE);
  const state = readState(statePath);
  const { sets, entities } = await loadEntitySets({ useDefaults: options.useDefaults, dataFile: options.dataFile, files: options.entityFiles }, io);
  const matcher = compileMatcher(entities);
  const entityById = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  const fetchImpl = oneRequestPerHost(options.fetch ?? ((input, init) => fetch(input, init)));
  const userAgent = `tenderlens/${packageJson.version} (feed scanner)`;

  let failed = 0;
  let newStories = 0;
  for (const feed of opml.feeds) {
    const previous = state.feeds[feed.url] ?? {};
    try {
      const fetched = await fetchFeedIfChanged(feed.url, { ...(previous.etag ? { etag: previous.etag } : {}), ...(previous.lastModified ? { lastModified: previous.lastModified } : {}) }, { fetch: fetchImpl, userAgent });
      if ('notModified' in fetched) {
        state.feeds[feed.url] = { ...previous, lastReadAt: now.toISOString() };
        delete state.feeds[feed.url]!.lastError;
        io.stdout(`${safe(feed.title)}: not modified since the last run\n`);
        continue;
      }
      const scan = await scanFeed({ bytes: fetched.bytes, url: fetched.url, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) }, { matcher, source: { id: feed.url }, label: feed.url });
      const added = mergeAlerts(state, feed.url, scan.alerts, now);
      newStories += added;
      state.feeds[feed.url] = {
        ...(scan.feed.title ? { title: scan.feed.title } : feed.title ? { title: feed.title } : {}),
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        lastReadAt: now.toISOString(),
      };
      io.stdout(`${safe(scan.feed.title ?? feed.title)}: ${scan.feed.items.length} items, ${scan.alerts.length} linked, ${added} new\n`);
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      state.feeds[feed.url] = { ...previous, lastError: message };
      io.stderr(`tenderlens: ${safe(message.includes(feed.url) ? message : `${feed.url}: ${message}`)} (the items read before are kept)\n`);
    }
  }

  const alerts = stateAlertRows(state);
  const referenceOf = referencesOfSets(sets);
  const names = new Map([...entityById.values()].map((e) => [e.id, { id: referenceOf(e.id).entityId, name: e.name }]));
  const titles = new Map(Object.entries(state.feeds).map(([url, f]) => [url, f.title ?? url]));
  const base = { generator: `TenderLens ${packageJson.version}` };
  const all: AlertFeed = { ...base, id: `${FEED_ID_AUTHORITY}:scan:alerts`, title: 'TenderLens alerts', subtitle: `Items of ${opml.feeds.length} feed(s) that name known companies or organisations, linked by TenderLens. No item is not the same as no risk.`, entries: alertEntries(alerts, names, titles) };
  let written = 0;
  written += Number(writeIfChanged(join(outDir, 'alerts.atom'), writeAtom(all)));
  written += Number(writeIfChanged(join(outDir, 'alerts.json'), writeJsonFeed(all)));
  const withAlerts = [...new Set(alerts.flatMap((a) => a.entityIds))].filter((id) => names.has(id)).sort();
  for (const entityId of withAlerts) {
    const entity = names.get(entityId)!;
    const feed: AlertFeed = { ...base, id: `${FEED_ID_AUTHORITY}:scan:entity:${entity.id}`, title: `TenderLens alerts: ${entity.name}`, subtitle: `Items naming ${entity.name}, linked by TenderLens.`, entries: alertEntries(alerts, names, titles, new Set([entityId])) };
    written += Number(writeIfChanged(join(outDir, 'entities', `${slugify(entity.id) || 'entity'}.atom`), writeAtom(feed)));
  }
  writeIfChanged(statePath, `${JSON.stringify(state, null, 1)}\n`);
  io.stdout(`${newStories} new item(s); ${all.entries.length} in the feeds; ${withAlerts.length} entity feed(s); ${written} file(s) changed in ${outDir}\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
