// The content script's job, start to finish: from the page's first byte, have the settings, the readers and the
// background's matcher ready; on a long page, read, analyse and mark its top first (where the user looks), as soon as
// the parser has passed it; once the DOM is complete, read the notice and the visible text, ask the background for findings, mark them in place, and do it again (debounced) when a single-page portal changes its content,
// at once when it navigates in-page, or when the user decides on a match or changes the marks' settings. Nothing is
// done in a hidden tab, and a content change that leaves the page's text as it was is not read again. Content
// added where nothing was found is read on its own (see page-changes), leaving the other marks and an open card.
import { LiveNoticeReader } from '../adapters/read-notice-live';
import { switchedOffAdapters } from '../extension/adapter-switches';
import shippedSwitches from '../../public/adapter-switches.json';
import { extractPageTextInSlices, OWN_UI_ATTRIBUTE, yieldToPage, type PageText } from '../page-text/extract';
import type { Finding, PageAnalysis } from '../core/types';
import { sendToBackground } from '../extension/messages';
import { addDisclosuresToMarks } from './card-disclosure';
import { browser } from '../extension/browser';
import { t as translate } from '../ui/i18n';
import { MARK_TAG, type MarkActions, type Translate } from './mark-element';
import type { DecisionChoice } from './card-content';
import { planMarks } from './plan-marks';
import { insertMarks, placeMarks, prepareMarks, removeMarks } from './place-marks';
import { closeCard } from './card-controller';
import { readMarkSettings, saveMarkSettings, watchMarkSettings } from './mark-settings';
import { watchNavigation, whenVisible } from './navigation-watch';
import { outermost, PageChanges, readingKeeps } from './page-changes';
import type { SupplierDisclosureSummary } from '../extension/background/bidder-check-service';
import type { NoticeReading } from '../core/types';
import { ALL_MARKS_PLACED_MARK, ANNOTATOR_STARTED_MARK, MARKS_PLACED_MARK } from './timing-marks';
import { firstScreenParts, firstScreenText } from './first-screen';
import type { PlannedMark } from './plan-marks';

const RESCAN_DELAY_MS = 800;
/** A short page's text is read in one slice of at most this long, in the same task as its notice. */
const SHORT_PAGE_TEXT_MS = 25;
/** A page that never stops changing (a ticking clock) is still read this long after its first change. */
const RESCAN_MAX_WAIT_MS = 2_000;

export interface AnnotatorHandle {
  rescan(): Promise<PageAnalysis | undefined>;
  stop(): void;
}

