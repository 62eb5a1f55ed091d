// The findings of one page, with their evidence: used by the popup and the side panel.
import type { Finding, FindingSource, PageAnalysis } from '../../core/types';
import { t } from '../i18n';
import { safeHttpUrl } from '../../core/safe-url';
import { portalName } from '../../adapters';
import { FollowButton } from '../watchlists/FollowButton';

export function PageFindings({ analysis }: { analysis: PageAnalysis }) {
  const { reading, findings, checked } = analysis;
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-title">{reading.title ?? analysis.url}</h2>
      <p class="muted">
        {t('popupPortal', [portalName(reading.portal)])}
        {reading.buyer ? ` · ${t('popupBuyer', [reading.buyer.name])}` : ''}
      </p>
      {findings.length === 0 ? (
        <div class="empty" role="status">
          <p class="empty-title">{t('popupNoFindings')}</p>
          <p>{t('noInformationIsNotNoRisk')}</p>
          {analysis.consulted.length > 0 && (
            <p class="muted">
              {t('popupConsulted', [analysis.consulted.map((s) => `${s.title} (${s.version}${s.partial ? `, ${t('sourcePartialShort')}` : ''})`).join('; ')])}
            </p>
          )}
        </div>
      ) : (
        <ol class="findings" aria-label={t('popupFindingsLabel', [String(findings.length)])}>
          {findings.map((f) => (
            <FindingItem key={f.id} finding={f} />
          ))}
        </ol>
      )}
      {checked.length > 0 && (
        <details class="checked" open={findings.length === 0}>
          <summary>{t('popupChecked', [String(checked.length)])}</summary>
          <ul>
            {checked.map((item) => (
              <li key={`${item.kind}:${item.label}`}>
                <span class="checked-kind">{t(item.kind === 'cpv' ? 'popupCheckedCpv' : 'popupCheckedSupplier')}</span> {item.label}
                {' — '}
                {item.findingIds.length ? t('popupCheckedHasFindings', [String(item.findingIds.length)]) : t('popupCheckedNothingKnown')}
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

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class={`finding ${finding.kind}`}>
      <p class="finding-head">
        <span class={`chip ${finding.kind}`}>{t(SEVERITY_KEYS[finding.kind])}</span> <strong>{finding.title}</strong>
      </p>
      <p>{finding.detail}</p>
      <p class="muted">{t('markWhy', [finding.reason])}</p>
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
  const label = `${source.title} (${source.publisher}), ${t('markVersion', [source.version])}${source.date ? `, ${source.date}` : ''}`;
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
