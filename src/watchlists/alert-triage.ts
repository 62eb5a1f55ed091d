// How the user sorts alerts (pure): an alert can be marked read, important or archived (archiving also reads it), and
// a link between an alert and an entity can be marked "not relevant" (a wrong link). That verdict is a decision kept
// by the item's link key and the entity, applied by the linker on every later read: the entity moves from the alert's
// links to the links set aside, so it is never re-linked, never counted unread, never notified, never exported.
import { safeHttpUrl } from '../core/safe-url';
import { normaliseItemUrl } from '../scanner/dedupe-items';

/** The user's marks on one alert. `read` unset: read once the supplier's alerts were all marked read after it came. */
export interface AlertTriage {
  read?: boolean;
  important?: boolean;
  archived?: boolean;
  /** When a mark last changed. */
  changedAt?: string;
}

export type TriageChange = Partial<Pick<AlertTriage, 'read' | 'important' | 'archived'>>;

/** "This item is not about this entity": the user's decision on one link, kept after the alert itself is gone. */
export interface NotRelevantDecision {
  /** `${linkKey}|${entityId}`. */
  id: string;
  /** The item's link as every feed's copy of it shares it (see alertLinkKey). */
  linkKey: string;
  entityId: string;
  /** The entity's name when the decision was taken (the entity may leave the lists later). */
  entityName: string;
  alertTitle: string;
  alertUrl?: string;
  decidedAt: string;
  /** Who decided: the user of this browser. */
  decidedBy: 'you';
}

/** The key an item shares with every copy of it (same page, whatever the feed); its own id when it has no web link. */
export function alertLinkKey(alert: { id: string; url: string }): string {
  const url = safeHttpUrl(alert.url);
  return url ? normaliseItemUrl(url) : alert.id;
}

export function notRelevantDecisionId(linkKey: string, entityId: string): string {
  return `${linkKey}|${entityId}`;
}

/** The decisions as the linker looks them up: by link key, the entity ids set aside there. */
export function notRelevantIndex(decisions: readonly Pick<NotRelevantDecision, 'linkKey' | 'entityId'>[]): ReadonlyMap<string, ReadonlySet<string>> {
  const index = new Map<string, Set<string>>();
  for (const d of decisions) index.set(d.linkKey, (index.get(d.linkKey) ?? new Set()).add(d.entityId));
  return index;
}

export interface LinksOfAlert {
  id: string;
  url: string;
  entityIds: string[];
  notRelevantEntityIds?: string[];
  confidence?: 'high' | 'review';
  mentions?: readonly { entityId: string; confidence: 'high' | 'review' }[];
}

/**
 * The alert with the user's "not relevant" decisions applied: each entity decided on at its link moves from
 * `entityIds` to `notRelevantEntityIds`, and every entity no longer decided on is linked again (an undone decision);
 * the alert's confidence is that of the links it keeps.
 */
export function applyNotRelevant<T extends LinksOfAlert>(alert: T, index: ReadonlyMap<string, ReadonlySet<string>>): T {
  const setAside = index.get(alertLinkKey(alert)) ?? new Set<string>();
  const all = [...alert.entityIds, ...(alert.notRelevantEntityIds ?? [])];
  const entityIds = [...new Set(all.filter((id) => !setAside.has(id)))];
  const notRelevantEntityIds = [...new Set(all.filter((id) => setAside.has(id)))];
  const applied = { ...alert, entityIds, notRelevantEntityIds };
  // How sure the alert is: of the links it keeps (a sure link set aside no longer makes it sure).
  if (alert.mentions && entityIds.length > 0) applied.confidence = alert.mentions.some((m) => m.confidence === 'high' && entityIds.includes(m.entityId)) ? 'high' : 'review';
  return applied;
}

/** A triage change: archiving reads the alert (an archived alert is not waiting for anyone). */
export function changeTriage(current: AlertTriage | undefined, change: TriageChange, now: Date): AlertTriage {
  const next: AlertTriage = { ...current, ...change, changedAt: now.toISOString() };
  if (change.archived) next.read = true;
  return next;
}

/**
 * Whether an alert is read: as the user marked it, else read when every follow of its suppliers was marked read
 * after it was first seen (`readAts`: those follows' read times; none: nobody follows it, so nobody read it).
 */
export function isAlertRead(alert: { firstSeenAt: string; triage?: AlertTriage }, readAts: readonly string[]): boolean {
  if (alert.triage?.read !== undefined) return alert.triage.read;
  return readAts.length > 0 && readAts.every((readAt) => alert.firstSeenAt <= readAt);
}