export function startAnnotator(signal: AbortSignal): AnnotatorHandle {
  performance.mark(ANNOTATOR_STARTED_MARK);
  // While the page still arrives: the background loads its matcher, and the settings are read.
  void sendToBackground({ type: 'prepare-analysis' }).catch(() => undefined);
  let settingsAtLoad: ReturnType<typeof readMarkSettings> | undefined = readMarkSettings();
  // The first message looked up loads the catalogue into the page's process: done now, not when the marks are due.
  setTimeout(() => translate('uiLanguage'), 0);
  const t: Translate = translate;
  let running: Promise<PageAnalysis | undefined> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Readers switched off by the maintainers' list are passed over; notice data behind a page is fetched once.
  const reader = switchedOffAdapters(browser.storage.local as never, shippedSwitches)
    .catch(() => new Set<string>())
    .then((switchedOff) => new LiveNoticeReader({
      fetch: (input, init) => fetch(input, init),
      xmlParser: new DOMParser(),
      switchedOff,
      yieldToPage,
      // A notice's data that failed for a passing reason: the page is read again once it may be asked again.
      onRetryDue: () => void rescan(),
    }));

  const decide = (finding: Finding, matchedText: string, verdict: 'dismissed' | 'confirmed', choice: DecisionChoice) => {
    if (!finding.entityId) return;
    void sendToBackground({
      type: 'record-decision',
      decision: { entityId: finding.entityId, verdict, matchedText, pageUrl: location.href, ...choice },
    }).then(() => rescan());
  };
  const actions: MarkActions = {
    dismiss: (finding, text, choice) => decide(finding, text, 'dismissed', choice),
    confirm: (finding, text, choice) => decide(finding, text, 'confirmed', choice),
    undo: (decision) => void sendToBackground({ type: 'remove-decision', id: decision.id }).then(() => rescan()),
    follow: async (finding) => void (await sendToBackground({ type: 'follow-entity', entityId: finding.entityId! })),
    hideChecked: () => void saveMarkSettings({ hideChecked: true }),
  };

  // What the last analysis read: a content change that leaves both as they were needs no new reading.
  let analysed: { url: string; text: string } | undefined;
  // The notice and the disclosures as last read whole: parts added later are read against them.
  let lastRead: { url: string; reading: NoticeReading; disclosures: SupplierDisclosureSummary[] } | undefined;
  const changes = new PageChanges();
  let pending: MutationRecord[] = [];
  let firstPendingAt = 0;
  // Changed parts waiting for the reading under way to end, and the parts being read (their own changes are ours).
  let queuedParts: Element[] = [];
  let partsBeingRead: readonly Element[] = [];
  const navigation = watchNavigation(() => {
    clearTimeout(timer);
    timer = undefined;
    analysed = undefined;
    void rescan();
  }, signal);
  const observer = new MutationObserver((records) => {
    const theirs = records.filter((record) => !isOwnMutation(record) && !partsBeingRead.some((part) => part.contains(record.target)));
    if (theirs.length === 0) return;
    navigation.checkAddress();
    if (pending.length === 0) firstPendingAt = performance.now();
    pending.push(...theirs);
    const waited = performance.now() - firstPendingAt;
    if (timer !== undefined && waited >= RESCAN_MAX_WAIT_MS - RESCAN_DELAY_MS) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const change = changes.classify(pending);
      pending = [];
      void (async () => {
        if (change.kind === 'none') return;
        // A hidden tab is not read, not even to compare its text: that waits until the tab is shown. A reading
        // already under way (a navigation's) is let finish first: when it covers the change, there is nothing to redo.
        await whenVisible(signal);
        if (change.kind === 'parts' && lastRead?.url === location.href) return void (await readParts(change.parts));
        if (running) await running;
        const body = document.body;
        if (body && analysed && analysed.url === location.href && (await extractPageTextInSlices(body, { signal })).text === analysed.text) return;
        await rescan();
      })().catch(() => undefined);
    }, RESCAN_DELAY_MS);
  });

  async function annotateOnce(): Promise<PageAnalysis | undefined> {
    const body = document.body;
    if (!body || signal.aborted) return undefined;
    observer.disconnect();
    pending = [];
    queuedParts = [];
    closeCard({ returnFocus: false });
    if (!topWhileLoading) removeMarks(body);
    changes.forget();
    lastRead = undefined;
    const settings = await (settingsAtLoad ?? readMarkSettings());
    settingsAtLoad = undefined;
    // The top marked while the page loaded (see whileLoading), or now.
    const early = topWhileLoading;
    topWhileLoading = undefined;
    const firstScreen = (early && (await early)) || (await markFirstScreen(body, settings));
    if (signal.aborted) return undefined;
    // On a long page the notice is read in a task of its own, apart from the page's tasks and from the sliced text
    // reading; a short page is read, and sent, at once (its reading takes a few milliseconds).
    if (firstScreen) await yieldToPage();
    const reading = await (await reader).read(document, location.href);
    if (signal.aborted) return undefined;
    if (firstScreen) await yieldToPage();
    // Watches the page from before its text is read until the marks go in: unchanged, the text is not read again.
    let changed = false;
    const textWatch = new MutationObserver(() => (changed = true));
    textWatch.observe(body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'style', OWN_UI_ATTRIBUTE] });
    let pageText: PageText;
    let analysis: PageAnalysis;
    let disclosures: SupplierDisclosureSummary[];
    let unchanged: boolean;
    try {
      // A short page's text is read in the notice's task (its layout, due after the first yield, then overlaps the
      // background's work); a long page's in slices.
      pageText = await extractPageTextInSlices(body, { signal, sliceMs: firstScreen ? undefined : SHORT_PAGE_TEXT_MS });
      ({ analysis, disclosures } = await sendToBackground({ type: 'analyse-page', url: location.href, text: pageText.text, reading }));
    } finally {
      unchanged = !changed && textWatch.takeRecords().length === 0;
      textWatch.disconnect();
    }
    if (signal.aborted) return analysis;
    // The page may have changed while the background worked: only mark text that is still the same.
    const current = unchanged ? pageText : await extractPageTextInSlices(body, { signal });
    if (current.text === pageText.text) {
      changes.noteReading(current, analysis);
      const planned = addDisclosuresToMarks(planMarks(analysis, t, { ...settings, disclosedSuppliers: disclosures.map((d) => d.supplier) }), disclosures, t);
      let placed: number;
      if (firstScreen) {
        // The rest of the page's marks are built in slices, then put in with the top's, which replace the first
        // screen's, in one go: the page changes once (a long page lays itself out again after each change).
        const [top, rest] = splitAtTop(current, planned, firstScreen.lastPart);
        const prepared = await prepareMarks(current, rest, t, actions, { signal, yieldToPage });
        const topPrepared = await prepareMarks(current, top, t, actions, { signal });
        if (signal.aborted) return analysis;
        placed = await insertMarks(prepared, { signal, yieldToPage });
        for (const mark of firstScreen.marks) mark.remove();
        placed += await insertMarks(topPrepared);
      } else {
        placed = await placeMarks(current, planned, t, actions, { signal, yieldToPage });
        performance.mark(MARKS_PLACED_MARK, { detail: { marks: placed, firstScreen: false } });
      }
      performance.mark(ALL_MARKS_PLACED_MARK, { detail: { marks: placed } });
      analysed = { url: location.href, text: current.text };
      lastRead = { url: location.href, reading, disclosures };
    } else again = true;
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    return analysis;
  }

  /**
   * The top of a long page read, analysed and marked on its own, before the whole page (see first-screen): its
   * text is analysed as an addition to the page (the whole reading then replaces it). Returns the marks placed and
   * the last part read, or undefined when the page is short or its top changed meanwhile.
   */
  async function markFirstScreen(
    body: HTMLElement,
    settings: Awaited<ReturnType<typeof readMarkSettings>>,
    parts = firstScreenParts(body),
  ): Promise<FirstScreen | undefined> {
    const lastPart = parts?.[parts.length - 1];
    if (!parts || !lastPart) return undefined;
    const top = firstScreenText(parts);
    if (!top.text.trim()) return undefined;
    const reading = (await reader).readTop(document, location.href, top.text);
    const analysis = await sendToBackground({ type: 'analyse-addition', url: location.href, text: top.text, reading });
    if (signal.aborted) return undefined;
    const current = firstScreenText(parts);
    if (current.text !== top.text) return undefined;
    const placed = await placeMarks(current, planMarks(analysis, t, settings), t, actions, { signal, yieldToPage });
    performance.mark(MARKS_PLACED_MARK, { detail: { marks: placed, firstScreen: true } });
    // The marks just placed: inside the parts, or right after a part that is itself a link or a control.
    const marks = parts.flatMap((part) => {
      const found = Array.from(part.querySelectorAll(MARK_TAG));
      for (let next = part.nextElementSibling; next?.localName === MARK_TAG; next = next.nextElementSibling) found.push(next);
      return found;
    });
    return { marks, lastPart };
  }

  /**
   * Reads the changed parts on their own: each part's marks are taken out, its text analysed (against the notice
   * as read now) and marked again; the background adds what it finds to the page's findings. Anything that does
   * not fit (the notice lost something, a part changed while it was read) is left to a whole reading.
   */
  async function readParts(parts: readonly Element[]): Promise<void> {
    queuedParts.push(...parts);
    if (running) return; // read when the reading under way ends
    if (!lastRead) return void rescan();
    const previous = lastRead;
    const taken = outermost(queuedParts.filter((part) => part.isConnected));
    queuedParts = [];
    partsBeingRead = taken;
    running = (async () => {
      await whenVisible(signal);
      const reading = await (await reader).read(document, location.href);
      if (signal.aborted || location.href !== previous.url || !readingKeeps(previous.reading, reading)) {
        again = true;
        return undefined;
      }
      const settings = await readMarkSettings();
      for (const part of taken) {
        if (!part.isConnected || signal.aborted) continue;
        removeMarks(part);
        const partText = await extractPageTextInSlices(part, { signal });
        if (!partText.text.trim()) continue;
        const analysis = await sendToBackground({ type: 'analyse-addition', url: location.href, text: partText.text, reading });
        const current = await extractPageTextInSlices(part, { signal });
        if (current.text !== partText.text) {
          again = true;
          break;
        }
        changes.noteReading(current, analysis);
        const planned = planMarks(analysis, t, { ...settings, disclosedSuppliers: previous.disclosures.map((d) => d.supplier) });
        await placeMarks(current, addDisclosuresToMarks(planned, previous.disclosures, t), t, actions, { signal, yieldToPage });
      }
      lastRead = { ...previous, reading };
      analysed = undefined;
      return undefined;
    })()
      .catch((error: unknown) => {
        console.warn('TenderLens could not read the changed part of this page:', error);
        again = true;
        return undefined;
      })
      .finally(() => {
        running = undefined;
        partsBeingRead = [];
        afterReading();
      });
    await running;
  }

  /** What waited for the reading that just ended: a whole reading, or the parts changed meanwhile. */
  function afterReading(): void {
    if (signal.aborted) return;
    if (again) {
      again = false;
      void rescan();
    } else if (queuedParts.length > 0) void readParts([]);
  }

  async function rescan(): Promise<PageAnalysis | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: PageAnalysis | undefined;
      await whenVisible(signal);
      do {
        again = false;
        result = await annotateOnce().catch((error: unknown) => {
          console.warn('TenderLens could not annotate this page:', error);
          return undefined;
        });
      } while (again && !signal.aborted);
      return result;
    })().finally(() => {
      running = undefined;
      afterReading();
    });
    return running;
  }

  const onMessage = (message: unknown) => {
    if ((message as { type?: string })?.type === 'tenderlens-reannotate') void rescan();
  };
  browser.runtime.onMessage.addListener(onMessage);
  const stopWatchingSettings = watchMarkSettings(() => void rescan());
  const stop = () => {
    stopWatchingSettings();
    closeCard({ returnFocus: false });
    observer.disconnect();
    clearTimeout(timer);
    browser.runtime.onMessage.removeListener(onMessage);
    removeMarks(document);
  };
  signal.addEventListener('abort', stop, { once: true });
  // The top of a long page, marked while the rest of it is still parsed; the whole reading waits for the DOM.
  let topWhileLoading = document.readyState === 'loading' ? whileLoading() : undefined;
  void whenDomComplete(signal).then(() => rescan());
  return { rescan, stop };

  /**
   * While the parser runs: as soon as the page holds enough text for a first screen of its own (see first-screen),
   * that top is read, analysed and marked; resolves to what markFirstScreen gives, or to undefined when the DOM was
   * complete first (the page is short, or its top came late).
   */
  function whileLoading(): Promise<FirstScreen | undefined> {
    return new Promise((resolve) => {
      let checkQueued = false;
      // Once the DOM is complete the whole reading takes over: a look still queued then must not mark the top too.
      let complete = false;
      const check = () => {
        checkQueued = false;
        if (complete) return;
        const body = document.body;
        const parts = body && !signal.aborted ? firstScreenParts(body) : undefined;
        if (!body || !parts) return;
        parser.disconnect();
        resolve(whenVisible(signal).then(async () => markFirstScreen(body, await (settingsAtLoad ?? readMarkSettings()), parts)).catch(() => undefined));
      };
      // Each batch the parser adds: one look at the page, after the batch.
      const parser = new MutationObserver(() => {
        if (checkQueued) return;
        checkQueued = true;
        setTimeout(check, 0);
      });
      parser.observe(document, { childList: true, subtree: true });
      void whenDomComplete(signal).then(() => {
        complete = true;
        parser.disconnect();
        resolve(undefined);
      });
    });
  }
}

type FirstScreen = { marks: Element[]; lastPart: Element };

/** Resolves once the page's DOM is complete (DOMContentLoaded), at once when it already is or when `signal` aborts. */
function whenDomComplete(signal: AbortSignal): Promise<void> {
  if (document.readyState !== 'loading' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Mutations made by our own marks (or inside them) do not trigger a rescan. */
function isOwnMutation(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest(MARK_TAG)) return true;
  return nodes.length > 0 && nodes.every((n) => n.nodeName.toLowerCase() === MARK_TAG);
}

/** The planned marks whose text lies up to the end of `lastPart` (the top of the page), and the others. */
function splitAtTop(pageText: PageText, planned: readonly PlannedMark[], lastPart: Element): [PlannedMark[], PlannedMark[]] {
  const top: PlannedMark[] = [];
  const rest: PlannedMark[] = [];
  for (const mark of planned) {
    const pieces = pageText.locate(mark.anchor.start, mark.anchor.end);
    const node = pieces[pieces.length - 1]?.node;
    const inTop = node !== undefined && (lastPart.contains(node) || (lastPart.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0);
    (inTop ? top : rest).push(mark);
  }
  return [top, rest];
}
