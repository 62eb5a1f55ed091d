// Recognises the browser's "no room left" failure wherever Dexie wraps it (a QuotaExceededError, or an aborted
// transaction whose inner error is one), so the user reads plain words rather than the error's name.

/** Whether the error (or one it wraps) says the browser refused to store more data. */
export function isStorageFull(error: unknown): boolean {
  for (let e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError' || (typeof e.message === 'string' && e.message.includes('QuotaExceededError'))) return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

export const STORAGE_FULL_MESSAGE = 'There is no room left to store data: free some disk space (or browser storage) and try again. Nothing was changed.';
