// In the popup, on a site the user has not chosen: "Check this site" annotates the page once, "Always check <host>"
// asks for that host's permission and annotates its pages from now on. Portals and chosen sites get neither.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../extension/browser';
import { checkTabOnce, isPortalSite, listSupplierSites, rememberSupplierSite, requestSitePermission, sitePattern } from '../../extension/supplier-sites';
import { errorText, t } from '../i18n';

async function tabOfPopup(): Promise<{ id: number; url?: string } | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isInteger(named) && named > 0 ? await browser.tabs.get(named) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}

export function SupplierSiteCheck({ onChecked }: { onChecked: () => void }) {
  const [tab, setTab] = useState<{ id: number; url?: string } | undefined>();
  const [state, setState] = useState<'idle' | 'checking' | 'always' | 'denied' | { error: string }>('idle');
  const [chosen, setChosen] = useState<string[] | undefined>();
  useEffect(() => {
    void tabOfPopup().then(setTab);
    void listSupplierSites().then(setChosen);
  }, []);
  const pattern = sitePattern(tab?.url);
  if (!tab || !pattern || !chosen || isPortalSite(tab.url) || (chosen.includes(pattern) && state !== 'always')) return null;
  const host = new URL(tab.url!).hostname;

  const check = () => {
    setState('checking');
    checkTabOnce(tab.id).then(onChecked, (e: unknown) => setState({ error: errorText(e) }));
  };
  const always = () => {
    // The permission request comes first, in the click's own turn.
    void requestSitePermission(pattern).then(async (granted) => {
      if (!granted) return setState('denied');
      await rememberSupplierSite(pattern);
      setState('always');
      await checkTabOnce(tab.id);
      onChecked();
    }).catch((e: unknown) => setState({ error: errorText(e) }));
  };
  return (
    <section class="supplier-site" aria-label={t('siteCheckHeading')}>
      <p>{t('siteCheckHint')}</p>
      <button type="button" onClick={check} disabled={state === 'checking'}>{t('siteCheckOnce')}</button>{' '}
      <button type="button" onClick={always}>{t('siteCheckAlways', [host])}</button>
      {state === 'checking' && <p role="status">{t('siteChecking')}</p>}
      {state === 'always' && <p role="status">{t('siteAlwaysOn', [host])}</p>}
      {state === 'denied' && <p role="status">{t('siteDenied')}</p>}
      {typeof state === 'object' && <p role="alert" class="error">{t('popupError', [state.error])}</p>}
    </section>
  );
}
