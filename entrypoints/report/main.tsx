import { render } from 'preact';
import { ReportApp } from '@/src/ui/report/ReportApp';
import { t } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('reportTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
render(<ReportApp />, document.getElementById('app')!);
