// Facility links (tiers, names must agree, decisions kept), derived risk (products × country, Xinjiang), quality
// per clause, consistency across bidders, and the report in HTML, CSV and JSON — from the fixture disclosures and
// the shipped lists.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DefaultData } from '@/src/core/types';
import { checkBidders, summariseBidder, type BidderCheckReport } from '@/src/disclosures/check-bidders';
import { checkKnowledgeFrom } from '@/src/disclosures/check-knowledge';
import { deriveFacilityRisk, xinjiangRegion } from '@/src/disclosures/derive-risk';
import { linkFacility, type KnownFacility } from '@/src/disclosures/match-facilities';
import { parseDisclosureTable } from '@/src/disclosures/parse-disclosure';
import { assessDisclosure, crossCheckBidders } from '@/src/disclosures/quality';
import { readTable } from '@/src/disclosures/read-table';
import { renderReportCsv, renderReportJson } from '@/src/disclosures/report-export';
import { renderReportHtml } from '@/src/disclosures/report-html';
import type { DisclosedFacility, Disclosure } from '@/src/disclosures/types';
import { catalogueWords } from '@/src/disclosures/report-words';
import { nextVersion } from '@/src/disclosures/versions';
import { readCatalogue } from '../ui/use-catalogue';

const DIR = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
const data = JSON.parse(readFileSync(new URL('../../../public/data/defaults.json', import.meta.url), 'utf8')) as DefaultData;
const knowledge = checkKnowledgeFrom(data);
const en = catalogueWords(readCatalogue('en'), 'en');

async function load(...files: string[]): Promise<Disclosure[]> {
  const stored: Disclosure[] = [];
  for (const f of files) {
    for (const d of parseDisclosureTable(await readTable(f, new Uint8Array(readFileSync(DIR + f))), { importedAt: '2026-12-01T09:00:00.000Z' }).disclosures) stored.push(nextVersion(d, stored).disclosure);
  }
  return stored;
}

const facility = (over: Partial<DisclosedFacility>): DisclosedFacility => ({ key: 'k', row: 2, name: 'X', address: 'Y', country: 'CN', products: [], sector: [], facilityType: [], processingType: [], ...over });
const knownOf = (id: string, f: DisclosedFacility): KnownFacility => ({ id, sourceLabel: 'OS Hub list', sourceKind: 'facility-list', facility: f });

describe('facility links', () => {
  const gallant = facility({ name: 'Gallant Industries (M) Sdn Bhd', address: 'LOT 73351 JALAN PENGKALAN, LAHAT, 31/500 Lahat, LAHAT IPOH, 31500, Perak', country: 'MY' });
  const disclosed = facility({ key: 'MY:gallant industries m', name: 'Gallant Industries (M) Sdn. Bhd.', address: 'Lot 73351 Jln Pengkalan, Lahat, 31500 Ipoh, Perak', country: 'MY' });

  it('links automatically at 0.8 or more with one candidate whose name agrees, and not across countries', () => {
    const [link] = linkFacility('supplier:a', disclosed, [knownOf('l/1', gallant)]);
    expect(link).toMatchObject({ tier: 'automatic' });
    expect(link!.score).toBeGreaterThanOrEqual(0.8);
    expect(linkFacility('supplier:a', { ...disclosed, country: 'ID' }, [knownOf('l/1', gallant)])).toEqual([]);
  });

  it('proposes, and links nothing, when two candidates reach 0.8', () => {
    const links = linkFacility('supplier:a', disclosed, [knownOf('l/1', gallant), knownOf('l/2', { ...gallant, address: 'Lot 73351, Jalan Pengkalan, Lahat, 31500 Ipoh' })]);
    expect(links.map((l) => l.tier)).toEqual(['likely', 'likely']);
  });

  it('never links on the address alone: another name at the same address is only possible', () => {
    const neighbour = facility({ name: 'Perak Precision Moulding Sdn Bhd', address: gallant.address, country: 'MY' });
    const links = linkFacility('supplier:a', disclosed, [knownOf('l/3', neighbour)]);
    expect(links.every((l) => l.tier === 'possible')).toBe(true);
  });

  it('an exact OS ID is 1.0; a rejected link stays rejected and a confirmed one is shown as the user\'s', () => {
    const withId = { ...disclosed, osId: 'MY2020042B8D3RB' };
    const known = [knownOf('l/1', { ...gallant, osId: 'MY2020042B8D3RB' })];
    expect(linkFacility('supplier:a', withId, known)[0]).toMatchObject({ tier: 'exact', score: 1 });
    const ref = `supplier:a/${withId.key}`;
    expect(linkFacility('supplier:a', withId, known, [{ id: `${ref}|l/1`, facilityRef: ref, knownId: 'l/1', verdict: 'rejected', decidedAt: '2026-12-03' }])).toEqual([]);
    expect(linkFacility('supplier:a', disclosed, [knownOf('l/1', gallant)], [{ id: 'x', facilityRef: `supplier:a/${disclosed.key}`, knownId: 'l/1', verdict: 'confirmed', decidedAt: '2026-12-03' }])[0]!.tier).toBe('confirmed');
  });
});

