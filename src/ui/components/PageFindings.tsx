// The findings of one page, with their evidence: used by the popup and the side panel. Each finding says what it
// means for the award and what to ask the supplier; the technical detail is one click away. Matches the user
// dismissed are listed as dismissed by them (where, when, why), with Undo, and never as "nothing listed".
import type { Finding, FindingSource, NoticeReading, PageAnalysis } from '../../core/types';
import { formatDate, formatDateTime, formatNumber, formatVersion, sourcePublisher, t, tn } from '../i18n';
import { findingWords } from '../finding-text';
import { safeHttpUrl } from '../../core/safe-url';
import { portalName } from '../../adapters';
import { FollowButton } from '../watchlists/FollowButton';
import { describeDecision } from '../../core/decision-words';
import { dueDiligenceWords } from '../due-diligence-text';
import { sendToBackground } from '../../extension/messages';
import { FindingsExport } from './FindingsExport';
import { isolateBidi } from '../bidi';

export function PageFindings({ analysis, tabId }: { analysis: PageAnalysis; tabId?: number }) {
  const { reading, findings, checked } = analysis;
  const dismissed = analysis.dismissed ?? [];
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-title">
        <bdi>{reading.title ?? analysis.url}</bdi>
      </h2>
      <p class="muted">
        {reading.portal === 'generic' ? t('popupPortalGeneric') : t('popupPortalName', [portalName(reading.portal)])}
        {reading.buyer ? ` · ${t('popupBuyer', [isolateBidi(reading.buyer.name)])}` : ''}
      </p>
      {findings.length === 0 ? (
        <div class="empty" role="status">
          <p class="empty-title">{t('popupNoFindings')}</p>
          <p>{t('noInformationIsNotNoRisk')}</p>
          {analysis.consulted.length > 0 && <p class="muted">{t('popupConsulted', [consultedList(analysis.consulted)])}</p>}
        </div>
      ) : (
        <ol class="findings" aria-label={tn('countFindings', findings.length)}>
          {findings.map((f) => (
            <FindingItem key={f.id} finding={f} reading={reading} />
          ))}
        </ol>
      )}
      {dismissed.length > 0 && (
        <section aria-labelledby="dismissed-heading" class="dismissed-findings">
          <h3 id="dismissed-heading">{t('popupDismissedHeading', [formatNumber(dismissed.length)])}</h3>
          <ul>
            {dismissed.map((f) => (
              <DismissedItem key={f.id} finding={f} reading={reading} />
            ))}
          </ul>
        </section>
      )}
      {checked.length > 0 && (
        <details class="checked" open={findings.length === 0}>
          <summary>{t('popupChecked', [formatNumber(checked.length)])}</summary>
          <ul>
            {checked.map((item) => (
              <li key={`${item.kind}:${item.label}`}>
                <span class="checked-kind">{t(CHECKED_KIND_WORDS[item.kind])}</span> {item.label}
                {' — '}
                {checkedOutcome(item.findingIds.length, (item.dismissedIds ?? []).flatMap((id) => dismissed.filter((d) => d.id === id)))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {tabId !== undefined && <FindingsExport analysis={analysis} tabId={tabId} />}
    </section>
  );
}

/** The word before each checked item: a classification's label starts with its scheme ("UNSPSC 80111500 …"). */
const CHECKED_KIND_WORDS = { cpv: 'popupCheckedCpv', classification: 'popupCheckedCode', supplier: 'popupCheckedSupplier', buyer: 'popupCheckedBuyer' } as const;

function consultedList(sources: readonly FindingSource[]): string {
  return sources.map((s) => `${s.title} (${formatVersion(s.version)}${s.partial ? `, ${t('sourcePartialShort')}` : ''})`).join('; ');
}

function checkedOutcome(findings: number, dismissed: readonly Finding[]): string {
  if (findings) return tn('countFindings', findings);
  const decision = dismissed[0]?.decision;
  if (decision) return t('popupCheckedDismissed', [t(`scope_${decision.scope}`)]);
  return t('popupCheckedNoneListed');
}

/** One name per tier, everywhere: "Flagged", "Possible match", "High-risk category". */
export const TIER_KEYS: Record<Finding['kind'], string> = {
  'flagged-entity': 'severityFlag',
  'possible-entity': 'tierPossibleMatch',
  'high-risk-category': 'severityCategory',
};

function FindingItem({ finding, reading }: { finding: Finding; reading: NoticeReading }) {
  const guidance = dueDiligenceWords(finding.concern);
  const words = findingWords(finding, reading);
  return (
    <li class={`finding ${finding.kind}`}>
      <p class="finding-head">
        <span class={`chip ${finding.kind}`}>{t(TIER_KEYS[finding.kind])}</span> <strong>
          <bdi>{words.title}</bdi>
        </strong>
      </p>
      {finding.listedName && <p class="muted">{t('markListedAs', [finding.listedName])}</p>}
      {finding.decision && <DecisionLine finding={finding} />}
      <p>{words.detail}</p>
      <details class="guidance">
        <summary>{t('popupGuidance')}</summary>
        <p>{guidance.forTheAward}</p>
        <p class="subhead">{t('markAskTheSupplier')}</p>
        <ul>
          {guidance.askTheSupplier.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </details>
      <TechnicalDetails finding={finding} reason={words.reason} />
      {finding.entityId && <FollowButton entityId={finding.entityId} name={finding.title} />}
    </li>
  );
}

function TechnicalDetails({ finding, reason }: { finding: Finding; reason: string }) {
  const notes = [...new Set(finding.flags.map((f) => f.note).filter((n): n is string => !!n))];
  return (
    <details class="technical">
      <summary>{t('markTechnical')}</summary>
      <p class="muted">{t('markWhy', [reason])}</p>
      {notes.map((n) => (
        <p key={n} class="muted">
          {n}
        </p>
      ))}
      {finding.sources.length > 0 && (
        <ul class="sources" aria-label={t('markSources')}>
          {finding.sources.map((s) => (
            <SourceLine key={s.sourceId} source={s} />
          ))}
        </ul>
      )}
    </details>
  );
}

/** The user's decision on a finding, in words, with Undo. */
function DecisionLine({ finding }: { finding: Finding }) {
  const decision = finding.decision!;
  return (
    <div class="decision-line">
      <p>{describeDecision(decision, t, formatDateTime)}</p>
      <button type="button" onClick={() => void sendToBackground({ type: 'remove-decision', id: decision.id })}>
        {t('actionUndoLabel', [finding.title])}
      </button>
    </div>
  );
}

function DismissedItem({ finding, reading }: { finding: Finding; reading: NoticeReading }) {
  const words = findingWords(finding, reading);
  return (
    <li class="finding dismissed">
      <p class="finding-head">
        <span class="chip dismissed">{t('markDismissedPill')}</span> <strong>{finding.title}</strong>
      </p>
      {finding.listedName && <p class="muted">{t('markListedAs', [finding.listedName])}</p>}
      <DecisionLine finding={finding} />
      <p class="muted">{t('markDismissedListSays', [words.detail])}</p>
      <TechnicalDetails finding={finding} reason={words.reason} />
    </li>
  );
}

function SourceLine({ source }: { source: FindingSource }) {
  const url = safeHttpUrl(source.url);
  const label = `${source.title} (${sourcePublisher(source)}), ${t('markEdition', [formatVersion(source.version)])}${source.date ? `, ${formatDate(source.date)}` : ''}`;
  return (
    <li>
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        label
      )}
      {source.partial && <span class="partial"> {t('sourcePartial')}</span>}
    </li>
  );
}
