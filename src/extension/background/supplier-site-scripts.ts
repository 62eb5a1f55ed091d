// Firefox (Manifest V2) has no persistent `scripting.registerContentScripts`: there the background registers the
// content script for each chosen supplier site with `contentScripts.register` at start-up and whenever the list
// changes. Chromium keeps its registrations itself (src/extension/supplier-sites.ts) and needs none of this.
import { browser } from '../browser';
import { CONTENT_SCRIPT_FILE, listSupplierSites, SUPPLIER_SITES_KEY } from '../supplier-sites';

interface Registered {
  unregister(): Promise<void>;
}
type ContentScriptsApi = { register(options: { matches: string[]; js: { file: string }[]; runAt: 'document_idle' }): Promise<Registered> };

export function keepSupplierSiteScriptsRegistered(): void {
  const api = (browser as unknown as { contentScripts?: ContentScriptsApi }).contentScripts;
  const hasScripting = (browser as unknown as { scripting?: { registerContentScripts?: unknown } }).scripting?.registerContentScripts;
  if (!api || hasScripting) return;
  let registered: Registered[] = [];
  const sync = async () => {
    await Promise.all(registered.map((r) => r.unregister().catch(() => undefined)));
    const sites = await listSupplierSites();
    registered = await Promise.all(sites.map((pattern) => api.register({ matches: [pattern], js: [{ file: CONTENT_SCRIPT_FILE }], runAt: 'document_idle' })));
  };
  void sync().catch((e: unknown) => console.error('TenderLens: supplier sites could not be registered:', e));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SUPPLIER_SITES_KEY in changes) void sync().catch((e: unknown) => console.error('TenderLens:', e));
  });
}
