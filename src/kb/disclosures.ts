// Disclosures in the knowledge base: a parsed file's contractors stored as their next versions (with the
// differences from the version before) in one transaction, the latest version per contractor, the user's decisions
// on facility links, and the column mappings the user made per file layout.
import type { SavedColumnMapping } from '../disclosures/columns';
import type { FacilityLinkDecision } from '../disclosures/match-facilities';
import type { Disclosure } from '../disclosures/types';
import { nextVersion, type DisclosureDiff } from '../disclosures/versions';
import type { KnowledgeDb } from './db';

export type DisclosureRow = Disclosure;
export type DisclosureDiffRow = DisclosureDiff & { id: string };

/** Stores each draft as its contractor's next version; returns the stored versions and their differences. */
export async function storeDisclosures(db: KnowledgeDb, drafts: readonly Disclosure[]): Promise<{ stored: Disclosure[]; diffs: DisclosureDiff[] }> {
  return db.transaction('rw', [db.disclosures, db.disclosureDiffs], async () => {
    const stored: Disclosure[] = [];
    const diffs: DisclosureDiff[] = [];
    for (const draft of drafts) {
      const earlier = await db.disclosures.where('supplierKey').equals(draft.supplierKey).toArray();
      // a facility list is kept once per file name: importing it again replaces it
      if (draft.kind === 'facility-list') {
        const same = earlier.find((d) => d.fileName === draft.fileName);
        const disclosure = { ...draft, version: same?.version ?? Math.max(0, ...earlier.map((d) => d.version)) + 1 };
        disclosure.id = `${draft.supplierKey}#${disclosure.version}`;
        await db.disclosures.put(disclosure);
        stored.push(disclosure);
        continue;
      }
      const { disclosure, diff } = nextVersion(draft, earlier);
      await db.disclosures.put(disclosure);
      if (diff) {
        await db.disclosureDiffs.put({ ...diff, id: `${diff.supplierKey}#${diff.toVersion}` });
        diffs.push(diff);
      }
      stored.push(disclosure);
    }
    return { stored, diffs };
  });
}

export async function allDisclosures(db: KnowledgeDb): Promise<Disclosure[]> {
  return db.disclosures.toArray();
}

/** The latest version of each contractor's disclosure, and every facility list. */
export async function latestDisclosures(db: KnowledgeDb): Promise<Disclosure[]> {
  const latest = new Map<string, Disclosure>();
  for (const d of await db.disclosures.toArray()) {
    const key = d.kind === 'facility-list' ? d.id : d.supplierKey;
    const prior = latest.get(key);
    if (!prior || d.version > prior.version) latest.set(key, d);
  }
  return [...latest.values()];
}

export async function removeDisclosureVersion(db: KnowledgeDb, id: string): Promise<void> {
  await db.transaction('rw', [db.disclosures, db.disclosureDiffs], async () => {
    await db.disclosures.delete(id);
    await db.disclosureDiffs.delete(id);
  });
}

export async function recordLinkDecision(db: KnowledgeDb, decision: Omit<FacilityLinkDecision, 'id' | 'decidedAt'>, now = new Date()): Promise<FacilityLinkDecision> {
  const row: FacilityLinkDecision = { ...decision, id: `${decision.facilityRef}|${decision.knownId}`, decidedAt: now.toISOString() };
  await db.facilityLinkDecisions.put(row);
  return row;
}

export async function saveColumnMapping(db: KnowledgeDb, mapping: SavedColumnMapping): Promise<void> {
  await db.columnMappings.put(mapping);
}

export async function columnMappingFor(db: KnowledgeDb, layoutKey: string): Promise<SavedColumnMapping | undefined> {
  return db.columnMappings.get(layoutKey);
}
