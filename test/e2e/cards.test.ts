// The in-page marks and their cards in a real Chromium, on the saved Find a Tender and Contracts Finder notices and
// the demonstration notice: one card at a time, closed by an outside click, Escape or another card, focus into the
// card and back to its mark, cards placed clear of the marks and inside the viewport (WCAG 2.4.11), no page growing
// wider at 400 px and cards that fit at 200 % zoom (WCAG 1.4.10), no mark inside a link, pills named by their
// visible text, one grey mark per distinct item, and the setting that hides grey marks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAGES, SCREENSHOTS, onMarks, openAnnotated, openExtensionPage, runAxe, screenshotAsIs, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every mark of the page: its tone, title, whether its card is open, and where its pill and card are. */
async function marksOf(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    return Array.from(document.querySelectorAll('tenderlens-mark')).map((host) => {
      const root = host.shadowRoot!;
      const pill = root.querySelector('.pill') as HTMLElement;
      const card = root.querySelector('.card') as HTMLElement;
      const cardRect = card.getBoundingClientRect();
      return {
        tone: host.getAttribute('data-tenderlens') ?? '',
        title: root.querySelector('.card-title')?.textContent ?? '',
        expanded: pill.getAttribute('aria-expanded') === 'true',
        cardShown: cardRect.width > 0 && getComputedStyle(card).display !== 'none',
        pill: box(pill.getBoundingClientRect()),
        card: box(cardRect),
        cardCutOff: card.scrollWidth > card.clientWidth + 1,
        focusInCard: document.activeElement === host && !!root.activeElement && card.contains(root.activeElement),
        focusOnPill: document.activeElement === host && root.activeElement === pill,
      };
    });
  });
}

async function markAt(page: Page, index: number) {
  const mark = (await marksOf(page))[index];
  if (!mark) throw new Error(`The page has no mark ${index}.`);
  return mark;
}

const openCount = async (page: Page) => (await marksOf(page)).filter((m) => m.expanded || m.cardShown).length;
const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const pillOf = (page: Page, n: number) => page.locator('tenderlens-mark').nth(n).locator('.pill');

