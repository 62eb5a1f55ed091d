// UNSPSC, NAICS and PSC codes to risk categories, with the code that led there: real codes of the fixtures (the
// SAM.gov API response's NAICS and PSC codes, the UNSPSC codes of SECOP and the Colombian OCDS releases), through
// the map alone and through `tenderlens inspect` (the same analysis the extension runs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DefaultData, NoticeClassification, PageAnalysis } from '@/src/core/types';
import { describeMappedCode, riskCategoriesForClassification } from '@/src/core/classification-risk';
import { classification } from '@/src/adapters/classification-codes';
import { buildPageAnalysis } from '@/src/core/analyse-page';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from '../cli/fake-io';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const DEFAULTS = JSON.parse(readFileSync(new URL('../../../public/data/defaults.json', import.meta.url), 'utf8')) as DefaultData;
const SAM = JSON.parse(readFileSync(`${FIXTURES}portal_html/us_sam_gov_opportunities_v2_search_response.json`, 'utf8')) as { opportunitiesData: { noticeId: string; naicsCode: string; classificationCode: string }[] };

const code = (scheme: NoticeClassification['scheme'], text: string) => classification(scheme, text)!;
const categoriesOf = (c: NoticeClassification) => riskCategoriesForClassification(c, DEFAULTS.riskCategories).map((found) => found.category.id);

