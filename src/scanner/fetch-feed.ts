// Fetches a feed's bytes over http(s) with the platform's fetch: a time limit, a size cap enforced while reading,
// and errors that name the address and say what went wrong. The only part of the scanner that touches the network.

export interface FetchedFeed {
  bytes: Uint8Array;
  /** The Content-Type header, whose charset decides the decoding. */
  contentType?: string;
  /** The address the feed was finally read from, after redirects: relative links resolve against it. */
  url: string;
}

export interface FetchFeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  /** The fetch to use (tests, or a wrapped fetch with its own policy); the global fetch by default. */
  fetch?: typeof fetch;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
/** Real feeds are far smaller; a larger body is refused rather than held in memory. */
export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/** The feed could not be fetched; the message names the address. */
export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFetchError';
  }
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

  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(parsed.href, { headers, redirect: 'follow', signal });
  } catch (error) {
    throw new FeedFetchError(`${url}: ${describeNetworkError(error, timeoutMs)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FeedFetchError(`${url}: the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, maxBytes, url);
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(`${url}: reading the feed failed (${describeNetworkError(error, timeoutMs)})`);
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  return { bytes, url: response.url || parsed.href, ...(contentType ? { contentType } : {}) };
}
