// The user's triage of one alert, wherever alerts are listed (the popup, the side panel's alerts and a supplier's
// profile): toggle read, important and archived; say a link to an entity is not relevant (a wrong link); and a
// "not relevant" decision as that decision (who, when) with its Undo. Buttons only, so the keyboard reaches all.
import { useState } from 'preact/hooks';
import { sendToBackground } from '../../extension/messages';
import type { NotRelevantDecision, TriageChange } from '../../watchlists/alert-triage';
import { errorText, formatDateTime, t } from '../i18n';

export interface TriageState {
  read: boolean;
  important: boolean;
  archived: boolean;
}

/** Sends a triage request; `onChanged` runs once the background stored it. A failure is said where it happened. */
function useTriageAction(onChanged?: () => void) {
  const [error, setError] = useState<string | undefined>();
  const run = (request: Parameters<typeof sendToBackground>[0]) => {
    setError(undefined);
    void sendToBackground(request).then(
      () => onChanged?.(),
      (e: unknown) => setError(errorText(e)),
    );
  };
  return { error, run };
}

export function AlertTriageButtons({ alertId, title, state, onChanged }: { alertId: string; title: string; state: TriageState; onChanged?: () => void }) {
  const { error, run } = useTriageAction(onChanged);
  const change = (c: TriageChange) => run({ type: 'triage-alert', alertId, change: c });
  return (
    <div class="triage" role="group" aria-label={t('triageActionsLabel', [title || t('alertUntitled')])}>
      <button type="button" onClick={() => change({ read: !state.read })}>
        {t(state.read ? 'triageMarkUnread' : 'triageMarkRead')}
      </button>{' '}
      <button type="button" aria-pressed={state.important ? 'true' : 'false'} onClick={() => change({ important: !state.important })}>
        {t('triageImportant')}
      </button>{' '}
      <button type="button" onClick={() => change({ archived: !state.archived })}>
        {t(state.archived ? 'triageUnarchive' : 'triageArchive')}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}

/** The chips of an alert's marks: unread, important, archived (read and not archived says nothing). */
export function TriageChips({ state }: { state: TriageState }) {
  return (
    <>
      {!state.read && <span class="chip unread">{t('triageUnread')}</span>}{' '}
      {state.important && <span class="chip important">{t('triageImportant')}</span>}{' '}
      {state.archived && <span class="chip archived">{t('triageArchived')}</span>}
    </>
  );
}

export function NotRelevantButton({ alertId, entityId, entityName, onChanged }: { alertId: string; entityId: string; entityName: string; onChanged?: () => void }) {
  const { error, run } = useTriageAction(onChanged);
  return (
    <>
      <button type="button" class="not-relevant" aria-label={t('triageNotRelevantLabel', [entityName])} onClick={() => run({ type: 'mark-not-relevant', alertId, entityId })}>
        {t('triageNotRelevant')}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </>
  );
}

/** "Not relevant — your decision (you, on this browser, 03/12/2026, 12:30)" and its Undo. */
export function NotRelevantDecisionView({ decision, onChanged }: { decision: NotRelevantDecision; onChanged?: () => void }) {
  const { error, run } = useTriageAction(onChanged);
  return (
    <span class="not-relevant-decision">
      <span class="chip dismissed">{t('triageNotRelevant')}</span> {t('notRelevantDecision', [formatDateTime(decision.decidedAt)])}{' '}
      <button type="button" aria-label={t('notRelevantUndoLabel', [decision.entityName])} onClick={() => run({ type: 'undo-not-relevant', decisionId: decision.id })}>
        {t('notRelevantUndo')}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </span>
  );
}
