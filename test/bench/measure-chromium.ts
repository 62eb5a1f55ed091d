// The extension's speed in a real Chromium, for `npm run bench`: the built extension (local-hosts build) with 100k
// FollowTheMoney entities imported through the options page, as a user imports them; then pages served from
// 127.0.0.1 on portal paths, each opened several times with the worker running (warm) and with it stopped before
// each opening (cold, as Chromium stops an idle worker). Per opening: the time from DOMContentLoaded to the
// content script's first marks (on a long page those of its top, read first: "first screen marked") and to all its
// marks ("all marks placed"), and the longest task (PerformanceObserver 'longtask', observed from before the content
// script runs) between the content script's start and all its marks; then, in openings traced apart (CDP
// Tracing, which slows a page), each long task split into rendering, parsing and the rest (the content script's
// script work; see task-attribution). The same page served where the content script does not run (a path it
// excludes) gives the baselines: the page's own longest task while loading, and its longest task when one character
// is added to its text once it has loaded (what any change to the page costs it to lay itself out again).

import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { ALL_MARKS_PLACED_MARK, ANNOTATOR_STARTED_MARK, MARKS_PLACED_MARK } from '@/src/annotator/timing-marks';
import { startHarness, PAGES, type Harness } from '../e2e/harness';
import { ftmJsonLines, generateSearchResultsHtml, searchResultsRowWords, withoutWeakAliasesIn, type SearchResultsStats } from './bench-corpus';
import { median } from './bench-stats';
import { longTaskTimes, type TraceEvent } from './task-attribution';
import type { MatcherEntity } from '@/src/matcher';

/** Where the content script does not run (the local build's stand-in for a site the user did not choose). */
const WITHOUT_CONTENT_SCRIPT = '/supplier-site';
const SEARCH_RESULTS_PATH = '/find-a-tender/Search/Results';

export interface OpeningTimes {
  /** Navigation start to DOMContentLoaded. */
  domContentLoadedMs: number;
  /** DOMContentLoaded to the first marks placed (the first screen's, on a long page). */
  firstMarksMs: number;
  /** Whether the first marks were those of the page's top, read before the whole page. */
  firstScreen: boolean;
  firstMarks: number;
  /** DOMContentLoaded to all the marks of the whole reading placed. */
  allMarksMs: number;
  /** Longest task from the content script's start to all its marks placed. */
  longestTaskMs: number;
  marks: number;
  /** Navigation start to the first marks placed. */
  navigationToFirstMarksMs: number;
}

/** From a traced opening: the most script work one task did, and the longest task spent rendering. */
export interface TracedOpening {
  longestScriptMs: number;
  longestRenderingMs: number;
}

export interface ChromiumPageMeasurement {
  label: string;
  bytes: number;
  warm: OpeningTimes[];
  cold: OpeningTimes[];
  /** The page's own longest task while loading, with no content script. */
  pageLongestTaskMs: number;
  /** Navigation start to DOMContentLoaded, with no content script. */
  pageDomContentLoadedMs: number;
  /** The page alone, loaded: its longest task after one character is added to its text (its own re-layout). */
  pageOneChangeTaskMs: number;
  tracedWarm: TracedOpening[];
  tracedCold: TracedOpening[];
  budget: { warmMs: number; coldMs: number };
}

export interface ChromiumMeasurement {
  entities: number;
  /** The generated weak aliases left out of the imported list (see `withoutWeakAliasesIn`). */
  droppedAliases: string[];
  searchPage: SearchResultsStats;
  importMs: number;
  pages: ChromiumPageMeasurement[];
  runs: number;
}

/** What the page logs once the content script has placed all its marks (see OBSERVE_PAGE). */
const ALL_MARKED_SIGNAL = 'tenderlens-bench: all marks placed';

/**
 * Registered before any script of the page or the extension runs: keeps every long task in the page's own world,
 * and says on the console when all marks are placed. The bench waits for that message rather than asking the page
 * (page.waitForFunction): the first question puts Playwright's own script into the page, a task of some 20 ms on
 * the page's main thread that would otherwise land in the middle of what is measured.
 */
const OBSERVE_PAGE = `
  globalThis.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName(${JSON.stringify(ALL_MARKS_PLACED_MARK)}).length) return;
    observer.disconnect();
    console.debug(${JSON.stringify(ALL_MARKED_SIGNAL)});
  }).observe({ type: 'mark', buffered: true });
`;

