// The side panel: the active tab's findings with full evidence, following the user from tab to tab, and the recent
// alerts of the user's feeds, those about the tab's entities first.
import { useEffect, useState } from 'preact/hooks';
import { TabStateView } from '../components/TabStateView';
import { entityIdsOnPage, entityTiersOnPage, onTabFindingsChanged, readActiveTab, type TabState } from '../active-tab';
import { AlertsList } from '../components/AlertsList';
import { WatchlistsPanel } from '../watchlists/WatchlistsPanel';
import { browser } from '../../extension/browser';
import { t } from '../i18n';
import { BidderCheck } from './BidderCheck';

export function SidePanelApp() {
  const [tab, setTab] = useState<TabState>({ state: 'loading' });
  useEffect(() => {
    const refresh = () => void readActiveTab().then(setTab);
    refresh();
    const onChanged = () => refresh();
    browser.tabs.onActivated.addListener(onChanged);
    const stop = onTabFindingsChanged(onChanged);
    return () => {
      browser.tabs.onActivated.removeListener(onChanged);
      stop();
    };
  }, []);
  return (
    <main class="panel">
      <header class="bar">
        <h1>{t('extName')}</h1>
      </header>
      <TabStateView tab={tab} />
      <AlertsList pageEntityIds={entityIdsOnPage(tab)} pageTiers={entityTiersOnPage(tab)} />
      <BidderCheck tab={tab} />
      <WatchlistsPanel />
    </main>
  );
}
