// The popup's and the side panel's way to the award file: open this notice's findings as a printable page (print it
// or save it as PDF from there), or download them as CSV.
import { browser } from '../../extension/browser';
import type { PageAnalysis } from '../../core/types';
import { findingsCsv, reportFileName } from '../../core/findings-report';
import { t } from '../i18n';

/** Saves the findings as a CSV file through the browser's downloads (a link with `download`, no permission needed). */
export function downloadFindingsCsv(analysis: PageAnalysis): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', findingsCsv(analysis)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(analysis, 'csv');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
