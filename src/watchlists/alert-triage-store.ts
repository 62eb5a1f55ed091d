// The user's triage of alerts in the knowledge base: marks (read, important, archived) on an alert and on the other
// feeds' copies of the same story; "not relevant" decisions on a link between an item and an entity, applied at once
// to every stored copy of the item and kept for every later read (see alert-triage), listed, and undone.
import type { AlertRow, KnowledgeDb } from '../kb/db';
import { storyTitleKey } from '../scanner/dedupe-items';
import { alertLinkKey, applyNotRelevant, changeTriage, notRelevantDecisionId, notRelevantIndex, type NotRelevantDecision, type TriageChange } from './alert-triage';

export class TriageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriageError';
  }
}

async function alertOrFail(db: KnowledgeDb, alertId: string): Promise<AlertRow> {
  const alert = await db.alerts.get(alertId);
  if (!alert) throw new TriageError('That alert is no longer stored (its feed was removed, or it was among the oldest and made room).');
  return alert;
}

/** Every stored copy of an item: the alerts at its link (any feed), or the alert itself when it has no web link. */
async function copiesAt(db: KnowledgeDb, linkKey: string): Promise<AlertRow[]> {
  const atLink = await db.alerts.where('urlKey').equals(linkKey).toArray();
  if (atLink.length) return atLink;
  const alone = await db.alerts.get(linkKey);
  return alone ? [alone] : [];
}

/** Marks an alert (and the same story read in other feeds, listed as one) read or unread, important, archived. */
export async function setAlertTriage(db: KnowledgeDb, alertId: string, change: TriageChange, now = new Date()): Promise<AlertRow> {
  return db.transaction('rw', db.alerts, async () => {
    const alert = await alertOrFail(db, alertId);
    const sameStory = alert.urlKey ? (await db.alerts.where('urlKey').equals(alert.urlKey).toArray()).filter((a) => storyTitleKey(a.title) === storyTitleKey(alert.title)) : [alert];
    const updated = sameStory.map((a) => ({ ...a, triage: changeTriage(a.triage, change, now) }));
    await db.alerts.bulkPut(updated);
    return updated.find((a) => a.id === alertId)!;
  });
}

/** Applies the decisions taken at `linkKey` (as they are now) to every stored copy of that item. */
async function reapply(db: KnowledgeDb, linkKey: string): Promise<void> {
  const index = notRelevantIndex(await db.notRelevantDecisions.where('linkKey').equals(linkKey).toArray());
  const copies = await copiesAt(db, linkKey);
  await db.alerts.bulkPut(copies.map((a) => applyNotRelevant(a, index)));
}

/** The user says the item is not about this entity: kept as a decision, and the link set aside on every copy. */
export async function markNotRelevant(db: KnowledgeDb, alertId: string, entityId: string, now = new Date()): Promise<NotRelevantDecision> {
  return db.transaction('rw', [db.alerts, db.notRelevantDecisions, db.entities, db.follows], async () => {
    const alert = await alertOrFail(db, alertId);
    if (!alert.entityIds.includes(entityId) && !alert.notRelevantEntityIds?.includes(entityId)) throw new TriageError(`That alert is not linked to "${entityId}".`);
    const linkKey = alertLinkKey(alert);
    const entity = await db.entities.get(entityId);
    const followed = await db.follows.where('entityId').equals(entityId).first();
    const mention = alert.mentions.find((m) => m.entityId === entityId);
    const decision: NotRelevantDecision = {
      id: notRelevantDecisionId(linkKey, entityId),
      linkKey,
      entityId,
      entityName: entity?.name ?? followed?.entityName ?? mention?.matchedName ?? entityId,
      alertTitle: alert.title,
      ...(alert.url ? { alertUrl: alert.url } : {}),
      decidedAt: now.toISOString(),
      decidedBy: 'you',
    };
    await db.notRelevantDecisions.put(decision);
    await reapply(db, linkKey);
    return decision;
  });
}

/** Undoes a "not relevant" decision: the item is linked to the entity again, on every stored copy. */
export async function undoNotRelevant(db: KnowledgeDb, decisionId: string): Promise<void> {
  await db.transaction('rw', db.alerts, db.notRelevantDecisions, async () => {
    const decision = await db.notRelevantDecisions.get(decisionId);
    if (!decision) return;
    await db.notRelevantDecisions.delete(decisionId);
    await reapply(db, decision.linkKey);
  });
}

/** Every "not relevant" decision, newest first. */
export async function listNotRelevant(db: KnowledgeDb): Promise<NotRelevantDecision[]> {
  return (await db.notRelevantDecisions.orderBy('decidedAt').reverse().toArray());
}

/** The user's "not relevant" decisions, as the linker takes them (see notRelevantIndex). */
export async function notRelevantForLinking(db: KnowledgeDb): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  return notRelevantIndex(await db.notRelevantDecisions.toArray());
}
