// The popup's "Check these bidders": the request is left in the extension's storage for the side panel, which
// opens at the bidder check with the page's bidders filled in (whether it was already open or opens now). A
// request is for one tab and is taken once; one older than a minute is ignored.
import type { TabState } from './active-tab';
import { browser } from '../extension/browser';

const KEY = 'bidderCheckRequest';
const FRESH_MS = 60_000;

interface BidderCheckRequest {
  tabId: number;
  at: number;
}

/** The distinct bidders (suppliers) the tab's page names: an award page's bidders or winners. */
export function biddersOnPage(tab: TabState): string[] {
  return tab.state === 'ready' ? [...new Set(tab.analysis.reading.suppliers.map((s) => s.name.trim()).filter(Boolean))] : [];
}

export function requestBidderCheck(tabId: number): Promise<void> {
  return browser.storage.local.set({ [KEY]: { tabId, at: Date.now() } satisfies BidderCheckRequest });
}

/** True (and the request is removed) when the bidder check was asked for on this tab within the last minute. */
export async function takeBidderCheckRequest(tabId: number): Promise<boolean> {
  const request = (await browser.storage.local.get(KEY))[KEY] as BidderCheckRequest | undefined;
  if (!request || request.tabId !== tabId) return false;
  await browser.storage.local.remove(KEY);
  return Date.now() - request.at < FRESH_MS;
}

/** Calls `onRequest` whenever a new request is left; returns the unsubscriber. */
export function watchBidderCheckRequests(onRequest: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]?.newValue) onRequest();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
