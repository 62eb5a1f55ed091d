// Hostile pages in a real Chromium: the saved Find a Tender notice with one 1.5 MB text node added still gets its
// marks promptly, and the content script never holds the page's main thread for a long task (over 50 ms, as
// PerformanceObserver reports them). A screenshot lands in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
const FIND_A_TENDER = here('../fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html');
const HUGE_NODE_PATH = '/find-a-tender/Notice/008624-2023';
const TEXT_NODE_CHARS = 1_500_000;

/**
 * The saved notice with one paragraph of 1.5 MB of single-spaced words (the page's own words, repeated) before
 * its content: one text node, the shape that froze the tab for 76 s.
 */
function pageWithHugeTextNode(): string {
  const html = readFileSync(FIND_A_TENDER, 'utf8');
  const words = 'Tender documents for the supply of pharmaceutical products to the NHS, lot by lot, as described below. ';
  const text = words.repeat(Math.ceil(TEXT_NODE_CHARS / words.length)).slice(0, TEXT_NODE_CHARS);
  // A parser that yields mid-text (as Chromium's does on a busy machine) splits it at 65,536 characters; the page
  // joins it again before the document is parsed, so the content script always meets one node.
  return html.replace(/<body([^>]*)>/i, (body) => `${body}<p id="huge">${text}</p><script>document.getElementById('huge').normalize()</script>`);
}

let server: PageServer;
let browser: ExtensionBrowser;
let workDir: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  workDir = mkdtempSync(join(tmpdir(), 'tenderlens-hostile-pages-'));
  const file = join(workDir, 'huge-text-node.html');
  writeFileSync(file, pageWithHugeTextNode());
  server = await servePages({ [HUGE_NODE_PATH]: file });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
  // First run: install the shipped lists and compile the matcher before anything is timed.
  const warm = await browser.context.newPage();
  await warm.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await warm.evaluate(() => chrome.runtime.sendMessage({ type: 'analyse-page', url: 'http://127.0.0.1/warm-up', text: 'warm up', reading: { portal: 'generic', cpv: [], suppliers: [], countries: [] } }));
  await warm.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a portal page with a 1.5 MB text node', () => {
  // The content script runs once the document is parsed (document_idle): long tasks that start before
  // DOMContentLoaded has ended are the browser's own parsing, which a machine busy with other work can stretch past
  // 50 ms, so they are not counted, and for the same reason a failure is tried twice more. The code before the fix
  // froze the page for over 100 s, and fails every attempt.
  it('gets its marks within 2 s and no main-thread task over 50 ms', { retry: 2 }, async () => {
    const page = await browser.context.newPage();
    // Long tasks of the page's main thread from its very start (content scripts run on the same thread).
    await page.addInitScript(() => {
      const found: Array<{ start: number; duration: number }> = [];
      (window as unknown as { __longTasks: typeof found }).__longTasks = found;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) found.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.origin}${HUGE_NODE_PATH}`, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.getElementById('huge')?.firstChild?.nodeValue?.length)).toBe(TEXT_NODE_CHARS);
    await page.locator('tenderlens-mark').first().waitFor({ timeout: 2_000 });
    // The content script may still be placing marks: let the page settle, then read the long tasks.
    await page.waitForTimeout(500);
    const marks = await page.locator('tenderlens-mark[data-tenderlens="checked"]').count();
    expect(marks).toBeGreaterThanOrEqual(2);
    const { longTasks, parsed } = await page.evaluate(() => ({
      longTasks: (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks,
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
    expect(parsed).toBeGreaterThan(0);
    const afterParsing = longTasks.filter((t) => t.start >= parsed);
    expect(afterParsing.map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.start)} ms`)).toEqual([]);
    await page.locator('tenderlens-mark').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/hostile-huge-text-node.png` });
    await page.close();
  });
});
