// The background's view of the knowledge base: opens Dexie, installs the shipped defaults on first run (and again
// when the database was deleted under it: that is noted, never shown as an empty all-clear), keeps a compiled matcher
// (loaded from its saved serialised form on wake), and answers page analyses. When the lists change, pages keep the
// previous matcher until the new one is saved (the options page compiles it after an import or a removal); only with
// no matcher at all, or when nobody saved one in time, does it compile here.
import type { DefaultData, Decision, Flag, PageAnalysis } from '../../core/types';
import { buildPageAnalysis, findPageMentions, mentionedEntityIds, type PageInput } from '../../core/analyse-page';
import { decisionId, scopeKeyFor, type DecisionInput } from '../../core/decisions';
import { findMentions, type CompiledMatcher } from '../../matcher';
import { fromEntityRow, openKnowledgeDb, type KnowledgeDb } from '../../kb/db';
import { defaultDataInstalled, installDefaultData, installedDefaultsStamp, installedRevision, knowledgeRevision, recordKnowledgeLost } from '../../kb/lists';
import { compileAndSaveMatcher, loadSavedMatcher, MATCHER_KEY, readMatcherSelfie } from '../../kb/matcher-selfie';
import { riskCategoriesForCpv } from '../../core/cpv';
import { riskCategoriesForClassification } from '../../core/classification-risk';

/** How long pages use the previous matcher while waiting for the one the options page compiles, before compiling here. */
const COMPILE_FALLBACK_MS = 20_000;

/** A few lines in the shape of a notice, scanned once when a new matcher is loaded. */
const WARM_UP_TEXT = 'Contract award notice\nName and address of the contractor\nExample Trading Co., Ltd, Example Street 1, 1000 Example City\nLEI 5493001KJTIIGC8Y1R12, VAT GB123456789';

/** A small store outside IndexedDB (the extension's storage.local) that outlives a deleted database. */
export interface InstallMemory {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const INSTALLED_KEY = 'knowledgeInstalledAt';

function memoryInThisWorker(): InstallMemory {
  const values = new Map<string, unknown>();
  return { get: async (key) => values.get(key), set: async (key, value) => void values.set(key, value) };
}

interface MatcherSelfie {
  revision: number;
  bytes: Uint8Array;
}

export class KnowledgeService {
  readonly db: KnowledgeDb;
  private ready: Promise<void> | undefined;
  private matcher: { revision: number; compiled: CompiledMatcher } | undefined;
  private fallback: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<CompiledMatcher> | undefined;
  /** The matcher whose first (slow) scan has been run. */
  private warmed: CompiledMatcher | undefined;
  /** Called when a newer matcher replaced the one pages were using (the background re-annotates open tabs). */
  onMatcherReplaced: () => void = () => undefined;

  constructor(
    private readonly fetchDefaults: () => Promise<DefaultData>,
    db: KnowledgeDb = openKnowledgeDb(),
    private readonly memory: InstallMemory = memoryInThisWorker(),
    private readonly compileFallbackMs = COMPILE_FALLBACK_MS,
    /** The shipped data's `builtFrom`, read from its small stamp file: when the database holds it, the data is not read. */
    private readonly shippedStamp?: () => Promise<string | undefined>,
  ) {
    this.db = db;
  }

  /**
   * Installs the defaults once per build; later calls reuse the same promise, but check (one key read) that the
   * lists are still there: a database deleted under the worker is installed again, and the loss noted.
   */
  whenReady(): Promise<void> {
    const current = (this.ready ??= this.install());
    return current.then(async () => {
      if (await defaultDataInstalled(this.db)) return;
      if (this.ready === current) {
        this.matcher = undefined;
        this.ready = this.install();
      }
      await this.ready;
    });
  }

