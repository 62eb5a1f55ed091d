import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedFetchError, fetchFeed, fetchFeedIfChanged, retryAfterSeconds } from '@/src/scanner/fetch-feed';

const ETAG = '"feed-v2"';
const LAST_MODIFIED = 'Tue, 03 Feb 2026 10:00:00 GMT';
const CONDITIONAL_BODY = '<rss version="2.0"><channel><title>conditional</title></channel></rss>';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/feed.rss') {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' });
      response.end('<rss version="2.0"><channel><title>ok</title></channel></rss>');
    } else if (request.url === '/streamed-large') {
      // No Content-Length: the cap has to hold while reading.
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 64; i++) response.write('x'.repeat(1024));
      response.end();
    } else if (request.url === '/declared-large') {
      response.writeHead(200, { 'content-length': String(5 * 1024 * 1024) });
      response.write('x');
    } else if (request.url === '/conditional') {
      // Answers 304 when either validator matches, as servers do.
      const unchanged = request.headers['if-none-match'] === ETAG || request.headers['if-modified-since'] === LAST_MODIFIED;
      if (unchanged) response.writeHead(304, { etag: ETAG }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': LAST_MODIFIED }).end(CONDITIONAL_BODY);
    } else if (request.url === '/busy') {
      response.writeHead(503, 'Service Unavailable', { 'retry-after': '120' }).end();
    } else if (request.url === '/unasked-304') {
      response.writeHead(304).end();
    } else if (request.url === '/slow') {
      setTimeout(() => response.end('<rss/>'), 2000);
    } else {
      response.writeHead(500, 'Internal Server Error');
      response.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((done) => server.close(() => done()));
});

describe('fetching a feed', () => {
  it('returns the bytes, the content type and the address read', async () => {
    const fetched = await fetchFeed(`${base}/feed.rss`);
    expect(new TextDecoder().decode(fetched.bytes)).toBe('<rss version="2.0"><channel><title>ok</title></channel></rss>');
    expect(fetched).toMatchObject({ contentType: 'application/rss+xml; charset=ISO-8859-1', url: `${base}/feed.rss` });
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    await expect(fetchFeed(`${base}/streamed-large`, { maxBytes: 16 * 1024 })).rejects.toThrow(new FeedFetchError(`${base}/streamed-large: the feed is larger than 16 KB; refused`));
    await expect(fetchFeed(`${base}/declared-large`, { maxBytes: 1024 * 1024 })).rejects.toThrow(`${base}/declared-large: the feed is larger than 1 MB; refused`);
  });

  it('names the address and the failure: HTTP status, time limit, refused connection, other schemes', async () => {
    await expect(fetchFeed(`${base}/broken`)).rejects.toThrow(`${base}/broken: the server answered HTTP 500 Internal Server Error`);
    await expect(fetchFeed(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow(`${base}/slow: no answer within 0.2 s`);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(fetchFeed(`http://127.0.0.1:${closedPort}/feed`)).rejects.toThrow(`http://127.0.0.1:${closedPort}/feed: connection refused`);
    await expect(fetchFeed('http://127.0.0.1:25/feed')).rejects.toThrow('http://127.0.0.1:25/feed: fetch refuses this port');
    await expect(fetchFeed('file:///etc/passwd')).rejects.toThrow('file:///etc/passwd: only http and https feeds can be fetched');
  });
});

describe('conditional requests', () => {
  it('returns the validators the server gives with the feed', async () => {
    const fetched = await fetchFeedIfChanged(`${base}/conditional`, {});
    expect(fetched).toMatchObject({ etag: ETAG, lastModified: LAST_MODIFIED, url: `${base}/conditional` });
    expect(new TextDecoder().decode((fetched as { bytes: Uint8Array }).bytes)).toBe(CONDITIONAL_BODY);
  });

  it('sends them back and reports 304 as not modified, by ETag or by date', async () => {
    expect(await fetchFeedIfChanged(`${base}/conditional`, { etag: ETAG })).toEqual({ notModified: true, url: `${base}/conditional` });
    expect(await fetchFeedIfChanged(`${base}/conditional`, { lastModified: LAST_MODIFIED })).toEqual({ notModified: true, url: `${base}/conditional` });
    const stale = await fetchFeedIfChanged(`${base}/conditional`, { etag: '"feed-v1"' });
    expect(stale).toMatchObject({ etag: ETAG });
    expect('bytes' in stale).toBe(true);
  });

  it('treats a 304 to a request without validators as an HTTP error', async () => {
    await expect(fetchFeed(`${base}/unasked-304`)).rejects.toThrow(`${base}/unasked-304: the server answered HTTP 304`);
    await expect(fetchFeedIfChanged(`${base}/unasked-304`, {})).rejects.toThrow(`${base}/unasked-304: the server answered HTTP 304`);
  });

  it('keeps the status and the Retry-After of a refusal for the caller’s back-off', async () => {
    const error = await fetchFeedIfChanged(`${base}/busy`, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedFetchError);
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 120, message: `${base}/busy: the server answered HTTP 503 Service Unavailable` });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-02-03T10:00:00Z');
    expect(retryAfterSeconds('3600', now)).toBe(3600);
    expect(retryAfterSeconds('Tue, 03 Feb 2026 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds('Tue, 03 Feb 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});
