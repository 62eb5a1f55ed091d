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
}
