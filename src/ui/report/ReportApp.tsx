// The printable findings page for the award file: one notice's findings with their evidence, the matches the user
// dismissed with their decisions, and what was checked with nothing found, stating when the page was checked and
// against which list editions. Print it, or save it as PDF from the print dialogue; or download the same as CSV.
import { useEffect, useState } from 'preact/hooks';
import { readActiveTab, type TabState } from '../active-tab';
import { reportHeader, reportRows, REPORT_COLUMNS } from '../../core/findings-report';
import { FIELD_KEYS, pageWords } from './report-words';
import { downloadFindingsCsv } from '../components/FindingsExport';
import type { PageAnalysis } from '../../core/types';
import { formatDateTime, t } from '../i18n';

export function ReportApp() {
  const [tab, setTab] = useState<TabState>({ state: 'loading' });
  useEffect(() => void readActiveTab().then(setTab), []);
  if (tab.state === 'loading') return <p role="status">{t('popupLoading')}</p>;
  if (tab.state === 'error') return <p role="alert" class="error">{t('popupError', [tab.message])}</p>;
  if (tab.state === 'none') return <p class="empty-title">{t('popupNotRead')}</p>;
  return <Report analysis={tab.analysis} />;
}

const HEADER_KEYS: Record<string, string> = {
  notice: 'reportNotice',
  address: 'reportAddress',
  buyer: 'popupBuyerLabel',
  'checked at': 'reportCheckedAt',
  'lists checked': 'reportListsChecked',
};

function Report({ analysis }: { analysis: PageAnalysis }) {
  const rows = reportRows(analysis, pageWords());
  return (
    <main class="findings-report">
      <h1>{t('reportTitle')}</h1>
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>{' '}
        <button type="button" onClick={() => downloadFindingsCsv(analysis)}>
          {t('exportCsv')}
        </button>
      </p>
      <dl class="report-header">
        {reportHeader(analysis).map(([key, value]) => (
          <div key={key}>
            <dt>{t(HEADER_KEYS[key]!)}</dt>
            <dd>{key === 'checked at' && value ? formatDateTime(value) : value || '—'}</dd>
          </div>
        ))}
      </dl>
      <p>{t('noInformationIsNotNoRisk')}</p>
      <ol class="report-rows">
        {rows.map((row, i) => (
          <li key={i} class="report-row">
            <h2>
              {row.status}: {row['name on the page']}
            </h2>
            <dl>
              {REPORT_COLUMNS.filter((c) => c !== 'status' && c !== 'name on the page' && row[c]).map((c) => (
                <div key={c}>
                  <dt>{t(FIELD_KEYS[c]!)}</dt>
                  <dd>{c === 'questions for the supplier' ? <Questions text={row[c]} /> : c === 'decided' ? formatDateTime(row[c]) : row[c]}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </main>
  );
}

function Questions({ text }: { text: string }) {
  return (
    <ul>
      {text.split(' | ').map((q) => (
        <li key={q}>{q}</li>
      ))}
    </ul>
  );
}
