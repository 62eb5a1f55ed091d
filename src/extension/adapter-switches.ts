// Keeps the list of switched-off portal readers (see src/adapters/switch-off-list.ts) in local storage: the
// background refreshes it from its address (shipped default, or one set on the options page) every few hours, a
// failed or invalid download keeps the last good list, and the content script reads which readers are off.
import { PORTAL_ADAPTERS } from '../adapters';
import { SwitchOffListError, switchedOffAt, validateSwitchOffList, type SwitchOffList } from '../adapters/switch-off-list';

export const SWITCHES_ALARM = 'tenderlens-adapter-switches';
export const SWITCHES_PERIOD_MINUTES = 6 * 60;
/**
 * No address is built in: until the maintainers publish their list at an address of their own (and set it here or
 * the user sets one on the options page), the list shipped with this version is used and nothing is downloaded.
 */
export const DEFAULT_SWITCHES_URL = '';
const STATE_KEY = 'adapterSwitches';
const URL_KEY = 'adapterSwitchesUrl';
const MAX_LIST_BYTES = 64 * 1024;
const TIMEOUT_MS = 15_000;

export interface SwitchesState {
  list: SwitchOffList;
  /** Where the list in use came from: the copy shipped with the extension, or a download. */
  origin: 'shipped' | 'downloaded';
  /** When the list in use was downloaded. */
  downloadedAt?: string;
  lastAttemptAt?: string;
  /** Why the last refresh failed; the list in use is then the last good one. */
  lastError?: string;
}

export interface SwitchesStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KNOWN_IDS = () => PORTAL_ADAPTERS.map((a) => a.id);

/** Only https addresses (and local test servers) may serve the list. */
export function checkSwitchesUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SwitchOffListError(`"${text}" is not an address (expected https://…)`);
  }
  const local = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  if (url.protocol !== 'https:' && !local) throw new SwitchOffListError(`${url.href}: only https addresses are accepted`);
  return url.href;
}

export async function switchesUrl(storage: SwitchesStorage): Promise<string> {
  const stored = (await storage.get(URL_KEY))[URL_KEY];
  return typeof stored === 'string' ? stored : DEFAULT_SWITCHES_URL;
}

export async function setSwitchesUrl(storage: SwitchesStorage, text: string | null): Promise<string> {
  const url = text === null || text.trim() === '' ? DEFAULT_SWITCHES_URL : checkSwitchesUrl(text);
  await storage.set({ [URL_KEY]: url });
  return url;
}

/** The state in storage, or the shipped list when nothing valid is stored yet. */
export async function readSwitchesState(storage: SwitchesStorage, shipped: unknown): Promise<SwitchesState> {
  const stored = (await storage.get(STATE_KEY))[STATE_KEY] as SwitchesState | undefined;
  if (stored && typeof stored === 'object') {
    try {
      return { ...stored, list: validateSwitchOffList(stored.list, KNOWN_IDS()) };
    } catch {
      // A stored list that no longer validates (a reader was renamed in this version): start from the shipped one.
    }
  }
  return { list: validateSwitchOffList(shipped, KNOWN_IDS()), origin: 'shipped' };
}

/** The readers switched off now, for the content script. */
export async function switchedOffAdapters(storage: SwitchesStorage, shipped: unknown, now = new Date()): Promise<Set<string>> {
  return switchedOffAt((await readSwitchesState(storage, shipped)).list, now);
}

/** Downloads the list and keeps it when valid; on any failure keeps the last good list and records the error. */
export async function refreshSwitches(deps: { storage: SwitchesStorage; shipped: unknown; fetch: typeof fetch; now?: () => Date }): Promise<SwitchesState> {
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const previous = await readSwitchesState(deps.storage, deps.shipped);
  const url = await switchesUrl(deps.storage);
  // No address: the shipped list stays in use, and no request is made.
  if (!url) return previous;
  let next: SwitchesState;
  try {
    const list = validateSwitchOffList(await download(url, deps.fetch), KNOWN_IDS());
    next = { list, origin: 'downloaded', downloadedAt: now, lastAttemptAt: now };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    next = { ...previous, lastAttemptAt: now, lastError: `${url}: ${reason}` };
  }
  await deps.storage.set({ [STATE_KEY]: next });
  return next;
}

async function download(url: string, fetchFn: typeof fetch): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetchFn(url, { cache: 'no-cache', credentials: 'omit', signal: controller.signal });
    if (!response.ok) throw new SwitchOffListError(`HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_LIST_BYTES) throw new SwitchOffListError(`the list is larger than ${MAX_LIST_BYTES} bytes`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SwitchOffListError('the list is not valid JSON');
    }
  } finally {
    clearTimeout(timer);
  }
}
