// The options page's list sources: the official lists TenderLens can keep current from their publishers (switched
// on by the user, who grants the publisher's host), lists added by address (FollowTheMoney or CSV with a column
// mapping), each with its reading state, progress while a refresh runs and what the last refresh changed.
import { useEffect, useState } from 'preact/hooks';
import type { FlagType, ListRefreshSettings } from '../../core/types';
import { requestFeedPermission } from '../../extension/feed-permissions';
import { sendToBackground } from '../../extension/messages';
import type { ListSourceStatus } from '../../extension/watch-messages';
import { OFFICIAL_LISTS } from '../../sources/official-lists';
import { safeHttpUrl } from '../../core/safe-url';
import { browser } from '../../extension/browser';
import { formatDateTime, t } from '../i18n';

/** A label above its field, as in the other forms of the page. */
const STACKED = { display: 'grid', gap: '2px', minWidth: 0 };
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const localTime = (iso: string | undefined) => (iso ? formatDateTime(iso) : '—');
const FLAG_TYPES: FlagType[] = ['import_ban', 'forced_labour', 'child_labour'];
const FLAG_KEYS: Partial<Record<FlagType, string>> = { import_ban: 'importFlagImportBan', forced_labour: 'importFlagForcedLabour', child_labour: 'importFlagChildLabour' };

function ListChangesSummary({ status }: { status: ListSourceStatus }) {
  const record = status.lastChanges;
  if (!record) return null;
  const { added, removed, renamed } = record.changes;
  const names = [
    ...added.map((e) => `+ ${e.name}`),
    ...removed.map((e) => `− ${e.name}`),
    ...renamed.map((e) => `${e.from} → ${e.to}`),
  ];
  return (
    <details class="list-changes">
      <summary>{t('listChangesSummary', [localTime(record.at), String(added.length), String(removed.length), String(renamed.length)])}</summary>
      <p class="muted">{t('listChangesVersions', [record.previousVersion, record.version])}</p>
      <ul>{names.slice(0, 50).map((n) => <li key={n}>{n}</li>)}</ul>
      {names.length > 50 && <p class="muted">{t('listChangesMore', [String(names.length - 50)])}</p>}
    </details>
  );
}

function ListSourceRow({ status, onChanged }: { status: ListSourceStatus; onChanged: () => void }) {
  const [error, setError] = useState<string | undefined>();
  const run = (request: Parameters<typeof sendToBackground>[0], permissionFor?: string) => {
    setError(undefined);
    const permission = permissionFor ? requestFeedPermission(permissionFor) : Promise.resolve(true);
    void (async () => {
      try {
        if (!(await permission)) return setError(t('feedPermissionRefused', [new URL(permissionFor!).host]));
        await sendToBackground(request);
      } catch (e) {
        setError(errorText(e));
      }
      onChanged();
    })();
  };
  const fetch = status.fetch;
  const running = status.progress && !['done', 'failed'].includes(status.progress.stage);
  const url = safeHttpUrl(status.url);
  return (
    <li class="list-source">
      <strong>{status.title}</strong> <span class="muted">{status.version} · {t('listSourceRows', [String(status.rows)])}</span>
      <div class="muted">{url ? <a href={url} target="_blank" rel="noopener noreferrer">{status.url}</a> : status.url}</div>
      {status.refresh ? (
        <div>
          {t('listSourceState', [localTime(fetch?.lastSuccessAt), String(fetch?.itemCount ?? '—'), localTime(fetch?.nextAttemptAt)])}
          {fetch?.lastError && <div role="alert" class="error">{t('listSourceError', [fetch.lastError])}</div>}
        </div>
      ) : (
        <div class="muted">{t('listSourceOff')}</div>
      )}
      {running && <div role="status">{t(`listProgress_${status.progress!.stage}`)}</div>}
      <ListChangesSummary status={status} />
      <div class="buttons">
        {!status.refresh && status.official && (
          <button type="button" onClick={() => run({ type: 'enable-list-refresh', sourceId: status.sourceId }, OFFICIAL_LISTS.find((l) => l.sourceId === status.sourceId)!.url)}>
            {t('listSourceEnable')}
          </button>
        )}
        {status.refresh && (
          <button type="button" disabled={!!running} onClick={() => run({ type: 'refresh-list', sourceId: status.sourceId })}>
            {t('listSourceRefresh')}
          </button>
        )}
        {status.refresh && status.official && (
          <button type="button" onClick={() => run({ type: 'disable-list-refresh', sourceId: status.sourceId })}>{t('listSourceDisable')}</button>
        )}
        {!status.official && (
          <button type="button" onClick={() => run({ type: 'remove-list-source', sourceId: status.sourceId })}>{t('listSourceRemove')}</button>
        )}
      </div>
      {error && <div role="alert" class="error">{error}</div>}
    </li>
  );
}

