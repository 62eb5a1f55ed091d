// The printable findings page's words in the interface language: status, guidance, decisions and field names.
// The CSV keeps English (see src/core/findings-report.ts).
import { describeDecision } from '../../core/decision-words';
import type { REPORT_COLUMNS, ReportWords } from '../../core/findings-report';
import { dueDiligenceWords } from '../due-diligence-text';
import { formatDateTime, t } from '../i18n';

const STATUS_KEYS = { 'flagged-entity': 'severityFlag', 'possible-entity': 'tierPossibleMatch', 'high-risk-category': 'severityCategory' } as const;

/** The page speaks the interface language; the CSV it offers stays in English, a file for the record. */
export function pageWords(): ReportWords {
  return {
    status: (kind, d) => (d?.verdict === 'dismissed' ? t('reportStatusDismissed', [t(STATUS_KEYS[kind])]) : d ? t('reportStatusConfirmed', [t(STATUS_KEYS[kind])]) : t(STATUS_KEYS[kind])),
    guidance: dueDiligenceWords,
    decision: (d) => describeDecision(d, t, formatDateTime),
    reason: (r) => t(`reason_${r.replace(/-/g, '_')}`),
    nothingListed: t('reportStatusNothing'),
  };
}

export const FIELD_KEYS: Partial<Record<(typeof REPORT_COLUMNS)[number], string>> = {
  'listed name': 'reportFieldListedName',
  'what the list says': 'reportFieldListSays',
  'what it means for the award': 'reportFieldForTheAward',
  'questions for the supplier': 'reportFieldQuestions',
  'why it matched': 'reportFieldWhy',
  'lists (edition, date, link)': 'reportFieldLists',
  'your decision': 'reportFieldDecision',
  decided: 'reportFieldDecided',
  'decision reason': 'reportFieldDecisionReason',
  'decision note': 'reportFieldDecisionNote',
};
