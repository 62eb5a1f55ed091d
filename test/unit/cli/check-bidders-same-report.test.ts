// The CLI's `check-bidders` and the extension's bidder check give the same report from the same files: the side
// panel's import path (importDisclosureFile into a real Dexie database over fake-indexeddb, with the shipped
// lists) and the background's check with the interface's words, against the CLI reading the files itself with
// `--lang`. Only the moments (generated, loaded, imported) and the files' paths differ. And the German report,
// rendered, speaks the German catalogue's words.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@/src/cli/run-cli';
import { buildDefaultData } from '@/src/build/build-default-data';
import type { BidderCheckReport } from '@/src/disclosures/check-bidders';
import { renderReportHtml } from '@/src/disclosures/report-html';
import { renderReportJson } from '@/src/disclosures/report-export';
import { catalogueWords } from '@/src/disclosures/report-words';
import { runBidderCheck } from '@/src/extension/background/bidder-check-service';
import { KnowledgeService } from '@/src/extension/background/knowledge-service';
import { importDisclosureFile } from '@/src/extension/import-disclosure';
import { openKnowledgeDb } from '@/src/kb/db';
import { interfaceReportWords } from '@/src/ui/bidder-report-words';
import { readCatalogue, useCatalogue } from '../ui/use-catalogue';
import { recordingIo } from './fake-io';

const FIX = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
const FILES = ['nordkust_workwear_2026-03.csv', 'nordkust_workwear_2026-11.json', 'brightline_ict_2026-10.csv', 'osh_contributor_list_full_columns.csv'];
const BIDDERS = ['Nordkust Workwear BV', 'Brightline ICT Solutions NV', 'Atelier Verdonck'];

/** The report without its moments, and with files named as the user sees them. */
function comparable(json: string): unknown {
  const report = JSON.parse(json) as BidderCheckReport & { format: string };
  const { generatedAt: _generated, ...rest } = report;
  return JSON.parse(JSON.stringify({
    ...rest,
    dataVersions: rest.dataVersions.map(({ loadedAt: _loaded, ...d }) => d),
    bidders: rest.bidders.map((b) => (b.disclosure ? { ...b, disclosure: { ...b.disclosure, importedAt: undefined } } : b)),
  }), (key, value: unknown) => (key === 'fileName' || key === 'label' || key === 'sourceLabel') && typeof value === 'string' ? basename(value) : value);
}

let service: KnowledgeService;
beforeAll(async () => {
  const defaults = await buildDefaultData();
  service = new KnowledgeService(async () => defaults, openKnowledgeDb('same-report'));
  await service.whenReady();
  for (const name of FILES) {
    const outcome = await importDisclosureFile(service.db, new File([readFileSync(FIX + name)], name));
    expect(outcome.status).toBe('imported');
  }
});
afterAll(async () => {
  await service.db.delete();
});

async function cliReport(lang: string): Promise<string> {
  const io = recordingIo({ files: { 'bidders.txt': BIDDERS.join('\n') } });
  const code = await runCli(['check-bidders', '--bidders', 'bidders.txt', ...FILES.flatMap((f) => ['--disclosures', FIX + f]), '--as-of', '2026-12-03', '--lang', lang, '--out', 'r.json'], io);
  expect(io.err).toBe('');
  expect(code).toBe(0);
  return String(io.written['r.json']);
}

describe('the same report from the CLI and from the extension', () => {
  it.each([['en', 'en-GB'], ['de', 'de-DE']])('in %s', async (lang, tag) => {
    useCatalogue(lang, tag);
    const extension = renderReportJson(await runBidderCheck(service, BIDDERS, '2026-12-03', interfaceReportWords(), new Date('2026-12-03T10:00:00Z')));
    const cli = await cliReport(lang);
    expect(comparable(cli)).toEqual(comparable(extension));
    expect(JSON.parse(cli).lang).toBe(lang);
  });

  it('refuses a language it has no catalogue for', async () => {
    const io = recordingIo({ files: { 'bidders.txt': 'A' } });
    expect(await runCli(['check-bidders', '--bidders', 'bidders.txt', '--lang', 'it', '--out', 'r.json'], io)).toBe(2);
    expect(io.err).toContain('--lang: "it" is not one of en, es, fr, nl, de, sv');
  });
});

describe('the German report', () => {
  it("writes the German catalogue's words in the printable page, the flags and the gaps", async () => {
    const de = readCatalogue('de');
    const words = catalogueWords(de, 'de');
    const json = JSON.parse(await cliReport('de')) as BidderCheckReport;
    const html = renderReportHtml(json, words);
    const escaped = (key: string, subs: string[] = []) => words.t(key, subs).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(html).toContain('<html lang="de">');
    for (const key of ['bcTitle', 'repSummaryHeading', 'repNotice', 'repFlagsHeading', 'repDisclosureHeading', 'repUnknownsHeading', 'repCheckedHeading', 'repNoInformation', 'repColKnownAs']) {
      expect(html, key).toContain(escaped(key));
    }
    expect(de.repVerdictFlags_other!.message).toBe('$1 Markierungen auf den geprüften Listen: lesen Sie die Belege');
    expect(html).toContain('3 Markierungen auf den geprüften Listen: lesen Sie die Belege');
    expect(html).toContain(escaped('repVerdictNothingNoDisclosure'));
    const brightline = json.bidders[1]!;
    expect(brightline.flags.map((f) => f.title)).toContain('offengelegte Produktionsstätte Camel Group Co., Ltd. ist Camel Group Co., Ltd.: Einfuhrverbot');
    expect(brightline.flags.map((f) => f.title)).toContain('Polysilicon aus China: Zwangsarbeit (ILAB)');
    const camel = brightline.flags.find((f) => f.title.includes('Camel Group'))!;
    expect(camel.chain[1]!.text).toBe('Camel Group Co., Ltd., No. 6 Tanxi Road, Gucheng County, Xiangyang (China), Komponente');
    expect(camel.chain[2]!.text).toBe('Camel Group Co., Ltd. — UFLPA Entity List (reconstructed 2026-12-03, unvollständig), gelistet am 2023-08-02');
    const gaps = json.bidders[0]!.quality!.gaps.map((g) => g.message);
    expect(gaps.some((g) => g.endsWith(': eine förmliche Anfrage an den Auftragnehmer ist offen'))).toBe(true);
    expect(json.bidders[2]!.unknowns).toContain(de.repUnknownNoDisclosure!.message);
    // the English sentences are gone
    expect(html).not.toMatch(/Flags and risks|What is not known|read the evidence|disclosed facility/);
  });
});
