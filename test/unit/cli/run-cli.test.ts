import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DefaultData, PageAnalysis } from '@/src/core/types';
import { COMMANDS } from '@/src/cli/commands';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const FIXTURES = fileURLToPath(new URL('../../fixtures/portal_html/', import.meta.url));
const FIND_A_TENDER_PAGE = join(FIXTURES, 'uk_find_a_tender_notice_008624-2023_award.html');
const CONTRACTS_FINDER_PAGE = join(FIXTURES, 'uk_contracts_finder_notice_05c544dc_award.html');

/** A tiny knowledge base with one fictitious flagged company and one risk category, written to a temp file. */
function writeTestKnowledge(): string {
  const data: DefaultData = {
    formatVersion: 1,
    builtFrom: 'test',
    sources: [
      { id: 'test-list', kind: 'entity-list', title: 'Test entity list', publisher: 'Test publisher', url: 'https://example.org/list', licence: 'test', version: '7', partial: false },
      { id: 'test-goods', kind: 'product-list', title: 'Test goods list', publisher: 'Test publisher', url: 'https://example.org/goods', licence: 'test', version: '2024', partial: true },
    ],
    entities: [
      { id: 'test-list:zyxvortan', sourceId: 'test-list', schema: 'Company', name: 'Zyxvortan Glove Manufacturing Co., Ltd.', aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: ['CN'] },
    ],
    flags: [
      { id: 'test-flag-entity', sourceId: 'test-list', listVersion: '7', type: 'forced_labour', entityId: 'test-list:zyxvortan', date: '2024-01-02', evidenceUrl: 'https://example.org/list#zyxvortan' },
      { id: 'test-flag-gloves', sourceId: 'test-goods', listVersion: '2024', type: 'high_risk_product', product: 'Gloves', country: 'MY', evidenceUrl: 'https://example.org/goods#gloves' },
    ],
    riskCategories: [{ id: 'gloves', label: 'Test gloves category', cpvCodes: ['18424000'], flagIds: ['test-flag-gloves'] }],
    cpv: [{ code8: '18424000', label: 'Gloves' }],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'tenderlens-cli-')), 'knowledge.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

const FLAGGED_PAGE = `<html><head><title>Gloves award</title></head><body><h1>Disposable gloves</h1>
  <p>CPV: 18424000 - Gloves</p><p>Awarded to Zyxvortan Glove Manufacturing Co., Ltd. of Example City.</p></body></html>`;

