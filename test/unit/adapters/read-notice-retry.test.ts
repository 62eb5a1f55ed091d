// A notice's data that could not be had for a passing reason is tried again: the saved TED notice page served from a
// real server on 127.0.0.1 whose notice XML (the real one) fails first — the connection dropped, a 503 — and then
// answers; the tries of one reading are bounded, a later reading (a content change, an in-page navigation) tries
// again, and a 404 is the answer (never asked again).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOMParser, parseHTML } from 'linkedom';
import { LiveNoticeReader } from '@/src/adapters/read-notice-live';
import { servePages, type PageServer, type RouteHandler } from '@/src/demo/serve-pages';

const fixturePath = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
const xmlParser = new DOMParser() as unknown as { parseFromString(text: string, type: string): Document };
const PAGE_PATH = '/ted/en/notice/-/detail/043489-2024';
const XML_PATH = '/ted/en/notice/043489-2024/xml';
const XML_FILE = fixturePath('ted/ted_eforms_can_standard_043489-2024.xml');
const WINNER = 'Dunkel Baustoff-Recycling-Zentrum oHG';
/** Short waits, so that the test runs in well under a second; the shipped ones are a few seconds. */
const retry = { delaysMs: [50, 100], againAfterMs: 200 };

const tedPage = () => parseHTML(readFileSync(fixturePath('e2e-pages/ted_notice_043489-2024_page.html'), 'utf8')).document as unknown as Document;

/** Drops the connection, answers 503, or serves the XML, in the order given; then serves it. Counts the requests. */
function failingThen(failures: Array<'drop' | 503 | 404>): { handler: RouteHandler; asked: () => number } {
  let asked = 0;
  const handler: RouteHandler = (request, response, serveFile) => {
    const failure = failures[asked++];
    if (failure === 'drop') return void request.socket.destroy();
    if (failure) return void response.writeHead(failure, { 'content-type': 'text/plain' }).end('unavailable');
    serveFile(XML_FILE);
  };
  return { handler, asked: () => asked };
}

let server: PageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function readerOn(route: RouteHandler): Promise<{ reader: LiveNoticeReader; url: string }> {
  server = await servePages({ [XML_PATH]: route });
  return { reader: new LiveNoticeReader({ fetch: globalThis.fetch, xmlParser, retry }), url: `${server.origin}${PAGE_PATH}` };
}

const winners = (reading: { suppliers: { name: string }[] }) => reading.suppliers.map((s) => s.name);

describe('a notice data fetch that fails', () => {
  it('after a dropped connection and a 503, is tried again within the same reading and read', async () => {
    const xml = failingThen(['drop', 503]);
    const { reader, url } = await readerOn(xml.handler);
    expect(winners(await reader.read(tedPage(), url))).toEqual([WINNER]);
    expect(xml.asked()).toBe(3);
    // Read: not asked again.
    await reader.read(tedPage(), url);
    expect(xml.asked()).toBe(3);
  });

  it('still failing after its tries, leaves the page’s own reading, and a later reading tries again once the pause is over', async () => {
    const xml = failingThen([503, 503, 503]);
    const { reader, url } = await readerOn(xml.handler);
    expect(winners(await reader.read(tedPage(), url))).toEqual([]);
    expect(xml.asked()).toBe(3);
    // A content change right away: within the pause, nothing is fetched.
    expect(winners(await reader.read(tedPage(), url))).toEqual([]);
    expect(xml.asked()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, retry.againAfterMs + 20));
    expect(winners(await reader.read(tedPage(), url))).toEqual([WINNER]);
    expect(xml.asked()).toBe(4);
  });

  it('asks for the page to be read again once the pause is over, so a page that never changes still gets its winner', async () => {
    const xml = failingThen([503, 503, 503]);
    server = await servePages({ [XML_PATH]: xml.handler });
    const url = `${server.origin}${PAGE_PATH}`;
    const due: number[] = [];
    const reader = new LiveNoticeReader({ fetch: globalThis.fetch, xmlParser, retry, onRetryDue: () => due.push(Date.now()) });
    const failedAt = Date.now();
    expect(winners(await reader.read(tedPage(), url))).toEqual([]);
    expect(due).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, retry.againAfterMs + 50));
    expect(due).toHaveLength(1);
    expect(due[0]! - failedAt).toBeGreaterThanOrEqual(retry.againAfterMs);
    expect(winners(await reader.read(tedPage(), url))).toEqual([WINNER]);
    // Read: nothing more to ask for.
    await new Promise((resolve) => setTimeout(resolve, retry.againAfterMs + 50));
    expect(due).toHaveLength(1);
  });

  it('stops after a bounded number of readings when the server never answers', async () => {
    const xml = failingThen(Array.from({ length: 100 }, () => 503 as const));
    const { reader, url } = await readerOn(xml.handler);
    for (let i = 0; i < 8; i++) {
      await reader.read(tedPage(), url);
      await new Promise((resolve) => setTimeout(resolve, retry.againAfterMs + 20));
    }
    // Five readings of three tries each, then no more.
    expect(xml.asked()).toBe(15);
  });

  it('a 404 is the answer: not tried again, not even by a later reading', async () => {
    const xml = failingThen([404]);
    const { reader, url } = await readerOn(xml.handler);
    expect(winners(await reader.read(tedPage(), url))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, retry.againAfterMs + 20));
    expect(winners(await reader.read(tedPage(), url))).toEqual([]);
    expect(xml.asked()).toBe(1);
  });
});