describe('cards: one at a time, closed by the user, focus in and back (defect 3)', () => {
  it('opening a card closes the open one; an outside click closes it', async () => {
    const page = await openAnnotated(h, PAGES.demo);
    await pillOf(page, 0).click();
    await expect.poll(() => openCount(page)).toBe(1);
    await pillOf(page, 1).click();
    await expect.poll(() => openCount(page)).toBe(1);
    expect((await markAt(page, 1)).expanded).toBe(true);
    await page.mouse.click(5, 5);
    await expect.poll(() => openCount(page)).toBe(0);
    await page.close();
  });

  it('moves focus into the card on open and back to its mark on Escape, also after Tab moved focus within or out of it', async () => {
    const page = await openAnnotated(h, PAGES.demo);
    const flagIndex = (await marksOf(page)).findIndex((m) => m.tone === 'flag');
    const pill = pillOf(page, flagIndex);

    await pill.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await markAt(page, flagIndex)).focusInCard).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => openCount(page)).toBe(0);
    expect((await markAt(page, flagIndex)).focusOnPill).toBe(true);

    // Tab within the card (to its source link), then Escape.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await markAt(page, flagIndex)).focusInCard).toBe(true);
    await page.keyboard.press('Tab');
    expect((await markAt(page, flagIndex)).focusInCard).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => openCount(page)).toBe(0);
    expect((await markAt(page, flagIndex)).focusOnPill).toBe(true);

    // Tab until focus has left the card, then Escape still closes it.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await markAt(page, flagIndex)).focusInCard).toBe(true);
    for (let i = 0; i < 12 && (await markAt(page, flagIndex)).focusInCard; i++) await page.keyboard.press('Tab');
    expect((await markAt(page, flagIndex)).focusInCard).toBe(false);
    // Whatever has the focus now is not hidden under the card (WCAG 2.4.11).
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const r = active?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : undefined;
    });
    const flag = await markAt(page, flagIndex);
    if (focused && flag.cardShown) expect(overlaps(flag.card, focused)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => openCount(page)).toBe(0);
    await page.close();
  });

  it('never leaves the element that focus moved to under the card, even in a 400 px window', async () => {
    const page = await openAnnotated(h, PAGES.demo, { width: 400, height: 800 });
    const flagIndex = (await marksOf(page)).findIndex((m) => m.tone === 'flag');
    await pillOf(page, flagIndex).scrollIntoViewIfNeeded();
    await pillOf(page, flagIndex).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await markAt(page, flagIndex)).focusInCard).toBe(true);
    for (let i = 0; i < 12 && (await markAt(page, flagIndex)).focusInCard; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const r = active!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const flag = await markAt(page, flagIndex);
    expect(flag.cardShown && overlaps(flag.card, focused)).toBe(false);
    await page.close();
  });

  it('places every card clear of its pill and of the other marks, inside the viewport', async () => {
    for (const size of [{ width: 1280, height: 900 }, { width: 400, height: 800 }]) {
      const page = await openAnnotated(h, PAGES.demo, size);
      const count = (await marksOf(page)).length;
      for (let i = 0; i < count; i++) {
        await pillOf(page, i).scrollIntoViewIfNeeded();
        await pillOf(page, i).click();
        await expect.poll(async () => (await markAt(page, i)).cardShown).toBe(true);
        const marks = await marksOf(page);
        const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: innerHeight }));
        const { card, pill } = await markAt(page, i);
        expect(overlaps(card, pill), `card ${i} covers its own pill at ${size.width} px`).toBe(false);
        expect(card.left).toBeGreaterThanOrEqual(0);
        expect(card.top).toBeGreaterThanOrEqual(0);
        expect(card.right).toBeLessThanOrEqual(viewport.width);
        expect(card.bottom).toBeLessThanOrEqual(viewport.height);
        if (size.width === 1280) {
          const covered = marks.filter((m, j) => j !== i && m.pill.bottom > 0 && m.pill.top < viewport.height && overlaps(card, m.pill));
          expect(covered.map((m) => m.title), `card ${i} covers other marks`).toEqual([]);
        }
        await page.keyboard.press('Escape');
        await expect.poll(() => openCount(page)).toBe(0);
      }
      await page.close();
    }
  });

  it('flips a card above its mark when there is no room below', async () => {
    const page = await openAnnotated(h, PAGES.demo, { width: 400, height: 700 });
    const flagIndex = (await marksOf(page)).findIndex((m) => m.tone === 'flag');
    // Scroll so that the flag sits 40 px above the bottom of the window.
    await page.evaluate((i) => {
      const pill = document.querySelectorAll('tenderlens-mark')[i]!.shadowRoot!.querySelector('.pill')!;
      window.scrollBy(0, pill.getBoundingClientRect().bottom - (innerHeight - 40));
    }, flagIndex);
    const before = (await markAt(page, flagIndex)).pill;
    expect(before.bottom).toBeGreaterThan(600);
    await pillOf(page, flagIndex).click({ noWaitAfter: true });
    await expect.poll(async () => (await markAt(page, flagIndex)).cardShown).toBe(true);
    const { card, pill } = (await markAt(page, flagIndex));
    expect(card.bottom).toBeLessThanOrEqual(pill.top);
    expect(card.top).toBeGreaterThanOrEqual(0);
    await screenshotAsIs(h, page, `${SCREENSHOTS}/demo-card-flipped-400.png`);
    await page.close();
  });

  it('follows its mark when the page scrolls, out of the window with it', async () => {
    const page = await openAnnotated(h, PAGES.demo, { width: 1280, height: 500 });
    // A short card (a grey mark's), so that it fits the window wherever its mark is.
    const greyIndex = (await marksOf(page)).findLastIndex((m) => m.tone === 'checked');
    await pillOf(page, greyIndex).scrollIntoViewIfNeeded();
    await pillOf(page, greyIndex).click();
    const before = await markAt(page, greyIndex);
    const offset = (m: typeof before) => Math.round(m.card.top - m.pill.top);
    await page.evaluate(() => window.scrollBy(0, -60));
    await expect.poll(async () => Math.round((await markAt(page, greyIndex)).pill.top)).toBe(Math.round(before.pill.top + 60));
    await expect.poll(async () => offset(await markAt(page, greyIndex))).toBe(offset(before));
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await markAt(page, greyIndex)).pill.top).toBeGreaterThan(500);
    // Still open, and below the window with its mark rather than pinned to the window's edge.
    await expect.poll(async () => (await markAt(page, greyIndex)).card.top).toBeGreaterThan(500);
    expect((await markAt(page, greyIndex)).expanded).toBe(true);
    await page.close();
  });
});

