// Reads the analysis of the active tab from the background, for the popup and the side panel.
import type { PageAnalysis } from '../core/types';
import { browser } from '../extension/browser';
import { KNOWLEDGE_CHANGED, sendToBackground } from '../extension/messages';

export type TabState = { state: 'loading' } | { state: 'none' } | { state: 'ready'; analysis: PageAnalysis; tabId: number } | { state: 'error'; message: string };

/** The tab to show: the active tab, or the one named by `?tab=<id>` (the popup opened as a page for a given tab). */
async function targetTabId(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function readActiveTab(): Promise<TabState> {
  try {
    const tabId = await targetTabId();
    if (tabId === undefined) return { state: 'none' };
    const analysis = await sendToBackground({ type: 'get-tab-analysis', tabId });
    return analysis ? { state: 'ready', analysis, tabId } : { state: 'none' };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The entities found on the tab's page (flagged, possible or dismissed), or undefined while the tab is still being read. */
export function entityIdsOnPage(tab: TabState): string[] | undefined {
  if (tab.state === 'loading') return undefined;
  if (tab.state !== 'ready') return [];
  return Object.keys(entityTiersOnPage(tab));
}

export type PageTier = 'flagged' | 'possible' | 'dismissed';

/** How the page shows each entity found on it: what an alert about it may say of "this page". */
export function entityTiersOnPage(tab: TabState): Record<string, PageTier> {
  const tiers: Record<string, PageTier> = {};
  if (tab.state !== 'ready') return tiers;
  for (const f of tab.analysis.dismissed ?? []) if (f.entityId) tiers[f.entityId] = 'dismissed';
  for (const f of tab.analysis.findings) if (f.entityId) tiers[f.entityId] = f.kind === 'flagged-entity' ? 'flagged' : 'possible';
  return tiers;
}

/** Calls `onChange` whenever a tab's stored findings or the lists and decisions change (close with the returned function). */
export function onTabFindingsChanged(onChange: () => void): () => void {
  const onStorage = () => onChange();
  const onMessage = (message: unknown): undefined => {
    if ((message as { type?: unknown })?.type === KNOWLEDGE_CHANGED) onChange();
    return undefined;
  };
  browser.storage.session.onChanged.addListener(onStorage);
  browser.runtime.onMessage.addListener(onMessage);
  return () => {
    browser.storage.session.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
  };
}
