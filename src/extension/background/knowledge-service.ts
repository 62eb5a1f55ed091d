// The background's view of the knowledge base: opens Dexie, installs the shipped defaults on first run,
// keeps a compiled matcher (loaded from its saved serialised form on wake, recompiled only when the
// knowledge base changed), and answers page analyses.
import type { DefaultData, Decision, PageAnalysis } from '../../core/types';
import { buildPageAnalysis, findPageMentions, mentionedEntityIds, type PageInput } from '../../core/analyse-page';
import { compileMatcher, loadMatcher, normaliseName, serializeMatcher, type CompiledMatcher } from '../../matcher';
import { fromEntityRow, openKnowledgeDb, type KnowledgeDb } from '../../kb/db';
import { installDefaultData, knowledgeRevision } from '../../kb/lists';
import { riskCategoriesForCpv } from '../../core/cpv';

const MATCHER_KEY = 'matcherSelfie';

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
  ) {
    this.db = db;
  }

  /** Installs the defaults once per build; later calls reuse the same promise. */
  whenReady(): Promise<void> {
    this.ready ??= this.fetchDefaults()
      .then((data) => installDefaultData(this.db, data))
      .then(() => undefined)
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
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
