// The world map: the country shapes built from Natural Earth (every code a real ISO one, small enough to ship),
// and the map of a real bidder check (the fixture disclosures and the shipped lists): countries shaded by the
// worst standing of their facilities, a legend and titles in words, escaped SVG, in the report's language.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorldShapes } from '@/src/build/build-world-shapes';
import { isCountryCode } from '@/src/core/countries';
import type { DefaultData } from '@/src/core/types';
import { checkBidders, type BidderCheckReport } from '@/src/disclosures/check-bidders';
import { checkKnowledgeFrom } from '@/src/disclosures/check-knowledge';
import { parseDisclosureTable } from '@/src/disclosures/parse-disclosure';
import { readTable } from '@/src/disclosures/read-table';
import { renderReportHtml } from '@/src/disclosures/report-html';
import { catalogueWords } from '@/src/disclosures/report-words';
import type { Disclosure } from '@/src/disclosures/types';
import { nextVersion } from '@/src/disclosures/versions';
import { isWorldShapes, worldMapModel, worldMapSvg, type WorldShapes } from '@/src/disclosures/world-shapes';
import { readCatalogue } from '../ui/use-catalogue';

const DIR = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
const data = JSON.parse(readFileSync(new URL('../../../public/data/defaults.json', import.meta.url), 'utf8')) as DefaultData;
const en = catalogueWords(readCatalogue('en'), 'en');
const de = catalogueWords(readCatalogue('de'), 'de');

let shapes: WorldShapes;
let report: BidderCheckReport;
beforeAll(async () => {
  shapes = buildWorldShapes();
  const stored: Disclosure[] = [];
  for (const f of ['nordkust_workwear_2026-11.json', 'brightline_ict_2026-10.csv']) {
    for (const d of parseDisclosureTable(await readTable(f, new Uint8Array(readFileSync(DIR + f)))).disclosures) stored.push(nextVersion(d, stored).disclosure);
  }
  report = checkBidders({ bidders: [{ name: 'Nordkust Workwear BV' }, { name: 'Brightline ICT Solutions NV' }], disclosures: stored, knowledge: checkKnowledgeFrom(data), asOf: '2026-12-03', generatedAt: '2026-12-03T11:00:00Z', words: en });
});

describe('country shapes', () => {
  it('has a path for each country at 1:110m under its ISO alpha-2 code, small enough to ship', () => {
    const codes = Object.keys(shapes.shapes);
    expect(codes.length).toBeGreaterThanOrEqual(170);
    expect(codes.filter((c) => !isCountryCode(c))).toEqual([]);
    for (const c of ['CN', 'MY', 'TR', 'BD', 'BE', 'XK', 'CY', 'SO']) expect(shapes.shapes[c], c).toMatch(/^M[\d.,LMZ-]+Z$/);
    expect(JSON.stringify(shapes).length).toBeLessThan(150_000);
    expect(isWorldShapes(shapes)).toBe(true);
    expect(isWorldShapes({ ...shapes, shapes: { CN: 'M0,0"/><script>' } })).toBe(false);
  });
});

describe('the world map', () => {
  it('shades each country by the worst standing of the facilities disclosed there', () => {
    const model = worldMapModel(report, shapes, en)!;
    const standing = (code: string) => model.countries.find((c) => c.code === code)?.standing;
    expect(standing('CN')).toBe('flagged'); // Camel Group is on the UFLPA list; Hoshine and Aksu are in Xinjiang
    expect(standing('MY')).toBe('derived'); // rubber gloves in Malaysia (ILAB)
    expect(standing('BE')).toBeUndefined();
    expect(model.countries.find((c) => c.code === 'CN')!.label).toMatch(/^China: \d flagged/);
    expect(model.legend.map((l) => l.label)).toContain('flagged (list or Xinjiang)');
    expect(worldMapModel(report, shapes, en, 'Nobody')).toBeUndefined();
  });

  it('is inline SVG in the printable report, in its language, with the attribution', () => {
    const svg = worldMapSvg(report, shapes, de);
    expect(svg).toContain('<title id="map-title">Karte: wo die offengelegten Produktionsstätten liegen');
    expect(svg).toContain('<path class="map-flagged"');
    expect(svg).toContain('Ländergrenzen: Natural Earth (gemeinfrei), 1:110m');
    expect(svg).toContain('gelistet (Liste oder Xinjiang)');
    const html = renderReportHtml(report, en, shapes);
    expect(html).toContain('<figure class="world-map">');
    expect(html.indexOf('<figure class="world-map">')).toBeLessThan(html.indexOf('aria-labelledby="chart-title"'));
    expect(renderReportHtml(report, en)).not.toContain('world-map"><svg');
  });
});
