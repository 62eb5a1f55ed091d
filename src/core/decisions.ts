// The user's decisions on matches: the key a decision's scope is stored under (a page's address without its fragment
// and tracking parameters, or a site's host), whether a decision applies to a page, and how the matcher's mentions
// split into those shown (confirmed ones raised) and those the user dismissed, each with its decision.
// Pure: no browser APIs.
import type { Decision, DecisionScope } from './types';
import { normaliseName, type Mention } from '../matcher';

/** A decision as a mark's card takes it: on the page at `pageUrl`, before its scope key and id are set. */
export type DecisionInput = Omit<Decision, 'id' | 'decidedAt' | 'scopeKey' | 'decidedBy'> & { pageUrl: string };

/** Query parameters that say where a visitor came from, not which page it is. */
const TRACKING_PARAMETER = /^(utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src)$/i;

/** An http(s) address without its fragment and tracking parameters; anything else unchanged. */
export function withoutTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split('#')[0]!;
  }
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
  return parsed.toString().replace(/\?$/, '');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The key a decision of `scope` taken on the page at `pageUrl` is stored under. */
export function scopeKeyFor(scope: DecisionScope, pageUrl: string): string {
  if (scope === 'page') return withoutTracking(pageUrl);
  if (scope === 'site') return hostOf(pageUrl) ?? pageUrl.toLowerCase();
  return '';
}

export function decisionApplies(decision: Decision, pageUrl: string): boolean {
  if (decision.scope === 'everywhere') return true;
  if (decision.scope === 'page') return withoutTracking(decision.scopeKey) === withoutTracking(pageUrl);
  const host = hostOf(pageUrl);
  const key = decision.scopeKey.toLowerCase();
  return host !== undefined && (key === host || hostOf(key) === host);
}

/** One decision per mark target: a new verdict on the same text, entity and scope replaces the old one. */
export function decisionId(decision: Pick<Decision, 'scope' | 'scopeKey' | 'entityId' | 'matchedText'>): string {
  return `${decision.scope}:${decision.scopeKey}:${decision.entityId}:${normaliseName(decision.matchedText)}`;
}

export interface DismissedMention {
  mention: Mention;
  decision: Decision;
}

export interface DecidedMentions {
  shown: Mention[];
  dismissed: DismissedMention[];
  /** The user's confirmation behind a shown entity's raised mentions, by entity id. */
  confirmed?: ReadonlyMap<string, Decision>;
}

const SCOPE_WORDS: Record<DecisionScope, string> = { page: 'on this page', site: 'on this site', everywhere: 'everywhere' };

/** Applies the latest applicable decision to each mention: dismissed ones are set aside with it, confirmed ones raised. */
export function applyDecisions(mentions: readonly Mention[], decisions: readonly Decision[], pageUrl: string): DecidedMentions {
  const latest = new Map<string, Decision>();
  for (const d of decisions) {
    if (!decisionApplies(d, pageUrl)) continue;
    const key = `${d.entityId}\u0000${normaliseName(d.matchedText)}`;
    const previous = latest.get(key);
    if (!previous || previous.decidedAt <= d.decidedAt) latest.set(key, d);
  }
  const shown: Mention[] = [];
  const dismissed: DismissedMention[] = [];
  const confirmed = new Map<string, Decision>();
  for (const mention of mentions) {
    const decision = latest.size === 0 ? undefined : latest.get(`${mention.entityId}\u0000${normaliseName(mention.text)}`);
    if (!decision) shown.push(mention);
    else if (decision.verdict === 'dismissed') dismissed.push({ mention, decision });
    else {
      confirmed.set(mention.entityId, decision);
      shown.push({
        ...mention,
        confidence: 'high',
        score: Math.max(mention.score, 0.95),
        rule: `${mention.rule}+confirmed`,
        reason: `You confirmed that "${mention.text}" is this company ${SCOPE_WORDS[decision.scope]} (matched "${mention.matchedName}").`,
      });
    }
  }
  return { shown, dismissed, confirmed };
}
