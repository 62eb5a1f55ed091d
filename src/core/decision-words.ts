// A user's decision on a match in words, for the cards, the popup, the options page and the report. Pure: the
// translator and the date format are given.
import type { Decision } from './types';

/**
 * The decision in words: "Dismissed by you (on this browser) for this page, on 03/12/2026, 11:20. A different company
 * with a similar name. “Checked the address.”" `t` is the interface's translator.
 */
export function describeDecision(
  decision: Decision,
  t: (key: string, substitutions?: string[]) => string,
  formatWhen: (iso: string) => string = (iso) => new Date(iso).toLocaleString(),
): string {
  const when = formatWhen(decision.decidedAt);
  const key = decision.verdict === 'dismissed' ? 'decisionDismissedByYou' : 'decisionConfirmedByYou';
  const reason = decision.reason ? ` ${t(`reason_${decision.reason.replace(/-/g, '_')}`)}.` : '';
  const note = decision.note ? ` “${decision.note}”` : '';
  return `${t(key, [t(`scope_${decision.scope}`), when])}${reason}${note}`;
}
