// The content script's job, start to finish: read the notice and the visible text, ask the background for
// findings, mark them in place, and do it again (debounced) when a single-page portal changes its content,
// at once when it navigates in-page, or when the user decides on a match or changes the marks' settings. Nothing is
// done in a hidden tab, and a content change that leaves the page's text as it was is not read again.
import { LiveNoticeReader } from '../adapters/read-notice-live';
import { switchedOffAdapters } from '../extension/adapter-switches';
import shippedSwitches from '../../public/adapter-switches.json';
import { extractPageTextInSlices, yieldToPage } from '../page-text/extract';
import type { Finding, PageAnalysis } from '../core/types';
import { sendToBackground } from '../extension/messages';
import { addDisclosuresToMarks, fetchSupplierDisclosures } from './card-disclosure';
import { browser } from '../extension/browser';
import { t as translate } from '../ui/i18n';
import { MARK_TAG, type MarkActions, type Translate } from './mark-element';
import type { DecisionChoice } from './card-content';
import { planMarks } from './plan-marks';
import { placeMarks, removeMarks } from './place-marks';
import { closeCard } from './card-controller';
import { readMarkSettings, saveMarkSettings, watchMarkSettings } from './mark-settings';
import { watchNavigation, whenVisible } from './navigation-watch';

const RESCAN_DELAY_MS = 800;

export interface AnnotatorHandle {
  rescan(): Promise<PageAnalysis | undefined>;
  stop(): void;
}

export function startAnnotator(signal: AbortSignal): AnnotatorHandle {
  const t: Translate = translate;
  let running: Promise<PageAnalysis | undefined> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Readers switched off by the maintainers' list are passed over; notice data behind a page is fetched once.
  const reader = switchedOffAdapters(browser.storage.local as never, shippedSwitches)
    .catch(() => new Set<string>())
    .then((switchedOff) => new LiveNoticeReader({ fetch: (input, init) => fetch(input, init), xmlParser: new DOMParser(), switchedOff }));

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
  const navigation = watchNavigation(() => {
    clearTimeout(timer);
    analysed = undefined;
    void rescan();
  }, signal);
  const observer = new MutationObserver((records) => {
    if (records.every(isOwnMutation)) return;
    navigation.checkAddress();
    clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
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
    closeCard({ returnFocus: false });
    removeMarks(body);
    const settings = await readMarkSettings();
    // The notice is read in a task of its own, apart from the page's tasks and from the sliced text reading.
    await yieldToPage();
    const reading = await (await reader).read(document, location.href);
    if (signal.aborted) return undefined;
    await yieldToPage();
    const pageText = await extractPageTextInSlices(body, { signal });
    const analysis = await sendToBackground({ type: 'analyse-page', url: location.href, text: pageText.text, reading });
    const disclosures = await fetchSupplierDisclosures(reading);
    if (signal.aborted) return analysis;
    // The page may have changed while the background worked: only mark text that is still the same.
    const current = await extractPageTextInSlices(body, { signal });
    if (current.text === pageText.text) {
      placeMarks(current, addDisclosuresToMarks(planMarks(analysis, t, { ...settings, disclosedSuppliers: disclosures.map((d) => d.supplier) }), disclosures, t), t, actions);
      analysed = { url: location.href, text: current.text };
    } else again = true;
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    return analysis;
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
    })().finally(() => (running = undefined));
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
  void rescan();
  return { rescan, stop };
}

/** Mutations made by our own marks (or inside them) do not trigger a rescan. */
function isOwnMutation(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest(MARK_TAG)) return true;
  return nodes.length > 0 && nodes.every((n) => n.nodeName.toLowerCase() === MARK_TAG);
}
