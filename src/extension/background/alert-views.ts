// Turns stored alerts into what the popup and the side panel list: each alert with the names of the known entities
// it names (an entity no longer in the knowledge base is left out, and an alert left naming none is not shown),
// the confidence and reason of each link, its feed, and whether it concerns an entity found on the current page.
// Ordered: alerts about the page first, then newest first (publication date, else when first seen).
// Several feeds at one link: the same story (same title and text) is listed once, "also reported by" the others;
// a different story at the same link is listed on its own, each naming the other as related.
// Each alert carries the user's marks (read, important, archived), the links the user marked "not relevant" with
// that decision, and its entities' names once each (two lists can name one company under two ids).
import type { Source } from '../../core/types';
import { safeHttpUrl } from '../../core/safe-url';
import { withoutTracking } from '../../core/decisions';
import type { AlertRow } from '../../kb/db';
import type { AlertEntityView, AlertView } from '../messages';
import { alertLinkKey, isAlertRead, notRelevantDecisionId, type NotRelevantDecision } from '../../watchlists/alert-triage';

/** Names as a reader tells them apart: case, spacing and Unicode form evened out. */
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Each name once, in order: "Hetian Haolin …" linked under two lists' ids is one name to read. */
export function namesOnce(entities: readonly { name: string }[]): string[] {
  const names = new Map<string, string>();
  for (const { name } of entities) if (!names.has(nameKey(name))) names.set(nameKey(name), name);
  return [...names.values()];
}

export interface AlertViewContext {
  entityNames: ReadonlyMap<string, string>;
  /** Every stored alert at the links of the rows, from any feed (see alertsAtLinks). */
  sameLink?: readonly AlertRow[];
  sources: ReadonlyMap<string, Source>;
  pageEntityIds: ReadonlySet<string>;
  /** The read times of each followed entity's follows (see isAlertRead). */
  readAts?: ReadonlyMap<string, readonly string[]>;
  /** The user's "not relevant" decisions, by id. */
  notRelevant?: ReadonlyMap<string, NotRelevantDecision>;
  limit: number;
}

function entityViews(alert: AlertRow, context: AlertViewContext): AlertEntityView[] {
  const views: AlertEntityView[] = [];
  for (const entityId of alert.entityIds) {
    const name = context.entityNames.get(entityId);
    if (name === undefined) continue;
    const mentions = alert.mentions.filter((m) => m.entityId === entityId);
    const best = mentions.find((m) => m.confidence === 'high') ?? mentions[0];
    views.push({
      id: entityId,
      name,
      confidence: best?.confidence ?? 'review',
      reason: best?.reason ?? '',
      onPage: context.pageEntityIds.has(entityId),
    });
  }
  return views;
}

function notRelevantViews(alert: AlertRow, context: AlertViewContext): Pick<AlertView, 'notRelevant'> {
  const views = (alert.notRelevantEntityIds ?? []).flatMap((entityId) => {
    const decision = context.notRelevant?.get(notRelevantDecisionId(alertLinkKey(alert), entityId));
    return decision ? [{ entityId, name: context.entityNames.get(entityId) ?? decision.entityName, decision }] : [];
  });
  return views.length ? { notRelevant: views } : {};
}

/** Two items tell the same story when their titles and texts agree, whatever the spacing and case. */
function storyKey(alert: Pick<AlertRow, 'title' | 'summary'>): string {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${fold(alert.title)}\n${fold(alert.summary)}`;
}

function sourceTitle(alert: AlertRow, context: AlertViewContext): string {
  return context.sources.get(alert.sourceId)?.title ?? alert.sourceId;
}

export function buildAlertViews(rows: readonly AlertRow[], context: AlertViewContext): AlertView[] {
  const views: AlertView[] = [];
  const byLink = new Map<string, AlertRow[]>();
  for (const row of [...rows, ...(context.sameLink ?? [])]) {
    if (!row.urlKey) continue;
    const group = byLink.get(row.urlKey) ?? [];
    if (!group.some((a) => a.id === row.id)) group.push(row);
    byLink.set(row.urlKey, group);
  }
  const shownStories = new Set<string>();
  for (const alert of rows) {
    const entities = entityViews(alert, context);
    if (entities.length === 0) continue;
    const others = (alert.urlKey ? byLink.get(alert.urlKey) ?? [] : []).filter((a) => a.sourceId !== alert.sourceId);
    const story = `${alert.urlKey}\n${storyKey(alert)}`;
    if (alert.urlKey && shownStories.has(story)) continue; // listed already, under the feed that reported it first
    if (alert.urlKey) shownStories.add(story);
    const sameStory = others.filter((a) => storyKey(a) === storyKey(alert));
    const otherStories = others.filter((a) => storyKey(a) !== storyKey(alert));
    const safe = safeHttpUrl(alert.url);
    const url = safe ? withoutTracking(safe) : undefined;
    views.push({
      id: alert.id,
      title: alert.title,
      ...(url ? { url } : {}),
      ...(alert.published ? { published: alert.published } : {}),
      firstSeenAt: alert.firstSeenAt,
      sourceTitle: sourceTitle(alert, context),
      ...(sameStory.length ? { alsoReportedBy: [...new Set(sameStory.map((a) => sourceTitle(a, context)))] } : {}),
      ...(otherStories.length ? { related: otherStories.map((a) => ({ id: a.id, title: a.title, sourceTitle: sourceTitle(a, context) })) } : {}),
      confidence: entities.some((e) => e.confidence === 'high') ? 'high' : 'review',
      entities,
      names: namesOnce(entities),
      onPage: entities.some((e) => e.onPage),
      read: isAlertRead(alert, alert.entityIds.flatMap((id) => context.readAts?.get(id) ?? [])),
      important: alert.triage?.important === true,
      archived: alert.triage?.archived === true,
      ...notRelevantViews(alert, context),
    });
  }
  const when = (v: AlertView) => v.published ?? v.firstSeenAt;
  views.sort((a, b) => Number(b.onPage) - Number(a.onPage) || (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0));
  return views.slice(0, context.limit);
}
