// The popup's and the side panel's way to the award file: open this notice's findings as a printable page (print it
// or save it as PDF from there), or download them as CSV.
import { browser } from '../../extension/browser';
import type { PageAnalysis } from '../../core/types';
import { findingsCsv, reportFileName } from '../../core/findings-report';
import { t } from '../i18n';
import { downloadFile } from '../download-file';

/** Saves the findings as a CSV file (with a byte-order mark, so spreadsheets read it as UTF-8). */
export function downloadFindingsCsv(analysis: PageAnalysis): void {
  downloadFile(reportFileName(analysis, 'csv'), `\ufeff${findingsCsv(analysis)}`, 'text/csv;charset=utf-8');
}

export function FindingsExport({ analysis, tabId }: { analysis: PageAnalysis; tabId: number }) {
  return (
    <p class="export">
      <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?tab=${tabId}` as '/report.html') })}>
        {t('exportOpenReport')}
      </button>{' '}
      <button type="button" onClick={() => downloadFindingsCsv(analysis)}>
        {t('exportCsv')}
      </button>
    </p>
  );
}
