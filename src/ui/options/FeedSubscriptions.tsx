// The options page's feed subscriptions: subscribe to an RSS or Atom feed by its address (checked here, the host
// permission asked for in the same click), see each feed's reading state (last read, items, alerts, errors and the
// next attempt), read them again now, or remove them. `revision` changes when feeds were added elsewhere on the page
// (an OPML import, a suggested feed switched on): the list is read again; `onChanged` tells the page of changes here.
import { useEffect, useState } from 'preact/hooks';
import { checkFeedAddress, type FeedAddressProblem } from '../../scanner/feed-address';
import { requestFeedPermission } from '../../extension/feed-permissions';
import { sendToBackground, type FeedRefreshSummary, type FeedSubscriptionStatus } from '../../extension/messages';
import { safeHttpUrl } from '../../core/safe-url';
import { errorText, formatDateTime, formatNumber, t, tn } from '../i18n';
import { isolateBidi } from '../bidi';
import { browser } from '../../extension/browser';

const PROBLEM_KEYS: Record<FeedAddressProblem, string> = {
  empty: 'feedAddressEmpty',
  'no-scheme': 'feedAddressNoScheme',
  'not-http': 'feedAddressNotHttp',
  invalid: 'feedAddressInvalid',
  credentials: 'feedAddressCredentials',
};

const localTime = (iso: string | undefined) => (iso ? formatDateTime(iso) : undefined);

