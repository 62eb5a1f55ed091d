// The options page's watchlists: create, rename and delete them, choose how each notifies (immediately, a daily
// digest, never), download each one's alerts as an Atom or JSON feed to share, and read what was notified.
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../extension/messages';
import type { WatchlistView } from '../../watchlists/watchlist-store';
import type { NotificationRow, NotifyMode } from '../../watchlists/watchlist-types';
import { formatDateTime, t } from '../i18n';
import { downloadFile } from '../download-file';

const MODES: NotifyMode[] = ['immediately', 'daily', 'never'];
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function WatchlistsOptions() {
  const [watchlists, setWatchlists] = useState<WatchlistView[] | undefined>();
  const [notifications, setNotifications] = useState<NotificationRow[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const load = () =>
    Promise.all([sendToBackground({ type: 'list-watchlists' }), sendToBackground({ type: 'list-notifications' })])
      .then(([w, n]) => (setWatchlists(w), setNotifications(n)))
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), []);
  const act = (request: Parameters<typeof sendToBackground>[0]) => {
    setError(undefined);
    void sendToBackground(request).then(load).catch((e: unknown) => setError(errorText(e)));
  };
  const exportFeed = (watchlistId: string, format: 'atom' | 'json') => {
    void sendToBackground({ type: 'export-watchlist-feed', watchlistId, format })
      .then((file) => downloadFile(file.fileName, file.text, file.mediaType))
      .catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <div class="watchlists-options" style={{ overflowWrap: 'anywhere' }}>
      <p class="muted">{t('watchlistsIntro')}</p>
      {error && <p role="alert" class="error">{error}</p>}
      <ul>
        {watchlists?.map((w) => (
          <li key={w.id} class="watchlist">
            <strong>{w.name}</strong> <span class="muted">{t('watchlistCounts', [String(w.suppliers.length), String(w.unread)])}</span>
            <div>
              <label>{t('watchlistNotify')}{' '}
                <select style={{ maxWidth: '100%' }} value={w.notify} onChange={(e) => act({ type: 'update-watchlist', id: w.id, notify: e.currentTarget.value as NotifyMode })}>
                  {MODES.map((m) => <option key={m} value={m}>{t(`notify_${m}`)}</option>)}
                </select>
              </label>{' '}
              <button type="button" onClick={() => exportFeed(w.id, 'atom')}>{t('exportAtom')}</button>{' '}
              <button type="button" onClick={() => exportFeed(w.id, 'json')}>{t('exportJsonFeed')}</button>{' '}
              <button type="button" onClick={() => act({ type: 'delete-watchlist', id: w.id })}>{t('watchlistDelete')}</button>
            </div>
            {w.suppliers.length > 0 && <div class="muted">{w.suppliers.map((s) => s.entityName).join('; ')}</div>}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => (e.preventDefault(), act({ type: 'create-watchlist', name, notify: 'immediately' }), setName(''))}>
        <label>{t('watchlistNewName')} <input value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>{' '}
        <button type="submit">{t('watchlistCreate')}</button>
      </form>
      <details>
        <summary>{t('notificationsRecord', [String(notifications.length)])}</summary>
        <ul class="notification-record">
          {notifications.map((n) => (
            <li key={n.id}>{formatDateTime(n.at)} — {n.title}: {n.message} ({t(`severity_${n.severity}`)}, {t(`delivery_${n.delivery.replace(/-/g, '_')}`)})</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
