// Supplier sites on request: nothing runs on a site the user did not choose. "Check this site" annotates the
// current page once (the toolbar click's activeTab grant); "Always on this site" asks for that one host's permission
// and registers the content script there; the options page lists those sites and takes each back (the registration,
// and the permission unless a feed subscription still reads from that host).
import { browser } from './browser';
import { PORTAL_MATCHES } from './portal-hosts';

export const SUPPLIER_SITES_KEY = 'supplierSites';
/** The content script as built (WXT's output path), the same file the portals get. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

interface ScriptingApi {
  executeScript(options: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle' }[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids: string[] }): Promise<{ id: string }[]>;
}

function scripting(): ScriptingApi | undefined {
  return (browser as unknown as { scripting?: ScriptingApi }).scripting;
}

/** The host permission pattern of a page's site ("https://www.example.com/*"), or undefined for non-web pages. */
export function sitePattern(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** True for pages of the portals TenderLens reads by default (nothing to opt into there). */
export function isPortalSite(url: string | undefined): boolean {
  const pattern = sitePattern(url);
  return pattern !== undefined && PORTAL_MATCHES.includes(pattern);
}

const scriptId = (pattern: string) => `supplier-site ${pattern}`;

export async function listSupplierSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(SUPPLIER_SITES_KEY))[SUPPLIER_SITES_KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

async function saveSites(sites: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [SUPPLIER_SITES_KEY]: [...new Set(sites)].sort() });
}

/** Annotates a tab's page once. Needs the click's activeTab grant (or the site's permission). */
export async function checkTabOnce(tabId: number): Promise<void> {
  const api = scripting();
  if (api) await api.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  else await browser.tabs.executeScript(tabId, { file: CONTENT_SCRIPT_FILE });
}

/** Asks for one site's permission. Call it synchronously from the user's click, as browsers require. */
export function requestSitePermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/** Remembers a site whose permission was granted and runs the content script on its pages from now on. */
export async function rememberSupplierSite(pattern: string): Promise<void> {
  const api = scripting();
  if (api) {
    const id = scriptId(pattern);
    const existing = await api.getRegisteredContentScripts({ ids: [id] });
    if (existing.length === 0) await api.registerContentScripts([{ id, matches: [pattern], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' }]);
  }
  await saveSites([...(await listSupplierSites()), pattern]);
}

/**
 * Takes a site back: the content script stops being registered there, and its permission is given back unless
 * `keepPermission` (a feed subscription still reads from that host).
 */
export async function forgetSupplierSite(pattern: string, keepPermission: boolean): Promise<void> {
  const api = scripting();
  if (api) await api.unregisterContentScripts({ ids: [scriptId(pattern)] }).catch(() => undefined);
  await saveSites((await listSupplierSites()).filter((site) => site !== pattern));
  // Hosts the extension needs anyway (the portals, local test pages) cannot be removed: the browser refuses.
  if (!keepPermission) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}
