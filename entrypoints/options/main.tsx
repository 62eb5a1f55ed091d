import { render } from 'preact';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import { t } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('optionsTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
render(<OptionsApp />, document.getElementById('app')!);
