// A notice's findings for the award file, as rows: one per finding, dismissed match and item checked with nothing
// found, each with its evidence (lists, editions, dates, links, why it matched) and the user's decision, under a
// header saying when the page was checked and against which list editions. Also written out as CSV (RFC 4180,
// formula-looking cells defused so a spreadsheet never runs them). Pure.
import type { Concern, Decision, DecisionReason, Finding, PageAnalysis } from './types';
import { DUE_DILIGENCE } from '../data/due-diligence';

export const REPORT_COLUMNS = [
  'status',
  'name on the page',
  'listed name',
  'what the list says',
  'what it means for the award',
  'questions for the supplier',
  'why it matched',
  'lists (edition, date, link)',
  'your decision',
  'decided',
  'decision reason',
  'decision note',
] as const;

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string>;

const STATUS: Record<Finding['kind'], string> = {
  'flagged-entity': 'Flagged',
  'possible-entity': 'Possible match',
  'high-risk-category': 'High-risk category',
};

const REASON_WORDS: Record<DecisionReason, string> = {
  'different-company': 'A different company with a similar name',
  'different-country': 'Same name, but another country or address',
  'already-checked': 'Already checked: not a concern for this purchase',
  other: 'Another reason (see the note)',
};

/** The words a report is written in: English for the CSV (a file for the record), the interface's for the page. */
export interface ReportWords {
  status(kind: Finding['kind'], decision: Decision | undefined): string;
  guidance(concern: Concern): { forTheAward: string; askTheSupplier: readonly string[] };
  decision(decision: Decision): string;
  reason(reason: DecisionReason): string;
  nothingListed: string;
}

export const ENGLISH_REPORT_WORDS: ReportWords = {
  status: (kind, d) => (d?.verdict === 'dismissed' ? `Dismissed by you (was: ${STATUS[kind]})` : d ? `${STATUS[kind]} (confirmed by you)` : STATUS[kind]),
  guidance: (concern) => DUE_DILIGENCE[concern],
  decision: (d) => `${d.verdict} (${d.scope === 'everywhere' ? 'everywhere' : `${d.scope}: ${d.scopeKey}`})`,
  reason: (r) => REASON_WORDS[r],
  nothingListed: 'Checked: nothing on the lists (no information is not the same as no risk)',
};

function findingRow(f: Finding, words: ReportWords): ReportRow {
  const guidance = words.guidance(f.concern);
  const d = f.decision;
  return {
    status: words.status(f.kind, d),
    'name on the page': f.title,
    'listed name': f.listedName ?? (f.entityId ? f.title : ''),
    'what the list says': [f.detail, ...new Set(f.flags.map((x) => x.note).filter((n): n is string => !!n))].join(' '),
    'what it means for the award': guidance.forTheAward,
    'questions for the supplier': guidance.askTheSupplier.join(' | '),
    'why it matched': f.reason,
    'lists (edition, date, link)': f.sources
      .map((s) => `${s.title} (${s.publisher}; edition ${s.version}${s.partial ? ', partial' : ''}${s.date ? `; listed ${s.date}` : ''}; ${s.url})`)
      .join(' | '),
    'your decision': d ? words.decision(d) : '',
    decided: d?.decidedAt ?? '',
    'decision reason': d?.reason ? words.reason(d.reason) : '',
    'decision note': d?.note ?? '',
  };
}

/** Every finding, then every dismissed match, then every item checked with nothing found (not the same as no risk). */
export function reportRows(analysis: PageAnalysis, words: ReportWords = ENGLISH_REPORT_WORDS): ReportRow[] {
  const empty = Object.fromEntries(REPORT_COLUMNS.map((c) => [c, ''])) as ReportRow;
  const nothing = analysis.checked
    .filter((c) => c.findingIds.length === 0 && (c.dismissedIds ?? []).length === 0)
    .map((c) => ({
      ...empty,
      status: words.nothingListed,
      'name on the page': c.kind === 'cpv' ? `CPV ${c.label}` : c.label,
    }));
  const row = (f: Finding) => findingRow(f, words);
  return [...analysis.findings.map(row), ...(analysis.dismissed ?? []).map(row), ...nothing];
}

/** The header lines: what notice, when checked, against which list editions. */
export function reportHeader(analysis: PageAnalysis): Array<[string, string]> {
  return [
    ['notice', analysis.reading.title ?? ''],
    ['address', analysis.url],
    ['buyer', analysis.reading.buyer?.name ?? ''],
    ['checked at', analysis.analysedAt ?? ''],
    ['lists checked', analysis.consulted.map((s) => `${s.title} (edition ${s.version}${s.partial ? ', partial' : ''})`).join(' | ')],
  ];
}

function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export function findingsCsv(analysis: PageAnalysis): string {
  const lines = reportHeader(analysis).map(([k, v]) => [k, v].map(csvCell).join(','));
  lines.push('', REPORT_COLUMNS.map(csvCell).join(','));
  for (const row of reportRows(analysis)) lines.push(REPORT_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name for the export: "tenderlens-findings-2026-12-03-find-a-tender-008624-2023.csv". */
export function reportFileName(analysis: PageAnalysis, extension: string): string {
  const day = (analysis.analysedAt ?? new Date().toISOString()).slice(0, 10);
  let tail = '';
  try {
    tail = new URL(analysis.url).pathname.split('/').filter(Boolean).slice(-2).join('-');
  } catch {
    tail = '';
  }
  const slug = tail.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `tenderlens-findings-${day}${slug ? `-${slug}` : ''}.${extension}`;
}
