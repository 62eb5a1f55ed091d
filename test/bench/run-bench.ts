// `npm run bench`: the matcher's speed and size budgets, measured in one run and printed as one table, then the
// feeds' rows (items parsed and linked per second, a 10 MB feed's longest block; see measure-feeds).
// Each size (10k, 100k, 1M entities) is compiled and scanned in its own process and loaded in another, so times
// and memory are not disturbed by the other sizes; baselines (a RegExp per name, modern-ahocorasick, grep -F) run
// on the same names and pages in the same run, and are reported as ratios (the whole CLI run against
// `LC_ALL=C grep -F -i -o`, the byte-wise grep a user would compare against). The bidder check (20 bidders × 200
// disclosed facilities against 100k entities) is timed against the plain matcher scan of the same names. The measuring
// steps run bundled, as the CLI and the extension run the matcher, not through a TypeScript loader. Then the built
// extension in a real Chromium (measure-chromium.ts): 100k entities imported, a 5 MB search-results page and the saved
// Find a Tender notice timed from DOMContentLoaded to marks placed, warm and cold worker, with the longest task.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli, CLI_ENTRY } from '@/src/build/build-cli';
import { allNames, ftmJsonLines, generateEntities, generatePageHtml } from './bench-corpus';
import { median, MB } from './bench-stats';
import type { BidderCheckMeasurement } from './measure-bidder-check';
import type { LoadMeasurement } from './measure-load';
import type { MatcherMeasurement } from './measure-matcher';
import type { FeedMeasurement } from './measure-feeds';
import { measureChromium, type ChromiumMeasurement, type OpeningTimes } from './measure-chromium';
import { findChromium } from '@/src/demo/launch-chromium';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIZES = [10_000, 100_000, 1_000_000];
const CLI_ENTITIES = 100_000;
const CLI_PAGE_BYTES = 5 * MB;

const BUDGET = { scanMs: 30, compileMs: 5000, loadMs: 300, memoryBytes: 200 * MB, cliOverGrep: 3, feedBlockMs: 50 };
/** The goal for the whole CLI run against `LC_ALL=C grep -F -i -o`; the budget above is the most it may take. */
const CLI_OVER_GREP_GOAL = 1.5;
/** The search-results page the extension is timed on in Chromium. */
const CHROMIUM_PAGE_BYTES = 5 * MB;
const CHROMIUM_RUNS = 5;
/** No task of the content script may hold the page's main thread longer than this. */
const LONG_TASK_BUDGET_MS = 50;

/**
 * `--no-chromium` (or TENDERLENS_BENCH_CHROMIUM=0) leaves out the real-Chromium rows, for a machine without Chromium;
 * `--chromium-only` measures only them. `--cli-only` measures only the whole CLI `match` run against grep (a minute
 * rather than the matcher's sizes); `--feeds-only` only the feed rows.
 */
const FLAGS = new Set(process.argv.slice(2));
const WITH_CHROMIUM = !FLAGS.has('--no-chromium') && process.env.TENDERLENS_BENCH_CHROMIUM !== '0';
const ONLY_CHROMIUM = FLAGS.has('--chromium-only');
const ONLY_CLI = FLAGS.has('--cli-only');

const BUNDLE_DIR = join(REPO_ROOT, '.output/bench');

/**
 * Bundles a benchmark step (test/bench/<step>.ts) into .output/bench/<step>.mjs, as the CLI is built. Through the
 * tsx loader, compiling 1M entities took 0.4–0.7 s longer than bundled in each of three paired runs, and its full
 * garbage collections ran as single long pauses rather than incrementally.
 */
async function bundleStep(step: string): Promise<string> {
  const outfile = join(BUNDLE_DIR, `${step}.mjs`);
  await buildCli(outfile, join(REPO_ROOT, 'test/bench', `${step}.ts`));
  return outfile;
}

/** Runs a bundled benchmark step in a fresh Node process (with gc exposed) and parses its JSON line. */
function runStep<T>(bundle: string, args: readonly string[]): T {
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', bundle, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  if (result.status !== 0) throw new Error(`${bundle} ${args.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as T;
}

