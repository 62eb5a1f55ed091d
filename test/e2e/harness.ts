// Shared set-up of the browser tests: the built extension in a real Chromium, the saved portal pages and the
// demonstration notice served from 127.0.0.1, and small helpers to open an annotated page or an extension page
// and to run axe-core inside a page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { servePages, type PageServer, type RouteHandler } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import type { PageAnalysis } from '../../src/core/types';

export const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
export const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
export const SCREENSHOTS = here('../../test-results/screenshots');

export const PAGES = {
  findATender: '/find-a-tender/Notice/008624-2023',
  contractsFinder: '/contracts-finder/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac',
  demo: '/demo/notice',
} as const;

const ROUTES = {
  [PAGES.findATender]: here('../fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html'),
  [PAGES.contractsFinder]: here('../fixtures/portal_html/uk_contracts_finder_notice_05c544dc_award.html'),
  [PAGES.demo]: here('../../src/demo/demo-notice.html'),
};

export interface Harness {
  server: PageServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

/** `extraRoutes`: more pages to serve (path → file, or a handler that answers itself), as the benchmark's built pages. */
export async function startHarness(extraRoutes: Record<string, string | RouteHandler> = {}): Promise<Harness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await servePages({ ...ROUTES, ...extraRoutes });
  const browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
  // The saved pages still name the portals' scripts, styles and trackers: refuse them at once rather than let a
  // blocking script wait on a network that is not there (it held a page for 5 s).
  const local = new URL(server.origin).host;
  await browser.context.route((url) => /^https?:$/.test(url.protocol) && url.host !== local, (route) => route.abort());
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageSize {
  width: number;
  height: number;
  deviceScaleFactor?: number;
}

/** A new tab at `size` (a window of its own, so that a device scale factor can be set) on a served page, once marked. */
export async function openAnnotated(h: Harness, path: string, size?: PageSize): Promise<Page> {
  const page = await newTab(h, size);
  await page.goto(`${h.server.origin}${path}`);
  await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
  return page;
}

/**
 * A new 1000 × 800 tab on a served page, once the background has saved its analysis as read by `portal`'s reader;
 * `marked`: and once its first mark is in.
 */
export async function openRead(h: Harness, path: string, portal: string, options: { marked?: boolean } = {}): Promise<{ page: Page; analysis: PageAnalysis }> {
  const page = await h.browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(`${h.server.origin}${path}`);
  const until = Date.now() + 20_000;
  let analysis = await tabAnalysis(h.browser, page);
  while (analysis?.reading.portal !== portal) {
    if (Date.now() > until) throw new Error(`${path} was read by "${analysis?.reading.portal ?? 'nothing'}" in 20 s, not by "${portal}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    analysis = await tabAnalysis(h.browser, page);
  }
  if (options.marked) await page.locator('tenderlens-mark').first().waitFor({ timeout: 20_000 });
  return { page, analysis: options.marked ? ((await tabAnalysis(h.browser, page)) ?? analysis) : analysis };
}

export async function newTab(h: Harness, size?: PageSize): Promise<Page> {
  const page = await h.browser.context.newPage();
  if (size) {
    const cdp = await h.browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: size.width,
      height: size.height,
      deviceScaleFactor: size.deviceScaleFactor ?? 1,
      mobile: false,
    });
  }
  return page;
}

/**
 * A screenshot of the window as it is. Playwright's own screenshot re-applies its viewport and so drops the
 * window size and device scale factor set by `newTab`; this one asks Chromium directly.
 */
export async function screenshotAsIs(h: Harness, page: Page, path: string): Promise<void> {
  const cdp = await h.browser.context.newCDPSession(page);
  const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
  writeFileSync(path, Buffer.from(data, 'base64'));
  await cdp.detach();
}

/** The analysis the background saved for a page's tab (what the popup and the side panel show), or null. */
export async function tabAnalysis(browser: ExtensionBrowser, page: Page): Promise<PageAnalysis | null> {
  return browser.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({ url: u });
    const key = `tab:${tabs[0]?.id ?? -1}`;
    return ((await chrome.storage.session.get(key))[key] as never) ?? null;
  }, page.url());
}

/** The tab id Chromium gave the page, asked from inside the extension's worker. */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  const url = page.url();
  return h.browser.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({ url: u });
    return tabs[0]?.id ?? -1;
  }, url);
}

/** An extension page (`popup.html?tab=…`, `options.html`, …) in a tab of the given size. */
export async function openExtensionPage(h: Harness, file: string, size?: PageSize): Promise<Page> {
  const page = await newTab(h, size);
  await page.goto(`chrome-extension://${h.browser.extensionId}/${file}`);
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (open shadow roots included), or only `within` the elements a selector finds and only
 * the given `rules`, and returns its violations. The source is evaluated
 * through the debugging protocol, so an extension page's strict CSP does not stop it.
 */
export async function runAxe(page: Page, scope: { within?: string; rules?: string[] } = {}): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async ({ within, rules }) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const context = within ? { include: Array.from(document.querySelectorAll(within)) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, scope);
}

export const isSerious = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

/** The violations on TenderLens's marks and cards only (a host page's own faults are not ours to fix). */
export function onMarks(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((target) => target.includes('tenderlens-mark')) }))
    .filter((v) => v.nodes.length > 0);
}

/** Sends a message to the background from an extension page, as the options page does, and unwraps its reply. */
export function sendFromPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(async (m) => {
    const envelope = (await chrome.runtime.sendMessage(m)) as { ok: boolean; value?: unknown; error?: string };
    if (!envelope.ok) throw new Error(envelope.error);
    return envelope.value;
  }, message) as Promise<T>;
}
