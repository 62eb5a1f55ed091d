// Remembers each tab's latest page analysis (in session storage, so it survives the worker being stopped)
// and shows the count of findings on the toolbar badge.
import type { PageAnalysis } from '../../core/types';
import { browser, toolbarAction } from '../browser';
import { t, tn } from '../../ui/i18n';

const key = (tabId: number) => `tab:${tabId}`;

export async function saveTabAnalysis(tabId: number, analysis: PageAnalysis): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: analysis });
  await showBadge(tabId, analysis);
}

export async function readTabAnalysis(tabId: number): Promise<PageAnalysis | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as PageAnalysis | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** Red with the count when something is flagged, amber for review-only findings, empty when nothing was found. */
async function showBadge(tabId: number, analysis: PageAnalysis): Promise<void> {
  const count = analysis.findings.length;
  const action = toolbarAction();
  const flagged = analysis.findings.some((f) => f.severity === 'flag');
  await action.setBadgeText({ tabId, text: count ? String(count) : '' });
  await action.setBadgeBackgroundColor({ tabId, color: flagged ? '#b3261e' : '#8a5a00' });
  const title = count
    ? tn('badgeTitleFindings', count)
    : t('badgeTitleNone');
  await action.setTitle({ tabId, title });
}
