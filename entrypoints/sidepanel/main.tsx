import { render } from 'preact';
import { SidePanelApp } from '@/src/ui/sidepanel/SidePanelApp';
import { t } from '@/src/ui/i18n';
import '@/src/ui/styles.css';

document.title = t('sidePanelTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
render(<SidePanelApp />, document.getElementById('app')!);
