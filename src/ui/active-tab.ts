// Reads the analysis of the active tab from the background, for the popup and the side panel.
import type { PageAnalysis } from '../core/types';
import { browser } from '../extension/browser';
import { sendToBackground } from '../extension/messages';

export type TabState = { state: 'loading' } | { state: 'none' } | { state: 'ready'; analysis: PageAnalysis } | { state: 'error'; message: string };

export async function readActiveTab(): Promise<TabState> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return { state: 'none' };
    const analysis = await sendToBackground({ type: 'get-tab-analysis', tabId: tab.id });
    return analysis ? { state: 'ready', analysis } : { state: 'none' };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