describe('narrow and zoomed windows (defect 4, WCAG 1.4.10)', () => {
  it('marks do not make any page wider than a 400 px window, and every pill fits in it', async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await openAnnotated(h, path, { width: 400, height: 800 });
      const widths = await page.evaluate(() => {
        const marks = Array.from(document.querySelectorAll('tenderlens-mark')) as HTMLElement[];
        const withMarks = document.documentElement.scrollWidth;
        const pillsOutside = marks.filter((m) => {
          const r = m.shadowRoot!.querySelector('.pill')!.getBoundingClientRect();
          return r.left < 0 || r.right > document.documentElement.clientWidth;
        }).length;
        for (const mark of marks) mark.style.setProperty('display', 'none');
        const without = document.documentElement.scrollWidth;
        for (const mark of marks) mark.style.removeProperty('display');
        return { withMarks, without, pillsOutside };
      });
      expect(widths.withMarks, path).toBe(widths.without);
      expect(widths.pillsOutside, path).toBe(0);
      // The last mark in view: on Contracts Finder, the one after an attachment's link.
      await page.locator('tenderlens-mark').last().scrollIntoViewIfNeeded();
      await screenshotAsIs(h, page, `${SCREENSHOTS}/narrow-400-${name}.png`);
      await page.close();
    }
  });

  it('at 200 % zoom every card fits the window without cut-off text', async () => {
    // A 1280 × 900 window at 200 % zoom: 640 × 450 CSS pixels, two device pixels each.
    const page = await openAnnotated(h, PAGES.demo, { width: 640, height: 450, deviceScaleFactor: 2 });
    const count = (await marksOf(page)).length;
    for (let i = 0; i < count; i++) {
      await pillOf(page, i).scrollIntoViewIfNeeded();
      await pillOf(page, i).click();
      await expect.poll(async () => (await markAt(page, i)).cardShown).toBe(true);
      const { card, cardCutOff, pill } = (await markAt(page, i));
      expect(overlaps(card, pill), `card ${i} covers its own pill at 200 %`).toBe(false);
      expect(card.right - card.left, `card ${i}`).toBeLessThanOrEqual(640);
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.right, `card ${i}: ${JSON.stringify(await markAt(page, i))}`).toBeLessThanOrEqual(640);
      expect(cardCutOff).toBe(false);
      if (i === 0) await screenshotAsIs(h, page, `${SCREENSHOTS}/demo-card-zoom-200.png`);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });
});

describe('mark placement and names (defect 7)', () => {
  it('never puts a mark inside a link: the attachment names on Contracts Finder get theirs after the link', async () => {
    const page = await openAnnotated(h, PAGES.contractsFinder);
    const placement = await page.evaluate(() => {
      const marks = Array.from(document.querySelectorAll('tenderlens-mark'));
      return {
        total: marks.length,
        inInteractive: marks.filter((m) => m.parentElement?.closest('a, button, label, summary')).length,
        afterLink: marks.filter((m) => m.previousElementSibling?.tagName === 'A' && m.previousSibling === m.previousElementSibling).length,
      };
    });
    expect(placement.inInteractive).toBe(0);
    expect(placement.afterLink).toBeGreaterThan(0);
    expect(placement.total).toBeGreaterThan(0);
    await page.close();
  });

  it('names every pill with its visible text (axe label-content-name-mismatch)', async () => {
    for (const path of Object.values(PAGES)) {
      const page = await openAnnotated(h, path);
      const names = await page.evaluate(() =>
        Array.from(document.querySelectorAll('tenderlens-mark')).map((m) => {
          const pill = m.shadowRoot!.querySelector('.pill')!;
          return { name: pill.getAttribute('aria-label') ?? pill.textContent ?? '', text: pill.textContent ?? '' };
        }),
      );
      for (const { name, text } of names) expect(name).toContain(text);
      const mismatches = onMarks(await runAxe(page, { within: 'tenderlens-mark', rules: ['label-content-name-mismatch'] }));
      expect(mismatches, path).toEqual([]);
      await page.close();
    }
  });

  it('gives Find a Tender one grey mark per distinct item (the buyer, each winner, the CPV code), not one per occurrence', async () => {
    const page = await openAnnotated(h, PAGES.findATender);
    const checked = (await marksOf(page)).filter((m) => m.tone === 'checked').map((m) => m.title);
    expect(new Set(checked).size).toBe(checked.length);
    expect(checked.sort()).toEqual(
      ['33600000 Pharmaceutical products', 'Abbvie Ltd', 'Amgen Ltd', 'Biogen', 'Celltrion Healthcare United Kingdom Limited', 'Fresenius Kabi Limited', 'NHS England', 'Sandoz Ltd'].sort(),
    );
    await page.close();
  });

  it('hides grey marks from a grey card, keeps the setting, and shows them again from the options page', async () => {
    const page = await openAnnotated(h, PAGES.demo);
    const tones = async () => (await marksOf(page)).map((m) => m.tone);
    const before = await tones();
    expect(before).toContain('checked');
    const grey = page.locator('tenderlens-mark[data-tenderlens="checked"]').first();
    await grey.locator('.pill').click();
    await grey.getByRole('button', { name: /hide grey/i }).click();
    await expect.poll(async () => (await tones()).filter((t) => t === 'checked').length, { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await tones()).length, { timeout: 10_000 }).toBe(before.filter((t) => t !== 'checked').length);
    expect(await tones()).toEqual(before.filter((t) => t !== 'checked'));
    const stored = await h.browser.worker.evaluate(() =>
      (chrome.storage as unknown as { local: { get(key: string): Promise<unknown> } }).local.get('markSettings'),
    );
    expect(stored).toEqual({ markSettings: { hideChecked: true } });

    const options = await openExtensionPage(h, 'options.html');
    const checkbox = options.getByRole('checkbox', { name: /grey/i });
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    await checkbox.uncheck();
    await expect.poll(async () => await tones(), { timeout: 10_000 }).toEqual(before);
    await options.close();
    await page.close();
  });
});