describe('derived risk', () => {
  it('reads products × country against the ILAB list: rubber gloves in Malaysia, cotton in Türkiye', () => {
    const gloves = deriveFacilityRisk(facility({ country: 'MY', products: ['nitrile gloves'] }), knowledge);
    expect(gloves.productCountry.map((r) => [r.good, r.flags.map((f) => f.type)])).toEqual([['Rubber Gloves', ['forced_labour']]]);
    expect(gloves.categories.map((c) => c.category.id)).toEqual(['gloves']);
    const cotton = deriveFacilityRisk(facility({ country: 'TR', products: ['katoenen werkbroeken'] }), knowledge);
    expect(cotton.productCountry.map((r) => r.good)).toEqual(['Cotton']);
    expect(deriveFacilityRisk(facility({ country: 'BE', products: ['nitrile gloves'] }), knowledge).productCountry).toEqual([]);
  });

  it('finds Xinjiang from the address or region, whatever the facility\'s name, and only in China', () => {
    expect(xinjiangRegion({ country: 'CN', address: 'Shanshan Industrial Park, Shanshan County, Turpan' })?.matched).toBe('Shanshan County');
    expect(xinjiangRegion({ country: 'CN', address: '新疆乌鲁木齐市' })?.matched).toBe('新疆');
    expect(xinjiangRegion({ country: 'CN', address: 'No. 1 Road', region: 'Xinjiang Uygur Autonomous Region' })).toBeDefined();
    expect(xinjiangRegion({ country: 'CN', address: 'No. 2 Yuanfeng Road, Kunshan, Jiangsu' })).toBeUndefined();
    expect(xinjiangRegion({ country: 'US', address: 'Aksu Drive 4, Denver' })).toBeUndefined();
  });
});

describe('quality', () => {
  it('names missing fields per facility and clause, and stale dates relative to the date set', async () => {
    const [v1] = await load('nordkust_workwear_2026-03.csv');
    const q = assessDisclosure(v1!, '2026-12-03', en);
    const messages = q.gaps.map((g) => `${g.clause}/${g.kind}: ${g.message}`);
    expect(messages).toContain('changes/stale: disclosed on 2026-03-10, more than 6 months before 2026-12-03: ask for an update');
    expect(messages).toContain('audits/stale: Erateks Tekstil Sanayi ve Ticaret A.Ş.: last audit 2025-11-04, more than 6 months before 2026-12-03');
    expect(messages).toContain('audits/missing: Gallant Industries (M) Sdn Bhd: no audit or audit inquiry date');
    expect(messages).toContain('audits/pending-request: Gallant Industries (M) Sdn Bhd: a formal request to the contractor is pending');
    // at an earlier date the disclosure is fresh, and only the audit of August 2025 is too old
    expect(assessDisclosure(v1!, '2026-05-01', en).gaps.filter((g) => g.kind === 'stale').map((g) => g.facility)).toEqual(['NOMAN TERRY TOWEL MILLS LTD']);
  });

  it('points out the same facility disclosed by two bidders under another name or address', async () => {
    const [nordkust] = await load('nordkust_workwear_2026-03.csv');
    const [brightline] = await load('brightline_ict_2026-10.csv');
    const notes = crossCheckBidders([nordkust!, brightline!], en);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/^Nordkust Workwear BV and Brightline ICT Solutions NV disclose what looks like the same facility at "LOT 73351 JALAN PENGKALAN, LAHAT, 31500 LAHAT IPOH" and "Lot 73351 Jalan Pengkalan, Lahat, 31500 Ipoh"/);
  });
});