/** Opens `url` in `page` and, with `annotated`, waits until the content script has placed all its marks, then lets the page settle without asking it anything. */
async function openAndWait(page: Page, url: string, annotated: boolean): Promise<void> {
  const allMarked = annotated ? page.waitForEvent('console', { predicate: (message) => message.text() === ALL_MARKED_SIGNAL, timeout: 120_000 }) : undefined;
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await allMarked;
  // Long tasks are reported after they end, and the rendering of the marks is one of them.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

export async function importEntities(h: Harness, entities: readonly MatcherEntity[], workDir: string): Promise<number> {
  const file = join(workDir, 'bench-100k.ftm.jsonl');
  writeFileSync(file, ftmJsonLines(entities));
  const options = await h.browser.context.newPage();
  await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
  const started = performance.now();
  await options.locator('form.import input[type=file]').setInputFiles(file);
  await options.getByLabel('List name').fill('Benchmark list');
  await options.locator('form.import').getByLabel('Being on this list means').selectOption('forced_labour');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  const done = new RegExp(`Imported ${entities.length.toLocaleString('en')} companies and organisations into “Benchmark list”`);
  await options.getByText(done).waitFor({ timeout: 600_000 });
  const importMs = performance.now() - started;
  await options.close();
  return importMs;
}

/** Two frames, then `ms` more. */
function settle(page: Page, ms: number): Promise<unknown> {
  return page.evaluate((wait) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait)))), ms);
}

/** Opens `path` in a new tab and times it by the content script's marks (or, with `annotated` false, the page alone). */
async function openOnce(h: Harness, path: string, annotated: boolean): Promise<OpeningTimes> {
  const page: Page = await h.browser.context.newPage();
  try {
    await page.addInitScript(OBSERVE_PAGE);
    await openAndWait(page, `${h.server.origin}${path}`, annotated);
    return await page.evaluate(
      ({ started, placed, allPlaced, annotated }) => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const dcl = navigation.domContentLoadedEventStart;
        const tasks = (globalThis as unknown as { __benchLongTasks: Array<{ start: number; duration: number }> }).__benchLongTasks;
        const startMark = performance.getEntriesByName(started)[0];
        const placedMark = performance.getEntriesByName(placed)[0] as PerformanceMark | undefined;
        const allMark = performance.getEntriesByName(allPlaced)[0] as PerformanceMark | undefined;
        const firstDetail = (placedMark?.detail ?? {}) as { marks?: number; firstScreen?: boolean };
        // With the content script: the tasks that end after it started and begin before all its marks' rendering is
        // done; without it, every task of the page's loading.
        const from = annotated ? (startMark?.startTime ?? dcl) : 0;
        const to = annotated ? (allMark?.startTime ?? Infinity) + 200 : Infinity;
        const longest = tasks.filter((t) => t.start + t.duration > from && t.start < to).reduce((max, t) => Math.max(max, t.duration), 0);
        return {
          domContentLoadedMs: dcl,
          firstMarksMs: placedMark ? placedMark.startTime - dcl : NaN,
          firstScreen: firstDetail.firstScreen === true,
          firstMarks: firstDetail.marks ?? 0,
          allMarksMs: allMark ? allMark.startTime - dcl : NaN,
          navigationToFirstMarksMs: placedMark ? placedMark.startTime : NaN,
          longestTaskMs: longest,
          marks: (allMark?.detail as { marks?: number } | undefined)?.marks ?? 0,
        };
      },
      { started: ANNOTATOR_STARTED_MARK, placed: MARKS_PLACED_MARK, allPlaced: ALL_MARKS_PLACED_MARK, annotated },
    );
  } finally {
    await page.close();
  }
}

