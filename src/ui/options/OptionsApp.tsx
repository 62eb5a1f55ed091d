// Options: the lists TenderLens checks pages against (those it comes with, then those the user imported, each with
// its edition and what it holds: companies, their listings, codes), the import of a list, the feeds the user
// follows, and the user's decisions on matches (which listed company, where, when, why) and on alerts (the items the
// user marked not relevant for a company), which can be undone.
// Every change to the lists or decisions is passed on to open tabs.
import { useEffect, useState } from 'preact/hooks';
import type { Decision } from '../../core/types';
import { isKnowledgeChangedNotice, sendToBackground, type Replies, type SourceStatus } from '../../extension/messages';
import { browser } from '../../extension/browser';
import { safeHttpUrl } from '../../core/safe-url';
import { describeDecision } from '../../core/decision-words';
import { errorText, formatDateTime, formatNumber, formatVersion, sourceLicence, sourcePublisher, t } from '../i18n';
import { EntityListImport, ListProgressView } from './EntityListImport';
import { FeedSubscriptions } from './FeedSubscriptions';
import { ListCoverageNote } from './ListCoverageNote';
import { ListSources } from './ListSources';
import { WatchlistsOptions } from '../watchlists/WatchlistsOptions';
import { FeedListsOpml } from '../watchlists/FeedListsOpml';
import { StorageHealth } from './StorageHealth';
import { MarkDisplaySettings } from './MarkDisplaySettings';
import { ReaderSwitches } from './ReaderSwitches';
import { SupplierSites } from './SupplierSites';
import { openKnowledgeDb } from '../../kb/db';
import { removeEntityList, type ListProgress } from '../../extension/import-entity-list';
import { WATCHLISTS_CHANGED } from '../../extension/watch-messages';
import type { NotRelevantDecision } from '../../watchlists/alert-triage';
import { NotRelevantDecisionView } from '../components/AlertTriage';

type Status = Replies['knowledge-status'];

