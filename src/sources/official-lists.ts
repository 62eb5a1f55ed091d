// The official lists TenderLens can keep current from their publishers, with the parser and schedule of each.
// None is read until the user switches it on (each needs the permission to read the publisher's site).
import type { ListRefreshSettings } from '../core/types';
import { CBP_SOURCE_ID } from '../data/convert/cbp-wro';
import { ILAB_SOURCE_ID } from '../data/convert/ilab';
import { UFLPA_LIST_URL, UFLPA_SOURCE_ID } from '../data/convert/uflpa';
import { CBP_PAGE_URL } from './parse-cbp-list';

export interface OfficialList {
  sourceId: string;
  url: string;
  refresh: ListRefreshSettings;
}

/** The Better Trade Tool core data as CSV: ILAB's machine-readable List of Goods. */
export const ILAB_DOWNLOAD_URL = 'https://data.dol.gov/get/BetterTradeToolCoreData/format/csv';

export const OFFICIAL_LISTS: readonly OfficialList[] = [
  { sourceId: UFLPA_SOURCE_ID, url: UFLPA_LIST_URL, refresh: { parser: 'uflpa-page', intervalHours: 24 } },
  { sourceId: CBP_SOURCE_ID, url: CBP_PAGE_URL, refresh: { parser: 'cbp-page', intervalHours: 24 } },
  { sourceId: ILAB_SOURCE_ID, url: ILAB_DOWNLOAD_URL, refresh: { parser: 'ilab-download', intervalHours: 24 * 7 } },
];

export function officialList(sourceId: string): OfficialList | undefined {
  return OFFICIAL_LISTS.find((list) => list.sourceId === sourceId);
}
