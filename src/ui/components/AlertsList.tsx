// The popup's and the side panel's alerts: recent items of the user's feeds that name a known entity, those about
// an entity found on the current page first, each with the entity, the item's title (a link only when it is
// http(s)), its feed, its date, the confidence of the link and why. Says so plainly when the user follows no feed.
// Each alert can be marked read, important, archived (archived ones are listed on request) or, per entity, not
// relevant; a company linked under two lists' ids is named once, its ids listed in the details.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../extension/browser';
import { isAlertsChangedNotice, sendToBackground, type AlertsReply, type AlertView } from '../../extension/messages';
import { safeHttpUrl } from '../../core/safe-url';
import { errorText, formatDate, t, tn } from '../i18n';
import { localiseMatchReason } from '../match-reason';
import type { PageTier } from '../active-tab';
import { isolateBidi } from '../bidi';
import { AlertTriageButtons, NotRelevantButton, NotRelevantDecisionView, TriageChips } from './AlertTriage';

type State = { state: 'loading' } | { state: 'ready'; reply: AlertsReply } | { state: 'error'; message: string };

/** `pageEntityIds`: the entities found on the page shown, or undefined while that page is still being read. */
export function AlertsList({ pageEntityIds, pageTiers = {} }: { pageEntityIds: readonly string[] | undefined; pageTiers?: Readonly<Record<string, PageTier>> }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  // Bumped when the background stored new alerts while this list is open, so it lists them again.
  const [revision, setRevision] = useState(0);
  const [showArchived, setShowArchived] = useState(false);
  const changed = () => setRevision((r) => r + 1);
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
    sendToBackground({ type: 'list-alerts', pageEntityIds: [...pageEntityIds], ...(showArchived ? { archived: true } : {}) }).then(
      (reply) => current && setState({ state: 'ready', reply }),
      (error: unknown) => current && setState({ state: 'error', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, revision, showArchived]);

  return (
    <section aria-labelledby="alerts-heading" class="alerts">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <AlertsBody state={state} pageTiers={pageTiers} showingArchived={showArchived} onChanged={changed} />
      {state.state === 'ready' && (state.reply.archived > 0 || showArchived) && (
        <button type="button" class="show-archived" aria-expanded={showArchived ? 'true' : 'false'} onClick={() => setShowArchived(!showArchived)}>
          {showArchived ? t('triageHideArchived') : t('triageShowArchived', [String(state.reply.archived)])}
        </button>
      )}
    </section>
  );
}

function AlertsBody({ state, pageTiers, showingArchived, onChanged }: { state: State; pageTiers: Readonly<Record<string, PageTier>>; showingArchived: boolean; onChanged: () => void }) {
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
  if (alerts.length === 0 && showingArchived) return <p class="muted">{t('triageNoArchived')}</p>;
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
        <AlertItem key={alert.id} alert={alert} pageTiers={pageTiers} onChanged={onChanged} />
      ))}
    </ul>
  );
}

/** What the page shows of the alert's entities: the strongest of flagged, possible, dismissed. */
function pageTierOf(alert: AlertView, pageTiers: Readonly<Record<string, PageTier>>): PageTier | undefined {
  const tiers = alert.entities.map((e) => pageTiers[e.id]).filter((x): x is PageTier => x !== undefined);
  return (['flagged', 'possible', 'dismissed'] as const).find((tier) => tiers.includes(tier));
}

function AlertItem({ alert, pageTiers, onChanged }: { alert: AlertView; pageTiers: Readonly<Record<string, PageTier>>; onChanged: () => void }) {
  const href = alert.url ? safeHttpUrl(alert.url) : undefined;
  const date = formatDate(alert.published ?? alert.firstSeenAt);
  const high = alert.confidence === 'high';
  const onPage = alert.onPage ? pageTierOf(alert, pageTiers) : undefined;
  return (
    <li class={`alert ${high ? 'high' : 'review'}${alert.read ? '' : ' unread'}${alert.important ? ' important' : ''}`}>
      <p>
        <span class={`chip ${high ? 'flagged-entity' : 'possible-entity'}`}>{t(high ? 'alertSureMatch' : 'tierPossibleMatch')}</span>{' '}
        {onPage && <span class="chip on-page">{t(`alertOnPage_${onPage}`)}</span>}{' '}
        <TriageChips state={alert} />{' '}
        <strong class="alert-entities">
          {alert.names.map((name, i) => (
            <span key={name}>
              {i > 0 && '; '}
              <bdi>{name}</bdi>
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
              <span class="muted entity-id">{t('alertEntityId', [e.id])}</span>{' '}
              ({t(e.confidence === 'high' ? 'alertSureMatch' : 'tierPossibleMatch')}): <bdi>{localiseMatchReason(e.reason)}</bdi>{' '}
              <NotRelevantButton alertId={alert.id} entityId={e.id} entityName={e.name} onChanged={onChanged} />
            </li>
          ))}
          {alert.notRelevant?.map((n) => (
            <li key={n.decision.id}>
              <strong>
                <bdi>{n.name}</bdi>
              </strong>{' '}
              <span class="muted entity-id">{t('alertEntityId', [n.entityId])}</span> <NotRelevantDecisionView decision={n.decision} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      </details>
      <AlertTriageButtons alertId={alert.id} title={alert.title} state={alert} onChanged={onChanged} />
    </li>
  );
}