  /** The knowledge revision once the defaults are in: one read on the usual path (the check and the revision together). */
  private async readyRevision(): Promise<number> {
    await (this.ready ??= this.install());
    const revision = await installedRevision(this.db);
    if (revision !== undefined) return revision;
    await this.whenReady(); // the database was emptied under the worker: installed again
    return knowledgeRevision(this.db);
  }

  private install(): Promise<void> {
    const run = (async () => {
      // On a worker's wake the lists are usually in already: one key compared, the shipped data not read.
      const stamp = await this.shippedStamp?.().catch(() => undefined);
      if (stamp !== undefined && (await installedDefaultsStamp(this.db)) === stamp) return;
      const data = await this.fetchDefaults();
      const wasInstalled = (await this.memory.get(INSTALLED_KEY)) !== undefined;
      const lost = wasInstalled && !(await defaultDataInstalled(this.db));
      await installDefaultData(this.db, data);
      if (lost) {
        console.warn('TenderLens: the knowledge base was found empty; the shipped lists were installed again.');
        await recordKnowledgeLost(this.db, new Date());
      }
      await this.memory.set(INSTALLED_KEY, new Date().toISOString());
    })();
    return run.catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
  }

  /**
   * The matcher of the current revision, or, while that one is being compiled elsewhere, the previous one. Callers at
   * the same moment (a page's first screen and its whole reading, on a worker's wake) share one loading.
   */
  currentMatcher(): Promise<CompiledMatcher> {
    return (this.loading ??= this.matcherNow().finally(() => (this.loading = undefined)));
  }

  private async matcherNow(): Promise<CompiledMatcher> {
    const revision = await this.readyRevision();
    if (this.matcher?.revision === revision) return this.matcher.compiled;
    const selfie = await readMatcherSelfie(this.db);
    const newer = selfie && selfie.revision > (this.matcher?.revision ?? -1) ? loadSavedMatcher(selfie.bytes) : undefined;
    if (selfie && newer) this.matcher = { revision: selfie.revision, compiled: newer };
    if (this.matcher?.revision === revision) return this.matcher.compiled;
    if (this.matcher) {
      this.compileLater();
      return this.matcher.compiled;
    }
    this.matcher = await compileAndSaveMatcher(this.db);
    return this.matcher.compiled;
  }

  /**
   * The lists changed and (usually) the new matcher is saved: load it now and tell the pages. Without a saved one for
   * this revision, it is compiled here.
   */
  async knowledgeChanged(): Promise<void> {
    const revision = await this.readyRevision();
    if (this.matcher?.revision === revision) return;
    const selfie = await readMatcherSelfie(this.db);
    const loaded = selfie?.revision === revision ? loadSavedMatcher(selfie.bytes) : undefined;
    this.matcher = loaded ? { revision, compiled: loaded } : await compileAndSaveMatcher(this.db);
    this.warm(this.matcher.compiled); // here, not on the next page
    clearTimeout(this.fallback);
    this.fallback = undefined;
  }

  /**
   * Called as a page starts loading: the matcher a page analysis will use is loaded (on a worker's wake, from its
   * saved form) and its tables touched once, while the page still arrives.
   */
  async prepareAnalysis(): Promise<void> {
    this.warm(await this.currentMatcher());
  }

  /** A first scan with a newly loaded matcher is slow (its tables are touched for the first time): paid once, here. */
  private warm(matcher: CompiledMatcher): void {
    if (this.warmed === matcher) return;
    findMentions(matcher, WARM_UP_TEXT);
    this.warmed = matcher;
  }

  /** The matcher of the current revision, compiled here if need be: for work off the pages' critical path (feeds). */
  async freshMatcher(): Promise<CompiledMatcher> {
    await this.knowledgeChanged();
    return this.currentMatcher();
  }

  private compileLater(): void {
    if (this.fallback !== undefined) return;
    this.fallback = setTimeout(() => {
      this.fallback = undefined;
      void this.knowledgeChanged()
        .then(() => this.onMatcherReplaced())
        .catch((e: unknown) => console.error('TenderLens: the matcher could not be compiled:', e));
    }, this.compileFallbackMs);
  }

