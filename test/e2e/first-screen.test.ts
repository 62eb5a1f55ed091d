// A long page's top is marked first, in a real Chromium: on a results list of 900 rows (built here from the
// growing-results fixture's rows, three naming companies of the shipped UFLPA Entity List: one at the top, one in the
// middle, one at the end), the first marks are those of the top ("tenderlens:marks-placed", firstScreen), then the
// whole page's ("tenderlens:all-marks-placed"); every listed name ends with exactly one mark, the top's included,
// and the page's findings (the popup's) are those of the whole page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import type { PageAnalysis } from '../../src/core/types';
import { ALL_MARKS_PLACED_MARK, MARKS_PLACED_MARK } from '../../src/annotator/timing-marks';
import { EXTENSION_DIR, SCREENSHOTS } from './harness';

const LISTED = {
  2: 'Changji Esquel Textile Co., Ltd. — yarn and woven fabric, Xinjiang',
  450: 'Hetian Haolin Hair Accessories Co. Ltd. — hair products',
  890: 'Aksu Huafu Color Spinning Co., Ltd. — dyed yarn',
} as Record<number, string>;
const OTHERS = ['Northfield Office Supplies Ltd — stationery', 'Riverside Catering Services — canteen', 'Western Print Works — printing'];

let server: PageServer;
let browser: ExtensionBrowser;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'tenderlens-first-screen-'));
  const rows = Array.from({ length: 900 }, (_, i) => `<li>${LISTED[i] ?? `${OTHERS[i % OTHERS.length]} (row ${i + 1})`}</li>`).join('\n');
  const file = join(workDir, 'long-results.html');
  writeFileSync(file, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Suppliers (a long list)</title></head><body><h1>Registered suppliers</h1><ul id="results">${rows}</ul></body></html>`);
  server = await servePages({ '/suppliers/long-results': file });
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a long page', () => {
  it('gets the marks of its top first, then one mark per listed name in the whole page, and the whole page as its findings', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.origin}/suppliers/long-results`);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, ALL_MARKS_PLACED_MARK, { timeout: 30_000 });
    const timing = await page.evaluate(
      ([first, all]) => {
        const firstMark = performance.getEntriesByName(first!)[0] as PerformanceMark;
        const allMark = performance.getEntriesByName(all!)[0] as PerformanceMark;
        return { first: firstMark.detail as { marks: number; firstScreen: boolean }, all: allMark.detail as { marks: number }, inOrder: firstMark.startTime <= allMark.startTime };
      },
      [MARKS_PLACED_MARK, ALL_MARKS_PLACED_MARK],
    );
    expect(timing.first.firstScreen).toBe(true);
    expect(timing.first.marks).toBe(1); // the top's one listed name
    expect(timing.inOrder).toBe(true);

    const marks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => ({ tone: m.getAttribute('data-tenderlens'), row: (m.closest('li')?.textContent ?? '').slice(0, 12) })),
    );
    expect(marks.length).toBe(timing.all.marks);
    expect(marks.filter((m) => m.tone === 'flag').map((m) => m.row)).toEqual(['Changji Esqu', 'Hetian Haoli', 'Aksu Huafu C']);

    const analysis = await browser.worker.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({ url: u });
      const key = `tab:${tabs[0]?.id ?? -1}`;
      return ((await chrome.storage.session.get(key))[key] as PageAnalysis | undefined) ?? null;
    }, page.url());
    const flagged = [...new Set((analysis?.findings ?? []).filter((f) => f.severity === 'flag').map((f) => f.title.slice(0, 12)))].sort();
    expect(flagged).toEqual(['Aksu Huafu C', 'Changji Esqu', 'Hetian Haoli']);
    await page.screenshot({ path: `${SCREENSHOTS}/first-screen-top.png` });
    await page.close();
  });
});
