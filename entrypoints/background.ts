// Background: owns the knowledge base, the matcher and the feed subscriptions, answers the content script and the
// extension pages, and reads the due feeds when the alarm fires. Listeners are registered synchronously at start-up,
// as a Manifest V3 worker requires.
import type { DefaultData } from '@/src/core/types';
import type { Runtime } from 'webextension-polyfill';
import { browser } from '@/src/extension/browser';
import { ALERTS_CHANGED, errorEnvelope, KNOWLEDGE_CHANGED, type Envelope, type Reply, type Request } from '@/src/extension/messages';
import { KnowledgeService } from '@/src/extension/background/knowledge-service';
import { DEFAULT_DATA_PATH, DEFAULT_DATA_STAMP_PATH } from '@/src/data/default-data-location';
import { forgetTab, readTabAnalysis, saveTabAnalysis } from '@/src/extension/background/tab-state';
import { addToAnalysis } from '@/src/core/add-to-analysis';
import { knowledgeStatus } from '@/src/extension/background/status';
import { FeedService } from '@/src/extension/background/feed-service';
import { ensureFeedAlarm, FEED_ALARM } from '@/src/extension/background/feed-alarm';
import { permissionCheckedFetch, releaseFeedPermission } from '@/src/extension/feed-permissions';
import { disclosuresForSuppliers, runBidderCheck } from '@/src/extension/background/bidder-check-service';
import { interfaceReportWords } from '@/src/ui/bidder-report-words';
import { isListRequest, isWatchlistRequest } from '@/src/extension/watch-messages';
import { WatchService } from '@/src/extension/background/watch-service';
import { notRelevantForLinking } from '@/src/watchlists/alert-triage-store';
import { ListService } from '@/src/extension/background/list-service';
import { SWITCHES_ALARM } from '@/src/extension/adapter-switches';
import { ensureSwitchesAlarm, refreshSwitchesNow } from '@/src/extension/background/switches-refresh';
import { keepSupplierSiteScriptsRegistered } from '@/src/extension/background/supplier-site-scripts';

