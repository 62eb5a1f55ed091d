// A chart of where each bidder's disclosed facilities are, by country and by what is known about them (flagged,
// possible, derived risk, nothing found), as inline SVG: no remote assets, readable when printed in black and
// white (each bar is labelled with its counts), in the report's words, and escaped throughout. Pure.
import type { BidderCheckReport, FacilityResult } from './check-bidders';
import type { ReportWords } from './report-words';

export type FacilityStanding = 'flagged' | 'possible' | 'derived' | 'none-found';

export function facilityStanding(f: FacilityResult): FacilityStanding {
  if (f.risk.region || f.entityHits.some((h) => h.confidence === 'high' && h.via === 'facility')) return 'flagged';
  if (f.entityHits.length > 0) return 'possible';
  if (f.risk.productCountry.length > 0) return 'derived';
  return 'none-found';
}

/** The legend's words for a standing ("flagged (list or Xinjiang)"). */
export const standingLabel = (s: FacilityStanding, w: ReportWords) => w.t(`repStanding_${s.replace('-', '_')}`);
const standingCount = (s: FacilityStanding, n: number, w: ReportWords) => w.t(`repStandingCount_${s.replace('-', '_')}`, [String(n)]);
export const STANDING_COLOURS: Record<FacilityStanding, string> = { flagged: '#b3261e', possible: '#b26a00', derived: '#c77700', 'none-found': '#8a8f98' };
export const STANDING_ORDER: FacilityStanding[] = ['flagged', 'possible', 'derived', 'none-found'];
const ORDER = STANDING_ORDER;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Facilities per country and standing, over all bidders (or one). */
export function countsByCountry(report: BidderCheckReport, bidder?: string): { country: string; counts: Record<FacilityStanding, number> }[] {
  const rows = new Map<string, Record<FacilityStanding, number>>();
  for (const b of report.bidders) {
    if (bidder !== undefined && b.name !== bidder) continue;
    for (const f of b.facilities) {
      const row = rows.get(f.facility.country) ?? { flagged: 0, possible: 0, derived: 0, 'none-found': 0 };
      row[facilityStanding(f)]++;
      rows.set(f.facility.country, row);
    }
  }
  return [...rows.entries()].map(([country, counts]) => ({ country, counts })).sort((a, b) => total(b.counts) - total(a.counts) || a.country.localeCompare(b.country));
}

const total = (c: Record<FacilityStanding, number>) => ORDER.reduce((s, k) => s + c[k], 0);

export function riskChartSvg(report: BidderCheckReport, w: ReportWords, bidder?: string): string {
  const title = w.t('bcChartAlt');
  const rows = countsByCountry(report, bidder);
  if (rows.length === 0) return '';
  const max = Math.max(...rows.map((r) => total(r.counts)));
  const labelWidth = 150;
  const barWidth = 260;
  const rowHeight = 26;
  const top = 34;
  const legendTop = top + rows.length * rowHeight + 10;
  const height = legendTop + ORDER.length * 18 + 6;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" viewBox="0 0 ${labelWidth + barWidth + 230} ${height}" width="100%" style="max-width:640px;font:12px system-ui,sans-serif">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<text x="0" y="16" font-weight="600" fill="currentColor">${escapeXml(title)}</text>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    parts.push(`<text x="0" y="${y + 15}" fill="currentColor">${escapeXml(`${w.country(r.country)} (${r.country})`)}</text>`);
    let x = labelWidth;
    for (const s of ORDER) {
      const n = r.counts[s];
      if (n === 0) continue;
      const width = (n / max) * barWidth;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="16" fill="${STANDING_COLOURS[s]}"><title>${escapeXml(`${r.country}: ${standingCount(s, n, w)}`)}</title></rect>`);
      x += width;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 15}" fill="currentColor">${escapeXml(ORDER.filter((s) => r.counts[s] > 0).map((s) => standingCount(s, r.counts[s], w)).join(', '))}</text>`);
  });
  ORDER.forEach((s, i) => {
    const y = legendTop + i * 18;
    parts.push(`<rect x="0" y="${y}" width="12" height="12" fill="${STANDING_COLOURS[s]}"/><text x="18" y="${y + 10}" fill="currentColor">${escapeXml(standingLabel(s, w))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
