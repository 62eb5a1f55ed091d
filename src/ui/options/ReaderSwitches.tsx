// Options: each portal reader, on or switched off by the maintainers' list (with their reason), where that list
// came from and when, its address (changeable), and the last failed update, if any.
import { useEffect, useState } from 'preact/hooks';
import shippedSwitches from '../../../public/adapter-switches.json';
import { PORTAL_ADAPTERS } from '../../adapters';
import { browser } from '../../extension/browser';
import { readSwitchesState, refreshSwitches, setSwitchesUrl, switchesUrl, type SwitchesState } from '../../extension/adapter-switches';
import { errorText, formatDateTime, t } from '../i18n';

const storage = () => browser.storage.local as never;

export function ReaderSwitches() {
  const [state, setState] = useState<SwitchesState | undefined>();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void readSwitchesState(storage(), shippedSwitches).then(setState);
    void switchesUrl(storage()).then(setUrl);
  }, []);
  const update = (event: Event) => {
    event.preventDefault();
    setError(undefined);
    void setSwitchesUrl(storage(), url)
      .then((saved) => {
        setUrl(saved);
        return refreshSwitches({ storage: storage(), shipped: shippedSwitches, fetch: (input, init) => fetch(input, init) });
      })
      .then(setState, (e: unknown) => setError(errorText(e)));
  };
  if (!state) return <p role="status">{t('popupLoading')}</p>;
  const off = new Map(state.list.off.map((e) => [e.adapter, e.reason]));
  return (
    <>
      <p class="muted">{t('readersHint')}</p>
      <ul class="readers">
        {PORTAL_ADAPTERS.map((adapter) => (
          <li key={adapter.id}>
            <strong>{adapter.name}</strong>: {off.has(adapter.id) ? t('readersOff', [off.get(adapter.id)!]) : t('readersOn')}
          </li>
        ))}
      </ul>
      <p class="muted">
        {t('readersListFrom', [state.origin === 'downloaded' && state.downloadedAt ? t('readersDownloaded', [formatDateTime(state.downloadedAt)]) : t('readersShipped')])}
      </p>
      {state.lastError && <p role="alert" class="error" style={{ overflowWrap: 'anywhere' }}>{t('readersLastError', [state.lastError])}</p>}
      <form class="reader-switches" onSubmit={update}>
        <label>
          {t('readersUrlLabel')} <input type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} style={{ width: '100%', maxWidth: '40em', boxSizing: 'border-box' }} />
        </label>{' '}
        <button type="submit">{t('readersUpdate')}</button>
      </form>
      {error && <p role="alert" class="error">{t('popupError', [error])}</p>}
    </>
  );
}