/** Median wall time of a command run `repetitions` times; throws if it fails. */
function timeCommand(command: string, args: readonly string[], repetitions: number, okStatuses = [0], env?: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * MB, ...(env ? { env } : {}) });
    times.push(performance.now() - start);
    if (!okStatuses.includes(result.status ?? -1)) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  return median(times);
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1)) + ' ms';
const mb = (bytes: number): string => (bytes / MB).toFixed(1) + ' MB';
const ratio = (value: number): string => (value >= 10 ? value.toFixed(0) : value.toFixed(1)) + '×';
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

interface CliMeasurement {
  grepMs: number;
  /** `LC_ALL=C grep -F -i -o -f names.txt page.html`: the byte-wise grep a user compares against. */
  grepCMs: number;
  cliMs: number;
  cliLabel: string;
  names: number;
  pageBytes: number;
}

async function measureCli(workDir: string): Promise<CliMeasurement> {
  const entities = generateEntities(CLI_ENTITIES);
  const names = allNames(entities);
  const namesFile = join(workDir, 'names.txt');
  const pageFile = join(workDir, 'page.html');
  const entitiesFile = join(workDir, 'entities.ftm.jsonl');
  writeFileSync(namesFile, names.join('\n') + '\n');
  const page = generatePageHtml(CLI_PAGE_BYTES, entities);
  writeFileSync(pageFile, page);
  writeFileSync(entitiesFile, ftmJsonLines(entities));
  // grep exits with 1 when nothing matches; both are fine here.
  const grepMs = timeCommand('grep', ['-F', '-i', '-f', namesFile, pageFile], 3, [0, 1]);
  // In the C locale grep compares bytes, about ten times faster than in a UTF-8 one, and -o prints each match.
  const grepCMs = timeCommand('grep', ['-F', '-i', '-o', '-f', namesFile, pageFile], 5, [0, 1], { ...process.env, LC_ALL: 'C' });

  const bundleDir = BUNDLE_DIR;
  mkdirSync(bundleDir, { recursive: true });
  let cliMs: number | undefined;
  let cliLabel = 'tenderlens match page.html --entities F --no-defaults --json';
  try {
    const cli = join(bundleDir, 'tenderlens.mjs');
    await buildCli(cli, CLI_ENTRY);
    cliMs = timeCommand(process.execPath, [cli, 'match', pageFile, '--entities', entitiesFile, '--no-defaults', '--json'], 5);
  } catch (error) {
    const pipeline = join(bundleDir, 'cli-pipeline.mjs');
    await buildCli(pipeline, join(REPO_ROOT, 'test/bench/cli-pipeline.ts'));
    cliMs = timeCommand(process.execPath, [pipeline, entitiesFile, pageFile], 3);
    cliLabel = `equivalent pipeline, bundled (the match command failed: ${String(error).split('\n')[0]!.slice(0, 80)})`;
  }
  return { grepMs, grepCMs, cliMs, cliLabel, names: names.length, pageBytes: Buffer.byteLength(page) };
}