describe('classification codes mapped to risk categories', () => {
  it('maps the SAM.gov response’s lighting kit and communications equipment, by the code that names them', () => {
    // MIL-PRF-24282A Light, Signal, Multipurpose, Kit: NAICS 335139 (Electric Lamp Bulb and Other Lighting Equipment Manufacturing).
    const lighting = riskCategoriesForClassification(code('naics', '335139'), DEFAULTS.riskCategories);
    expect(lighting.map((f) => f.category.id)).toEqual(['lighting']);
    expect(describeMappedCode(code('naics', '335139'), lighting[0]!.entry)).toBe('NAICS 335139 (under 3351 Electric Lighting Equipment Manufacturing)');
    // M-Drive Power System: NAICS 334220 and PSC 5895.
    expect(categoriesOf(code('naics', '334220'))).toEqual(['electronics-ict']);
    const psc = riskCategoriesForClassification(code('psc', '5895'), DEFAULTS.riskCategories);
    expect(psc.map((f) => f.category.id)).toEqual(['electronics-ict']);
    expect(describeMappedCode(code('psc', '5895'), psc[0]!.entry)).toBe('PSC 5895 Miscellaneous Communication Equipment');
  });

  it('maps none of the fixtures’ codes of services or of goods no list names', () => {
    const unmapped = [
      // SAM.gov: construction, ships, aircraft parts, printing, valves, chemicals, temporary help; PSC of the same.
      ...['236220', '336611', '336413', '323111', '332919', '325998', '561320'].map((c) => code('naics', c)),
      ...['5850', 'Z2AA', 'J999', '6340', 'T001', '4820', '6850', 'Q999'].map((c) => code('psc', c)),
      // SECOP and the Colombian OCDS releases: human resources, temporary staff, accounting, vocational training.
      ...['V1.80111500', '1.8011000', '801116', '8011', '841117', '8411', '1.86101713', '1.8610170'].map((c) => code('unspsc', c)),
    ];
    for (const c of unmapped) expect(categoriesOf(c), `${c.scheme} ${c.code}`).toEqual([]);
    expect(SAM.opportunitiesData.flatMap((r) => [r.naicsCode, r.classificationCode])).toEqual(expect.arrayContaining(['335139', '334220', '5895', '561320']));
  });

  it('follows the UNSPSC and NAICS hierarchies both ways down to a family or industry group, and PSC exactly', () => {
    const gloves = riskCategoriesForClassification(code('unspsc', '46181504'), DEFAULTS.riskCategories);
    // Protective gloves are safety apparel too; the gloves category names the commodity itself.
    expect(gloves.map((f) => [f.category.id, f.entry.code])).toEqual([['garments', '46181500'], ['gloves', '46181504']]);
    expect(describeMappedCode(code('unspsc', '46181504'), gloves[1]!.entry)).toBe('UNSPSC 46181504 Protective gloves');
    expect(categoriesOf(code('unspsc', '46181604'))).toEqual(['footwear']);
    expect(categoriesOf(code('unspsc', '461815'))).toEqual(['garments', 'gloves']); // a class covers its commodities
    expect(categoriesOf(code('unspsc', '46000000'))).toEqual([]); // a segment is too broad to say
    expect(categoriesOf(code('naics', '315250'))).toEqual(['garments']);
    expect(categoriesOf(code('naics', '3341'))).toEqual(['electronics-ict']);
    expect(categoriesOf(code('naics', '33'))).toEqual([]);
    expect(categoriesOf(code('psc', '6117'))).toEqual(['solar-pv']);
    expect(categoriesOf(code('psc', '6118'))).toEqual([]);
    expect(categoriesOf({ scheme: 'cpc', code: '82120' })).toEqual([]);
  });

  it('makes a finding on the SAM.gov notice that says which code led to the category', async () => {
    const io = recordingIo({ cwd: FIXTURES });
    expect(await runCli(['inspect', 'portal_html/us_sam_gov_opportunities_v2_search_response.json', '--url', 'https://sam.gov/opp/fa01b8393b144750b2dddb5288592ec3/view', '--json'], io)).toBe(0);
    const analysis = JSON.parse(io.out) as PageAnalysis;
    const finding = analysis.findings.find((f) => f.id === 'category:electronics-ict')!;
    expect(finding.kind).toBe('high-risk-category');
    expect(finding.cpvCodes).toEqual([]);
    expect(finding.classificationCodes).toEqual([
      { scheme: 'naics', code: '334220', mappedCode: '3342', mappedTitle: 'Communications Equipment Manufacturing' },
      { scheme: 'psc', code: '5895', mappedCode: '5895', mappedTitle: 'Miscellaneous Communication Equipment' },
    ]);
    expect(finding.reason).toBe('NAICS 334220 (under 3342 Communications Equipment Manufacturing) falls in the high-risk category “Computers, phones, screens and other electronics”. PSC 5895 Miscellaneous Communication Equipment falls in the high-risk category “Computers, phones, screens and other electronics”.');
    expect(finding.flags.length).toBeGreaterThan(0); // the ILAB and DFØ statements behind the category
    expect(finding.anchors.length).toBeGreaterThan(0); // where the codes are written in the reading's text
    expect(analysis.summary.categories).toBe(1);

    const printed = recordingIo({ cwd: FIXTURES });
    expect(await runCli(['inspect', 'portal_html/us_sam_gov_opportunities_v2_search_response.json', '--url', 'https://sam.gov/opp/fa01b8393b144750b2dddb5288592ec3/view'], printed)).toBe(0);
    expect(printed.out).toContain('  NAICS 334220\n      risk categories: Computers, phones, screens and other electronics\n');
    expect(printed.out).toContain('why: NAICS 334220 (under 3342 Communications Equipment Manufacturing) falls in');
  });

  it('adds the code to a category a CPV code already raised, once, and says both', () => {
    const flags = new Map(DEFAULTS.flags.map((f) => [f.id, f]));
    const sources = new Map(DEFAULTS.sources.map((s) => [s.id, s]));
    const text = 'CPV 18424000 Gloves\nUNSPSC 46181504 Protective gloves\nV1.46181504';
    const analysis = buildPageAnalysis({
      entity: () => undefined, flagsForEntity: () => [], flag: (id) => flags.get(id), source: (id) => sources.get(id), sources: () => DEFAULTS.sources,
      cpvLabel: (c) => DEFAULTS.cpv.find((e) => e.code8 === c)?.label, riskCategories: DEFAULTS.riskCategories,
    }, {
      url: 'https://example.org/notice', text,
      reading: { portal: 'generic', cpv: [{ code8: '18424000', main: true }], classifications: [code('unspsc', '46181504'), code('unspsc', 'V1.46181504')], suppliers: [], countries: [] },
    }, { shown: [], dismissed: [], confirmed: new Map() });
    const gloves = analysis.findings.find((f) => f.id === 'category:gloves')!;
    expect(gloves.cpvCodes).toEqual(['18424000']);
    expect(gloves.classificationCodes?.map((c) => c.code)).toEqual(['46181504']);
    expect(gloves.reason).toContain('UNSPSC 46181504 Protective gloves falls in the high-risk category “Gloves: work, disposable, medical and rubber gloves”.');
    expect(gloves.reason.startsWith('CPV 18424000')).toBe(true);
    // Marks where each is written: the CPV code, and both printings of the UNSPSC code.
    expect(gloves.anchors.map((a) => text.slice(a.start, a.end))).toEqual(['18424000', '46181504', '46181504']);
  });
});
