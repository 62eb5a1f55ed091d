// Measures, in a real Chromium with a built extension, what a user waits for when a large list changes: importing a
// 150k-entity FollowTheMoney file on the options page (until the report shows), removing it (until its row goes),
// the longest stretch with no change of the progress line, and the time a page opened right after each change
// waits for its marks. Run: npx tsx test/bench/measure-list-change.ts [<built extension dir>] [entities]
// (default .output/local/chrome-mv3 and 150000). Prints a table; not part of npm test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { generateEntities } from './bench-corpus';
import { servePages } from '../../src/demo/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const extensionDir = path.resolve(process.argv[2] ?? here('../../.output/local/chrome-mv3'));
const count = Number(process.argv[3] ?? 150_000);

function writeFtmFile(): string {
  const lines = generateEntities(count).map((e) =>
    JSON.stringify({ id: e.id, schema: 'Company', properties: { name: [e.name], alias: e.aliases, previousName: e.previousNames, weakAlias: e.weakAliases } }),
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tenderlens-bench-')), 'large.ftm.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Waits for `done` while noting how the progress line changes: the longest time it stood still. */
async function watch(page: Page, done: () => Promise<boolean>): Promise<{ ms: number; longestSilenceMs: number; lines: number }> {
  const start = performance.now();
  let last = '';
  let lastChange = start;
  let longest = 0;
  let lines = 0;
  for (;;) {
    const text = (await page.locator('[role=status]').allTextContents().catch(() => [])).join(' | ');
    const now = performance.now();
    if (text !== last) {
      longest = Math.max(longest, now - lastChange);
      last = text;
      lastChange = now;
      lines++;
    }
    if (await done()) return { ms: now - start, longestSilenceMs: Math.max(longest, now - lastChange), lines };
    await page.waitForTimeout(50);
  }
}

async function nextPageMs(browser: ExtensionBrowser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  const start = performance.now();
  await page.goto(url);
  await page.locator('tenderlens-mark').first().waitFor({ timeout: 300_000 });
  const ms = performance.now() - start;
  await page.close();
  return ms;
}

async function main(): Promise<void> {
  const file = writeFtmFile();
  const server = await servePages({ '/demo/notice': here('../../src/demo/demo-notice.html') });
  const browser = await launchWithExtension(extensionDir, { headless: true });
  const demo = `${server.origin}/demo/notice`;
  const rows: Array<[string, string]> = [];
  try {
    rows.push(['first page (warm-up)', `${(await nextPageMs(browser, demo)).toFixed(0)} ms`]);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('form.import input[type=file]').setInputFiles(file);
    await options.getByLabel('List name').fill('Large list');
    const meaning = options.locator('form.import select');
    if ((await meaning.locator('option[value="watch"]').count()) > 0) await meaning.selectOption('watch');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const imported = await watch(options, async () => (await options.getByText(/(Imported|Added) [\d,]+ (entities|companies)/).count()) > 0);
    rows.push([`import ${count.toLocaleString('en')} entities`, `${(imported.ms / 1000).toFixed(1)} s, longest without progress ${(imported.longestSilenceMs / 1000).toFixed(1)} s`]);
    rows.push(['next page after import', `${(await nextPageMs(browser, demo)).toFixed(0)} ms`]);
    rows.push(['second page after import', `${(await nextPageMs(browser, demo)).toFixed(0)} ms`]);
    const row = options.locator('tr', { hasText: 'Large list' });
    await row.getByRole('button', { name: 'Remove list' }).click();
    const yes = options.getByRole('button', { name: 'Yes, remove it' });
    if (await yes.count()) await yes.click();
    const removed = await watch(options, async () => (await row.count()) === 0);
    rows.push(['remove the list', `${(removed.ms / 1000).toFixed(1)} s, longest without progress ${(removed.longestSilenceMs / 1000).toFixed(1)} s`]);
    rows.push(['next page after removal', `${(await nextPageMs(browser, demo)).toFixed(0)} ms`]);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`| ${extensionDir} | |\n|---|---|`);
  for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
