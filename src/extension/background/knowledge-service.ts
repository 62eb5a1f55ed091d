// The background's view of the knowledge base: opens Dexie, installs the shipped defaults on first run (and again
// when the database was deleted under it: that is noted, never shown as an empty all-clear),
// keeps a compiled matcher (loaded from its saved serialised form on wake, recompiled only when the
// knowledge base changed), and answers page analyses.
import type { DefaultData, Decision, PageAnalysis } from '../../core/types';
import { buildPageAnalysis, findPageMentions, mentionedEntityIds, type PageInput } from '../../core/analyse-page';
import { compileMatcher, loadMatcher, normaliseName, serializeMatcher, type CompiledMatcher } from '../../matcher';
import { fromEntityRow, openKnowledgeDb, type KnowledgeDb } from '../../kb/db';
import { defaultDataInstalled, installDefaultData, knowledgeRevision, recordKnowledgeLost } from '../../kb/lists';
import { riskCategoriesForCpv } from '../../core/cpv';

const MATCHER_KEY = 'matcherSelfie';

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

  constructor(
    private readonly fetchDefaults: () => Promise<DefaultData>,
    db: KnowledgeDb = openKnowledgeDb(),
    private readonly memory: InstallMemory = memoryInThisWorker(),
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

  private install(): Promise<void> {
    const run = (async () => {
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

  async currentMatcher(): Promise<CompiledMatcher> {
    await this.whenReady();
    const revision = await knowledgeRevision(this.db);
    if (this.matcher?.revision === revision) return this.matcher.compiled;
    const selfie = (await this.db.meta.get(MATCHER_KEY))?.value as MatcherSelfie | undefined;
    const compiled = (selfie?.revision === revision ? loadSavedMatcher(selfie.bytes) : undefined) ?? (await this.compileAndSave(revision));
    this.matcher = { revision, compiled };
    return compiled;
  }

  /** Drops the saved matcher, so the next analysis compiles with this build's code (called on install and update). */
  async forgetSavedMatcher(): Promise<void> {
    this.matcher = undefined;
    await this.db.meta.delete(MATCHER_KEY);
  }

  private async compileAndSave(revision: number): Promise<CompiledMatcher> {
    const entities = (await this.db.entities.toArray()).map(fromEntityRow);
    const compiled = compileMatcher(entities);
    await this.db.meta.put({ key: MATCHER_KEY, value: { revision, bytes: serializeMatcher(compiled) } satisfies MatcherSelfie });
    return compiled;
  }

  async analysePage(page: PageInput): Promise<PageAnalysis> {
    const matcher = await this.currentMatcher();
    const decisions = await this.db.decisions.toArray();
    const mentions = findPageMentions(matcher, page, decisions);
    const ids = mentionedEntityIds(mentions);
    const codes = [...new Set(page.reading.cpv.map((c) => c.code8))];
    const [entities, flags, sources, categories, cpvRows] = await Promise.all([
      this.db.entities.bulkGet(ids),
      ids.length ? this.db.flags.where('entityId').anyOf(ids).toArray() : Promise.resolve([]),
      this.db.sources.toArray(),
      this.db.riskCategories.toArray(),
      this.db.cpv.bulkGet(codes),
    ]);
    // Only the statements behind the categories this page's codes fall in.
    const pageCategories = new Set(codes.flatMap((code) => riskCategoriesForCpv(code, categories)));
    const categoryFlagIds = [...new Set([...pageCategories].flatMap((c) => c.flagIds))];
    const categoryFlags = await this.db.flags.bulkGet(categoryFlagIds);
    const entityMap = new Map(entities.filter((e) => e !== undefined).map((e) => [e.id, fromEntityRow(e)]));
    const flagMap = new Map([...flags, ...categoryFlags.filter((f) => f !== undefined)].map((f) => [f.id, f]));
    const sourceMap = new Map(sources.map((s) => [s.id, s]));
    const cpvMap = new Map(cpvRows.filter((c) => c !== undefined).map((c) => [c.code8, c.label]));
    return buildPageAnalysis(
      {
        entity: (id) => entityMap.get(id),
        flagsForEntity: (id) => flags.filter((f) => f.entityId === id),
        flag: (id) => flagMap.get(id),
        source: (id) => sourceMap.get(id),
        sources: () => sources,
        cpvLabel: (code8) => cpvMap.get(code8),
        riskCategories: categories,
      },
      page,
      mentions,
    );
  }

  async recordDecision(input: Omit<Decision, 'id' | 'decidedAt'>, now = new Date()): Promise<Decision> {
    const decision: Decision = {
      ...input,
      // One decision per mark target: a new verdict on the same text, entity and scope replaces the old one.
      id: `${input.scope}:${input.scopeKey}:${input.entityId}:${normaliseName(input.matchedText)}`,
      decidedAt: now.toISOString(),
    };
    await this.db.decisions.put(decision);
    return decision;
  }
}

/** A saved matcher in an older format, or damaged, is not an error: it is compiled again. */
function loadSavedMatcher(bytes: unknown): CompiledMatcher | undefined {
  try {
    return loadMatcher(bytes as Uint8Array);
  } catch (error) {
    console.warn('TenderLens: the saved matcher cannot be used, compiling again:', error instanceof Error ? error.message : error);
    return undefined;
  }
}
