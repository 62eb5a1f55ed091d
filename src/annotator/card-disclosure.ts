// Disclosures in the page: a supplier mark whose supplier has an imported disclosure gets its facilities,
// countries, derived risks and disclosure age in its card; when a disclosed facility is itself on a list, the mark
// becomes a flag and the card gives the chain of evidence (supplier → facility → list entry). Only text is added
// (card lines are set with textContent by the mark).
import { FRESHNESS_MONTHS, isStale, monthsBetween } from '../disclosures/freshness';
import type { SupplierDisclosureSummary } from '../extension/background/bidder-check-service';
import { formatDate, tn } from '../ui/i18n';
import type { Translate } from './mark-element';
import type { PlannedMark } from './plan-marks';

/** The supplier names come from the page's own reading, so a light fold finds their marks again. */
const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** How old the disclosure is at `today` (YYYY-MM-DD), and whether the six-month freshness rule says to ask again. */
export function disclosureAgeLines(date: string | undefined, today: string, t: Translate): string[] {
  if (!date) return [t('cardDisclosureUndated')];
  const months = Math.max(0, monthsBetween(date, today));
  const age = months === 0 ? t('cardDisclosureAgeNew') : tn('cardDisclosureAge', months);
  return isStale(date, today) ? [age, t('cardDisclosureStale', [String(FRESHNESS_MONTHS)])] : [age];
}

export function addDisclosuresToMarks(planned: PlannedMark[], disclosures: readonly SupplierDisclosureSummary[], t: Translate, today = new Date().toISOString().slice(0, 10)): PlannedMark[] {
  if (disclosures.length === 0) return planned;
  const bySupplier = new Map(disclosures.map((d) => [key(d.supplier), d]));
  return planned.map((mark) => {
    const d = bySupplier.get(key(mark.content.matchedText ?? mark.content.title)) ?? bySupplier.get(key(mark.content.title));
    if (!d) return mark;
    const lines = [t('cardDisclosureTitle', [String(d.version), d.date ? formatDate(d.date) : t('bcNotDated')]), ...disclosureAgeLines(d.date, today, t)];
    for (const f of d.facilities) lines.push(`${f.name} (${f.country})${f.risks.length ? `: ${f.risks.join('; ')}` : ''}`);
    const flagged = d.facilities.flatMap((f) => f.flagged.map((hit) => ({ f, hit })));
    for (const { f, hit } of flagged) {
      lines.push(`${d.supplier} → ${f.name} → ${t(hit.confidence === 'high' ? 'cardDisclosureFlagged' : 'cardDisclosurePossible', [hit.entity, hit.list])}`);
    }
    const high = flagged.filter(({ hit }) => hit.confidence === 'high');
    const content = { ...mark.content, lines: [...mark.content.lines, ...lines] };
    if (high.length > 0 && mark.content.tone !== 'flag') {
      // the supplier itself may be on no list: the title says that a facility it disclosed is
      Object.assign(content, {
        tone: 'flag' as const,
        pill: t('markFlagPill', [[...new Set(high.map(({ hit }) => hit.list.replace(/\s*\(.*\)$/, '')))].join(' · ')]),
        title: t('cardDisclosureFlagTitle', [mark.content.title]),
      });
    }
    return { ...mark, content };
  });
}
