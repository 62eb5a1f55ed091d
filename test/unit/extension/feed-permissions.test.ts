// Feed host permissions on WXT's fake browser (whose permissions API the tests supply): checked before each read,
// given back when no feed uses the host any more.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { permissionCheckedFetch, releaseFeedPermission } from '@/src/extension/feed-permissions';
import { SUPPLIER_SITES_KEY } from '@/src/extension/supplier-sites';

beforeEach(() => fakeBrowser.reset());

describe('giving back a feed host permission', () => {
  it('removes the host of the last feed on it, and keeps a host another feed still reads', async () => {
    const remove = vi.fn(async () => true);
    fakeBrowser.permissions.remove = remove;
    await releaseFeedPermission('https://news.example.org/feed.xml', ['https://news.example.org/other.atom', 'https://ngo.example.net/rss']);
    expect(remove).not.toHaveBeenCalled();
    await releaseFeedPermission('https://news.example.org/feed.xml', ['http://news.example.org/feed.xml', 'https://ngo.example.net/rss']);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://news.example.org/*'] });
  });

  it('keeps the host of a supplier site the user asked to be read on every visit', async () => {
    const remove = vi.fn(async () => true);
    fakeBrowser.permissions.remove = remove;
    await fakeBrowser.storage.local.set({ [SUPPLIER_SITES_KEY]: ['https://news.example.org/*'] });
    await releaseFeedPermission('https://news.example.org/feed.xml', []);
    expect(remove).not.toHaveBeenCalled();
    await releaseFeedPermission('https://ngo.example.net/rss', []);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://ngo.example.net/*'] });
  });

  it('ignores the browser refusing to remove a host the extension needs anyway', async () => {
    fakeBrowser.permissions.remove = vi.fn(async () => {
      throw new Error('You cannot remove required permissions.');
    });
    await expect(releaseFeedPermission('http://127.0.0.1:8080/feed.rss', [])).resolves.toBeUndefined();
  });
});

describe('reading a feed', () => {
  it('asks the browser whether the feed’s host may be read, and says so when the permission was withdrawn', async () => {
    const granted = new Set(['https://news.example.org/*']);
    fakeBrowser.permissions.contains = vi.fn(async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o)));
    const network = vi.fn(async () => new Response('<rss/>'));
    const checked = permissionCheckedFetch(network);
    expect(await (await checked('https://news.example.org/feed.xml')).text()).toBe('<rss/>');
    await expect(checked('https://ngo.example.net/rss')).rejects.toThrow('TenderLens may not read ngo.example.net: the permission was withdrawn; subscribe again to grant it');
    expect(network).toHaveBeenCalledTimes(1);
  });
});
