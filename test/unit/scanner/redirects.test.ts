// Redirects followed by hand against a real local HTTP server (Node's fetch shows each hop's Location): a loop, a
// hop to file:, javascript: or data:, too many hops and a hop to a host the caller does not allow are each refused
// with their own words, before the hop is requested; an allowed hop is followed and its address kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchFeed, FeedFetchError, MAX_REDIRECTS } from '@/src/scanner/fetch-feed';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Moved feed</title></channel></rss>';
let server: Server;
let port = 0;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requested.push(`${request.headers.host}${path}`);
    const redirect = (location: string) => response.writeHead(302, { location }).end();
    if (path === '/feed') return void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    if (path === '/moved') return redirect('/feed');
    if (path === '/loop-a') return redirect('/loop-b');
    if (path === '/loop-b') return redirect('/loop-a');
    if (path === '/to-file') return redirect('file:///etc/passwd');
    if (path === '/to-javascript') return redirect('javascript:alert(1)');
    if (path === '/to-data') return redirect('data:application/rss+xml,<rss/>');
    if (path === '/to-localhost') return redirect(`http://localhost:${port}/feed`);
    const chain = /^\/chain-(\d+)$/.exec(path);
    if (chain) return redirect(Number(chain[1]) > 0 ? `/chain-${Number(chain[1]) - 1}` : '/feed');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const at = (path: string) => `http://127.0.0.1:${port}${path}`;
const onlyThisHost = (url: URL) => url.hostname === '127.0.0.1';

async function failure(path: string): Promise<FeedFetchError> {
  const error = await fetchFeed(at(path), { mayRead: onlyThisHost }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

describe('redirects', () => {
  it('follows a redirect on an allowed host and reads from where it ended', async () => {
    const fetched = await fetchFeed(at('/moved'), { mayRead: onlyThisHost });
    expect(fetched.url).toBe(at('/feed'));
    expect(new TextDecoder().decode(fetched.bytes)).toBe(FEED);
  });

  it('refuses a hop to a host the user has not allowed, and never requests it', async () => {
    requested.length = 0;
    const error = await failure('/to-localhost');
    expect(error?.problem).toEqual({ code: 'redirect-host', args: [`localhost:${port}`] });
    expect(error.message).toBe(`${at('/to-localhost')}: the feed's address redirects to localhost:${port}, a site you have not allowed TenderLens to read; nothing was read from it (subscribe to the new address to allow it)`);
    expect(requested).toEqual([`127.0.0.1:${port}/to-localhost`]);
  });

  it('names a loop, a hop to file:, javascript: or data:, and too many hops', async () => {
    expect((await failure('/loop-a')).problem).toEqual({ code: 'redirect-loop', args: [at('/loop-a')] });
    expect((await failure('/to-file')).problem).toEqual({ code: 'redirect-scheme', args: ['file'] });
    expect((await failure('/to-javascript')).problem).toEqual({ code: 'redirect-scheme', args: ['javascript'] });
    expect((await failure('/to-data')).problem).toEqual({ code: 'redirect-scheme', args: ['data'] });
    expect((await failure(`/chain-${MAX_REDIRECTS}`)).problem).toEqual({ code: 'too-many-redirects', args: [String(MAX_REDIRECTS)] });
    expect((await fetchFeed(at(`/chain-${MAX_REDIRECTS - 1}`))).url).toBe(at('/feed'));
  });

  it('where the browser hides the hop (an opaque redirect), checks the address it ended at before reading it', async () => {
    // What a browser's fetch answers: with redirect "manual" an opaque redirect, with "follow" the final answer.
    let bodyRead = false;
    const browserLike: typeof fetch = async (input, init) => {
      if (init?.redirect === 'manual') return Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
      const body = new ReadableStream({ pull: (c) => { bodyRead = true; c.enqueue(new TextEncoder().encode(FEED)); c.close(); } }, { highWaterMark: 0 });
      return Object.defineProperty(new Response(body, { status: 200 }), 'url', { value: `http://localhost:${port}/feed` });
    };
    const error = await fetchFeed(at('/to-localhost'), { fetch: browserLike, mayRead: onlyThisHost }).then(() => undefined, (e: unknown) => e as FeedFetchError);
    expect(error?.problem).toEqual({ code: 'redirect-host', args: [`localhost:${port}`] });
    expect(bodyRead).toBe(false);
    const failing: typeof fetch = async (input, init) => {
      if (init?.redirect === 'manual') return Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
      throw new TypeError('Failed to fetch');
    };
    expect((await fetchFeed(at('/loop-a'), { fetch: failing }).then(() => undefined, (e: unknown) => e as FeedFetchError))?.problem).toEqual({ code: 'redirect-unfollowable', args: [] });
  });
});
