import { render } from 'preact';
import { SidePanelApp } from '@/src/ui/sidepanel/SidePanelApp';
import { t, uiLocale } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('sidePanelTitle');
document.documentElement.lang = uiLocale();
render(<SidePanelApp />, document.getElementById('app')!);