  /** Drops the saved matcher, so the next analysis compiles with this build's code (called on install and update). */
  async forgetSavedMatcher(): Promise<void> {
    this.matcher = undefined;
    await this.db.meta.delete(MATCHER_KEY);
  }

  async analysePage(page: PageInput, now = new Date()): Promise<PageAnalysis> {
    const [matcher, decisions] = await Promise.all([this.currentMatcher(), this.db.decisions.toArray()]);
    const mentions = findPageMentions(matcher, page, decisions);
    const ids = mentionedEntityIds(mentions);
    const codes = [...new Set(page.reading.cpv.map((c) => c.code8))];
    // One read-only transaction for all five reads (five would each pay IndexedDB's round trip).
    const [entities, flags, sources, categories, cpvRows] = await this.db.transaction('r', [this.db.entities, this.db.flags, this.db.sources, this.db.riskCategories, this.db.cpv], () =>
      Promise.all([
        this.db.entities.bulkGet(ids),
        // One index lookup per entity, all sent at once: an anyOf cursor would pay a round trip per step.
        Promise.all(ids.map((id) => this.db.flags.where('entityId').equals(id).toArray())).then((lists) => lists.flat()),
        this.db.sources.toArray(),
        this.db.riskCategories.toArray(),
        this.db.cpv.bulkGet(codes),
      ]),
    );
    // Only the statements behind the categories this page's codes (CPV, and UNSPSC, NAICS or PSC) fall in.
    const pageCategories = new Set([
      ...codes.flatMap((code) => riskCategoriesForCpv(code, categories)),
      ...(page.reading.classifications ?? []).flatMap((c) => riskCategoriesForClassification(c, categories).map((found) => found.category)),
    ]);
    const categoryFlagIds = [...new Set([...pageCategories].flatMap((c) => c.flagIds))];
    const categoryFlags = await this.db.flags.bulkGet(categoryFlagIds);
    const entityMap = new Map(entities.filter((e) => e !== undefined).map((e) => [e.id, fromEntityRow(e)]));
    const flagMap = new Map([...flags, ...categoryFlags.filter((f) => f !== undefined)].map((f) => [f.id, f]));
    const sourceMap = new Map(sources.map((s) => [s.id, s]));
    // Each entity's flags in the order read, looked up once per entity (a page can mention thousands).
    const flagsByEntity = new Map<string, Flag[]>();
    for (const f of flags) {
      if (f.entityId === undefined) continue;
      const list = flagsByEntity.get(f.entityId);
      if (list) list.push(f);
      else flagsByEntity.set(f.entityId, [f]);
    }
    const cpvMap = new Map(cpvRows.filter((c) => c !== undefined).map((c) => [c.code8, c.label]));
    return buildPageAnalysis(
      {
        entity: (id) => entityMap.get(id),
        flagsForEntity: (id) => flagsByEntity.get(id) ?? [],
        flag: (id) => flagMap.get(id),
        source: (id) => sourceMap.get(id),
        sources: () => sources,
        cpvLabel: (code8) => cpvMap.get(code8),
        riskCategories: categories,
      },
      page,
      mentions,
      now,
    );
  }

  /** Records a decision taken on the page at `pageUrl`, under the key of its scope; it replaces an earlier one on the same target. */
  async recordDecision({ pageUrl, ...input }: DecisionInput, now = new Date()): Promise<Decision> {
    const scopeKey = scopeKeyFor(input.scope, pageUrl);
    const entityName = input.entityName ?? (await this.db.entities.get(input.entityId))?.name;
    const decision: Decision = {
      ...input,
      ...(entityName ? { entityName } : {}),
      scopeKey,
      id: decisionId({ ...input, scopeKey }),
      decidedAt: now.toISOString(),
      decidedBy: 'you',
    };
    await this.db.decisions.put(decision);
    return decision;
  }
}
