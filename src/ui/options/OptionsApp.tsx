// Options: what the knowledge base holds (each list with its version, size and completeness), the feeds the user
// follows, and the user's match decisions, which can be undone.
import { useEffect, useState } from 'preact/hooks';
import type { Decision } from '../../core/types';
import { sendToBackground, type Replies } from '../../extension/messages';
import { safeHttpUrl } from '../../core/safe-url';
import { errorText, formatDateTime, formatNumber, formatVersion, sourceLicence, sourcePublisher, t } from '../i18n';
import { EntityListImport } from './EntityListImport';
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
import { removeList } from '../../kb/lists';

async function removeImportedList(sourceId: string): Promise<void> {
  const db = openKnowledgeDb();
  try {
    await removeList(db, sourceId);
  } finally {
    db.close();
  }
}

type Status = Replies['knowledge-status'];

export function OptionsApp() {
  const [status, setStatus] = useState<Status | undefined>();
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [error, setError] = useState<string | undefined>();
  const refresh = () =>
    Promise.all([sendToBackground({ type: 'knowledge-status' }), sendToBackground({ type: 'list-decisions' })])
      .then(([s, d]) => {
        setStatus(s);
        setDecisions(d);
      })
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => void refresh(), []);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {error && <p role="alert" class="error">{t('popupError', [error])}</p>}
      <StorageHealth status={status} />
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('optionsLists')}</h2>
        {!status ? (
          <p role="status">{t('popupLoading')}</p>
        ) : (
          <table class="lists">
            <thead>
              <tr>
                <th scope="col">{t('optionsListName')}</th>
                <th scope="col">{t('optionsListVersion')}</th>
                <th scope="col">{t('optionsListRows')}</th>
                <th scope="col">{t('optionsListLoaded')}</th>
              </tr>
            </thead>
            <tbody>
              {status.sources.filter((s) => s.kind !== 'feed').map((s) => (
                <tr key={s.id}>
                  <td>
                    {safeHttpUrl(s.url) ? (
                      <a href={safeHttpUrl(s.url)} target="_blank" rel="noopener noreferrer">
                        <bdi>{s.title}</bdi>
                      </a>
                    ) : (
                      <bdi>{s.title}</bdi>
                    )}
                    <div class="muted">{sourcePublisher(s)} · {sourceLicence(s)}</div>
                    {s.partial && <div class="partial">{t('sourcePartial')}{s.note ? ` ${s.note}` : ''}</div>}
                    <ListCoverageNote source={s} />
                  </td>
                  <td>{formatVersion(s.version)}</td>
                  <td>{formatNumber(s.rows)}</td>
                  <td>
                    {s.loadedAt ? formatDateTime(s.loadedAt) : '—'}
                    {s.id.startsWith('import-') && (
                      <div>
                        <button type="button" onClick={() => void removeImportedList(s.id).then(refresh)}>
                          {t('optionsRemoveList')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="list-sources-heading">
        <h2 id="list-sources-heading">{t('listSourcesHeading')}</h2>
        <ListSources />
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('importHeading')}</h2>
        <EntityListImport onImported={() => void refresh()} />
      </section>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <FeedSubscriptions />
        <FeedListsOpml />
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
                  <bdi>{d.matchedText}</bdi>
                </strong>{' '}
                — {t(d.verdict === 'dismissed' ? 'optionsDismissed' : 'optionsConfirmed')} (
                {t(`scope_${d.scope}`)}
                {d.scopeKey ? `: ${d.scopeKey}` : ''}) · {formatDateTime(d.decidedAt)}{' '}
                <button type="button" onClick={() => void sendToBackground({ type: 'remove-decision', id: d.id }).then(refresh)}>
                  {t('optionsUndo')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