export default defineBackground(() => {
  const knowledge = new KnowledgeService(async () => {
    const response = await fetch(browser.runtime.getURL(DEFAULT_DATA_PATH));
    if (!response.ok) throw new Error(`The shipped default data could not be read (HTTP ${response.status}).`);
    return (await response.json()) as DefaultData;
  }, undefined, {
    // Outlives a deleted IndexedDB, so that a knowledge base found empty is known to have been lost.
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  }, undefined, async () => {
    const response = await fetch(browser.runtime.getURL(DEFAULT_DATA_STAMP_PATH));
    const stamp = response.ok ? ((await response.json()) as { builtFrom?: unknown }).builtFrom : undefined;
    return typeof stamp === 'string' ? stamp : undefined;
  });
  const feeds = new FeedService({
    db: knowledge.db,
    linking: async () => ({ matcher: await knowledge.freshMatcher(), decisions: await knowledge.db.decisions.toArray(), notRelevant: await notRelevantForLinking(knowledge.db) }),
    fetch: permissionCheckedFetch((input, init) => fetch(input, init)),
    hostGranted: (url) => browser.permissions.contains({ origins: [`${url.protocol}//${url.hostname}/*`] }),
  });

  const watch = new WatchService(knowledge.db);
  const lists = new ListService(knowledge.db, permissionCheckedFetch((input, init) => fetch(input, init)), () => announceAlerts(undefined));

  async function handle(request: Request, sender: { tab?: { id?: number } }): Promise<Reply<Request>> {
    if (isListRequest(request)) return lists.handle(request);
    if (isWatchlistRequest(request)) return watch.handle(request);
    switch (request.type) {
      case 'prepare-analysis':
        await knowledge.prepareAnalysis();
        return true;
      case 'analyse-page': {
        // A supplier's disclosures are extras: the findings come back even when they cannot be read.
        const [analysis, disclosures] = await Promise.all([
          knowledge.analysePage(request),
          disclosuresForSuppliers(knowledge, [...new Set(request.reading.suppliers.map((s) => s.name))]).catch(() => []),
        ]);
        // The page gets its answer first; the tab's copy (for the popup, and the badge) is written just after, as
        // copying it into storage would hold the answer back. Storage calls run in order, so a later read finds it.
        const tabId = sender.tab?.id;
        if (tabId !== undefined) {
          setTimeout(() => void saveTabAnalysis(tabId, analysis).catch((error: unknown) => console.warn('TenderLens: the tab\'s analysis could not be kept:', error)), 0);
        }
        return { analysis, disclosures };
      }
      case 'analyse-addition': {
        const analysis = await knowledge.analysePage(request);
        const tabId = sender.tab?.id;
        const page = tabId === undefined ? null : await readTabAnalysis(tabId);
        if (tabId !== undefined) await saveTabAnalysis(tabId, page?.url === request.url ? addToAnalysis(page, analysis) : analysis);
        return analysis;
      }
      case 'get-tab-analysis':
        return readTabAnalysis(request.tabId);
      case 'record-decision': {
        const decision = await knowledge.recordDecision(request.decision);
        void reannotateOpenTabs();
        return decision;
      }
      case 'remove-decision':
        await knowledge.db.decisions.delete(request.id);
        void reannotateOpenTabs();
        return true;
      case 'list-decisions':
        // Newest first.
        return (await knowledge.db.decisions.toArray()).sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0));
      case 'knowledge-changed':
        await knowledge.knowledgeChanged();
        void reannotateOpenTabs();
        return true;
      case 'knowledge-status':
        await knowledge.whenReady();
        return knowledgeStatus(knowledge.db);
      case 'list-feeds':
        return feeds.subscriptions();
      case 'add-feed':
        return feeds.subscribe(request.url).then(announceAlerts, async (error: unknown) => {
          // Nothing was added: the permission asked for this feed's site goes back unless another feed needs it.
          await releaseFeedPermission(request.url, (await feeds.subscriptions()).map((s) => s.url)).catch(() => undefined);
          throw error;
        });
      case 'remove-feed': {
        const removed = (await feeds.subscriptions()).find((s) => s.sourceId === request.sourceId);
        await feeds.unsubscribe(request.sourceId);
        if (removed) await releaseFeedPermission(removed.url, (await feeds.subscriptions()).map((s) => s.url));
        return true;
      }
      case 'refresh-feeds':
        return feeds
          .refresh({ force: true, ...(request.sourceId ? { sourceId: request.sourceId } : {}), ...(request.relink ? { relink: true } : {}) })
          .then(announceAlerts);
      case 'list-alerts':
        await knowledge.whenReady();
        return feeds.alerts(request.pageEntityIds ?? [], undefined, { archived: request.archived === true });
      case 'check-bidders':
        return runBidderCheck(knowledge, request.bidders, request.asOf, interfaceReportWords());
    }
  }

  /**
   * Every open tab reads its page again with the knowledge base as it is now (its marks, its badge and, through the
   * stored analysis, the side panel follow), and open extension pages are told; tabs without TenderLens ignore it.
   */
  async function reannotateOpenTabs(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type: 'tenderlens-reannotate' }).catch(() => undefined))),
    );
    browser.runtime.sendMessage({ type: KNOWLEDGE_CHANGED }).catch(() => undefined);
  }
  knowledge.onMatcherReplaced = () => void reannotateOpenTabs();

  /** Lets an open popup or side panel list the alerts again; nobody listening is fine. */
  function announceAlerts<T>(result: T): T {
    browser.runtime.sendMessage({ type: ALERTS_CHANGED }).catch(() => undefined);
    void watch.afterAlerts().catch((e: unknown) => console.error('TenderLens: notifications failed:', e));
    return result;
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const request = message as Request;
    if (!request || typeof request !== 'object' || typeof request.type !== 'string') return undefined;
    // A native Promise, not Dexie's: Chromium closes the port on anything else.
    return (async (): Promise<Envelope<unknown>> => {
      try {
        return { ok: true, value: await handle(request, sender) };
      } catch (error) {
        console.error('TenderLens:', error);
        return errorEnvelope(error);
      }
    })();
  });

  keepSupplierSiteScriptsRegistered();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A page (re)loading is not the page that was read: its analysis goes until the content script reads it again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void watch.onAlarm(alarm.name).catch((e: unknown) => console.error('TenderLens: the digest failed:', e));
    void lists.onAlarm(alarm.name).catch((e: unknown) => console.error('TenderLens: list refresh failed:', e));
    if (alarm.name === SWITCHES_ALARM) void refreshSwitchesNow().catch((e: unknown) => console.error('TenderLens:', e));
    if (alarm.name !== FEED_ALARM) return;
    void feeds
      .refresh()
      .then(announceAlerts)
      .catch((e: unknown) => console.error('TenderLens: feed refresh failed:', e));
  });
  void watch.ensureDigestAlarm().catch((e: unknown) => console.error('TenderLens: the digest alarm could not be set:', e));
  void knowledge.whenReady().then(() => lists.start()).catch((e: unknown) => console.error('TenderLens: list refresh failed:', e));
  // A read the browser cut short when it last stopped this worker is recorded as interrupted, then read again.
  void feeds
    .recoverInterruptedReads()
    .then((interrupted) => (interrupted > 0 ? feeds.refresh().then(announceAlerts) : undefined))
    .catch((e: unknown) => console.error('TenderLens: interrupted feed reads could not be recorded:', e));
  void ensureFeedAlarm().catch((e: unknown) => console.error('TenderLens: the feed alarm could not be set:', e));
  void ensureSwitchesAlarm().catch((e: unknown) => console.error('TenderLens: the reader-switches alarm could not be set:', e));
  browser.runtime.onStartup.addListener(() => void refreshSwitchesNow().catch(() => undefined));
  // A new build may compile names differently: its first analysis compiles afresh.
  browser.runtime.onInstalled.addListener(() => {
    void refreshSwitchesNow().catch(() => undefined);
    void knowledge
      .whenReady()
      .then(() => knowledge.forgetSavedMatcher())
      .catch((e: unknown) => console.error('TenderLens:', e));
  });
});
