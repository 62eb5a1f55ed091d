// Host permissions for subscribed feeds: the options page asks for a feed's host when the user subscribes (in the
// click's own turn, as browsers require), the background checks it before each read so a withdrawn permission is
// reported as such, and a host no remaining subscription (nor a supplier site the user chose) uses is given back.
import { browser } from './browser';
import { feedHostPermission } from '../scanner/feed-address';
import { listSupplierSites } from './supplier-sites';

/** Asks for the permission to read the feed's host. Call it synchronously from the user's click or key press. */
export function requestFeedPermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [feedHostPermission(url)] });
}

/** A fetch that refuses, with a clear reason, addresses whose host TenderLens may not read. */
export function permissionCheckedFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const allowed = await browser.permissions.contains({ origins: [feedHostPermission(url)] });
    if (!allowed) throw new Error(`TenderLens may not read ${new URL(url).host}: the permission was withdrawn; subscribe again to grant it`);
    return fetchImpl(input, init);
  };
}

/**
 * Gives back the permission for a removed feed's host, unless another subscription still reads from it or the user
 * asked TenderLens to read that site's pages ("Always check", which needs the same permission).
 */
export async function releaseFeedPermission(url: string, remainingUrls: readonly string[]): Promise<void> {
  const pattern = feedHostPermission(url);
  if (remainingUrls.some((other) => feedHostPermission(other) === pattern)) return;
  if ((await listSupplierSites()).includes(pattern)) return;
  // Hosts the extension needs anyway (the portals, the local test pages) cannot be removed: the browser refuses.
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}
