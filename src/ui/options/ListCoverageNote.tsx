// Under a list on the options page: what being on it means, how many of its rows were checked against the
// publisher's own text, what date the list covers, and whether rows are known to be missing.
import type { Source } from '../../core/types';
import { t } from '../i18n';

export function ListCoverageNote({ source }: { source: Pick<Source, 'meaning' | 'coverage'> }) {
  const { meaning, coverage } = source;
  if (!meaning && !coverage) return null;
  return (
    <div class="list-coverage" style={{ overflowWrap: 'anywhere' }}>
      {meaning && <div>{t(`listMeaning_${meaning.replace(/-/g, '_')}`)}</div>}
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
