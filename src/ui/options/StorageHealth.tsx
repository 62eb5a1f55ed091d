// What the options page says about the knowledge base's own safety: when it was found emptied (and what went with
// it), when no list at all is loaded (so nothing a page shows is an all-clear), and whether the browser agreed to
// keep TenderLens's data when disk space runs low (navigator.storage.persist(), asked for here, as it must be
// asked for from a page).
import { useEffect, useState } from 'preact/hooks';
import type { Replies } from '../../extension/messages';
import { formatDateTime, t } from '../i18n';

type Persistence = 'unknown' | 'granted' | 'refused' | 'unavailable';

/** Asks the browser to keep the extension's storage; resolves to what it answered. */
async function askForPersistentStorage(): Promise<Persistence> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return 'unavailable';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

export function StorageHealth({ status }: { status: Replies['knowledge-status'] | undefined }) {
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  useEffect(() => void askForPersistentStorage().then(setPersistence), []);
  const lists = status?.sources.filter((s) => s.kind !== 'feed') ?? [];
  return (
    <>
      {status?.lostAt && (
        <p role="alert" class="error storage-lost">
          {t('storageLost', [formatDateTime(status.lostAt)])}
        </p>
      )}
      {status && lists.length === 0 && (
        <p role="alert" class="error nothing-loaded">
          {t('storageNothingLoaded')}
        </p>
      )}
      {persistence === 'refused' && (
        <p class="muted storage-persistence" role="note">
          {t('storagePersistenceRefused')}
        </p>
      )}
    </>
  );
}