describe('tenderlens command line', () => {
  it('documents every command and option', async () => {
    const io = recordingIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const command of COMMANDS) {
      expect(io.out).toContain(command.name);
      const help = recordingIo();
      expect(await runCli(['help', command.name], help)).toBe(0);
      const viaFlag = recordingIo();
      expect(await runCli([command.name, '--help'], viaFlag)).toBe(0);
      expect(viaFlag.out).toBe(help.out);
      for (const option of command.options) expect(help.out).toContain(`--${option.name}`);
      expect(help.out).toContain(command.usage);
    }
  });

  it('prints the help on stderr and exits 2 without a command', async () => {
    const io = recordingIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.err).toContain('Usage: tenderlens <command>');
  });

  it('rejects unknown commands and options with exit code 2 and a pointer to the help', async () => {
    const unknown = recordingIo();
    expect(await runCli(['inspekt', 'x.html'], unknown)).toBe(2);
    expect(unknown.err).toBe('tenderlens: unknown command "inspekt". Did you mean "inspect"?\nRun "tenderlens --help" for usage.\n');

    const badOption = recordingIo();
    expect(await runCli(['inspect', 'x.html', '--colour'], badOption)).toBe(2);
    expect(badOption.err).toBe('tenderlens: unknown option --colour\nRun "tenderlens inspect --help" for usage.\n');

    const noFile = recordingIo();
    expect(await runCli(['inspect'], noFile)).toBe(2);
    expect(noFile.err).toContain('inspect needs a page');

    const badUrl = recordingIo();
    expect(await runCli(['inspect', FIND_A_TENDER_PAGE, '--url', 'not a url'], badUrl)).toBe(2);
    expect(badUrl.err).toContain('--url: "not a url" is not a valid URL');

    expect(await runCli(['help', 'nothing'], recordingIo())).toBe(2);
    expect(await runCli(['--verbose'], recordingIo())).toBe(2);
  });

  it('says which file cannot be used and exits 1', async () => {
    const missing = recordingIo();
    expect(await runCli(['inspect', 'no/such/page.html'], missing)).toBe(1);
    expect(missing.err).toBe('tenderlens: no/such/page.html: no such file\n');

    const json = recordingIo({ files: { 'list.json': '{"entities": []}' } });
    expect(await runCli(['inspect', 'list.json'], json)).toBe(1);
    expect(json.err).toBe(
      'tenderlens: list.json: is JSON but neither OCDS (a release, or a package with "releases" or "records"), a SAM.gov opportunity record nor a TED search response\n',
    );

    const pdf = recordingIo({ files: { 'notice.pdf': '%PDF-1.7\n...' } });
    expect(await runCli(['inspect', 'notice.pdf'], pdf)).toBe(1);
    expect(pdf.err).toContain('notice.pdf: is a PDF');

    const badData = recordingIo({ files: {} });
    expect(await runCli(['inspect', FIND_A_TENDER_PAGE, '--data', '/nonexistent/knowledge.json'], badData)).toBe(1);
    expect(badData.err).toContain('/nonexistent/knowledge.json');
  });

  it('inspects the saved Find a Tender page against the default knowledge base', async () => {
    const io = recordingIo();
    expect(await runCli(['inspect', FIND_A_TENDER_PAGE], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain('Portal:    Find a Tender\n');
    expect(io.out).toContain('Buyer:     NHS England (GB)\n');
    expect(io.out).toContain('  33600000 Pharmaceutical products (main)\n');
    expect(io.out).toContain('Suppliers (6):\n');
    expect(io.out).toContain('  Amgen Ltd (Companies House 02354269, GB)\n');
    expect(io.out).toContain('  Celltrion Healthcare United Kingdom Limited (Companies House 11685363, GB)\n');
  });

  it('reads standard input and lets --url choose the portal reader', async () => {
    const { readFileSync } = await import('node:fs');
    const io = recordingIo({ stdin: readFileSync(CONTRACTS_FINDER_PAGE, 'utf8') });
    const url = 'https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac';
    expect(await runCli(['inspect', '-', '--url', url, '--json'], io)).toBe(0);
    const analysis = JSON.parse(io.out) as PageAnalysis;
    expect(analysis.url).toBe(url);
    expect(analysis.reading.portal).toBe('contracts-finder');
    expect(analysis.reading.suppliers.map((s) => s.name)).toEqual(['Abbvie Ltd', 'Amgen Ltd', 'Biogen Idec UK Limited', 'Mylan', 'Sandoz Ltd']);
  });

  it('prints findings with their reasons and sources, and the summary as JSON', async () => {
    const knowledge = writeTestKnowledge();
    const io = recordingIo({ files: { 'gloves.html': FLAGGED_PAGE } });
    expect(await runCli(['inspect', 'gloves.html', '--data', knowledge], io)).toBe(0);
    expect(io.out).toContain('Portal:    Any page\n');
    expect(io.out).toContain('  18424000 Gloves\n      risk categories: Test gloves category\n');
    expect(io.out).toContain('Findings: 1 flagged, 0 to review, 1 high-risk category\n');
    expect(io.out).toMatch(/\[FLAG\] Zyxvortan Glove Manufacturing Co., Ltd. — On “Test entity list”, a list of companies linked to forced labour, since 2024-01-02\.\n {6}why: .+\n {6}source: Test entity list — Test publisher \(version 7, listed 2024-01-02\) https:\/\/example.org\/list\n/);
    expect(io.out).toContain('source: Test goods list — Test publisher (version 2024) [partial list loaded] https://example.org/goods');
    expect(io.out).not.toContain('No known risks found');

    const json = recordingIo({ files: { 'gloves.html': FLAGGED_PAGE } });
    expect(await runCli(['inspect', 'gloves.html', '--data', knowledge, '--json'], json)).toBe(0);
    const analysis = JSON.parse(json.out) as PageAnalysis;
    expect(analysis.summary).toEqual({ flagged: 1, review: 0, categories: 1 });
    expect(analysis.findings.map((f) => f.kind).sort()).toEqual(['flagged-entity', 'high-risk-category']);
  });

  it('says that no information is not the same as no risk when nothing is found', async () => {
    const io = recordingIo({ files: { 'plain.html': '<h1>Office chairs</h1><p>Nothing known here.</p>' } });
    expect(await runCli(['inspect', 'plain.html', '--data', writeTestKnowledge()], io)).toBe(0);
    expect(io.out).toContain('Findings: 0 flagged, 0 to review, 0 high-risk categories\nNo known risks found. No information is not the same as no risk.\n');
  });

  it('does not pass terminal control characters from the page to the terminal', async () => {
    const io = recordingIo({ files: { 'evil.html': '<h1>Title \u001b[2J\u001b]0;owned\u0007 end</h1>' } });
    expect(await runCli(['inspect', 'evil.html', '--data', writeTestKnowledge()], io)).toBe(0);
    expect(io.out).not.toMatch(/[\u001b\u0007]/);
  });
});
