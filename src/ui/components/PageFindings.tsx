// The findings of one page, with their evidence: used by the popup and the side panel.
import type { Finding, FindingSource, NoticeReading, PageAnalysis } from '../../core/types';
import { formatDate, formatNumber, formatVersion, sourcePublisher, t, tn } from '../i18n';
import { safeHttpUrl } from '../../core/safe-url';
import { portalName } from '../../adapters';
import { FollowButton } from '../watchlists/FollowButton';
import { findingWords } from '../finding-text';
import { isolateBidi } from '../bidi';

export function PageFindings({ analysis }: { analysis: PageAnalysis }) {
  const { reading, findings, checked } = analysis;
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-title">
        <bdi>{reading.title ?? analysis.url}</bdi>
      </h2>
      <p class="muted">
        {t('popupPortal', [reading.portal === 'generic' ? t('portalAnyPage') : portalName(reading.portal)])}
        {reading.buyer ? ` · ${t('popupBuyer', [isolateBidi(reading.buyer.name)])}` : ''}
      </p>
      {findings.length === 0 ? (
        <div class="empty" role="status">
          <p class="empty-title">{t('popupNoFindings')}</p>
          <p>{t('noInformationIsNotNoRisk')}</p>
          {analysis.consulted.length > 0 && (
            <p class="muted">
              {t('popupConsulted', [analysis.consulted.map((s) => `${s.title} (${formatVersion(s.version)}${s.partial ? `, ${t('sourcePartialShort')}` : ''})`).join('; ')])}
            </p>
          )}
        </div>
      ) : (
        <ol class="findings" aria-label={tn('countFindings', findings.length)}>
          {findings.map((f) => (
            <FindingItem key={f.id} finding={f} reading={reading} />
          ))}
        </ol>
      )}
      {checked.length > 0 && (
        <details class="checked" open={findings.length === 0}>
          <summary>{t('popupChecked', [formatNumber(checked.length)])}</summary>
          <ul>
            {checked.map((item) => (
              <li key={`${item.kind}:${item.label}`}>
                <span class="checked-kind">{t(item.kind === 'cpv' ? 'popupCheckedCpv' : 'popupCheckedSupplier')}</span> {item.label}
                {' — '}
                {item.findingIds.length ? tn('countFindings', item.findingIds.length) : t('popupCheckedNothingKnown')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

const SEVERITY_KEYS: Record<Finding['kind'], string> = {
  'flagged-entity': 'severityFlag',
  'possible-entity': 'severityReview',
  'high-risk-category': 'severityCategory',
};

function FindingItem({ finding, reading }: { finding: Finding; reading: NoticeReading }) {
  const words = findingWords(finding, reading);
  return (
    <li class={`finding ${finding.kind}`}>
      <p class="finding-head">
        <span class={`chip ${finding.kind}`}>{t(SEVERITY_KEYS[finding.kind])}</span> <strong>
          <bdi>{words.title}</bdi>
        </strong>
      </p>
      <p>{words.detail}</p>
      <p class="muted">{t('markWhy', [words.reason])}</p>
      {finding.entityId && <FollowButton entityId={finding.entityId} name={finding.title} />}
      {finding.sources.length > 0 && (
        <ul class="sources" aria-label={t('markSources')}>
          {finding.sources.map((s) => (
            <SourceLine key={s.sourceId} source={s} />
          ))}
        </ul>
      )}
    </li>
  );
}

function SourceLine({ source }: { source: FindingSource }) {
  const url = safeHttpUrl(source.url);
  const label = `${source.title} (${sourcePublisher(source)}), ${t('markVersion', [formatVersion(source.version)])}${source.date ? `, ${formatDate(source.date)}` : ''}`;
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
