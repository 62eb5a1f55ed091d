// The toolbar popup: this page's findings, or why there are none, the bidder check for an award page's bidders
// (in the side panel), and the recent alerts of the user's feeds.
import { useEffect, useState } from 'preact/hooks';
import { TabStateView } from '../components/TabStateView';
import { entityIdsOnPage, entityTiersOnPage, onTabFindingsChanged, readActiveTab, type TabState } from '../active-tab';
import { AlertsList } from '../components/AlertsList';
import { SupplierSiteCheck } from '../components/SupplierSiteCheck';
import { browser } from '../../extension/browser';
import { biddersOnPage, requestBidderCheck } from '../bidder-check-request';
import { t, tn } from '../i18n';

// The window is looked up in advance: the side panel must open in the click's own turn, with no await before it.
let currentWindowId: number | undefined;
void browser.windows.getCurrent().then((w) => (currentWindowId = w.id));

/** Chromium's side panel, or Firefox's sidebar; `before` is what must be done before the popup closes. */
async function openSidePanel(before?: Promise<unknown>): Promise<void> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
  try {
    if (sidePanel && currentWindowId !== undefined) await sidePanel.open({ windowId: currentWindowId });
    else await browser.sidebarAction?.open();
  } finally {
    await before;
  }
  window.close();
}

/** After a supplier site check: the tab's reading, once the content script has sent it (10 s at most). */
async function waitForReading(): Promise<TabState> {
  for (let i = 0; i < 40; i++) {
    const state = await readActiveTab();
    if (state.state !== 'none') return state;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return readActiveTab();
}

export function PopupApp() {
  const [tab, setTab] = useState<TabState>({ state: 'loading' });
  useEffect(() => {
    const refresh = () => void readActiveTab().then(setTab);
    refresh();
    return onTabFindingsChanged(refresh);
  }, []);
  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('extName')}</h1>
        <nav>
          <button type="button" class="link" onClick={() => void openSidePanel()}>
            {t('popupOpenSidePanel')}
          </button>{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOpenOptions')}
          </button>
        </nav>
      </header>
      {tab.state === 'ready' && biddersOnPage(tab).length > 0 && (
        <p class="popup-bidders">
          {/* The request is written before the panel opens in the click's own turn (no await before the open). */}
          <button type="button" onClick={() => void openSidePanel(requestBidderCheck(tab.tabId))}>{tn('popupCheckBidders', biddersOnPage(tab).length)}</button>
        </p>
      )}
      <TabStateView tab={tab} />
      {tab.state !== 'loading' && <SupplierSiteCheck onChecked={() => void waitForReading().then(setTab)} />}
      <AlertsList pageEntityIds={entityIdsOnPage(tab)} pageTiers={entityTiersOnPage(tab)} />
    </main>
  );
}
