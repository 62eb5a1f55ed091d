// Reads the notice of the page in a tab: the page reader's own reading, and — for a portal whose pages have a
// machine-readable twin (TED's notice XML, the record a SAM.gov page loads) — the twin, fetched from the page's own
// origin (a content script may read same-origin responses), size- and time-capped, decoded in the encoding it was served in, following an amendment to its
// latest version; on a search-results page, each listed notice's data. A twin that cannot be had leaves the page's own reading. Twins are read once per address.
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
const MAX_AMENDMENT_STEPS = 3;
/** Listed notices' data fetched at once on a search-results page. */
const LISTING_CONCURRENCY = 4;

export interface LiveReadingDeps {
  fetch: typeof fetch;
  xmlParser: { parseFromString(text: string, type: string): Document };
  switchedOff?: ReadonlySet<string>;
  /** Lets the page run between slices of a page-wide reading; the page's own turn (a macrotask) when not given. */
  yieldToPage?: YieldToPage;
}

const nextTask: YieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

async function fetchTwin(url: string, deps: LiveReadingDeps): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TWIN_TIMEOUT_MS);
  try {
    const response = await deps.fetch(url, { credentials: 'same-origin', signal: controller.signal });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_TWIN_BYTES) throw new Error(`${url}: ${length} bytes, more than ${MAX_TWIN_BYTES}`);
    // The bytes, not response.text() (which always reads UTF-8): a portal may serve ISO-8859-1 data.
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_TWIN_BYTES) throw new Error(`${url}: more than ${MAX_TWIN_BYTES} bytes`);
    return decodeNoticeData(bytes, response.headers.get('content-type') ?? undefined).text;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads pages of one tab; remembers each twin it read, so a re-read after a DOM change fetches nothing. */
export class LiveNoticeReader {
  private readonly twins = new Map<string, Promise<NoticeReading | undefined>>();
  private readonly listedRecords = new Map<string, Promise<unknown | undefined>>();

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
    let pending = this.twins.get(twinUrl);
    if (!pending) {
      pending = this.readTwin(adapter.twin, twinUrl, pageUrl).catch((error: unknown) => {
        console.warn('TenderLens: the notice data behind this page could not be read; the page itself is read instead:', error);
        return undefined;
      });
      this.twins.set(twinUrl, pending);
    }
    const twinReading = await pending;
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

  /** Each listed notice's data, a few at a time, each address once per tab; one that cannot be had is listed by number. */
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
    let pending = this.listedRecords.get(url);
    if (!pending) {
      pending = fetchTwin(url, this.deps)
        .then((text) => (format === 'xml' ? parseSafeXml(text, this.deps.xmlParser) : (JSON.parse(text) as unknown)))
        .catch((error: unknown) => {
          console.warn('TenderLens: a listed notice’s data could not be read; it is listed by number only:', error);
          return undefined;
        });
      this.listedRecords.set(url, pending);
    }
    return pending;
  }

  private async readTwin(twin: NonNullable<ReturnType<typeof pickAdapter>['twin']>, firstUrl: string, pageUrl: URL): Promise<NoticeReading> {
    let url = firstUrl;
    for (let step = 0; ; step++) {
      const text = await fetchTwin(url, this.deps);
      const record = twin.format === 'xml' ? parseSafeXml(text, this.deps.xmlParser) : (JSON.parse(text) as unknown);
      const newer = step < MAX_AMENDMENT_STEPS ? twin.newerVersion?.(record, pageUrl) : undefined;
      if (!newer || newer === url) return twin.read(record, pageUrl);
      url = newer;
    }
  }
}
