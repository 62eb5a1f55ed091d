// Under a list on the options page: how many of its rows were checked against the
// publisher's own text, what date the list covers, and whether rows are known to be missing.
import type { Source } from '../../core/types';
import { t } from '../i18n';

export function ListCoverageNote({ source }: { source: Pick<Source, 'coverage'> }) {
  const { coverage } = source;
  if (!coverage) return null;
  return (
    <div class="list-coverage" style={{ overflowWrap: 'anywhere' }}>
      {coverage && (
        <div>
          {t('listCoverageRows', [String(coverage.verifiedRows), String(coverage.rows), String(coverage.secondaryRows), String(coverage.unverifiedRows)])}
          {coverage.coversUntil && ` ${t('listCoverageUntil', [coverage.coversUntil])}`}
        </div>
      )}
      {coverage?.incomplete && <div class="partial">{t('listCoverageIncomplete')}</div>}
      {coverage?.withheld && <div class="muted">{coverage.withheld}</div>}
    </div>
  );
}
