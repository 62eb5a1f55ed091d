// axe-core in a real Chromium, in the light and the dark colour scheme: the popup and the side panel for the
// demonstration notice, the options page, and pages with marks and an open card (the marks' shadow roots
// included). Any serious or critical violation fails. On the saved portal pages only violations on TenderLens's
// own marks count: the portals' own faults are not ours. Screenshots of each, light and dark, and at 400 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAGES, SCREENSHOTS, isSerious, onMarks, openAnnotated, openExtensionPage, runAxe, screenshotAsIs, startHarness, tabIdOf, type AxeViolation, type Harness } from './harness';

const SCHEMES = ['light', 'dark'] as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const serious = (violations: AxeViolation[]) => violations.filter(isSerious).map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' ')}`);

async function openFlagCard(page: Page): Promise<void> {
  const flag = page.locator('tenderlens-mark[data-tenderlens="flag"]').first();
  await flag.locator('.pill').click();
  await expect.poll(() => flag.getByRole('dialog').isVisible()).toBe(true);
}

describe('accessibility (axe-core), light and dark', () => {
  it('the demonstration notice with its marks and an open card has no serious violation', async () => {
    const page = await openAnnotated(h, PAGES.demo);
    await openFlagCard(page);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(serious(await runAxe(page)), scheme).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/a11y-demo-card-${scheme}.png` });
    }
    await page.close();
  });

  it('the marks and an open card on the saved Contracts Finder and Find a Tender pages have no serious violation', async () => {
    for (const path of [PAGES.contractsFinder, PAGES.findATender]) {
      const page = await openAnnotated(h, path);
      await page.locator('tenderlens-mark').first().locator('.pill').click();
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(serious(onMarks(await runAxe(page, { within: 'tenderlens-mark' }))), `${path}, ${scheme}`).toEqual([]);
      }
      await page.close();
    }
  });

  it('the popup, the side panel and the options page have no serious violation', async () => {
    const notice = await openAnnotated(h, PAGES.demo);
    const tab = await tabIdOf(h, notice);
    for (const [name, file, width] of [
      ['popup', `popup.html?tab=${tab}`, 440],
      ['sidepanel', `sidepanel.html?tab=${tab}`, 400],
      ['options', 'options.html', 1000],
    ] as const) {
      const page = await openExtensionPage(h, file);
      await page.setViewportSize({ width, height: 900 });
      await page.locator('main section, main .empty').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(serious(await runAxe(page)), `${name}, ${scheme}`).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/a11y-${name}-${scheme}.png`, fullPage: true });
      }
      await page.close();
    }
    await notice.close();
  });

  it('at 400 px the options page and a page with an open card have no serious violation', async () => {
    const page = await openAnnotated(h, PAGES.demo, { width: 400, height: 800 });
    await openFlagCard(page);
    const options = await openExtensionPage(h, 'options.html', { width: 400, height: 900 });
    await options.locator('main section').first().waitFor();
    // WCAG 1.4.10: the options page reflows into the narrow window (wide tables scroll by themselves).
    const reflow = await options.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // Which section makes it wider: the page's width without each one.
      wider: Array.from(document.querySelectorAll<HTMLElement>('main > *')).map((section) => {
        section.style.display = 'none';
        const without = document.documentElement.scrollWidth;
        section.style.display = '';
        return `${section.getAttribute('aria-labelledby') ?? section.tagName}: ${without} px without it`;
      }),
    }));
    expect(reflow.width, reflow.wider.join(' ')).toBeLessThanOrEqual(400);
    for (const scheme of SCHEMES) {
      for (const [name, view] of [['demo-card', page], ['options', options]] as const) {
        await view.emulateMedia({ colorScheme: scheme });
        expect(serious(await runAxe(view)), `${name}, ${scheme}`).toEqual([]);
        await screenshotAsIs(h, view, `${SCREENSHOTS}/a11y-${name}-400-${scheme}.png`);
      }
    }
    await options.close();
    await page.close();
  });
});
