import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { t } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('popupTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
render(<PopupApp />, document.getElementById('app')!);
