// Under the feed subscriptions: import and export them as OPML, and the suggested monitor and NGO feeds, each
// switched on only by the user (which asks for the permission to read its site). Feeds added here are passed on
// (`onChanged`) so the subscriptions table lists them at once; `revision` changes when feeds changed there.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../extension/browser';
import { sendToBackground, type FeedSubscriptionStatus } from '../../extension/messages';
import { feedHostPermission } from '../../scanner/feed-address';
import { readOpml, writeOpml } from '../../publish/opml';
import { SUGGESTED_FEEDS } from '../../sources/default-feeds';
import { downloadFile } from '../download-file';
import { t } from '../i18n';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function FeedListsOpml({ revision = 0, onChanged }: { revision?: number; onChanged?: () => void } = {}) {
  const [feeds, setFeeds] = useState<FeedSubscriptionStatus[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = () => sendToBackground({ type: 'list-feeds' }).then(setFeeds).catch((e: unknown) => setError(errorText(e)));
  useEffect(() => void load(), [revision]);

  /** Asks once for every site, in the click's own turn, then subscribes one feed after another. */
  const subscribeAll = (urls: string[]) => {
    const fresh = urls.filter((u) => !feeds.some((f) => f.url === u));
    if (fresh.length === 0) return setMessage(t('opmlNothingNew'));
    const permission = browser.permissions.request({ origins: [...new Set(fresh.map(feedHostPermission))] });
    void (async () => {
      try {
        if (!(await permission)) return setError(t('opmlPermissionRefused'));
        let failed = 0;
        for (const url of fresh) {
          const added = await sendToBackground({ type: 'add-feed', url }).catch(() => undefined);
          if (!added || added.fetch.status === 'failed') failed++;
          // The subscriptions table lists each feed as soon as it is added.
          if (added) onChanged?.();
        }
        setMessage(t('opmlSubscribed', [String(fresh.length), String(failed)]));
      } catch (e) {
        setError(errorText(e));
      }
      await load();
      onChanged?.();
    })();
  };

  const importFile = async (file: File) => {
    setMessage(undefined);
    setError(undefined);
    try {
      const reading = readOpml(await file.text(), file.name);
      if (reading.skipped.length) setError(reading.skipped.map((s) => `${file.name}${s.line ? `, line ${s.line}` : ''}: ${s.url}: ${s.reason}`).join('\n'));
      subscribeAll(reading.feeds.map((f) => f.url));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div class="feed-opml" style={{ overflowWrap: 'anywhere' }}>
      <div class="buttons">
        <label>{t('opmlImport')} <input type="file" accept=".opml,.xml,text/x-opml,application/xml" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void importFile(f); }} /></label>{' '}
        <button type="button" disabled={feeds.length === 0} onClick={() => downloadFile('tenderlens-feeds.opml', writeOpml('TenderLens feed subscriptions', feeds.map((f) => ({ title: f.title, url: f.url }))), 'text/x-opml')}>{t('opmlExport')}</button>
      </div>
      {message && <p role="status">{message}</p>}
      {error && <p role="alert" class="error" style={{ whiteSpace: 'pre-line' }}>{error}</p>}
      <details>
        <summary>{t('suggestedFeedsHeading')}</summary>
        <p class="muted">{t('suggestedFeedsIntro')}</p>
        <ul>
          {SUGGESTED_FEEDS.map((s) => {
            const on = feeds.some((f) => f.url === s.url);
            return (
              <li key={s.url}>
                <strong>{s.organisation}</strong> <span class="muted">{s.url}{s.note ? ` (${s.note})` : ''}</span>{' '}
                {on ? <span class="muted">{t('suggestedFeedOn')}</span> : <button type="button" onClick={() => subscribeAll([s.url])}>{t('suggestedFeedSwitchOn')}</button>}
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
