// Fetches a feed's bytes over http(s) with the platform's fetch: a time limit, a size cap enforced while reading,
// conditional requests (ETag, Last-Modified) when the caller has validators from an earlier read, and errors that
// name the address and say what went wrong. The only part of the scanner that touches the network.
// Redirects are followed by hand, each hop checked (http(s) only, no loop, at most MAX_REDIRECTS, and a host the
// caller allows) before it is requested. A browser hides where a redirect goes (an "opaque redirect"): there the
// redirect is followed by the browser and the address it ended at is checked before a byte of the body is read.
import { describeFeedProblem, type FeedProblem } from './feed-problem';

export interface FetchedFeed {
  bytes: Uint8Array;
  /** The Content-Type header, whose charset decides the decoding. */
  contentType?: string;
  /** The address the feed was finally read from, after redirects: relative links resolve against it. */
  url: string;
  /** The validators the server gave, to send back on the next request. */
  etag?: string;
  lastModified?: string;
}

/** What an earlier read of the feed returned, sent back as If-None-Match and If-Modified-Since. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

/** The server answered 304: the feed has not changed since the read the validators came from. */
export interface FeedNotModified {
  notModified: true;
  url: string;
}

export interface FetchFeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  /** The fetch to use (tests, or a wrapped fetch with its own policy); the global fetch by default. */
  fetch?: typeof fetch;
  /** Whether a redirect may lead to this address (a host the user allowed); every http(s) address by default. */
  mayRead?: (url: URL) => boolean | Promise<boolean>;
}

/** Hops followed at most; a feed's address rarely redirects more than once or twice. */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
/** Real feeds are far smaller; a larger body is refused rather than held in memory. */
export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/** The feed could not be fetched; the message names the address. */
export class FeedFetchError extends Error {
  /** The HTTP status, when the server answered with an error. */
  readonly status: number | undefined;
  /** How long the server asked clients to wait (Retry-After), in seconds, when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** What was wrong, when it is one of the problems the extension pages name in the user's language. */
  readonly problem: FeedProblem | undefined;

  constructor(message: string, details: { status?: number; retryAfterSeconds?: number; problem?: FeedProblem } = {}) {
    super(message);
    this.name = 'FeedFetchError';
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.problem = details.problem;
  }
}

function problemError(url: string, problem: FeedProblem): FeedFetchError {
  return new FeedFetchError(`${url}: ${describeFeedProblem(problem)}`, { problem });
}

/** A Retry-After header in seconds: a number of seconds, or an HTTP date relative to `now`. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  if (message === 'bad port') return 'fetch refuses this port (it belongs to another protocol)';
  return message || 'network error';
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = () => new FeedFetchError(`${url}: the feed is larger than ${describeSize(maxBytes)}; refused`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Fetches an http(s) feed; rejects with a FeedFetchError for other schemes, network failures and HTTP errors. */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchedFeed> {
  // Without validators a 304 is an HTTP error like any other: the answer is always the feed.
  return (await requestFeed(url, {}, options)) as FetchedFeed;
}

/**
 * Fetches an http(s) feed unless it is unchanged since the read the validators came from: resolves to
 * `{ notModified: true }` when the server answers 304. Rejects like fetchFeed.
 */
export function fetchFeedIfChanged(url: string, validators: FeedValidators, options: FetchFeedOptions = {}): Promise<FetchedFeed | FeedNotModified> {
  return requestFeed(url, validators, options);
}

async function requestFeed(url: string, validators: FeedValidators, options: FetchFeedOptions): Promise<FetchedFeed | FeedNotModified> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedFetchError(`${url}: not a valid address`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FeedFetchError(`${url}: only http and https feeds can be fetched`);
  }
  const headers: Record<string, string> = { accept: ACCEPT };
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  const signal = AbortSignal.timeout(timeoutMs);
  const { response, finalUrl } = await followRedirects(url, parsed, { headers, signal }, options, timeoutMs);
  if (response.status === 304 && (validators.etag || validators.lastModified)) {
    await response.body?.cancel();
    return { notModified: true, url: finalUrl };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
    throw new FeedFetchError(`${url}: the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, {
      status: response.status,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, maxBytes, url);
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(`${url}: reading the feed failed (${describeNetworkError(error, timeoutMs)})`);
  }
  const fetched: FetchedFeed = { bytes, url: finalUrl };
  const contentType = response.headers.get('content-type');
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (contentType) fetched.contentType = contentType;
  if (etag) fetched.etag = etag;
  if (lastModified) fetched.lastModified = lastModified;
  return fetched;
}

/** Requests the feed, following its redirects one hop at a time (see the header); resolves to the final answer. */
async function followRedirects(url: string, start: URL, init: { headers: Record<string, string>; signal: AbortSignal }, options: FetchFeedOptions, timeoutMs: number): Promise<{ response: Response; finalUrl: string }> {
  const fetchImpl = options.fetch ?? fetch;
  const request = async (address: URL, redirect: RequestRedirect): Promise<Response> => {
    try {
      return await fetchImpl(address.href, { ...init, redirect });
    } catch (error) {
      if (redirect === 'follow') throw problemError(url, { code: 'redirect-unfollowable', args: [] });
      throw new FeedFetchError(`${url}: ${describeNetworkError(error, timeoutMs)}`);
    }
  };
  const visited = new Set([start.href]);
  let current = start;
  for (let hops = 0; ; hops++) {
    const response = await request(current, 'manual');
    if (response.type === 'opaqueredirect') {
      const followed = await request(current, 'follow');
      const final = followed.url ? new URL(followed.url) : current;
      if (final.href !== current.href) await checkHop(url, final, options, followed);
      return { response: followed, finalUrl: final.href };
    }
    if (!REDIRECT_STATUSES.has(response.status)) return { response, finalUrl: response.url || current.href };
    const location = response.headers.get('location');
    await response.body?.cancel();
    if (!location) throw new FeedFetchError(`${url}: the server answered HTTP ${response.status} (a redirect) without saying where to`, { status: response.status });
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw problemError(url, { code: 'redirect-scheme', args: [location.slice(0, 40)] });
    }
    if (visited.has(next.href)) throw problemError(url, { code: 'redirect-loop', args: [next.href] });
    if (hops + 1 > MAX_REDIRECTS) throw problemError(url, { code: 'too-many-redirects', args: [String(MAX_REDIRECTS)] });
    await checkHop(url, next, options);
    visited.add(next.href);
    current = next;
  }
}

/** Refuses a hop to anything but http(s), or to a host the caller does not allow; an answer already in is dropped unread. */
async function checkHop(url: string, hop: URL, options: FetchFeedOptions, answer?: Response): Promise<void> {
  let problem: FeedProblem | undefined;
  if (hop.protocol !== 'http:' && hop.protocol !== 'https:') problem = { code: 'redirect-scheme', args: [hop.protocol.replace(/:$/, '')] };
  else if (options.mayRead && !(await options.mayRead(hop))) problem = { code: 'redirect-host', args: [hop.host] };
  if (!problem) return;
  await answer?.body?.cancel().catch(() => undefined);
  throw problemError(url, problem);
}
