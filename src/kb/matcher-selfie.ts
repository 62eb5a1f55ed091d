// The compiled matcher saved in the knowledge base ("selfie"), tagged with the knowledge-base revision it was
// compiled from. Whoever changes the lists (the options page after an import or a removal) compiles and saves it, so
// the background only loads it: pages keep the previous matcher until the new one is ready.
import { compileMatcher, loadMatcher, serializeMatcher, type CompiledMatcher } from '../matcher';
import { fromEntityRow, type KnowledgeDb } from './db';
import { knowledgeRevision } from './lists';

export const MATCHER_KEY = 'matcherSelfie';

export interface MatcherSelfie {
  revision: number;
  bytes: Uint8Array;
}

export async function readMatcherSelfie(db: KnowledgeDb): Promise<MatcherSelfie | undefined> {
  const value = (await db.meta.get(MATCHER_KEY))?.value as MatcherSelfie | undefined;
  return value && typeof value.revision === 'number' ? value : undefined;
}

/** A saved matcher in an older format, or damaged, is not an error: it is compiled again. */
export function loadSavedMatcher(bytes: unknown): CompiledMatcher | undefined {
  try {
    return loadMatcher(bytes as Uint8Array);
  } catch (error) {
    console.warn('TenderLens: the saved matcher cannot be used, compiling again:', error instanceof Error ? error.message : error);
    return undefined;
  }
}

/** Compiles every entity of the knowledge base at its current revision and saves the result. */
export async function compileAndSaveMatcher(db: KnowledgeDb): Promise<{ revision: number; compiled: CompiledMatcher }> {
  const revision = await knowledgeRevision(db);
  const entities = (await db.entities.toArray()).map(fromEntityRow);
  const compiled = compileMatcher(entities);
  // Saved only if no other change landed meanwhile: a selfie always describes the revision it names.
  await db.transaction('rw', db.meta, async () => {
    if ((await knowledgeRevision(db)) === revision) await db.meta.put({ key: MATCHER_KEY, value: { revision, bytes: serializeMatcher(compiled) } satisfies MatcherSelfie });
  });
  return { revision, compiled };
}
