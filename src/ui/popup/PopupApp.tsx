// The toolbar popup: this page's findings, or why there are none.
import { useEffect, useState } from 'preact/hooks';
import { PageFindings } from '../components/PageFindings';
import { readActiveTab, type TabState } from '../active-tab';
import { browser } from '../../extension/browser';
import { t } from '../i18n';

export function PopupApp() {
  const [tab, setTab] = useState<TabState>({ state: 'loading' });
  useEffect(() => {
    void readActiveTab().then(setTab);
  }, []);
  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('extName')}</h1>
        <nav>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOpenOptions')}
          </button>
        </nav>
      </header>
      {tab.state === 'loading' && <p role="status">{t('popupLoading')}</p>}
      {tab.state === 'none' && (
        <div class="empty" role="status">
          <p class="empty-title">{t('popupNotRead')}</p>
          <p>{t('popupNotReadHint')}</p>
        </div>
      )}
      {tab.state === 'error' && <p role="alert" class="error">{t('popupError', [tab.message])}</p>}
      {tab.state === 'ready' && <PageFindings analysis={tab.analysis} />}
    </main>
  );
}
