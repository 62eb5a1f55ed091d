// "Follow" beside a supplier in the popup or the side panel: follows it into the chosen watchlist (the default one
// unless the user has several, then a choice), and says so.
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../extension/messages';
import type { WatchlistView } from '../../watchlists/watchlist-store';
import { t } from '../i18n';

export function FollowButton({ entityId, name }: { entityId: string; name: string }) {
  const [watchlists, setWatchlists] = useState<WatchlistView[]>([]);
  const [choice, setChoice] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const load = () => sendToBackground({ type: 'list-watchlists' }).then((lists) => {
    setWatchlists(lists);
    setChoice((c) => c || lists[0]?.id || '');
  }).catch(() => undefined);
  useEffect(() => void load(), []);
  const followedIn = watchlists.filter((w) => w.suppliers.some((s) => s.entityId === entityId));
  const followEntity = () => {
    setMessage(undefined);
    void sendToBackground({ type: 'follow-entity', entityId, ...(choice ? { watchlistId: choice } : {}) })
      .then(() => load())
      .then(() => setMessage(t('followedInto', [watchlists.find((w) => w.id === choice)?.name ?? t('defaultWatchlistName')])))
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div class="follow">
      {followedIn.length > 0 && <span class="muted">{t('followedIn', [followedIn.map((w) => w.name).join(', ')])} </span>}
      {watchlists.length > 1 && (
        <select aria-label={t('followWatchlistChoice', [name])} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {watchlists.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </select>
      )}
      <button type="button" onClick={followEntity} aria-label={t('followSupplierNamed', [name])}>{t('followSupplier')}</button>
      {message && <span role="status"> {message}</span>}
    </div>
  );
}
