// Reads the notice of the page in a tab: the page reader's own reading, and — for a portal whose pages have a
// machine-readable twin (TED's notice XML, the record a SAM.gov page loads) — the twin, fetched from the page's own
// origin (a content script may read same-origin responses), size- and time-capped, decoded in the encoding it was
// served in, following an amendment to its latest version; on a search-results page, each listed notice's data. A
// twin that cannot be had leaves the page's own reading. Twins are read once per address; one that failed for a
// passing reason (a network error, a 5xx, a time-out) is tried again a few seconds later, a bounded number of times
// (a listed notice's data: not within the same reading), and again on a later reading (a content change, an
// in-page navigation); a missing one (404) is not.
import type { NoticeReading } from '../core/types';
import { pickAdapter, readNoticeInSlices } from './index';
import { readPageCpvCodesInSlices } from './generic';
import type { YieldToPage } from './page-dom';
import { parseSafeXml } from './xml-tree';
import { findCpvCodesInText } from './cpv-in-text';
import { buildReading } from './notice-reading';
import { decodeNoticeData } from './decode-notice-data';

/** Twins larger than this are not read (the largest real notices are a few megabytes). */
export const MAX_TWIN_BYTES = 10_000_000;
const TWIN_TIMEOUT_MS = 15_000;
/** Waits before the second and third tries of a twin whose fetch failed for a passing reason. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 4_000];
/** A later reading tries a failed twin again, not sooner than this after it failed, at most MAX_READ_ROUNDS times in all. */
export const RETRY_AGAIN_AFTER_MS = 5_000;
const MAX_READ_ROUNDS = 5;
const MAX_AMENDMENT_STEPS = 3;
/** Listed notices' data fetched at once on a search-results page. */
const LISTING_CONCURRENCY = 4;

export interface LiveReadingDeps {
  fetch: typeof fetch;
  xmlParser: { parseFromString(text: string, type: string): Document };
  switchedOff?: ReadonlySet<string>;
  /** Lets the page run between slices of a page-wide reading; the page's own turn (a macrotask) when not given. */
  yieldToPage?: YieldToPage;
  /** The waits between tries and before a later reading tries again (RETRY_DELAYS_MS, RETRY_AGAIN_AFTER_MS when not given). */
  retry?: { delaysMs: readonly number[]; againAfterMs: number };
  /**
   * Called once the pause after a passing failure is over (and readings are left to try): the page is read again, so
   * a notice whose data came late is read even when the page itself never changes.
   */
  onRetryDue?: () => void;
}

/** A fetch that failed for a reason that may pass: a network error, a time-out, a server error, "too many requests". */
export class PassingFailure extends Error {}

/** Statuses that say the server may answer later; any other failure (404, 410, 403…) is the answer. */
const isPassingStatus = (status: number) => status >= 500 || status === 408 || status === 429;

const nextTask: YieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

async function fetchTwin(url: string, deps: LiveReadingDeps): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TWIN_TIMEOUT_MS);
  try {
    const response = await deps.fetch(url, { credentials: 'same-origin', signal: controller.signal }).catch((error: unknown) => {
      throw new PassingFailure(`${url}: ${controller.signal.aborted ? `no answer in ${TWIN_TIMEOUT_MS / 1000} s` : String(error)}`);
    });
    if (!response.ok) {
      const message = `${url}: HTTP ${response.status}`;
      throw isPassingStatus(response.status) ? new PassingFailure(message) : new Error(message);
    }
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_TWIN_BYTES) throw new Error(`${url}: ${length} bytes, more than ${MAX_TWIN_BYTES}`);
    // The bytes, not response.text() (which always reads UTF-8): a portal may serve ISO-8859-1 data.
    const bytes = new Uint8Array(
      await response.arrayBuffer().catch((error: unknown) => {
        throw new PassingFailure(`${url}: the answer broke off (${String(error)})`);
      }),
    );
    if (bytes.length > MAX_TWIN_BYTES) throw new Error(`${url}: more than ${MAX_TWIN_BYTES} bytes`);
    return decodeNoticeData(bytes, response.headers.get('content-type') ?? undefined).text;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The twin, tried again after each wait of `delaysMs` while it fails for a passing reason; not after a time-out past
 * the first try's time (the next reading tries again), so a reading waits for its twin a bounded time.
 */