function AddListSource({ onAdded }: { onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<'ftm' | 'csv'>('ftm');
  const [flagType, setFlagType] = useState<FlagType>('import_ban');
  const [columns, setColumns] = useState({ name: '', aliases: '', country: '' });
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const settings = (): ListRefreshSettings => ({
    parser: format,
    intervalHours: 24,
    flagType,
    ...(format === 'csv' ? { columns: { name: columns.name.trim(), ...(columns.aliases.trim() ? { aliases: columns.aliases.trim() } : {}), ...(columns.country.trim() ? { country: columns.country.trim() } : {}) } } : {}),
  });
  const act = (kind: 'test' | 'add') => {
    setMessage(undefined);
    setError(undefined);
    let address: URL;
    try {
      address = new URL(url.trim());
      if (address.protocol !== 'https:' && address.protocol !== 'http:') throw new Error();
    } catch {
      return setError(t('feedAddressInvalid'));
    }
    if (format === 'csv' && !columns.name.trim()) return setError(t('listAddNameColumnMissing'));
    const permission = requestFeedPermission(address.href);
    void (async () => {
      try {
        if (!(await permission)) return setError(t('feedPermissionRefused', [address.host]));
        if (kind === 'test') {
          const result = await sendToBackground({ type: 'test-list-source', url: address.href, refresh: settings() });
          setMessage(t('listTestResult', [String(result.entities), result.sample.join('; ')]));
        } else {
          await sendToBackground({ type: 'add-list-source', title, url: address.href, refresh: settings() });
          setUrl('');
          setTitle('');
          onAdded();
        }
      } catch (e) {
        setError(errorText(e));
      }
    })();
  };
  return (
    <form class="add-list" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: '8px', maxWidth: '40em' }} onSubmit={(e) => (e.preventDefault(), act('add'))}>
      <label style={STACKED}>{t('listAddUrl')}<input type="url" style={{ width: '100%', boxSizing: 'border-box' }} value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://" /></label>
      <label style={STACKED}>{t('listAddTitle')}<input value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
      <label style={STACKED}>{t('listAddFormat')}
        <select style={{ width: '100%', maxWidth: '100%' }} value={format} onChange={(e) => setFormat(e.currentTarget.value as 'ftm' | 'csv')}>
          <option value="ftm">{t('listAddFormatFtm')}</option>
          <option value="csv">{t('listAddFormatCsv')}</option>
        </select>
      </label>
      <label style={STACKED}>{t('importMeaning')}
        <select style={{ width: '100%', maxWidth: '100%' }} value={flagType} onChange={(e) => setFlagType(e.currentTarget.value as FlagType)}>
          {FLAG_TYPES.map((type) => <option key={type} value={type}>{t(FLAG_KEYS[type] ?? type)}</option>)}
        </select>
      </label>
      {format === 'csv' && (
        <fieldset>
          <legend>{t('listAddColumns')}</legend>
          {(['name', 'aliases', 'country'] as const).map((key) => (
            <label key={key} style={STACKED}>{t(`listAddColumn_${key}`)}<input value={columns[key]} onInput={(e) => setColumns({ ...columns, [key]: e.currentTarget.value })} /></label>
          ))}
        </fieldset>
      )}
      <div class="buttons">
        <button type="button" onClick={() => act('test')}>{t('listAddTest')}</button>
        <button type="submit">{t('listAddSubmit')}</button>
      </div>
      {message && <p role="status">{message}</p>}
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}

export function ListSources() {
  const [lists, setLists] = useState<ListSourceStatus[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = () => sendToBackground({ type: 'list-sources' }).then(setLists).catch((e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void reload();
    const onMessage = (message: unknown) => {
      if ((message as { type?: string })?.type === 'tenderlens-list-progress') void reload();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return (
    <div class="list-sources" style={{ overflowWrap: 'anywhere' }}>
      <p class="muted">{t('listSourcesIntro')}</p>
      {error && <p role="alert" class="error">{error}</p>}
      {!lists ? <p role="status">{t('popupLoading')}</p> : (
        <ul>{lists.map((status) => <ListSourceRow key={status.sourceId} status={status} onChanged={() => void reload()} />)}</ul>
      )}
      <h3>{t('listAddHeading')}</h3>
      <AddListSource onAdded={() => void reload()} />
    </div>
  );
}
