// The printable findings page for the award file: one notice's findings with their evidence, the matches the user
// dismissed with their decisions, and what was checked with nothing found, stating when the page was checked and
// against which list editions. Print it, or save it as PDF from the print dialogue; or download the same as CSV.
import { useEffect, useState } from 'preact/hooks';
import { readActiveTab, type TabState } from '../active-tab';
import { reportHeader, reportRows, REPORT_COLUMNS } from '../../core/findings-report';
import { downloadFindingsCsv } from '../components/FindingsExport';
import type { PageAnalysis } from '../../core/types';
import { t } from '../i18n';

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
  const rows = reportRows(analysis);
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
            <dd>{key === 'checked at' && value ? new Date(value).toLocaleString() : value || '—'}</dd>
          </div>
        ))}
      </dl>
      <p>{t('noInformationIsNotNoRisk')}</p>
      <table class="report-rows">
        <thead>
          <tr>
            {REPORT_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {REPORT_COLUMNS.map((c) => (
                <td key={c}>{c === 'questions for the supplier' && row[c] ? <Questions text={row[c]} /> : row[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
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
