// One refresh of an official or subscribed list: fetch its page or file (conditionally, through the scanner's
// fetcher), parse it with the list's parser, and say what changed against the stored entities. Touches no storage:
// the caller saves the result in one transaction, so a refresh that fails or is cut short leaves the old list.
import type { Entity, Source } from '../core/types';
import { fetchFeedIfChanged, FeedFetchError, type FetchFeedOptions } from '../scanner/fetch-feed';
import { diffLists, type ListChanges } from './list-diff';
import { findCbpCsvLink, parseCbpCsv } from './parse-cbp-list';
import { parseCsvList, parseFtmList } from './parse-entity-lists';
import { parseIlabDownload } from './parse-ilab-list';
import { parseUflpaPage } from './parse-uflpa-page';
import { ListParseError, type ListSnapshot } from './list-snapshot';

export const LIST_MAX_BYTES = 20 * 1024 * 1024;
export const LIST_TIMEOUT_MS = 30_000;

export type RefreshStage = 'fetching' | 'parsing' | 'saving';

export interface RefreshListOptions {
  fetch?: typeof fetch;
  userAgent?: string;
  timeoutMs?: number;
  onStage?: (stage: RefreshStage) => void;
}

export type ListRefreshResult =
  | { outcome: 'not-modified' }
  | { outcome: 'read'; snapshot: ListSnapshot; changes: ListChanges; etag?: string; lastModified?: string };

function decodeText(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = /charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Parses a list's fetched text with its parser; CBP's page needs a second request for the CSV it links. */
async function parseList(source: Source, text: string, url: string, fetchOptions: FetchFeedOptions): Promise<ListSnapshot> {
  const settings = source.refresh!;
  switch (settings.parser) {
    case 'uflpa-page':
      return parseUflpaPage(text, url, source.id);
    case 'cbp-page': {
      const csvUrl = findCbpCsvLink(text, url);
      const csv = await fetchFeedIfChanged(csvUrl, {}, { ...fetchOptions, maxBytes: LIST_MAX_BYTES });
      if ('notModified' in csv) throw new ListParseError(csvUrl, 'the server answered 304 to an unconditional request');
      return parseCbpCsv(decodeText(csv.bytes, csv.contentType), csv.url, source.id);
    }
    case 'ilab-download':
      return parseIlabDownload(text, url);
    case 'ftm':
      return parseFtmList(text, { sourceId: source.id, url, flagType: settings.flagType ?? 'import_ban' });
    case 'csv':
      if (!settings.columns) throw new ListParseError(url, 'no column mapping was given for this CSV list');
      return parseCsvList(text, { sourceId: source.id, url, flagType: settings.flagType ?? 'import_ban' }, settings.columns);
  }
}

/**
 * Reads the list at `source.url`. Resolves to not-modified (HTTP 304) or the new snapshot with its changes against
 * `current`; rejects with a FeedFetchError (network, HTTP, size) or a ListParseError (page structure), both naming
 * the address.
 */
export async function refreshList(source: Source, current: readonly Entity[], options: RefreshListOptions = {}): Promise<ListRefreshResult> {
  if (!source.refresh) throw new ListParseError(source.id, 'this list has no refresh settings');
  const fetchOptions: FetchFeedOptions = {
    timeoutMs: options.timeoutMs ?? LIST_TIMEOUT_MS,
    maxBytes: LIST_MAX_BYTES,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  };
  options.onStage?.('fetching');
  const validators = { ...(source.fetch?.etag ? { etag: source.fetch.etag } : {}), ...(source.fetch?.lastModified ? { lastModified: source.fetch.lastModified } : {}) };
  const fetched = await fetchFeedIfChanged(source.url, validators, fetchOptions);
  if ('notModified' in fetched) return { outcome: 'not-modified' };
  options.onStage?.('parsing');
  const snapshot = await parseList(source, decodeText(fetched.bytes, fetched.contentType), fetched.url, fetchOptions);
  return {
    outcome: 'read',
    snapshot,
    changes: diffLists(current, snapshot.entities),
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  };
}

export { FeedFetchError, ListParseError };
