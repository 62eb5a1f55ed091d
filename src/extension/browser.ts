// The one place the WebExtension API enters the code: webextension-polyfill's promise-based `browser`.
import browser from 'webextension-polyfill';

export { browser };

/** The toolbar button API: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
export function toolbarAction(): typeof browser.action {
  return (browser.action ?? browser.browserAction) as typeof browser.action;
}
