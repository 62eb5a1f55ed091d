// Options: the supplier sites the user asked TenderLens to read on every visit, each of which can be taken back.
import { useEffect, useState } from 'preact/hooks';
import { forgetSupplierSite, listSupplierSites } from '../../extension/supplier-sites';
import { sendToBackground } from '../../extension/messages';
import { t } from '../i18n';

/** True when a subscribed feed lives on the site, whose permission must then stay. */
async function feedUsesSite(pattern: string): Promise<boolean> {
  const feeds = await sendToBackground({ type: 'list-feeds' }).catch(() => []);
  const host = new URL(pattern.replace('/*', '/')).hostname;
  return feeds.some((feed) => URL.canParse(feed.url) && new URL(feed.url).hostname === host);
}

export function SupplierSites() {
  const [sites, setSites] = useState<string[] | undefined>();
  const refresh = () => void listSupplierSites().then(setSites);
  useEffect(refresh, []);
  if (!sites) return <p role="status">{t('popupLoading')}</p>;
  return (
    <>
      <p class="muted">{t('sitesHint')}</p>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesNone')}</p>
      ) : (
        <ul class="supplier-sites">
          {sites.map((pattern) => (
            <li key={pattern}>
              <strong>{new URL(pattern.replace('/*', '/')).hostname}</strong>{' '}
              <button type="button" onClick={() => void feedUsesSite(pattern).then((keep) => forgetSupplierSite(pattern, keep)).then(refresh)}>
                {t('sitesStop')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
