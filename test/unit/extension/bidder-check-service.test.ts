// The background's bidder check and the disclosures of a page's suppliers, over a real Dexie database
// (fake-indexeddb) with the shipped lists; and the supplier marks those disclosures turn into flags.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDisclosuresToMarks, disclosureAgeLines } from '@/src/annotator/card-disclosure';
import { planMarks } from '@/src/annotator/plan-marks';
import { readNotice } from '@/src/adapters';
import { buildDefaultData } from '@/src/build/build-default-data';
import type { DefaultData } from '@/src/core/types';
import { parseDisclosureTable } from '@/src/disclosures/parse-disclosure';
import { readTable } from '@/src/disclosures/read-table';
import { disclosuresForSuppliers, runBidderCheck } from '@/src/extension/background/bidder-check-service';
import { KnowledgeService } from '@/src/extension/background/knowledge-service';
import { openKnowledgeDb } from '@/src/kb/db';
import { storeDisclosures } from '@/src/kb/disclosures';
import { extractPageText } from '@/src/page-text/extract';
import { interfaceReportWords } from '@/src/ui/bidder-report-words';
import { t } from '@/src/ui/i18n';
import { useCatalogue } from '../ui/use-catalogue';

const DIR = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
let defaults: DefaultData;
let n = 0;
const services: KnowledgeService[] = [];
beforeAll(async () => {
  defaults = await buildDefaultData();
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.db.delete();
});

async function serviceWith(...files: string[]): Promise<KnowledgeService> {
  const s = new KnowledgeService(async () => defaults, openKnowledgeDb(`bidder-check-${n++}`));
  services.push(s);
  await s.whenReady();
  for (const f of files) await storeDisclosures(s.db, parseDisclosureTable(await readTable(f, new Uint8Array(readFileSync(DIR + f)))).disclosures);
  return s;
}

beforeEach(() => useCatalogue('en', 'en-GB'));

