// Turns stored alerts into what the popup and the side panel list: each alert with the names of the known entities
// it names (an entity no longer in the knowledge base is left out, and an alert left naming none is not shown),
// the confidence and reason of each link, its feed, and whether it concerns an entity found on the current page.
// Ordered: alerts about the page first, then newest first (publication date, else when first seen).
import type { Source } from '../../core/types';
import { safeHttpUrl } from '../../core/safe-url';
import { withoutTracking } from '../../core/decisions';
import type { AlertRow } from '../../kb/db';
import type { AlertEntityView, AlertView } from '../messages';

export interface AlertViewContext {
  entityNames: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, Source>;
  pageEntityIds: ReadonlySet<string>;
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

export function buildAlertViews(rows: readonly AlertRow[], context: AlertViewContext): AlertView[] {
  const views: AlertView[] = [];
  for (const alert of rows) {
    const entities = entityViews(alert, context);
    if (entities.length === 0) continue;
    const source = context.sources.get(alert.sourceId);
    const safe = safeHttpUrl(alert.url);
    const url = safe ? withoutTracking(safe) : undefined;
    views.push({
      id: alert.id,
      title: alert.title,
      ...(url ? { url } : {}),
      ...(alert.published ? { published: alert.published } : {}),
      firstSeenAt: alert.firstSeenAt,
      sourceTitle: source?.title ?? alert.sourceId,
      confidence: entities.some((e) => e.confidence === 'high') ? 'high' : 'review',
      entities,
      onPage: entities.some((e) => e.onPage),
    });
  }
  const when = (v: AlertView) => v.published ?? v.firstSeenAt;
  views.sort((a, b) => Number(b.onPage) - Number(a.onPage) || (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0));
  return views.slice(0, context.limit);
}
