// The popup's and the side panel's alerts: recent items of the user's feeds that name a known entity, those about
// an entity found on the current page first, each with the entity, the item's title (a link only when it is
// http(s)), its feed, its date, the confidence of the link and why. Says so plainly when the user follows no feed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../extension/browser';
import { isAlertsChangedNotice, sendToBackground, type AlertsReply, type AlertView } from '../../extension/messages';
import { safeHttpUrl } from '../../core/safe-url';
import { errorText, formatDate, t, tn } from '../i18n';
import { localiseMatchReason } from '../match-reason';
import type { PageTier } from '../active-tab';
import { isolateBidi } from '../bidi';

type State = { state: 'loading' } | { state: 'ready'; reply: AlertsReply } | { state: 'error'; message: string };

/** `pageEntityIds`: the entities found on the page shown, or undefined while that page is still being read. */
export function AlertsList({ pageEntityIds, pageTiers = {} }: { pageEntityIds: readonly string[] | undefined; pageTiers?: Readonly<Record<string, PageTier>> }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  // Bumped when the background stored new alerts while this list is open, so it lists them again.
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const onNotice = (message: unknown): undefined => {
      if (isAlertsChangedNotice(message)) setRevision((r) => r + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onNotice);
    return () => browser.runtime.onMessage.removeListener(onNotice);
  }, []);
  const key = pageEntityIds?.join('\n');
  useEffect(() => {
    if (pageEntityIds === undefined) return;
    let current = true;
    sendToBackground({ type: 'list-alerts', pageEntityIds: [...pageEntityIds] }).then(
      (reply) => current && setState({ state: 'ready', reply }),
      (error: unknown) => current && setState({ state: 'error', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, revision]);

  return (
    <section aria-labelledby="alerts-heading" class="alerts">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <AlertsBody state={state} pageTiers={pageTiers} />
    </section>
  );
}

function AlertsBody({ state, pageTiers }: { state: State; pageTiers: Readonly<Record<string, PageTier>> }) {
  if (state.state === 'loading') return <p role="status">{t('popupLoading')}</p>;
  if (state.state === 'error') return <p role="alert" class="error">{t('popupError', [state.message])}</p>;
  const { subscriptions, alerts } = state.reply;
  if (subscriptions === 0) {
    return (
      <div class="empty" role="status">
        <p class="empty-title">{t('alertsNoFeeds')}</p>
        <p>{t('alertsNoFeedsHint')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('alertsAddFeed')}
        </button>
      </div>
    );
  }
  if (alerts.length === 0) {
    return (
      <div class="empty" role="status">
        <p class="empty-title">{tn('alertsNone', subscriptions)}</p>
        <p>{t('noInformationIsNotNoRisk')}</p>
      </div>
    );
  }
  return (
    <ul class="alert-list">
      {alerts.map((alert) => (
        <AlertItem key={alert.id} alert={alert} pageTiers={pageTiers} />
      ))}
    </ul>
  );
}

/** What the page shows of the alert's entities: the strongest of flagged, possible, dismissed. */
function pageTierOf(alert: AlertView, pageTiers: Readonly<Record<string, PageTier>>): PageTier | undefined {
  const tiers = alert.entities.map((e) => pageTiers[e.id]).filter((x): x is PageTier => x !== undefined);
  return (['flagged', 'possible', 'dismissed'] as const).find((tier) => tiers.includes(tier));
}

function AlertItem({ alert, pageTiers }: { alert: AlertView; pageTiers: Readonly<Record<string, PageTier>> }) {
  const href = alert.url ? safeHttpUrl(alert.url) : undefined;
  const date = formatDate(alert.published ?? alert.firstSeenAt);
  const high = alert.confidence === 'high';
  const onPage = alert.onPage ? pageTierOf(alert, pageTiers) : undefined;
  return (
    <li class={`alert ${high ? 'high' : 'review'}`}>
      <p>
        <span class={`chip ${high ? 'flagged-entity' : 'possible-entity'}`}>{t(high ? 'alertSureMatch' : 'tierPossibleMatch')}</span>{' '}
        {onPage && <span class="chip on-page">{t(`alertOnPage_${onPage}`)}</span>}{' '}
        <strong>
          {alert.entities.map((e, i) => (
            <span key={e.id}>
              {i > 0 && '; '}
              <bdi>{e.name}</bdi>
            </span>
          ))}
        </strong>
      </p>
      <p class="alert-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            <bdi>{alert.title || t('alertUntitled')}</bdi>
          </a>
        ) : (
          <bdi>{alert.title || t('alertUntitled')}</bdi>
        )}
      </p>
      <p class="muted">{t('alertSourceDate', [isolateBidi(alert.sourceTitle), date])}</p>
      {alert.alsoReportedBy && <p class="muted also-reported">{t('alertAlsoReportedBy', [alert.alsoReportedBy.map(isolateBidi).join(', ')])}</p>}
      {alert.related && (
        <ul class="related-alerts">
          {alert.related.map((r) => (
            <li key={r.id}>{t('alertRelated', [isolateBidi(r.title || t('alertUntitled')), isolateBidi(r.sourceTitle)])}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('alertWhy')}</summary>
        <ul class="sources">
          {alert.entities.map((e) => (
            <li key={e.id}>
              <strong>
                <bdi>{e.name}</bdi>
              </strong>{' '}
              ({t(e.confidence === 'high' ? 'alertSureMatch' : 'tierPossibleMatch')}): <bdi>{localiseMatchReason(e.reason)}</bdi>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