describe('bidder check in the background', () => {
  it('checks bidders against the stored disclosures and lists, and says alerts are unknown without feeds', async () => {
    const s = await serviceWith('nordkust_workwear_2026-03.csv', 'nordkust_workwear_2026-11.json', 'brightline_ict_2026-10.csv');
    const report = await runBidderCheck(s, ['Brightline ICT Solutions NV', 'Nordkust Workwear BV'], '2026-12-03', interfaceReportWords(), new Date('2026-12-03T10:00:00Z'));
    expect(report.bidders.map((b) => [b.name, b.disclosure?.version])).toEqual([['Brightline ICT Solutions NV', 1], ['Nordkust Workwear BV', 2]]);
    expect(report.bidders[0]!.flags.filter((f) => f.severity === 'flag').map((f) => f.title)).toEqual([
      'disclosed facility Camel Group Co., Ltd. is Camel Group Co., Ltd.: import ban',
      'disclosed facility Hoshine Silicon Industry (Shanshan) Co., Ltd is Hoshine Silicon Industry (Shanshan) Co., Ltd: import ban',
      'disclosed facility Hoshine Silicon Industry (Shanshan) Co., Ltd is in Xinjiang (UFLPA)',
    ]);
    expect(report.bidders[1]!.unknowns).toContain('recent alerts: not checked (no feeds were read)');
    expect(report.dataVersions.find((d) => d.id === 'us-dhs-uflpa')).toMatchObject({ partial: true });
  });

  it('turns a supplier mark into a flag when its disclosed facility is listed, with the chain in the card', async () => {
    const s = await serviceWith('brightline_ict_2026-10.csv');
    const html = readFileSync(DIR + 'award_notice_laptops_workwear.html', 'utf8');
    const { document } = parseHTML(html);
    const url = 'http://127.0.0.1:8080/find-a-tender/Notice/000000-2026';
    const reading = readNotice(document as unknown as Document, url);
    expect(reading.suppliers.map((p) => p.name)).toEqual(['Brightline ICT Solutions NV', 'Nordkust Workwear BV']);
    const analysis = await s.analysePage({ url, text: extractPageText(document.body).text, reading });
    const summaries = await disclosuresForSuppliers(s, reading.suppliers.map((p) => p.name));
    expect(summaries.map((d) => d.supplier)).toEqual(['Brightline ICT Solutions NV']);
    const before = planMarks(analysis, t);
    const after = addDisclosuresToMarks(before, summaries, t, '2026-12-03');
    const brightline = after.find((m) => m.content.title.includes('Brightline'))!;
    expect(brightline.content.tone).toBe('flag');
    expect(brightline.content.title).toBe('Brightline ICT Solutions NV disclosed a facility that is on a list');
    expect(brightline.content.lines).toContain('Brightline ICT Solutions NV → Camel Group Co., Ltd. → Camel Group Co., Ltd. is on UFLPA Entity List (reconstructed 2026-12-03, partial)');
    expect(brightline.content.lines).toContain('Hoshine Silicon Industry (Shanshan) Co., Ltd (CN): Xinjiang (UFLPA); Polysilicon (ILAB)');
    // Nordkust has no disclosure here: its mark is as the page analysis made it
    const nordkust = (list: typeof after) => list.find((m) => m.content.title.includes('Nordkust'));
    expect(nordkust(after)).toEqual(nordkust(before));
  });

  it("gives the disclosure's age in the card, and says when it is older than the six-month rule", async () => {
    const s = await serviceWith('brightline_ict_2026-10.csv');
    const [summary] = await disclosuresForSuppliers(s, ['Brightline ICT Solutions NV']);
    expect(summary!.date).toBe('2026-10-01');
    const mark = { anchor: { start: 0, end: 10, text: 'Brightline ICT Solutions NV' }, content: { tone: 'checked' as const, pill: '', ariaLabel: '', title: 'Brightline ICT Solutions NV', lines: [], sources: [] } };
    const lines = (today: string) => addDisclosuresToMarks([mark], [summary!], t, today)[0]!.content.lines;
    expect(lines('2026-12-03')).toContain('Disclosed 2 months ago');
    expect(lines('2026-12-03').some((l) => l.startsWith('Older than 6 months'))).toBe(false);
    expect(lines('2027-06-03')).toEqual(expect.arrayContaining(['Disclosed 8 months ago', expect.stringMatching(/^Older than 6 months: /)]));
    expect(lines('2026-10-20')).toContain('Disclosed less than a month ago');
    expect(disclosureAgeLines('2026-11-01', '2026-12-01', t)).toEqual(['Disclosed 1 month ago']);
    expect(disclosureAgeLines(undefined, '2026-12-01', t)).toEqual(['The disclosure is not dated, so its age is not known']);
    useCatalogue('de', 'de-DE');
    expect(disclosureAgeLines('2026-04-01', '2026-12-03', t)).toEqual(['Vor 8 Monaten offengelegt', expect.stringMatching(/^Älter als 6 Monate: /)]);
    useCatalogue('fr', 'fr-FR');
    expect(disclosureAgeLines('2025-11-01', '2026-12-03', t)[0]).toBe('Déclarée il y a 13 mois');
  });

  it('keeps the mark and card of a supplier with a disclosure when grey marks are hidden', async () => {
    const s = await serviceWith('nordkust_workwear_2026-11.json');
    const html = readFileSync(DIR + 'award_notice_laptops_workwear.html', 'utf8');
    const { document } = parseHTML(html);
    const url = 'http://127.0.0.1:8080/find-a-tender/Notice/000000-2026';
    const reading = readNotice(document as unknown as Document, url);
    const analysis = await s.analysePage({ url, text: extractPageText(document.body).text, reading });
    const summaries = await disclosuresForSuppliers(s, reading.suppliers.map((p) => p.name));
    expect(summaries.map((d) => d.supplier)).toEqual(['Nordkust Workwear BV']);
    const hidden = planMarks(analysis, t, { hideChecked: true });
    expect(hidden.some((m) => m.content.title.includes('Nordkust'))).toBe(false);
    const kept = addDisclosuresToMarks(planMarks(analysis, t, { hideChecked: true, disclosedSuppliers: summaries.map((d) => d.supplier) }), summaries, t, '2026-12-03');
    const nordkust = kept.find((m) => m.content.title.includes('Nordkust Workwear BV'))!;
    expect(nordkust.content.lines).toEqual(expect.arrayContaining(['Disclosed facilities (version 1, 20 Nov 2026)', 'Disclosed less than a month ago', 'Supermax Glove Manufacturing Sdn Bhd (MY): Rubber Gloves (ILAB)']));
    // one of its facilities is on a list: the kept grey mark becomes a flag naming the chain
    expect(nordkust.content.tone).toBe('flag');
    // Brightline has no disclosure in this store and nothing listed: its grey mark stays hidden
    expect(kept.some((m) => m.content.title.includes('Brightline') && m.content.tone === 'checked')).toBe(false);
  });
});