async function main(): Promise<void> {
  // `npm run bench -- --feeds-only`: the feed rows alone (a minute rather than the matcher's sizes).
  if (process.argv.includes('--feeds-only')) {
    process.stderr.write('measuring feeds…\n');
    process.stdout.write(['', ...feedReport(runStep<FeedMeasurement>(await bundleStep('measure-feeds'), [])), ''].join('\n'));
    return;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'tenderlens-bench-'));
  try {
    // `npm run bench -- --cli-only`: the CLI-against-grep row alone.
    if (ONLY_CLI) {
      process.stderr.write('measuring the CLI against grep…\n');
      process.stdout.write(['', ...cliReport(await measureCli(workDir))].join('\n'));
      return;
    }
    const out: string[] = [];
    if (!ONLY_CHROMIUM) {
      const measured: Array<{ size: number; matcher: MatcherMeasurement; load: LoadMeasurement }> = [];
      const measureMatcher = await bundleStep('measure-matcher');
      const measureLoad = await bundleStep('measure-load');
      for (const size of SIZES) {
        process.stderr.write(`measuring ${size.toLocaleString('en')} entities…\n`);
        const file = join(workDir, `matcher-${size}.bin`);
        const matcher = runStep<MatcherMeasurement>(measureMatcher, [String(size), file]);
        const load = runStep<LoadMeasurement>(measureLoad, [file]);
        measured.push({ size, matcher, load });
      }
      process.stderr.write('measuring the CLI against grep…\n');
      const cli = await measureCli(workDir);
      out.push(...matcherReport(measured, cli));
    }
    if (!ONLY_CHROMIUM) {
      process.stderr.write('measuring the bidder check…\n');
      const bidderCheck = runStep<BidderCheckMeasurement>(await bundleStep('measure-bidder-check'), [String(CLI_ENTITIES), join(REPO_ROOT, 'public/data/defaults.json')]);
      out.push(...bidderCheckReport(bidderCheck));
      process.stderr.write('measuring feeds…\n');
      out.push(...feedReport(runStep<FeedMeasurement>(await bundleStep('measure-feeds'), [])), '');
    }
    if (WITH_CHROMIUM) {
      findChromium(); // says what to install (or to pass --no-chromium) when there is none
      process.stderr.write('building the extension (local-hosts build) and measuring it in Chromium…\n');
      const build = spawnSync('npm', ['run', 'build:local'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * MB });
      if (build.status !== 0) throw new Error(`npm run build:local failed:\n${build.stdout}\n${build.stderr}`);
      out.push(...chromiumReport(await measureChromium(generateEntities(CLI_ENTITIES), CHROMIUM_PAGE_BYTES, CHROMIUM_RUNS)));
    } else {
      out.push('Real-Chromium rows left out (--no-chromium or TENDERLENS_BENCH_CHROMIUM=0).', '');
    }
    process.stdout.write(out.join('\n'));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function chromiumReport(m: ChromiumMeasurement): string[] {
  const mid = (openings: readonly OpeningTimes[], pick: (o: OpeningTimes) => number) => median(openings.map(pick));
  const rows: string[][] = [['', 'median', 'budget', 'ratio¹', 'result']];
  for (const page of m.pages) {
    const first = page.warm[0];
    const marks = first?.marks ?? 0;
    const firstScreen = [...page.warm, ...page.cold].every((o) => o.firstScreen);
    rows.push([`${page.label} (${page.bytes >= MB ? mb(page.bytes) : `${Math.round(page.bytes / 1024)} KB`}, ${marks.toLocaleString('en')} marks in all)`, '', '', '', '']);
    const what = firstScreen ? `first screen marked (${(first?.firstMarks ?? 0).toLocaleString('en')} marks)` : 'all marks placed (read whole at once)';
    for (const [name, openings, budget] of [['warm', page.warm, page.budget.warmMs], ['cold', page.cold, page.budget.coldMs]] as const) {
      const figure = mid(openings, (o) => o.firstMarksMs);
      const before = figure < 0 ? ' (before it)' : '';
      rows.push([`  DOMContentLoaded → ${what}, ${name} worker${before}`, ms(figure), `≤ ${budget} ms`, figure >= 0 ? ratio(figure / page.pageDomContentLoadedMs) : '', verdict(figure <= budget)]);
    }
    for (const [name, openings] of [['warm', page.warm], ['cold', page.cold]] as const) {
      const figure = mid(openings, (o) => o.navigationToFirstMarksMs);
      rows.push([`  navigation → ${what.replace(/ \(.*\)$/, '')}, ${name} worker`, ms(figure), 'reported', ratio(figure / page.pageDomContentLoadedMs), '']);
    }
    if (firstScreen) {
      for (const [name, openings] of [['warm', page.warm], ['cold', page.cold]] as const) {
        const figure = mid(openings, (o) => o.allMarksMs);
        rows.push([`  DOMContentLoaded → all ${marks.toLocaleString('en')} marks placed, ${name} worker`, ms(figure), 'reported', ratio(figure / page.pageDomContentLoadedMs), '']);
      }
    }
    for (const [name, traced] of [['warm', page.tracedWarm], ['cold', page.tracedCold]] as const) {
      const longest = median(traced.map((o) => o.longestScriptMs));
      const worst = Math.max(...traced.map((o) => o.longestScriptMs));
      rows.push([`  content script's longest task (its script work²), ${name} (worst: ${ms(worst)})`, ms(longest), `≤ ${LONG_TASK_BUDGET_MS} ms`, '', verdict(worst <= LONG_TASK_BUDGET_MS)]);
    }
    for (const [name, openings] of [['warm', page.warm], ['cold', page.cold]] as const) {
      const longest = mid(openings, (o) => o.longestTaskMs);
      const worst = Math.max(...openings.map((o) => o.longestTaskMs));
      rows.push([`  longest task of any kind, start → all marks placed, ${name} (worst: ${ms(worst)})`, ms(longest), 'reported', page.pageOneChangeTaskMs > 0 ? ratio(longest / page.pageOneChangeTaskMs) : '', '']);
    }
    const rendering = median([...page.tracedWarm, ...page.tracedCold].map((o) => o.longestRenderingMs));
    rows.push([`  of which the page's rendering, longest in one task²`, ms(rendering), 'reported', '', '']);
    rows.push([`  baseline: the page alone, navigation → DOMContentLoaded`, ms(page.pageDomContentLoadedMs), '', '', '']);
    rows.push([`  baseline: the page alone, its longest task while loading`, ms(page.pageLongestTaskMs), '', '', '']);
    rows.push([`  baseline: the page alone, its longest task after one character is added`, ms(page.pageOneChangeTaskMs), '', '', '']);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [
    `Real Chromium (${findChromium()}), the built extension with ${m.entities.toLocaleString('en')} entities imported through the options page (${ms(m.importMs)}); medians of ${m.runs} openings each, a new tab each time; cold: the service worker stopped before each opening:`,
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    '',
    '¹ times against the same page served where the content script does not run, from navigation to DOMContentLoaded, measured in the same run (the',
    "  time the page itself takes to arrive and parse); the longest task of any kind against that page's own longest task when one character is",
    "  added to it. The content script starts with the page (document_start): it has the background's matcher loaded and the settings read while",
    "  the page arrives; on a long page it reads, analyses and marks the page's top (the elements before its first 6,000 characters of text, about",
    '  two screens of results) as soon as the parser has passed it, which can be before DOMContentLoaded (a negative time): "first screen marked",',
    '  the performance mark "tenderlens:marks-placed" with detail firstScreen: true, timed against the budgets. Once the DOM is complete it reads the',
    '  whole page (the source of truth for the popup) and puts the rest of the marks in with one change to the page: "all marks placed", the mark',
    '  "tenderlens:all-marks-placed", reported. A page not much longer than its top is read whole at once and both marks come together. "Marks',
    '  placed" means the marks are in the DOM (painted at the next frame). "Navigation →" rows count from the navigation\'s start, so they include',
    "  what the content script's start costs the page before DOMContentLoaded. Tasks of any kind are taken by a PerformanceObserver for long tasks",
    "  registered before any script runs, from the content script's start to 200 ms after all its marks (the page's parsing and its rendering",
    '  included; on a busy machine a task the system preempts counts as long too); 0 ms when none of 50 ms or more was reported.',
    '² in 3 openings of each kind traced apart (CDP Tracing): each task of 10 ms or more split into script (calls, evaluations, timers, microtask',
    "  checkpoints, with the collections and layouts they force), rendering (style, layout, paint, and frames the compositor asked for), parsing",
    "  and the browser's own messages. The pages run no script of their own: the script is the content script's. Budgeted: the worst of the 3.",
    "  The page's rendering is not the content script's task: any change to a long page costs it a layout of the whole page (last baseline).",
    `  The search-results page is built (no real one was saved): ${m.searchPage.rows.toLocaleString('en')} rows in the saved notice's markup, each`,
    `  printing its buyer ("NHS England"), title, type and CPV code; ${m.searchPage.rowsNamingListed.toLocaleString('en')} of them name a company of the imported list and`,
    `  ${m.searchPage.rowsNamingOthers.toLocaleString('en')} a company not on it. The list is generated; its generated initials that spell a word every row prints were left out`,
    `  (${m.droppedAliases.length ? m.droppedAliases.map((a) => `"${a}"`).join(', ') : 'none'}: random initials, such as those of "Nan Hongfeng Socks Ltd", no real list gives a company).`,
    '  Worst case, for comparison: with them kept every row is a possible match, 11,693 marks; in an earlier run on a loaded machine (before the',
    '  first screen was read first) marks took 5.7–13.6 s and the longest task 0.6–1.1 s. That case is not measured in this run.',
    '',
  ];
}

function matcherReport(measured: Array<{ size: number; matcher: MatcherMeasurement; load: LoadMeasurement }>, cli: CliMeasurement): string[] {
  const at = (size: number) => measured.find((m) => m.size === size)!;
  const row = (label: string, cells: (m: { matcher: MatcherMeasurement; load: LoadMeasurement }) => string, budget = '', result = ''): string[] => [
    label,
    ...measured.map((m) => cells(m)),
    budget,
    result,
  ];
  const big = at(1_000_000);
  const mid = at(100_000);
  const rows: string[][] = [
    ['', ...measured.map((m) => `${m.size.toLocaleString('en')} entities`), 'budget', 'result'],
    row('indexed spellings (patterns)', (m) => m.matcher.patterns.toLocaleString('en')),
    row('compile (median)', (m) => ms(m.matcher.compileMs), '1M ≤ 5 s', verdict(big.matcher.compileMs <= BUDGET.compileMs)),
    row('  fastest compile', (m) => ms(m.matcher.compileFastestMs)),
    row('serialise (median)', (m) => ms(m.matcher.serialiseMs)),
    row('serialised size', (m) => mb(m.matcher.serialisedBytes)),
    row('load from bytes (median)', (m) => ms(m.load.loadMs), '1M ≤ 300 ms', verdict(big.load.loadMs <= BUDGET.loadMs)),
    row('read file + load (median)', (m) => ms(m.load.readAndLoadMs)),
    row('memory after load: RSS delta', (m) => mb(m.load.rssDeltaBytes), '1M ≤ 200 MB', verdict(big.load.rssDeltaBytes <= BUDGET.memoryBytes)),
    row('  of which JS heap', (m) => mb(m.load.heapDeltaBytes)),
    row('  of which buffers (external)', (m) => mb(m.load.externalDeltaBytes)),
    row('scan 1 MB of page text (median, back to back)', (m) => ms(m.matcher.scanMs), '100k ≤ 30 ms', verdict(mid.matcher.scanMs <= BUDGET.scanMs)),
    row('  fastest … slowest of the scans', (m) => `${ms(m.matcher.scanFastestMs).replace(' ms', '')}…${ms(m.matcher.scanSlowestMs)}`),
    row('  same, each right after a full GC', (m) => ms(m.matcher.scanAfterGcMs)),
    row('  throughput', (m) => `${(m.matcher.textChars / MB / (m.matcher.scanMs / 1000)).toFixed(1)} MB/s`),
    row('  mentions found', (m) => String(m.matcher.mentions)),
    row('  fresh = loaded mentions', (m) => (m.matcher.loadedMatchesFresh ? 'yes' : 'NO'), 'yes', verdict(measured.every((m) => m.matcher.loadedMatchesFresh))),
    row('RegExp per name, 1 MB (extrapolated¹)', (m) => ms(m.matcher.regexpExtrapolatedMs)),
    row('  ratio RegExp / ours', (m) => ratio(m.matcher.regexpExtrapolatedMs / m.matcher.scanMs)),
    row('modern-ahocorasick build', (m) => (m.matcher.ahoCompileMs === undefined ? 'not run²' : ms(m.matcher.ahoCompileMs))),
    row('modern-ahocorasick scan, 1 MB', (m) => (m.matcher.ahoScanMs === undefined ? 'not run²' : ms(m.matcher.ahoScanMs))),
    row('  ratio modern-ahocorasick / ours', (m) => (m.matcher.ahoScanMs === undefined ? '' : ratio(m.matcher.ahoScanMs / m.matcher.scanMs))),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const out: string[] = ['', line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const subset = mid.matcher.regexpSubset;
  out.push(
    '',
    `¹ one case-insensitive, word-bounded RegExp per spelling, timed on ${subset.toLocaleString('en')} of them and scaled to all (${ms(mid.matcher.regexpSubsetMs)} for the ${subset.toLocaleString('en')} at 100k).`,
    '² modern-ahocorasick is built over lower-cased spellings and searches the lower-cased text line by line (a search over a whole page is quadratic in its length in this version); not run for 1M entities.',
    '',
    ...cliReport(cli),
  );
  return out;
}

/** The CLI row: the whole `match` run against `LC_ALL=C grep -F -i -o` on the same names and page. */
function cliReport(cli: CliMeasurement): string[] {
  return [
    `CLI, ${CLI_ENTITIES.toLocaleString('en')} entities (${cli.names.toLocaleString('en')} spellings), a ${mb(cli.pageBytes)} page, whole runs (median of 5; the UTF-8 grep of 3):`,
    `  LC_ALL=C grep -F -i -o -f names.txt page.html   ${ms(cli.grepCMs)}`,
    `  ${cli.cliLabel}   ${ms(cli.cliMs)}`,
    `  ratio ${ratio(cli.cliMs / cli.grepCMs)}   goal ≤ ${CLI_OVER_GREP_GOAL}× (${verdict(cli.cliMs <= CLI_OVER_GREP_GOAL * cli.grepCMs)}), budget ≤ ${BUDGET.cliOverGrep}×   ${verdict(cli.cliMs <= BUDGET.cliOverGrep * cli.grepCMs)}`,
    `  for reference, grep -F -i -f in the UTF-8 locale: ${ms(cli.grepMs)} (ratio ${ratio(cli.cliMs / cli.grepMs)})`,
    '',
  ];
}

/** The bidder check's row: the whole check against the plain matcher scan of the same names. */
function bidderCheckReport(bc: BidderCheckMeasurement): string[] {
  return [
    `Bidder check, ${bc.bidders} bidders × ${bc.facilities / bc.bidders} disclosed facilities against ${bc.entities.toLocaleString('en')} entities (median of 3; ${bc.flags.toLocaleString('en')} flags and risks found):`,
    `  matcher scan of the same ${(bc.bidders + bc.facilities).toLocaleString('en')} names (baseline)   ${ms(bc.scanMs)}`,
    `  the whole check (entity hits, facility links across bidders, derived risk, quality, consistency)   ${ms(bc.checkMs)}`,
    `  ratio ${ratio(bc.checkMs / bc.scanMs)} (linking every facility with every other in its country dominates)`,
    '',
  ];
}

/** The feed rows: items parsed and linked per second against rss-parser and a plain scan, and a 10 MB feed's longest block. */
function feedReport(f: FeedMeasurement): string[] {
  const t = f.throughput;
  const perSecond = (items: number, time: number) => `${Math.round(items / (time / 1000)).toLocaleString('en')} items/s`;
  const l = f.large;
  return [
    `Feeds: the ${f.fixtureItems} items of the saved feeds (test/fixtures/rss) copied into larger RSS feeds, every fourth copy naming a company, linked against ${f.entities.toLocaleString('en')} entities (median of 3):`,
    `  ${t.items.toLocaleString('en')} items (${mb(t.bytes)}): parsed ${ms(t.parseMs)}, linked ${ms(t.linkMs)} (${t.alerts} alerts)   ${perSecond(t.items, t.parseMs + t.linkMs)} parsed and linked`,
    `  baseline rss-parser's parse alone, same feed: ${ms(t.rssParserMs)} (${perSecond(t.items, t.rssParserMs)})   ratio ours (parse + link) / rss-parser ${ratio((t.parseMs + t.linkMs) / t.rssParserMs)}`,
    `  baseline plain matcher scan of the same ${(t.textChars / 1e6).toFixed(2)} M characters: ${ms(t.plainScanMs)}   ratio linking / plain scan ${ratio(t.linkMs / t.plainScanMs)}`,
    `A ${mb(l.bytes)} feed (${l.itemsInFeed.toLocaleString('en')} items; the first ${l.items.toLocaleString('en')} read, ${l.alerts} alerts), decoded, parsed and linked as the background reads it, a 1 ms ticker running:`,
    `  longest block ${ms(l.longestBlockMs)}   budget ≤ ${BUDGET.feedBlockMs} ms   ${verdict(l.longestBlockMs <= BUDGET.feedBlockMs)}   total ${ms(l.totalMs)}`,
    `  baseline rss-parser parsing it in one go: longest block ${ms(l.rssParserLongestBlockMs)} (total ${ms(l.rssParserTotalMs)})`,
  ];
}

await main();
