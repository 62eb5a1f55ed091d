// Build configuration: Manifest V3 for Chromium browsers, MV2/MV3 for Firefox, Preact for the extension pages.
// TENDERLENS_LOCAL_HOSTS=1 adds 127.0.0.1 and localhost to the portals, for the demo and the browser tests only;
// the store builds (`npm run build`, `npm run zip`) never request them. Feed hosts are optional permissions the user
// grants one by one. The feed parser's Node built-ins are aliased to browser stand-ins (see src/extension/node-shims).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noEvalInExceljs } from './src/build/no-eval-in-exceljs';
import { noInnerHtmlInPreact } from './src/build/no-inner-html-in-preact';
import { PORTAL_MATCHES, LOCAL_TEST_MATCHES, LOCAL_SUPPLIER_SITE_MATCHES, OPTIONAL_FEED_MATCHES } from './src/extension/portal-hosts';

const shim = (name: string) => fileURLToPath(new URL(`./src/extension/node-shims/${name}.ts`, import.meta.url));

const localHosts = process.env.TENDERLENS_LOCAL_HOSTS === '1';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: localHosts ? '.output/local' : '.output',
  vite: () => ({
    plugins: [preact(), noEvalInExceljs(), noInnerHtmlInPreact()],
    resolve: {
      alias: {
        events: fileURLToPath(new URL('./node_modules/events/events.js', import.meta.url)),
        timers: shim('timers'),
        http: shim('empty'),
        https: shim('empty'),
        url: shim('empty'),
        stream: shim('empty'),
      },
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: a supplier site the user chose is annotated once (activeTab) or on every visit (its own host).
    permissions: browser === 'firefox' ? ['storage', 'activeTab', 'alarms', 'notifications'] : ['storage', 'sidePanel', 'activeTab', 'alarms', 'scripting', 'notifications'],
    host_permissions: localHosts ? [...PORTAL_MATCHES, ...LOCAL_TEST_MATCHES] : PORTAL_MATCHES,
    // Manifest V2 (Firefox) lists optional hosts among the optional permissions.
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_FEED_MATCHES } : { optional_host_permissions: OPTIONAL_FEED_MATCHES }),
    action: { default_title: '__MSG_actionTitle__' },
    // TenderLens collects no data: nothing a user browses leaves the browser.
    browser_specific_settings: {
      // data_collection_permissions (required by addons.mozilla.org) needs Firefox 140 (ESR) and Firefox for Android 142.
      gecko: { id: 'tenderlens@tenderlens.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  // The sources archive (for a store's review) holds what builds the extension; the tests and their data, some of
  // which may not be redistributed with it, stay out.
  zip: { excludeSources: ['test/**', 'test-results/**', '.ci/**'] },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!localHosts) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOCAL_TEST_MATCHES];
        // Local pages under /supplier-site/ stand for a site the user has not chosen: the tests opt them in.
        script.exclude_matches = [...(script.exclude_matches ?? []), ...LOCAL_SUPPLIER_SITE_MATCHES];
      }
    },
  },
});
