// The contract every page reader fulfils: which pages it knows (by address, or by the look of a saved copy)
// and how it reads one into a NoticeReading.
import type { NoticeReading } from '../core/types';

export interface PortalAdapter {
  /** Stable id, also the `portal` of its readings ("find-a-tender"). */
  id: string;
  /** Human name of the portal ("Find a Tender"). */
  name: string;
  /** True for the portal's notice pages, judged by their address. */
  matchesUrl(url: URL): boolean;
  /** True when a page is recognisably one of the portal's notices (used for saved copies served from elsewhere). */
  recognisesPage(doc: Document): boolean;
  /** Reads the notice. Never throws on unexpected markup: fields it cannot find are left out. */
  read(doc: Document): NoticeReading;
  /** The portal's machine-readable twin of a page (notice XML, the JSON record the page loads), when it has one. */
  twin?: MachineReadableTwin;
  /** On a search-results page: the listed notices, each read from its own notice data. */
  listing?: NoticeListing;
}

/** The notices a search-results page lists, each with the address of its data (same origin as the page). */
export interface NoticeListing {
  format: 'xml' | 'json';
  /** The listed notices, in page order and bounded; empty when the page is not a listing. */
  notices(doc: Document, pageUrl: URL): { number: string; url: string }[];
  /** The page's reading with every listed notice: from its parsed record where it was read, else by number. */
  read(pageReading: NoticeReading, listed: readonly { number: string; record?: unknown }[]): NoticeReading;
}

/**
 * Where a page's data lives in machine-readable form and how to read it. Markup changes more often than data, so a
 * page with a twin is read from the twin; the page's own reading stays the fallback when the twin cannot be had.
 */
export interface MachineReadableTwin {
  format: 'xml' | 'json';
  /** The twin's address for a page (same origin as the page), or undefined when the page has none. */
  url(pageUrl: URL): string | undefined;
  /** Reads the parsed twin: an XML Document, or the JSON value. */
  read(record: unknown, pageUrl: URL): NoticeReading;
  /** The address of a newer version to read instead (an amendment), when the record says there is one. */
  newerVersion?(record: unknown, pageUrl: URL): string | undefined;
}
