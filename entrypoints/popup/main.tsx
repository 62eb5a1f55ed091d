import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { t, uiLocale } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('popupTitle');
document.documentElement.lang = uiLocale();
render(<PopupApp />, document.getElementById('app')!);
