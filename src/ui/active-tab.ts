// Reads the analysis of the active tab from the background, for the popup and the side panel.
import type { PageAnalysis } from '../core/types';
import { browser } from '../extension/browser';
import { sendToBackground } from '../extension/messages';

export type TabState = { state: 'loading' } | { state: 'none' } | { state: 'ready'; analysis: PageAnalysis } | { state: 'error'; message: string };

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
    return analysis ? { state: 'ready', analysis } : { state: 'none' };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The entities found on the tab's page (flagged or possible), or undefined while the tab is still being read. */
export function entityIdsOnPage(tab: TabState): string[] | undefined {
  if (tab.state === 'loading') return undefined;
  if (tab.state !== 'ready') return [];
  return [...new Set(tab.analysis.findings.flatMap((f) => (f.entityId ? [f.entityId] : [])))];
}