async function fetchTwinTrying(url: string, deps: LiveReadingDeps): Promise<string> {
  const delays = deps.retry?.delaysMs ?? RETRY_DELAYS_MS;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchTwin(url, deps);
    } catch (error) {
      if (!(error instanceof PassingFailure) || attempt >= delays.length || Date.now() - started >= TWIN_TIMEOUT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

/**
 * What was read per address: kept when it succeeded or failed for good; after a passing failure, a later call reads
 * again (not sooner than `againAfterMs` after the failure, and `maxRounds` times in all).
 */
class ReadPerAddress<T> {
  private readonly entries = new Map<string, { value: Promise<T | undefined>; passingFailureAt?: number; rounds: number }>();

  constructor(
    private readonly againAfterMs: () => number,
    private readonly retryDue: () => void,
  ) {}

  get(url: string, read: () => Promise<T>, onFailure: (error: unknown) => void): Promise<T | undefined> {
    const known = this.entries.get(url);
    const tryAgain = known?.passingFailureAt !== undefined && Date.now() - known.passingFailureAt >= this.againAfterMs() && known.rounds < MAX_READ_ROUNDS;
    if (known && !tryAgain) return known.value;
    const entry: { value: Promise<T | undefined>; passingFailureAt?: number; rounds: number } = { value: Promise.resolve(undefined), rounds: (known?.rounds ?? 0) + 1 };
    entry.value = read().catch((error: unknown) => {
      if (error instanceof PassingFailure) {
        entry.passingFailureAt = Date.now();
        if (entry.rounds < MAX_READ_ROUNDS) this.retryDue();
      }
      onFailure(error);
      return undefined;
    });
    this.entries.set(url, entry);
    return entry.value;
  }
}

/**
 * Reads pages of one tab; remembers each twin it read, so a re-read after a DOM change fetches nothing (unless the
 * twin failed for a passing reason: then a re-read tries it again).
 */
export class LiveNoticeReader {
  private readonly againAfterMs = () => this.deps.retry?.againAfterMs ?? RETRY_AGAIN_AFTER_MS;
  /** One reading again for any number of notices that failed at about the same time. */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly retryDue = () => {
    if (!this.deps.onRetryDue || this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.deps.onRetryDue?.();
    }, this.againAfterMs());
  };
  private readonly twins = new ReadPerAddress<NoticeReading>(this.againAfterMs, this.retryDue);
  private readonly listedRecords = new ReadPerAddress<unknown>(this.againAfterMs, this.retryDue);

  constructor(private readonly deps: LiveReadingDeps) {}

  async read(doc: Document, url: string): Promise<NoticeReading> {
    const yieldToPage = this.deps.yieldToPage ?? nextTask;
    const adapter = pickAdapter(url, doc, this.deps.switchedOff);
    const pageReading = await readNoticeInSlices(doc, adapter, yieldToPage);
    const pageUrl = URL.canParse(url) ? new URL(url) : undefined;
    const listed = pageUrl && adapter.listing ? adapter.listing.notices(doc, pageUrl) : [];
    if (adapter.listing && listed.length > 0) return this.readListing(adapter.listing, listed, pageReading);
    const twinUrl = pageUrl && adapter.twin?.url(pageUrl);
    if (!adapter.twin || !pageUrl || !twinUrl) return pageReading;
    const twin = adapter.twin;
    const twinReading = await this.twins.get(twinUrl, () => this.readTwin(twin, twinUrl, pageUrl), (error) =>
      console.warn('TenderLens: the notice data behind this page could not be read; the page itself is read instead:', error),
    );
    if (!twinReading) return pageReading;
    const title = twinReading.title ?? pageReading.title;
    return { ...twinReading, ...(title ? { title } : {}), cpv: twinReading.cpv.length > 0 ? twinReading.cpv : await readPageCpvCodesInSlices(doc, yieldToPage) };
  }

  /**
   * A first, partial reading for the top of a long page, before the page is read whole: the page's reader and the
   * CPV codes the top's own text shows. Only the whole reading (`read`) says what the notice is.
   */
  readTop(doc: Document, url: string, topText: string): NoticeReading {
    return buildReading(pickAdapter(url, doc, this.deps.switchedOff).id, { cpv: findCpvCodesInText(topText) });
  }

  /**
   * Each listed notice's data, a few at a time, each address once per tab (again on a later reading after a passing
   * failure); one that cannot be had is listed by number.
   */
  private async readListing(listing: NonNullable<ReturnType<typeof pickAdapter>['listing']>, listed: { number: string; url: string }[], pageReading: NoticeReading): Promise<NoticeReading> {
    const records: (unknown | undefined)[] = new Array(listed.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < listed.length; i = next++) records[i] = await this.listedRecord(listing.format, listed[i]!.url);
    };
    await Promise.all(Array.from({ length: Math.min(LISTING_CONCURRENCY, listed.length) }, worker));
    return listing.read(pageReading, listed.map((l, i) => ({ number: l.number, ...(records[i] ? { record: records[i] } : {}) })));
  }

  private listedRecord(format: 'xml' | 'json', url: string): Promise<unknown | undefined> {
    return this.listedRecords.get(
      url,
      async () => {
        // One try per reading: tries a few seconds apart, for each of up to 50 notices, would hold the page's reading
        // for minutes when the server is down. A later reading tries again.
        const text = await fetchTwin(url, this.deps);
        return format === 'xml' ? parseSafeXml(text, this.deps.xmlParser) : (JSON.parse(text) as unknown);
      },
      (error) => console.warn('TenderLens: a listed notice’s data could not be read; it is listed by number only:', error),
    );
  }

  private async readTwin(twin: NonNullable<ReturnType<typeof pickAdapter>['twin']>, firstUrl: string, pageUrl: URL): Promise<NoticeReading> {
    let url = firstUrl;
    for (let step = 0; ; step++) {
      const text = await fetchTwinTrying(url, this.deps);
      const record = twin.format === 'xml' ? parseSafeXml(text, this.deps.xmlParser) : (JSON.parse(text) as unknown);
      const newer = step < MAX_AMENDMENT_STEPS ? twin.newerVersion?.(record, pageUrl) : undefined;
      if (!newer || newer === url) return twin.read(record, pageUrl);
      url = newer;
    }
  }
}
