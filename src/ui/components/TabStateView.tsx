// What the popup and the side panel show for a tab: loading, not read, an error, or its findings.
import type { TabState } from '../active-tab';
import { PageFindings } from './PageFindings';
import { t } from '../i18n';

export function TabStateView({ tab }: { tab: TabState }) {
  if (tab.state === 'loading') return <p role="status">{t('popupLoading')}</p>;
  if (tab.state === 'error') return <p role="alert" class="error">{t('popupError', [tab.message])}</p>;
  if (tab.state === 'ready') return <PageFindings analysis={tab.analysis} tabId={tab.tabId} />;
  return (
    <div class="empty" role="status">
      <p class="empty-title">{t('popupNotRead')}</p>
      <p>{t('popupNotReadHint')}</p>
    </div>
  );
}