describe('the bidder check report', () => {
  let report: BidderCheckReport;
  beforeAll(async () => {
    const disclosures = await load('nordkust_workwear_2026-03.csv', 'nordkust_workwear_2026-11.json', 'brightline_ict_2026-10.csv', 'osh_contributor_list_full_columns.csv');
    report = checkBidders({
      bidders: [{ name: 'Nordkust Workwear B.V.' }, { name: 'BRIGHTLINE ICT SOLUTIONS NV' }, { name: 'Atelier Verdonck' }],
      disclosures, knowledge, asOf: '2026-12-03', generatedAt: '2026-12-03T11:00:00.000Z', words: en,
    });
  });

  it('gives each flag its chain bidder → facility → list entry, with confidence and sources', () => {
    const brightline = report.bidders[1]!;
    const camel = brightline.flags.find((f) => f.title.startsWith('disclosed facility Camel Group'))!;
    expect(camel.severity).toBe('flag');
    expect(camel.chain.map((c) => c.kind)).toEqual(['bidder', 'facility', 'list-entry']);
    expect(camel.chain[2]!.text).toBe('Camel Group Co., Ltd. — UFLPA Entity List (reconstructed 2026-12-03, partial), listed 2023-08-02');
    expect(camel.confidence).toMatch(/^high/);
    expect(brightline.flags.find((f) => f.title.includes('is in Xinjiang'))!.chain[1]!.text).toMatch(/^Hoshine Silicon Industry/);
    expect(brightline.flags.filter((f) => f.severity === 'risk').map((f) => f.title)).toContain('Polysilicon from China: forced labour (ILAB)');
  });

  it('uses the latest version and lists what changed since the one before', () => {
    const nordkust = report.bidders[0]!;
    expect(nordkust.disclosure).toMatchObject({ version: 2, versions: 2, date: '2026-11-20' });
    expect(nordkust.disclosure!.changes.map((c) => c.kind)).toEqual(['products-changed', 'moved', 'products-changed', 'added', 'removed']);
    expect(nordkust.facilities[0]!.links[0]).toMatchObject({ tier: 'exact', known: { sourceLabel: 'osh_contributor_list_full_columns.csv', facility: { osId: 'TR2019351K4Q7M4' } } });
  });

  it('never says "no risk": a bidder without a disclosure says its facilities are unknown', () => {
    const verdonck = report.bidders[2]!;
    expect(summariseBidder(verdonck, en).verdict).toBe('nothing found on the lists checked; no disclosure, so its facilities are unknown');
    expect(verdonck.unknowns).toContain('recent alerts: not checked (no feeds were read)');
    const all = renderReportHtml(report, en) + renderReportCsv(report, en) + renderReportJson(report);
    expect(all.replace(/not the same as no risk|says “no risk”/gi, '')).not.toMatch(/no risk/i);
    expect(all.match(/no information is not the same as no risk/gi)!.length).toBeGreaterThan(1);
  });

  it('exports HTML without scripts or remote assets, CSV with its dates and list versions, and JSON', () => {
    const html = renderReportHtml(report, en);
    expect(html).not.toMatch(/<script|src="http|url\(http/i);
    expect(html).toContain('<svg');
    expect(html).toContain('Generated 2026-12-03T11:00:00.000Z');
    expect(html).toContain('UFLPA Entity List');
    const csv = renderReportCsv(report, en);
    expect(csv.split('\r\n')[0]).toBe('# TenderLens bidder check, generated 2026-12-03T11:00:00.000Z, freshness as of 2026-12-03');
    expect(csv).toContain('# disclosures: Nordkust Workwear BV v2 2026-11-20; Brightline ICT Solutions NV v1 2026-10-01');
    const json = JSON.parse(renderReportJson(report));
    expect(json).toMatchObject({ format: 'tenderlens-bidder-check/1', asOf: '2026-12-03' });
    expect(json.dataVersions.map((d: { id: string }) => d.id)).toContain('us-dhs-uflpa');
  });

  it('escapes what files say in the HTML and keeps spreadsheet formulas out of the CSV', async () => {
    const hostile = parseDisclosureTable(await readTable('h.csv', new TextEncoder().encode('supplier_name,name,address,country,audit_findings\n"=HYPERLINK(""http://x"")","<img src=x onerror=alert(1)>","1 Road, Town",CN,javascript:alert(1)\n'))).disclosures[0]!;
    const r = checkBidders({ bidders: [{ name: '=HYPERLINK("http://x")' }], disclosures: [nextVersion(hostile, []).disclosure], knowledge, asOf: '2026-12-03', generatedAt: 'now', words: en });
    const html = renderReportHtml(r, en);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(renderReportCsv(r, en)).toContain("'=HYPERLINK");
  });
});