/** The page alone, loaded and settled: one character added to a text node in the middle of its text, and the longest task until two frames later. */
async function oneChangeTask(h: Harness, path: string): Promise<number> {
  const page: Page = await h.browser.context.newPage();
  try {
    await page.goto(`${h.server.origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    await settle(page, 500);
    return await page.evaluate(async () => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.trim()) texts.push(node as Text);
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: 'longtask' });
      texts[Math.floor(texts.length / 2)]?.appendData('x');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))));
      observer.disconnect();
      return Math.max(0, ...tasks);
    });
  } finally {
    await page.close();
  }
}

const TRACE_CATEGORIES = 'toplevel,devtools.timeline';

/** Opens `path` traced (CDP Tracing) until all marks are placed and rendered, and splits its long tasks. */
async function tracedOpening(h: Harness, path: string): Promise<TracedOpening> {
  const page: Page = await h.browser.context.newPage();
  const cdp = await h.browser.context.newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
    await page.addInitScript(OBSERVE_PAGE);
    await openAndWait(page, `${h.server.origin}${path}`, true);
    await cdp.send('Tracing.end');
    await complete;
    // Every task of 10 ms or more: the content script's longest may be shorter than a long task.
    const tasks = longTaskTimes(events, 10);
    return { longestScriptMs: Math.max(0, ...tasks.map((t) => t.scriptMs)), longestRenderingMs: Math.max(0, ...tasks.map((t) => t.renderingMs)) };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** Stops the extension's service worker (as Chromium does to an idle one) and waits until it has stopped. */
async function stopWorker(session: CDPSession): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ runningStatus: string; scriptURL: string }> }) => {
      if (versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await session.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

export async function measurePage(
  h: Harness,
  session: CDPSession,
  label: string,
  path: string,
  bytes: number,
  budget: { warmMs: number; coldMs: number },
  runs: number,
): Promise<ChromiumPageMeasurement> {
  process.stderr.write(`  ${label}…\n`);
  const alone: OpeningTimes[] = [];
  for (let r = 0; r < runs; r++) alone.push(await openOnce(h, `${WITHOUT_CONTENT_SCRIPT}${path}`, false));
  // One opening first, not counted: the worker and the page's caches are warm from then on.
  await openOnce(h, path, true);
  const warm: OpeningTimes[] = [];
  for (let r = 0; r < runs; r++) warm.push(await openOnce(h, path, true));
  const cold: OpeningTimes[] = [];
  for (let r = 0; r < runs; r++) {
    await stopWorker(session);
    cold.push(await openOnce(h, path, true));
  }
  const tracedRuns = Math.min(runs, 3);
  const tracedWarm: TracedOpening[] = [];
  await openOnce(h, path, true);
  for (let r = 0; r < tracedRuns; r++) tracedWarm.push(await tracedOpening(h, path));
  const tracedCold: TracedOpening[] = [];
  for (let r = 0; r < tracedRuns; r++) {
    await stopWorker(session);
    tracedCold.push(await tracedOpening(h, path));
  }
  const oneChange: number[] = [];
  for (let r = 0; r < tracedRuns; r++) oneChange.push(await oneChangeTask(h, `${WITHOUT_CONTENT_SCRIPT}${path}`));
  return {
    tracedWarm,
    tracedCold,
    pageOneChangeTaskMs: median(oneChange),
    label,
    bytes,
    warm,
    cold,
    pageLongestTaskMs: median(alone.map((o) => o.longestTaskMs)),
    pageDomContentLoadedMs: median(alone.map((o) => o.domContentLoadedMs)),
    budget,
  };
}

export async function measureChromium(generated: readonly MatcherEntity[], searchPageBytes: number, runs = 5): Promise<ChromiumMeasurement> {
  const workDir = mkdtempSync(join(tmpdir(), 'tenderlens-bench-chromium-'));
  try {
    // The list as a real one would be: no generated initials that spell a word every row of the page prints.
    const { entities, dropped } = withoutWeakAliasesIn(generated, searchResultsRowWords());
    const searchStats: SearchResultsStats = { rows: 0, rowsNamingListed: 0, rowsNamingOthers: 0 };
    const searchPage = generateSearchResultsHtml(searchPageBytes, entities, undefined, searchStats);
    const searchFile = join(workDir, 'search-results.html');
    writeFileSync(searchFile, searchPage);
    const noticeFile = new URL('../fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html', import.meta.url).pathname;
    const h = await startHarness({
      [SEARCH_RESULTS_PATH]: searchFile,
      [`${WITHOUT_CONTENT_SCRIPT}${SEARCH_RESULTS_PATH}`]: searchFile,
      [`${WITHOUT_CONTENT_SCRIPT}${PAGES.findATender}`]: noticeFile,
    });
    try {
      process.stderr.write(`  importing ${entities.length.toLocaleString('en')} entities through the options page…\n`);
      const importMs = await importEntities(h, entities, workDir);
      const blank = await h.browser.context.newPage();
      const session = await h.browser.context.newCDPSession(blank);
      await session.send('ServiceWorker.enable');
      const pages = [
        await measurePage(h, session, 'search results', SEARCH_RESULTS_PATH, Buffer.byteLength(searchPage), { warmMs: 200, coldMs: 500 }, runs),
        await measurePage(h, session, 'Find a Tender notice', PAGES.findATender, statSync(noticeFile).size, { warmMs: 50, coldMs: 150 }, runs),
      ];
      await session.detach();
      return { entities: entities.length, droppedAliases: dropped, searchPage: searchStats, importMs, pages, runs };
    } finally {
      await h.close();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
