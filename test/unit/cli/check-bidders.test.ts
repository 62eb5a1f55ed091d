// `tenderlens check-bidders` and `tenderlens disclosure validate`, in process through runCli: the report in its
// three formats from the fixture disclosures, entity files and --no-defaults, every problem of a broken file,
// and usage errors.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const FIX = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
const BIDDERS = 'Nordkust Workwear BV\nBrightline ICT Solutions NV\n# comment\nAtelier Verdonck\n';
const DISCLOSURES = ['nordkust_workwear_2026-03.csv', 'nordkust_workwear_2026-11.json', 'brightline_ict_2026-10.csv', 'osh_contributor_list_full_columns.csv'].flatMap((f) => ['--disclosures', FIX + f]);

async function run(args: string[], files: Record<string, string> = { 'bidders.txt': BIDDERS }) {
  const io = recordingIo({ files });
  const code = await runCli(args, io);
  return { code, io };
}

describe('tenderlens check-bidders', () => {
  it('writes the HTML report and prints a line per bidder', async () => {
    const { code, io } = await run(['check-bidders', '--bidders', 'bidders.txt', ...DISCLOSURES, '--as-of', '2026-12-03', '--out', 'report.html']);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out.split('\n').slice(0, 3)).toEqual([
      'Nordkust Workwear BV: 2 flags on the lists checked: read the evidence',
      'Brightline ICT Solutions NV: 3 flags on the lists checked: read the evidence',
      'Atelier Verdonck: nothing found on the lists checked; no disclosure, so its facilities are unknown',
    ]);
    const html = String(io.written['report.html']);
    expect(html).toContain('freshness judged as of 2026-12-03');
    expect(html).toContain('Camel Group Co., Ltd. — UFLPA Entity List (reconstructed 2026-12-03, partial), listed 2023-08-02');
    expect(html).toContain('moved: Noman Terry Towel Mills Ltd.');
  });

  it('checks facilities against an entity file, and with --no-defaults leaves the shipped entity list out', async () => {
    const withFile = await run(['check-bidders', '--bidders', 'bidders.txt', ...DISCLOSURES, '--entities', FIX + 'cbp_wro_malaysian_gloves.ftm.jsonl', '--as-of', '2026-12-03', '--out', 'r.json']);
    expect(withFile.code).toBe(0);
    const report = JSON.parse(String(withFile.io.written['r.json']));
    const nordkust = report.bidders[0];
    const supermax = nordkust.flags.find((f: { title: string }) => f.title.includes('Supermax Glove Manufacturing Sdn Bhd'));
    expect(supermax.chain.map((c: { text: string }) => c.text)).toEqual([
      'Nordkust Workwear BV',
      'Supermax Glove Manufacturing Sdn Bhd, Lot 38, Putra Industrial Park, Bukit Rahman Putra, 47000 Sungai Buloh (Malaysia), component',
      'Supermax Corporation Bhd. — cbp_wro_malaysian_gloves.ftm.jsonl (2 entities)',
    ]);
    expect(report.dataVersions.map((d: { id: string }) => d.id)).toEqual(['cbp_wro_malaysian_gloves', 'eu-cpv', 'no-dfo', 'tenderlens-risk-map', 'us-cbp-wro', 'us-dhs-uflpa', 'us-dol-ilab']);
    const alone = await run(['check-bidders', '--bidders', 'bidders.txt', ...DISCLOSURES, '--entities', FIX + 'cbp_wro_malaysian_gloves.ftm.jsonl', '--no-defaults', '--as-of', '2026-12-03', '--out', 'r.json']);
    const r2 = JSON.parse(String(alone.io.written['r.json']));
    expect(r2.dataVersions.map((d: { id: string }) => d.id)).not.toContain('us-dhs-uflpa');
    const brightline = r2.bidders[1];
    expect(brightline.flags.some((f: { title: string }) => f.title.includes('is Camel Group'))).toBe(false);
    // the product lists still apply, and Xinjiang is a concern whatever the lists say
    expect(brightline.flags.some((f: { title: string }) => f.title.includes('is in Xinjiang'))).toBe(true);
    expect(brightline.flags.some((f: { title: string }) => f.title.startsWith('Polysilicon from China'))).toBe(true);
  });

  it('writes CSV with its date and list versions, reading bidders from a CSV file', async () => {
    const { code, io } = await run(['check-bidders', '--bidders', 'b.csv', ...DISCLOSURES, '--as-of', '2026-12-03', '--out', 'r.csv'], { 'b.csv': 'lot,bidder\n1,Brightline ICT Solutions NV\n' });
    expect(code).toBe(0);
    const csv = String(io.written['r.csv']);
    expect(csv).toMatch(/^# TenderLens bidder check, generated \S+, freshness as of 2026-12-03\r\n# lists: Common Procurement Vocabulary .*; List of Goods Produced by Child Labor or Forced Labor 2022\r\n/);
    expect(csv).toContain('Brightline ICT Solutions NV,summary,');
  });

  it('prints a disclosure\'s problems on standard error and stops at a file refused whole', async () => {
    const broken = await run(['check-bidders', '--bidders', 'bidders.txt', '--disclosures', FIX + 'broken_rows_kleding_plus.csv', '--out', 'r.json']);
    expect(broken.code).toBe(0);
    expect(broken.io.err).toContain('row 4, column "facility_country": "Atlantis" is not a country');
    const refused = await run(['check-bidders', '--bidders', 'bidders.txt', '--disclosures', FIX + 'broken_missing_address_column.csv', '--out', 'r.json']);
    expect(refused.code).toBe(1);
    expect(refused.io.err).toMatch(/broken_missing_address_column\.csv: refused, nothing imported:\n {2}.*no column for "facility_address"/);
    expect(refused.io.written).toEqual({});
  });

  it('reports usage errors', async () => {
    expect((await run(['check-bidders', '--out', 'r.html'])).io.err).toContain('check-bidders needs --bidders FILE');
    expect((await run(['check-bidders', '--bidders', 'bidders.txt', '--out', 'r.pdf'])).io.err).toContain('--out: "r.pdf" must end in .html, .csv or .json');
    const badDate = await run(['check-bidders', '--bidders', 'bidders.txt', '--as-of', '03/12/2026', '--out', 'r.html']);
    expect(badDate.code).toBe(2);
    expect(badDate.io.err).toContain('--as-of: "03/12/2026" is not a date (YYYY-MM-DD)');
  });
});

