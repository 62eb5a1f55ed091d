// `npm start`: builds the extension (with 127.0.0.1 allowed), serves the bundled demonstration notice and a
// real saved Find a Tender notice, and opens them in Chromium with TenderLens loaded. Without a display it
// runs headless, saves screenshots and prints what TenderLens found.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { PageAnalysis } from '../core/types';
import { servePages } from './serve-pages';
import { launchWithExtension } from './launch-chromium';

const root = fileURLToPath(new URL('../../', import.meta.url));
const extensionDir = path.join(root, '.output/local/chrome-mv3');
const screenshotDir = path.join(root, '.output/demo');

const PAGES = {
  '/demo/notice': path.join(root, 'src/demo/demo-notice.html'),
  '/Notice/008624-2023': path.join(root, 'test/fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html'),
};

async function main(): Promise<void> {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TENDERLENS_LOCAL_HOSTS: '1' } });
  const server = await servePages(PAGES);
  const headless = !process.env.DISPLAY || process.argv.includes('--headless');
  const browser = await launchWithExtension(extensionDir, { headless });
  console.log(`Chromium is running with TenderLens ${headless ? '(headless)' : ''}; pages served from ${server.origin}`);
  mkdirSync(screenshotDir, { recursive: true });

  for (const [route, file] of Object.entries(PAGES)) {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${route}`);
    await page.locator('tenderlens-mark').first().waitFor({ timeout: 30_000 });
    const analysis = await browser.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      const key = `tab:${tab?.id}`;
      return ((await chrome.storage.session.get(key)) as Record<string, unknown>)[key];
    }, page.url()) as PageAnalysis | undefined;
    printSummary(`${server.origin}${route}`, path.basename(file), analysis);
    if (headless) {
      const shot = path.join(screenshotDir, `${path.basename(file, '.html')}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`  screenshot: ${path.relative(root, shot)}`);
    }
  }

  if (headless) {
    await browser.close();
    await server.close();
    return;
  }
  console.log('\nClose the browser window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await server.close();
}

function printSummary(url: string, file: string, analysis: PageAnalysis | undefined): void {
  console.log(`\n${url}  (${file})`);
  if (!analysis) {
    console.log('  TenderLens did not analyse this page.');
    return;
  }
  const { reading, findings } = analysis;
  console.log(`  ${reading.title ?? ''}`);
  console.log(`  portal: ${reading.portal}; buyer: ${reading.buyer?.name ?? 'unknown'}`);
  console.log(`  CPV: ${reading.cpv.map((c) => `${c.code8} ${c.label ?? ''}`.trim()).join('; ') || 'none'}`);
  console.log(`  suppliers: ${reading.suppliers.map((s) => s.name).join('; ') || 'none read'}`);
  if (!findings.length) console.log('  No known risks found. No information is not the same as no risk.');
  for (const f of findings) {
    const mark = f.severity === 'flag' ? 'FLAG  ' : f.kind === 'possible-entity' ? 'REVIEW' : 'RISK  ';
    console.log(`  ${mark} ${f.title}: ${f.detail}`);
    console.log(`         sources: ${f.sources.map((s) => `${s.title} ${s.version}${s.partial ? ' (partial)' : ''}`).join('; ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
