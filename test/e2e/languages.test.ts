// The six interface languages in a real Chromium: one browser per language, started with --lang=<code> (on Debian's
// Chromium that is what picks the extension's catalogue; the LANGUAGE variable alone does not), showing the
// demonstration notice with the flag's card open, the popup and the options page. The words checked are read from
// that language's catalogue, so a page left in English fails. Screenshots: test-results/screenshots/lang-<code>-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servePages, type PageServer } from '../../src/demo/serve-pages';
import { launchWithExtension } from '../../src/demo/launch-chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const EXTENSION_DIR = here('../../.output/local/chrome-mv3');
const SCREENSHOTS = here('../../test-results/screenshots');

const LANGUAGES = ['en', 'es', 'fr', 'nl', 'de', 'sv'];

type Catalogue = Record<string, { message: string }>;
const catalogueOf = (lang: string) => JSON.parse(readFileSync(here(`../../public/_locales/${lang}/messages.json`), 'utf8')) as Catalogue;

/** A catalogue message with its substitutions, as browser.i18n returns it. */
function message(catalogue: Catalogue, key: string, substitutions: string[] = []): string {
  return catalogue[key]!.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

let server: PageServer;
/** One profile for the six browsers: the knowledge base is stored by the first, and the others start faster. */
let profileDir: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await servePages({ '/demo/notice': here('../../src/demo/demo-notice.html') });
  profileDir = mkdtempSync(path.join(tmpdir(), 'tenderlens-languages-'));
});

afterAll(async () => {
  await server?.close();
});

describe.each(LANGUAGES)('the interface in %s', (lang) => {
  it('shows the marks, the open card, the popup and the options page in that language', async () => {
    const catalogue = catalogueOf(lang);
    const browser = await launchWithExtension(EXTENSION_DIR, { headless: true, lang, profileDir });
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(`${server.origin}/demo/notice`);
      const flag = page.locator('tenderlens-mark[data-tenderlens="flag"]').first();
      await flag.waitFor({ timeout: 20_000 });

      const review = page.locator('tenderlens-mark[data-tenderlens="review"]').first();
      expect((await review.getByRole('button').first().textContent())?.trim()).toBe(message(catalogue, 'markReviewPill'));
      const checked = page.locator('tenderlens-mark[data-tenderlens="checked"]').first();
      expect((await checked.getByRole('button').first().textContent())?.trim()).toBe(message(catalogue, 'markCheckedPill'));

      await flag.getByRole('button').first().click();
      const card = flag.getByRole('dialog');
      await expect.poll(() => card.isVisible()).toBe(true);
      const cardText = (await card.textContent()) ?? '';
      expect(cardText).toContain(message(catalogue, 'markSources'));
      expect(cardText).toContain(message(catalogue, 'noInformationIsNotNoRisk'));
      expect(cardText).toContain(message(catalogue, 'actionDismiss'));
      expect(cardText).toContain(message(catalogue, 'markForTheAward'));
      await flag.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/lang-${lang}-notice.png` });

      const tabId = await browser.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, page.url());
      const badgeTitle = await browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
      const badgeCount = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      expect(badgeTitle).toBe(message(catalogue, 'badgeTitleFindings_other', [badgeCount]));

      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 400, height: 720 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('.findings > li').first().waitFor();
      expect((await popup.locator('html').getAttribute('lang'))?.split('-')[0]).toBe(lang);
      expect(await popup.getByRole('heading', { level: 2, name: message(catalogue, 'alertsHeading') }).count()).toBe(1);
      expect(await popup.locator('.finding.flagged-entity .chip').first().textContent()).toBe(message(catalogue, 'severityFlag'));
      await popup.screenshot({ path: `${SCREENSHOTS}/lang-${lang}-popup.png`, fullPage: true });
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.screenshot({ path: `${SCREENSHOTS}/lang-${lang}-popup-dark.png` });

      const options = await browser.context.newPage();
      await options.setViewportSize({ width: 900, height: 900 });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('table.lists tbody tr').first().waitFor();
      expect(await options.getByRole('heading', { level: 1 }).textContent()).toBe(message(catalogue, 'optionsTitlePlain'));
      expect(await options.getByRole('heading', { level: 2, name: message(catalogue, 'importHeadingPlain') }).count()).toBe(1);
      await options.screenshot({ path: `${SCREENSHOTS}/lang-${lang}-options.png` });
    } finally {
      await browser.close();
    }
  });
});