describe('tenderlens disclosure validate', () => {
  it('prints every problem with its row and column and exits 1', async () => {
    const { code, io } = await run(['disclosure', 'validate', FIX + 'broken_rows_kleding_plus.csv']);
    expect(code).toBe(1);
    const lines = io.out.trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^skipped: .*broken_rows_kleding_plus\.csv: row 3, column "facility_address": empty address/);
    expect(lines.at(-1)).toMatch(/broken_rows_kleding_plus\.csv: 8 rows read, 5 rows skipped, 11 problems\.$/);
  });

  it('exits 0 for a good file and names a refused one', async () => {
    const good = await run(['disclosure', 'validate', FIX + 'brightline_ict_2026-10.csv']);
    expect(good.code).toBe(0);
    expect(good.io.out).toMatch(/disclosure by Brightline ICT Solutions NV, dated 2026-10-01: 4 facilities/);
    const refused = await run(['disclosure', 'validate', FIX + 'custom_headers.csv']);
    expect(refused.code).toBe(1);
    expect(refused.io.out).toContain('refused: ');
    expect(refused.io.out).toMatch(/custom_headers\.csv: refused; nothing would be imported\./);
    const usage = await run(['disclosure', 'check', 'x.csv']);
    expect(usage.code).toBe(2);
  });
});
