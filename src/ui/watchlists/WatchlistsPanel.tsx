// The side panel's watchlists: each watchlist with its followed suppliers and unread counts; a supplier opens its
// profile: its flags with the list, meaning and date of each, and its alert timeline, where each alert can be marked
// read, important, archived (archived ones shown on request) or not relevant; the items marked not relevant are
// listed with that decision and its Undo.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../extension/browser';
import { sendToBackground } from '../../extension/messages';
import { WATCHLISTS_CHANGED } from '../../extension/watch-messages';
import { ALERTS_CHANGED } from '../../extension/messages';
import type { SupplierProfile, WatchlistView } from '../../watchlists/watchlist-store';
import { safeHttpUrl } from '../../core/safe-url';
import { t } from '../i18n';
import { AlertTriageButtons, NotRelevantButton, NotRelevantDecisionView, TriageChips } from '../components/AlertTriage';

function Profile({ profile, onChanged }: { profile: SupplierProfile; onChanged: () => void }) {
  const [showArchived, setShowArchived] = useState(false);
  const archived = profile.alerts.filter((a) => a.triage?.archived === true).length;
  const shown = profile.alerts.filter((a) => showArchived || a.triage?.archived !== true);
  return (
    <article class="supplier-profile" aria-labelledby="profile-heading">
      <h3 id="profile-heading">{profile.name}</h3>
      {profile.aliases.length > 0 && <p class="muted">{t('profileAliases', [profile.aliases.join('; ')])}</p>}
      {!profile.known && <p class="muted">{t('profileUnknown')}</p>}
      <h4>{t('profileFlags')}</h4>
      {profile.flags.length === 0 ? (
        <p class="muted">{t('profileNoFlags')} {t('noInformationIsNotNoRisk')}</p>
      ) : (
        <ul class="profile-flags">
          {profile.flags.map(({ flag, source }) => (
            <li key={flag.id}>
              <strong>{source?.title ?? flag.sourceId}</strong>
              {source?.meaning ? ` — ${t(`listMeaning_${source.meaning}`)}` : ''}
              <div class="muted">{[flag.date, t('markEdition', [flag.listVersion]), source?.partial ? t('sourcePartialShort') : ''].filter(Boolean).join(' · ')}</div>
              {flag.note && <div>{flag.note}</div>}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('profileTimeline', [String(profile.alerts.length), String(profile.unread)])}</h4>
      {shown.length === 0 && archived === 0 ? (
        <p class="muted">{t('profileNoAlerts')}</p>
      ) : (
        <ol class="timeline">
          {shown.map((a) => {
            const url = safeHttpUrl(a.url);
            const state = { read: a.read, important: a.triage?.important === true, archived: a.triage?.archived === true };
            return (
              <li key={a.id} class={`timeline-alert${state.read ? '' : ' unread'}${state.important ? ' important' : ''}`}>
                <span class="muted">{(a.published ?? a.firstSeenAt).slice(0, 10)}</span>{' '}
                {url ? <a href={url} target="_blank" rel="noopener noreferrer"><bdi>{a.title || t('alertUntitled')}</bdi></a> : <bdi>{a.title || t('alertUntitled')}</bdi>}{' '}
                <span class="chip">{t(a.confidence === 'high' ? 'alertHigh' : 'alertReview')}</span> <TriageChips state={state} />
                <AlertTriageButtons alertId={a.id} title={a.title} state={state} onChanged={onChanged} />
                <NotRelevantButton alertId={a.id} entityId={profile.entityId} entityName={profile.name} onChanged={onChanged} />
              </li>
            );
          })}
        </ol>
      )}
      {archived > 0 && (
        <button type="button" aria-expanded={showArchived ? 'true' : 'false'} onClick={() => setShowArchived(!showArchived)}>
          {showArchived ? t('triageHideArchived') : t('triageShowArchived', [String(archived)])}
        </button>
      )}{' '}
      {profile.unread > 0 && <button type="button" onClick={() => void sendToBackground({ type: 'mark-read', entityId: profile.entityId }).then(onChanged)}>{t('profileMarkRead')}</button>}
      {profile.notRelevant.length > 0 && (
        <>
          <h4>{t('profileNotRelevantHeading', [String(profile.notRelevant.length)])}</h4>
          <ul class="not-relevant-list">
            {profile.notRelevant.map(({ alert, decision }) => {
              const url = safeHttpUrl(alert.url);
              return (
                <li key={decision.id}>
                  {url ? <a href={url} target="_blank" rel="noopener noreferrer"><bdi>{alert.title || t('alertUntitled')}</bdi></a> : <bdi>{alert.title || t('alertUntitled')}</bdi>}
                  <div><NotRelevantDecisionView decision={decision} onChanged={onChanged} /></div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </article>
  );
}

export function WatchlistsPanel() {
  const [watchlists, setWatchlists] = useState<WatchlistView[] | undefined>();
  const [profile, setProfile] = useState<SupplierProfile | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = () => sendToBackground({ type: 'list-watchlists' }).then(setWatchlists).catch((e: unknown) => setError(String(e)));
  const open = (entityId: string) => sendToBackground({ type: 'supplier-profile', entityId }).then(setProfile).catch((e: unknown) => setError(String(e)));
  useEffect(() => {
    void load();
    const onMessage = (message: unknown) => {
      const type = (message as { type?: string })?.type;
      if (type === WATCHLISTS_CHANGED || type === ALERTS_CHANGED) void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  useEffect(() => {
    if (profile) void open(profile.entityId);
  }, [watchlists]);
  return (
    <section class="watchlists" aria-labelledby="watchlists-heading">
      <h2 id="watchlists-heading">{t('watchlistsHeading')}</h2>
      {error && <p role="alert" class="error">{error}</p>}
      {watchlists?.map((w) => (
        <div key={w.id} class="watchlist">
          <h3>{w.name} {w.unread > 0 && <span class="badge" aria-label={t('unreadCount', [String(w.unread)])}>{w.unread}</span>}</h3>
          {w.suppliers.length === 0 ? <p class="muted">{t('watchlistEmpty')}</p> : (
            <ul>
              {w.suppliers.map((s) => (
                <li key={s.id}>
                  <button type="button" class="link" onClick={() => void open(s.entityId)}>{s.entityName}</button>
                  {' '}<span class="muted">{t('supplierAlertCounts', [String(s.alerts), String(s.unread)])}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {profile && <Profile profile={profile} onChanged={() => void load()} />}
    </section>
  );
}
