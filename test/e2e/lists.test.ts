// List sources in the built extension, in a real Chromium: a list added by address is read by the background; the
// worker is stopped (as the browser does to idle workers) while the list is being read, and on waking it resumes
// the refresh, loading the list once, whole. Screenshots land in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, type ExtensionBrowser } from '../../src/demo/launch-chromium';
import { ListServer } from '../unit/sources/list-server';
import { sendFromPage } from './harness';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');
const FTM = readFileSync(here('../fixtures/ftm/yente_zala_cluster.ftm.jsonl'), 'utf8');

let server: ListServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = new ListServer();
  await server.start();
  browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const send = sendFromPage;

interface ListStatus { sourceId: string; title: string; rows: number; fetch?: { status?: string; refreshingSince?: string; itemCount?: number; lastError?: string } }

describe('list sources', () => {
  it('resumes a list refresh after the worker is stopped mid-read, loading the list once', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Keeping lists current' }).waitFor();
    // The first answer takes long enough for the worker to be stopped while it waits.
    server.serve('/datasets/zala/entities.ftm.json', { body: FTM, delayMs: 4000, headers: { 'content-type': 'application/json' } });
    const added = await send<ListStatus>(options, {
      type: 'add-list-source', title: 'ZALA cluster (served)', url: `${server.base}/datasets/zala/entities.ftm.json`,
      refresh: { parser: 'ftm', intervalHours: 24, flagType: 'forced_labour' },
    });
    await expect.poll(() => server.requests.filter((r) => r.path === '/datasets/zala/entities.ftm.json').length, { timeout: 10_000 }).toBe(1);
    const marked = await send<ListStatus[]>(options, { type: 'list-sources' });
    expect(marked.find((s) => s.sourceId === added.sourceId)?.fetch?.refreshingSince).toBeTruthy();

    // Stop the real service worker, as Chromium does when it is idle.
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    server.serve('/datasets/zala/entities.ftm.json', { body: FTM, headers: { 'content-type': 'application/json' } });

    // Waking the worker (any message does) resumes the refresh.
    await options.reload();
    await expect
      .poll(async () => (await send<ListStatus[]>(options, { type: 'list-sources' })).find((s) => s.sourceId === added.sourceId)?.fetch, { timeout: 30_000 })
      .toMatchObject({ status: 'ok' });
    const lists = await send<ListStatus[]>(options, { type: 'list-sources' });
    const zala = lists.find((s) => s.sourceId === added.sourceId)!;
    expect(zala).toMatchObject({ rows: 11, fetch: { itemCount: 11 } });
    expect(zala.fetch?.refreshingSince).toBeUndefined();
    const status = await send<{ sources: { id: string; entities: number; flags: number }[] }>(options, { type: 'knowledge-status' });
    // The read cut short, then the resumed one.
    expect(server.requests.filter((r) => r.path === '/datasets/zala/entities.ftm.json')).toHaveLength(2);
    // 11 entities and their 11 flags: nothing lost, nothing twice.
    expect(status.sources.find((s) => s.id === added.sourceId)).toMatchObject({ entities: 11, flags: 11 });
    await expect.poll(() => options.locator('.list-source', { hasText: 'ZALA cluster (served)' }).textContent()).toMatch(/Last change .*11 added, 0 removed, 0 renamed/);
    await options.locator('.list-source', { hasText: 'ZALA cluster (served)' }).scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SCREENSHOTS}/options-list-sources.png`, fullPage: true });
    await options.setViewportSize({ width: 400, height: 900 });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.screenshot({ path: `${SCREENSHOTS}/options-list-sources-narrow-dark.png`, fullPage: true });
    await options.close();
  });
});
