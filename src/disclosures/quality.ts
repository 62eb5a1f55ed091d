// How good a disclosure is, clause by clause: completeness (which fields are missing for which facility),
// freshness (the disclosure or the last audit older than six months, relative to a date the user sets), and
// consistency across bidders (the same facility disclosed by two bidders under different names or addresses —
// the cross-check buyers' consortia do by hand). Messages in the words given. Pure.
import { addressTokens, facilityNameTokens } from './normalise-facility';
import { linkFacility, type KnownFacility } from './match-facilities';
import type { ReportWords } from './report-words';
import type { DisclosureClause } from './template';
import type { Disclosure } from './types';
import { FRESHNESS_MONTHS, monthsBefore } from './freshness';

export { FRESHNESS_MONTHS, isStale, monthsBefore, monthsBetween } from './freshness';

export interface QualityGap {
  clause: DisclosureClause;
  kind: 'missing' | 'stale' | 'inconsistent' | 'pending-request';
  /** The facility concerned (its name), or undefined for the whole disclosure. */
  facility?: string;
  message: string;
}

export interface DisclosureQuality {
  disclosureId: string;
  asOf: string;
  facilities: number;
  gaps: QualityGap[];
  /** Per clause: how many of its checks passed, out of how many. */
  byClause: Record<DisclosureClause, { passed: number; checked: number }>;
}

export function assessDisclosure(disclosure: Disclosure, asOf: string, w: ReportWords): DisclosureQuality {
  const gaps: QualityGap[] = [];
  const byClause = Object.fromEntries((['identity', 'facilities', 'products', 'components', 'changes', 'audits'] as const).map((c) => [c, { passed: 0, checked: 0 }])) as DisclosureQuality['byClause'];
  const check = (clause: DisclosureClause, ok: boolean, gap: Omit<QualityGap, 'clause'>) => {
    byClause[clause].checked++;
    if (ok) byClause[clause].passed++;
    else gaps.push({ clause, ...gap });
  };
  const cutoff = monthsBefore(asOf, FRESHNESS_MONTHS);
  const s = disclosure.supplier;
  const months = String(FRESHNESS_MONTHS);
  check('identity', !!s.id, { kind: 'missing', message: w.t('repGapNoSupplierId') });
  check('identity', !!s.registeredOffice, { kind: 'missing', message: w.t('repGapNoOffice') });
  check('changes', !!disclosure.disclosureDate, { kind: 'missing', message: w.t('repGapNotDated') });
  if (disclosure.disclosureDate) {
    check('changes', disclosure.disclosureDate >= cutoff, { kind: 'stale', message: w.t('repGapStaleDisclosure', [disclosure.disclosureDate, months, asOf]) });
  }
  for (const f of disclosure.facilities) {
    const at = { facility: f.name };
    check('facilities', /\d/.test(f.address) && f.address.split(/[,\n]/).length >= 2, { ...at, kind: 'missing', message: w.t('repGapAddress', [f.name, f.address]) });
    check('products', f.products.length > 0, { ...at, kind: 'missing', message: w.t('repGapNoProducts', [f.name]) });
    check('components', !!f.stage, { ...at, kind: 'missing', message: w.t('repGapNoStage', [f.name]) });
    if (f.stage && f.stage !== 'assembly') check('components', !!f.suppliesTo, { ...at, kind: 'missing', message: w.t(f.stage === 'component' ? 'repGapSuppliesComponent' : 'repGapSuppliesRawMaterial', [f.name]) });
    check('audits', !!f.lastAuditDate, { ...at, kind: 'missing', message: w.t('repGapNoAudit', [f.name]) });
    if (f.lastAuditDate) check('audits', f.lastAuditDate >= cutoff, { ...at, kind: 'stale', message: w.t('repGapStaleAudit', [f.name, f.lastAuditDate, months, asOf]) });
    if (f.lastAuditDate) check('audits', !!f.auditFindings, { ...at, kind: 'missing', message: w.t('repGapNoFindings', [f.name, f.lastAuditDate]) });
    if (f.requestPending) gaps.push({ clause: 'audits', kind: 'pending-request', facility: f.name, message: w.t('repGapPending', [f.name]) });
  }
  return { disclosureId: disclosure.id, asOf, facilities: disclosure.facilities.length, gaps, byClause };
}

export interface ConsistencyNote {
  facilityName: string;
  bidders: [string, string];
  message: string;
}

/**
 * The same facility disclosed by two bidders with a different name or address: found by OS ID or by a link of
 * 0.8 or more, and pointed out (neither bidder is assumed right).
 */
export function crossCheckBidders(latest: readonly Disclosure[], w: ReportWords): ConsistencyNote[] {
  const notes: ConsistencyNote[] = [];
  const known: KnownFacility[] = latest.flatMap((d) => d.facilities.map((f) => ({ id: `${d.id}/${f.key}`, sourceLabel: d.supplier.name, sourceKind: 'disclosure' as const, supplierKey: d.supplierKey, facility: f })));
  latest.forEach((d, i) => {
    for (const f of d.facilities) {
      for (const link of linkFacility(d.supplierKey, f, known)) {
        const other = latest.find((o) => o.supplierKey === link.known.supplierKey);
        if (!other || latest.indexOf(other) < i || link.score < 0.8 && link.tier !== 'exact') continue;
        const g = link.known.facility;
        const sameName = facilityNameTokens(f.name).join(' ') === facilityNameTokens(g.name).join(' ');
        const sameAddress = addressTokens(f.address, f.country).join(' ') === addressTokens(g.address, g.country).join(' ');
        if (sameName && sameAddress) continue;
        const key = !sameName && !sameAddress ? 'repConsistencyBoth' : !sameName ? 'repConsistencyName' : 'repConsistencyAddress';
        const how = link.tier === 'exact' ? w.t('repConsistencySameOsId') : w.t('repConsistencyScore', [link.score.toFixed(2)]);
        notes.push({ facilityName: f.name, bidders: [d.supplier.name, other.supplier.name], message: w.t(key, [d.supplier.name, other.supplier.name, f.name, g.name, f.address, g.address, how]) });
      }
    }
  });
  return notes;
}
