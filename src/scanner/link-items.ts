// Links feed items to the entities they name: the matcher runs over each item's title and summary (as two
// texts, so offsets point into the field they came from), and every item with a mention becomes an alert that
// carries its mentions, their confidence and the reason each one matched. A link the user marked "not relevant" for
// an item is set aside, never linked again.
import type { Alert, Decision, Source } from '../core/types';
import { findMentions, type CompiledMatcher, type Mention } from '../matcher';
import { dedupeFeedItems } from './dedupe-items';
import type { FeedItem } from './parse-feed';
import { applyNotRelevant } from '../watchlists/alert-triage';

/** A mention of an entity in one field of a feed item; start and end are UTF-16 offsets into that field. */
export interface AlertMention {
  entityId: string;
  field: 'title' | 'summary';
  text: string;
  start: number;
  end: number;
  confidence: Mention['confidence'];
  score: number;
  matchedName: string;
  rule: string;
  reason: string;
}

/** An alert with the evidence of its links: why each entity was linked, and how sure the matcher is. */
export interface LinkedAlert extends Alert {
  /** `high` when at least one mention is high; `review` when every mention needs a human look. */
  confidence: Mention['confidence'];
  mentions: AlertMention[];
  /** Entities the matcher found but the user marked "not relevant" for this item: not linked (see alert-triage). */
  notRelevantEntityIds?: string[];
}

export interface LinkOptions {
  /** The user's decisions: a dismissed match is not linked, a confirmed one is high. */
  decisions?: readonly Decision[];
  /** The user's "not relevant" decisions on items' links (see notRelevantIndex). */
  notRelevant?: ReadonlyMap<string, ReadonlySet<string>>;
}

function mentionsIn(field: AlertMention['field'], mentions: readonly Mention[]): AlertMention[] {
  return mentions.map((m) => ({
    entityId: m.entityId,
    field,
    text: m.text,
    start: m.start,
    end: m.end,
    confidence: m.confidence,
    score: m.score,
    matchedName: m.matchedName,
    rule: m.rule,
    reason: m.reason,
  }));
}

/** Entity ids in the order a reader should see them: high-confidence links first, then by first appearance. */
function linkedEntityIds(mentions: readonly AlertMention[]): string[] {
  const high = mentions.filter((m) => m.confidence === 'high').map((m) => m.entityId);
  return [...new Set([...high, ...mentions.map((m) => m.entityId)])];
}

/** The alert of one item, or undefined when it names no known entity. */
function linkItem(matcher: CompiledMatcher, item: FeedItem, source: Pick<Source, 'id'>, options: LinkOptions): LinkedAlert | undefined {
  const context = { pageUrl: item.url, decisions: options.decisions };
  const mentions = [
    ...mentionsIn('title', findMentions(matcher, item.title, context)),
    ...mentionsIn('summary', findMentions(matcher, item.summary, context)),
  ];
  if (mentions.length === 0) return undefined;
  const alert: LinkedAlert = {
    id: `${source.id}:${item.id}`,
    sourceId: source.id,
    title: item.title,
    url: item.url ?? '',
    summary: item.summary,
    entityIds: linkedEntityIds(mentions),
    confidence: mentions.some((m) => m.confidence === 'high') ? 'high' : 'review',
    mentions,
  };
  if (item.published) alert.published = item.published;
  return options.notRelevant?.size ? applyNotRelevant(alert, options.notRelevant) : alert;
}

/** The alerts of a feed's items: one per distinct item (by id and by link) that mentions at least one entity. */
export function linkFeedItems(
  matcher: CompiledMatcher,
  items: readonly FeedItem[],
  source: Pick<Source, 'id'>,
  options: LinkOptions = {},
): LinkedAlert[] {
  const alerts: LinkedAlert[] = [];
  for (const item of dedupeFeedItems(items).items) {
    const alert = linkItem(matcher, item, source, options);
    if (alert) alerts.push(alert);
  }
  return alerts;
}

/** Linking gives the worker back its turn at least this often, in milliseconds (as reading the items does). */
const LINK_SLICE_MS = 8;
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The same alerts as linkFeedItems, linked a slice of items per turn: a large feed never holds up the pages the
 * background worker answers meanwhile.
 */
export async function linkFeedItemsInTurns(
  matcher: CompiledMatcher,
  items: readonly FeedItem[],
  source: Pick<Source, 'id'>,
  options: LinkOptions = {},
): Promise<LinkedAlert[]> {
  const alerts: LinkedAlert[] = [];
  let sliceStart = performance.now();
  for (const item of dedupeFeedItems(items).items) {
    const alert = linkItem(matcher, item, source, options);
    if (alert) alerts.push(alert);
    if (performance.now() - sliceStart > LINK_SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return alerts;
}