export function FeedSubscriptions({ revision = 0, onChanged }: { revision?: number; onChanged?: () => void } = {}) {
  const [feeds, setFeeds] = useState<FeedSubscriptionStatus[] | undefined>();
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();

  const reload = () =>
    sendToBackground({ type: 'list-feeds' })
      .then(setFeeds)
      .catch((e: unknown) => setLoadError(errorText(e)));
  useEffect(() => void reload(), [revision]);

  const subscribe = (event: Event) => {
    event.preventDefault();
    setOutcome(undefined);
    const check = checkFeedAddress(address);
    if (!check.ok) {
      setAddressError(t(PROBLEM_KEYS[check.problem], check.scheme ? [check.scheme] : undefined));
      return;
    }
    if (feeds?.some((f) => f.url === check.url)) {
      setAddressError(t('feedAlreadyFollowed'));
      return;
    }
    setAddressError(undefined);
    // Asked in the click's own turn: browsers show the permission prompt only for a user's gesture.
    const permission = requestFeedPermission(check.url);
    void (async () => {
      setBusy(t('feedReading'));
      try {
        if (!(await permission)) {
          setAddressError(t('feedPermissionRefused', [new URL(check.url).host]));
          return;
        }
        const added = await sendToBackground({ type: 'add-feed', url: check.url });
        setAddress('');
        setOutcome(added.fetch.status === 'failed' ? t('feedAddedFailed', [added.title]) : tn('feedAdded', added.alerts, [added.title]));
        await reload();
        onChanged?.();
      } catch (error) {
        setAddressError(errorText(error));
      } finally {
        setBusy(undefined);
      }
    })();
  };

  const refresh = async (sourceId?: string) => {
    setBusy(t('feedReading'));
    setOutcome(undefined);
    try {
      const summary: FeedRefreshSummary = await sendToBackground({ type: 'refresh-feeds', ...(sourceId ? { sourceId } : {}) });
      setOutcome(
        [t('feedRefreshDone', [tn('countFeeds', summary.feeds), tn('countNewAlerts', summary.newAlerts)]), summary.failed ? tn('feedRefreshFailures', summary.failed) : '']
          .filter(Boolean)
          .join(' '),
      );
      await reload();
    } catch (error) {
      setOutcome(t('popupError', [errorText(error)]));
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async (feed: FeedSubscriptionStatus) => {
    try {
      await sendToBackground({ type: 'remove-feed', sourceId: feed.sourceId });
      setOutcome(t('feedRemoved', [feed.title]));
      await reload();
      onChanged?.();
    } catch (error) {
      setOutcome(t('popupError', [errorText(error)]));
    }
  };

  return (
    <div class="feeds">
      <p class="muted">{t('feedHint')}</p>
      <form class="feed-add" noValidate onSubmit={subscribe}>
        <label for="feed-address">{t('feedAddress')}</label>
        <div class="feed-add-row">
          <input
            id="feed-address"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://"
            value={address}
            aria-invalid={addressError ? 'true' : 'false'}
            aria-describedby={addressError ? 'feed-address-error' : undefined}
            onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" disabled={busy !== undefined}>
            {t('feedSubscribe')}
          </button>
        </div>
        {addressError && (
          <p id="feed-address-error" role="alert" class="error">
            {addressError}
          </p>
        )}
      </form>
      <p role="status" class="feed-status">
        {busy ?? outcome ?? ''}
      </p>
      {loadError && (
        <p role="alert" class="error">
          {t('popupError', [loadError])}
        </p>
      )}
      {!feeds ? (
        <p role="status">{t('popupLoading')}</p>
      ) : feeds.length === 0 ? (
        <p class="muted">{t('feedNone')}</p>
      ) : (
        <>
          <table class="feed-list">
            <thead>
              <tr>
                <th scope="col">{t('feedColumnFeed')}</th>
                <th scope="col">{t('feedColumnRead')}</th>
                <th scope="col">{t('feedColumnItems')}</th>
                <th scope="col">{t('feedColumnAlerts')}</th>
                <th scope="col">{t('feedColumnActions')}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((feed) => (
                <FeedRow key={feed.sourceId} feed={feed} busy={busy !== undefined} onRefresh={() => void refresh(feed.sourceId)} onRemove={() => void remove(feed)} />
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" disabled={busy !== undefined} onClick={() => void refresh()}>
              {t('feedRefreshAll')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/** The last problem in the user's language, when it is one TenderLens names (see scanner/feed-problem). */
function problemText(fetch: FeedSubscriptionStatus['fetch']): string | undefined {
  if (!fetch.lastProblem) return undefined;
  const args = fetch.lastProblem.args.map((a, i) => (fetch.lastProblem!.code === 'interrupted' && i === 0 ? (localTime(a) ?? a) : isolateBidi(a)));
  const text = browser.i18n.getMessage(`feedProblem_${fetch.lastProblem.code.replaceAll('-', '_')}`, args);
  return text || undefined;
}

function FeedState({ feed }: { feed: FeedSubscriptionStatus }) {
  const { fetch } = feed;
  if (fetch.status === 'failed') {
    return (
      <div class="feed-error">
        {t('feedStateFailed', [problemText(fetch) ?? fetch.lastError ?? ''])}
        {fetch.nextAttemptAt && <div class="muted">{t('feedNextAttempt', [localTime(fetch.nextAttemptAt)!])}</div>}
      </div>
    );
  }
  if (fetch.status === 'not-modified') return <div class="muted">{t('feedStateNotModified', [localTime(fetch.lastAttemptAt) ?? ''])}</div>;
  if (!fetch.status) return <div class="muted">{t('feedStateNotRead')}</div>;
  return null;
}

function FeedRow({ feed, busy, onRefresh, onRemove }: { feed: FeedSubscriptionStatus; busy: boolean; onRefresh: () => void; onRemove: () => void }) {
  const href = safeHttpUrl(feed.url);
  return (
    <tr>
      <td>
        <strong>
          <bdi>{feed.title}</bdi>
        </strong>
        <div class="muted feed-url">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              <bdi>{feed.url}</bdi>
            </a>
          ) : (
            <bdi>{feed.url}</bdi>
          )}
        </div>
        <FeedState feed={feed} />
      </td>
      <td>{localTime(feed.readAt) ?? t('feedNeverRead')}</td>
      <td>{feed.fetch.itemCount === undefined ? '—' : formatNumber(feed.fetch.itemCount)}</td>
      <td>{formatNumber(feed.alerts)}</td>
      <td class="feed-actions">
        <button type="button" disabled={busy} aria-label={t('feedRefreshOneLabel', [feed.title])} onClick={onRefresh}>
          {t('feedRefreshOne')}
        </button>{' '}
        <button type="button" aria-label={t('feedRemoveLabel', [feed.title])} onClick={onRemove}>
          {t('feedRemove')}
        </button>
      </td>
    </tr>
  );
}
