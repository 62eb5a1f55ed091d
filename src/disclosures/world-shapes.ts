// The world map of where each bidder's disclosed facilities are: countries shaded by the worst standing of the
// facilities there (flagged, possible, derived risk, nothing found), from the shipped country shapes
// (public/data/world-shapes.json, precomputed SVG paths from Natural Earth). `worldMapModel` is the shared pure
// part; the side panel draws it with Preact, the printable report (extension and CLI) as the SVG text below, with
// every value escaped and no colour left alone: the legend says each shade in words, each shaded country has its
// name and counts as its title, and the chart and tables beside it carry the same facts as text. Pure.
import type { BidderCheckReport } from './check-bidders';
import type { ReportWords } from './report-words';
import { countsByCountry, escapeXml, standingLabel, STANDING_ORDER, type FacilityStanding } from './risk-chart';

/** Where the shapes are inside the extension package (and under public/ in the repository). */
export const WORLD_SHAPES_PATH = '/data/world-shapes.json';

export interface WorldShapes {
  attribution: string;
  width: number;
  height: number;
  /** SVG path data per ISO 3166-1 alpha-2 code. */
  shapes: Record<string, string>;
}

export interface MapCountry {
  code: string;
  d: string;
  /** The worst standing of the facilities there; undefined where no facility is disclosed. */
  standing?: FacilityStanding;
  /** "China: 2 flagged, 1 derived risk" — the country's title, in the report's words. */
  label?: string;
}

export interface WorldMapModel {
  width: number;
  height: number;
  title: string;
  attribution: string;
  countries: MapCountry[];
  /** The standings the map shows, in order, with their words. */
  legend: { standing: FacilityStanding; label: string }[];
  /** Countries with facilities that have no shape at this scale (small islands, city states). */
  notDrawn: string[];
}

/** True when `value` has the shape of a world-shapes file (it comes from the package, but is checked all the same). */
export function isWorldShapes(value: unknown): value is WorldShapes {
  const v = value as WorldShapes | null;
  return !!v && typeof v === 'object' && typeof v.width === 'number' && typeof v.height === 'number' && typeof v.attribution === 'string' &&
    !!v.shapes && typeof v.shapes === 'object' && Object.values(v.shapes).every((d) => typeof d === 'string' && /^[MLZmlz0-9.,\s-]*$/.test(d));
}

export function worldMapModel(report: BidderCheckReport, shapes: WorldShapes, w: ReportWords, bidder?: string): WorldMapModel | undefined {
  const rows = countsByCountry(report, bidder);
  if (rows.length === 0) return undefined;
  const byCountry = new Map(rows.map((r) => [r.country, r.counts]));
  const countries: MapCountry[] = Object.entries(shapes.shapes).map(([code, d]) => {
    const counts = byCountry.get(code);
    if (!counts) return { code, d };
    const standing = STANDING_ORDER.find((s) => counts[s] > 0)!;
    const parts = STANDING_ORDER.filter((s) => counts[s] > 0).map((s) => w.t(`repStandingCount_${s.replace('-', '_')}`, [String(counts[s])]));
    return { code, d, standing, label: `${w.country(code)}: ${parts.join(', ')}` };
  });
  const shown = new Set(countries.filter((c) => c.standing).map((c) => c.standing!));
  return {
    width: shapes.width,
    height: shapes.height,
    title: w.t('repMapTitle'),
    attribution: w.t('repMapAttribution'),
    countries,
    legend: STANDING_ORDER.filter((s) => shown.has(s) || s === 'none-found').map((standing) => ({ standing, label: standingLabel(standing, w) })),
    notDrawn: rows.map((r) => r.country).filter((c) => !(c in shapes.shapes)).map((c) => w.country(c)),
  };
}

/** The CSS class of a country's shade ("map-flagged"), or of land with no disclosed facility. */
export const shadeClass = (standing?: FacilityStanding) => (standing ? `map-${standing}` : 'map-land');

/** The map as SVG text for the printable report; empty when no facility is disclosed or there are no shapes. */
export function worldMapSvg(report: BidderCheckReport, shapes: WorldShapes | undefined, w: ReportWords, bidder?: string): string {
  const model = shapes && worldMapModel(report, shapes, w, bidder);
  if (!model) return '';
  const legendTop = model.height + 12;
  const height = legendTop + model.legend.length * 24 + (model.notDrawn.length ? 24 : 0) + 24;
  const parts = [
    `<figure class="world-map"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="map-title" viewBox="0 0 ${model.width} ${height}" width="100%" style="max-width:760px;font:16px system-ui,sans-serif">`,
    `<title id="map-title">${escapeXml(model.title)}</title>`,
    ...model.countries.map((c) => `<path class="${shadeClass(c.standing)}" d="${escapeXml(c.d)}">${c.label ? `<title>${escapeXml(c.label)}</title>` : ''}</path>`),
    ...model.legend.map((l, i) => {
      const y = legendTop + i * 24;
      return `<rect class="${shadeClass(l.standing)}" x="0" y="${y}" width="18" height="16"/><text x="26" y="${y + 13}" fill="currentColor">${escapeXml(l.label)}</text>`;
    }),
  ];
  let y = legendTop + model.legend.length * 24 + 14;
  if (model.notDrawn.length) {
    parts.push(`<text x="0" y="${y}" fill="currentColor">${escapeXml(w.t('repMapNotDrawn', [model.notDrawn.join(', ')]))}</text>`);
    y += 24;
  }
  parts.push(`<text x="0" y="${y}" fill="currentColor" font-size="13">${escapeXml(model.attribution)}</text></svg>`);
  parts.push(`<figcaption>${escapeXml(w.t('repMapCaption'))}</figcaption></figure>`);
  return parts.join('');
}

/** The shades, light and dark, for a page that shows the map (the report's CSS and the side panel's). */
export const MAP_CSS = `
.map-land{fill:#e3e5e9;stroke:#fff;stroke-width:.4}.map-none-found{fill:#9aa0aa;stroke:#fff;stroke-width:.4}
.map-derived{fill:#f0b35a;stroke:#fff;stroke-width:.4}.map-possible{fill:#c77700;stroke:#fff;stroke-width:.4}.map-flagged{fill:#b3261e;stroke:#fff;stroke-width:.4}
@media screen and (prefers-color-scheme:dark){.map-land{fill:#2b2f37;stroke:#16181d}.map-none-found{fill:#6b717c;stroke:#16181d}.map-derived{fill:#c98a2e;stroke:#16181d}.map-possible{fill:#e09a3a;stroke:#16181d}.map-flagged{fill:#ff6f61;stroke:#16181d}}
.world-map{margin:8px 0}.world-map figcaption{font-size:12px;opacity:.8}
`;
