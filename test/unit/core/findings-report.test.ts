// The findings for the award file, as CSV: the date and list editions first, then every finding, dismissed match
// (with the user's decision) and item checked with nothing found.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import type { DefaultData, Decision } from '../../../src/core/types';
import { buildDefaultData } from '../../../src/build/build-default-data';
import { knowledgeFromSnapshot } from '../../../src/core/knowledge';
import { analysePage } from '../../../src/core/analyse-page';
import { findingsCsv, reportFileName, REPORT_COLUMNS } from '../../../src/core/findings-report';
import { readNotice } from '../../../src/adapters';
import { extractPageText } from '../../../src/page-text/extract';

let defaults: DefaultData;
beforeAll(async () => {
  defaults = await buildDefaultData();
});

function demoAnalysis(decisions: Decision[]) {
  const { document } = parseHTML(readFileSync(new URL('../../../src/demo/demo-notice.html', import.meta.url), 'utf8'));
  const url = 'http://127.0.0.1:8080/demo/notice';
  const page = { url, text: extractPageText(document.body).text, reading: readNotice(document as unknown as Document, url) };
  return analysePage(knowledgeFromSnapshot(defaults), page, decisions, new Date('2026-12-03T11:00:00.000Z'));
}

describe('findings CSV', () => {
  it('states the date and list editions, lists findings with evidence and guidance, and dismissed matches with the decision', () => {
    const camel: Decision = {
      id: 'd', entityId: 'us-dhs-uflpa:camel-group-co-ltd', verdict: 'dismissed', scope: 'everywhere', scopeKey: '', matchedText: 'Camel Group',
      decidedAt: '2026-12-02T09:30:00.000Z', decidedBy: 'you', reason: 'different-company', note: '=HYPERLINK("x") a different Camel',
    };
    const analysis = demoAnalysis([camel]);
    const csv = findingsCsv(analysis);
    const [header, ...table] = csv.trim().split('\r\n\r\n');
    expect(table).toHaveLength(1);
    expect(header).toContain('checked at,2026-12-03T11:00:00.000Z');
    expect(header).toMatch(/lists checked,.*UFLPA Entity List \(edition reconstructed 2026-12-03, partial\)/);
    const rows = Papa.parse<Record<string, string>>(table.join('\r\n'), { header: true }).data.filter((r) => r.status);
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_COLUMNS]);
    const hoshine = rows.find((r) => r['name on the page']?.startsWith('Hoshine'))!;
    expect(hoshine.status).toBe('Flagged');
    expect(hoshine['what the list says']).toMatch(/import ban/);
    expect(hoshine['questions for the supplier']).toMatch(/\?/);
    expect(hoshine['lists (edition, date, link)']).toMatch(/edition reconstructed 2026-12-03, partial; listed \d{4}-\d\d-\d\d; https:\/\/www\.dhs\.gov\/uflpa-entity-list/);
    const dismissed = rows.find((r) => r.status?.startsWith('Dismissed by you'))!;
    expect(dismissed).toMatchObject({ 'your decision': 'dismissed (everywhere)', decided: '2026-12-02T09:30:00.000Z', 'decision reason': 'A different company with a similar name' });
    // A cell that looks like a formula is defused, so a spreadsheet shows it as text.
    expect(dismissed['decision note']).toBe(`'=HYPERLINK("x") a different Camel`);
    expect(rows.some((r) => r.status?.startsWith('High-risk category'))).toBe(true);
    expect(reportFileName(analysis, 'csv')).toBe('tenderlens-findings-2026-12-03-demo-notice.csv');
  });
});
