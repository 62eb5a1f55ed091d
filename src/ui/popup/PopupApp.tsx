// The toolbar popup: this page's findings, or why there are none, and the recent alerts of the user's feeds.
import { useEffect, useState } from 'preact/hooks';
import { TabStateView } from '../components/TabStateView';
import { entityIdsOnPage, entityTiersOnPage, onTabFindingsChanged, readActiveTab, type TabState } from '../active-tab';
import { AlertsList } from '../components/AlertsList';
import { SupplierSiteCheck } from '../components/SupplierSiteCheck';
import { browser } from '../../extension/browser';
import { t } from '../i18n';

// The window is looked up in advance: the side panel must open in the click's own turn, with no await before it.
let currentWindowId: number | undefined;
void browser.windows.getCurrent().then((w) => (currentWindowId = w.id));

/** Chromium's side panel, or Firefox's sidebar. */
async function openSidePanel(): Promise<void> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
  if (sidePanel && currentWindowId !== undefined) await sidePanel.open({ windowId: currentWindowId });
  else await browser.sidebarAction?.open();
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
      <TabStateView tab={tab} />
      {tab.state !== 'loading' && <SupplierSiteCheck onChecked={() => void waitForReading().then(setTab)} />}
      <AlertsList pageEntityIds={entityIdsOnPage(tab)} pageTiers={entityTiersOnPage(tab)} />
    </main>
  );
}
