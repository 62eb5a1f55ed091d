import { render } from 'preact';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import { t, uiLocale } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('optionsTitle');
document.documentElement.lang = uiLocale();
render(<OptionsApp />, document.getElementById('app')!);