export function OptionsApp() {
  const [status, setStatus] = useState<Status | undefined>();
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [notRelevant, setNotRelevant] = useState<NotRelevantDecision[]>([]);
  const [feedsRevision, setFeedsRevision] = useState(0);
  const feedsChanged = () => setFeedsRevision((r) => r + 1);
  const [error, setError] = useState<string | undefined>();
  const refresh = () =>
    Promise.all([sendToBackground({ type: 'knowledge-status' }), sendToBackground({ type: 'list-decisions' }), sendToBackground({ type: 'list-not-relevant' })])
      .then(([s, d, n]) => {
        setStatus(s);
        setDecisions(d);
        setNotRelevant(n);
      })
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void refresh();
    const onMessage = (message: unknown): undefined => {
      if (isKnowledgeChangedNotice(message) || (message as { type?: unknown } | null)?.type === WATCHLISTS_CHANGED) void refresh();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  const lists = status?.sources.filter((s) => s.kind !== 'feed') ?? [];
  const imported = lists.filter((s) => s.id.startsWith('import-')).sort((a, b) => a.title.localeCompare(b.title));
  const shipped = lists.filter((s) => !s.id.startsWith('import-'));

  return (
    <main class="options">
      <h1>{t('optionsTitlePlain')}</h1>
      {error && <p role="alert" class="error">{t('popupError', [error])}</p>}
      <StorageHealth status={status} />
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('optionsListsShipped')}</h2>
        {!status ? <p role="status">{t('popupLoading')}</p> : <ListTable lists={shipped} onChanged={refresh} />}
      </section>
      <section aria-labelledby="imported-heading">
        <h2 id="imported-heading">{t('optionsListsImported')}</h2>
        {status && (imported.length ? <ListTable lists={imported} onChanged={refresh} removable /> : <p class="muted">{t('optionsNoImportedLists')}</p>)}
      </section>
      <section aria-labelledby="list-sources-heading">
        <h2 id="list-sources-heading">{t('listSourcesHeading')}</h2>
        <ListSources />
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('importHeadingPlain')}</h2>
        <EntityListImport onImported={() => void refresh()} />
      </section>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <FeedSubscriptions revision={feedsRevision} onChanged={feedsChanged} />
        <FeedListsOpml revision={feedsRevision} onChanged={feedsChanged} />
      </section>
      <section aria-labelledby="watchlists-heading">
        <h2 id="watchlists-heading">{t('watchlistsHeading')}</h2>
        <WatchlistsOptions />
      </section>
      <MarkDisplaySettings />
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sitesHeading')}</h2>
        <SupplierSites />
      </section>
      <section aria-labelledby="readers-heading">
        <h2 id="readers-heading">{t('readersHeading')}</h2>
        <ReaderSwitches />
      </section>
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t('optionsDecisions')}</h2>
        {decisions.length === 0 ? (
          <p class="muted">{t('optionsNoDecisions')}</p>
        ) : (
          <ul class="decisions">
            {decisions.map((d) => (
              <li key={d.id}>
                <strong>
                  <bdi>{d.entityName ?? d.entityId}</bdi>
                </strong> — {t('optionsDecisionFound', [d.matchedText])}
                {d.scopeKey ? ` (${d.scopeKey})` : ''}
                <div>{describeDecision(d, t, formatDateTime)}</div>
                <button type="button" onClick={() => void sendToBackground({ type: 'remove-decision', id: d.id }).then(refresh)}>
                  {t('actionUndoLabel', [d.entityName ?? d.matchedText])}
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('optionsNotRelevantHeading')}</h3>
        {notRelevant.length === 0 ? (
          <p class="muted">{t('optionsNoNotRelevant')}</p>
        ) : (
          <ul class="decisions not-relevant-decisions">
            {notRelevant.map((d) => (
              <li key={d.id}>
                <strong>
                  <bdi>{d.entityName}</bdi>
                </strong>{' '}
                — {t('optionsNotRelevantItem', [d.alertTitle || t('alertUntitled')])}
                <div>
                  <NotRelevantDecisionView decision={d} onChanged={refresh} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function ListTable({ lists, removable = false, onChanged }: { lists: readonly SourceStatus[]; removable?: boolean; onChanged: () => void }) {
  return (
    <table class="lists">
      <thead>
        <tr>
          <th scope="col">{t('optionsListName')}</th>
          <th scope="col">{t('optionsListEdition')}</th>
          <th scope="col">{t('optionsListCompanies')}</th>
          <th scope="col">{t('optionsListListings')}</th>
          <th scope="col">{t('optionsListCodes')}</th>
          <th scope="col">{t('optionsListLoaded')}</th>
        </tr>
      </thead>
      <tbody>
        {lists.map((s) => (
          <tr key={s.id}>
            <td>
              {safeHttpUrl(s.url) ? (
                <a href={safeHttpUrl(s.url)} target="_blank" rel="noopener noreferrer">
                  <bdi>{s.title}</bdi>
                </a>
              ) : (
                <bdi>{s.title}</bdi>
              )}
              <div class="muted">
                {sourcePublisher(s)} · {sourceLicence(s)}
              </div>
              {s.kind === 'entity-list' && <div>{t('optionsListMeaning', [t(`importMeaning_${s.meaning ?? 'watch'}`)])}</div>}
              {s.note && <div class={s.partial ? 'partial' : 'muted'}>{s.partial ? `${t('sourcePartial')} ` : ''}{s.note}</div>}
              <ListCoverageNote source={s} />
            </td>
            <td>{formatVersion(s.version)}</td>
            <td>{formatNumber(s.entities)}</td>
            <td>{formatNumber(s.flags)}</td>
            <td>{formatNumber(s.references)}</td>
            <td>
              {s.loadedAt ? formatDateTime(s.loadedAt) : '—'}
              {removable && <RemoveList list={s} onRemoved={onChanged} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Remove, after confirming, with progress for each phase; open tabs follow once the matcher without the list is ready. */
function RemoveList({ list, onRemoved }: { list: SourceStatus; onRemoved: () => void }) {
  const [step, setStep] = useState<{ at: 'idle' } | { at: 'confirm' } | { at: 'running'; progress: ListProgress } | { at: 'failed'; message: string }>({ at: 'idle' });
  const remove = async () => {
    setStep({ at: 'running', progress: { phase: 'remove', done: 0, total: list.entities + list.flags } });
    const db = openKnowledgeDb();
    try {
      await removeEntityList(db, list.id, (progress) => setStep({ at: 'running', progress }));
      await sendToBackground({ type: 'knowledge-changed' });
      setStep({ at: 'idle' });
      onRemoved();
    } catch (error) {
      setStep({ at: 'failed', message: errorText(error) });
    } finally {
      db.close();
    }
  };
  if (step.at === 'running') return <ListProgressView progress={step.progress} />;
  if (step.at === 'confirm') {
    return (
      <div class="confirm-remove" role="group" aria-label={t('optionsRemoveConfirmLabel', [list.title])}>
        <p>{t('optionsRemoveConfirm', [list.title, formatNumber(list.entities)])}</p>
        <button type="button" onClick={() => void remove()}>
          {t('optionsRemoveYes')}
        </button>{' '}
        <button type="button" onClick={() => setStep({ at: 'idle' })}>
          {t('optionsRemoveNo')}
        </button>
      </div>
    );
  }
  return (
    <div>
      {step.at === 'failed' && <p role="alert" class="error">{step.message}</p>}
      <button type="button" onClick={() => setStep({ at: 'confirm' })}>
        {t('optionsRemoveList')}
      </button>
    </div>
  );
}
