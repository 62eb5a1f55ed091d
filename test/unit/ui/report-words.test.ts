// The printable findings page in the interface language: status, guidance, the decision and its reason in the
// user's words, while the CSV of the same findings stays in English.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { fakeBrowser } from 'wxt/testing';
import type { DefaultData, Decision } from '@/src/core/types';
import { buildDefaultData } from '@/src/build/build-default-data';
import { knowledgeFromSnapshot } from '@/src/core/knowledge';
import { analysePage } from '@/src/core/analyse-page';
import { findingsCsv, reportRows } from '@/src/core/findings-report';
import { readNotice } from '@/src/adapters';
import { extractPageText } from '@/src/page-text/extract';
import { FIELD_KEYS, pageWords } from '@/src/ui/report/report-words';
import { readCatalogue, useCatalogue } from './use-catalogue';

let defaults: DefaultData;
beforeAll(async () => {
  defaults = await buildDefaultData();
});
beforeEach(() => fakeBrowser.reset());

const camel: Decision = {
  id: 'd', entityId: 'us-dhs-uflpa:camel-group-co-ltd', verdict: 'dismissed', scope: 'everywhere', scopeKey: '', matchedText: 'Camel Group',
  decidedAt: '2026-12-02T09:30:00.000Z', decidedBy: 'you', reason: 'different-company',
};

function demoAnalysis() {
  const { document } = parseHTML(readFileSync(new URL('../../../src/demo/demo-notice.html', import.meta.url), 'utf8'));
  const url = 'http://127.0.0.1:8080/demo/notice';
  const page = { url, text: extractPageText(document.body).text, reading: readNotice(document as unknown as Document, url) };
  return analysePage(knowledgeFromSnapshot(defaults), page, [camel], new Date('2026-12-03T11:00:00.000Z'));
}

describe('the printable findings page', () => {
  it('speaks German to a German buyer, and the CSV stays English', () => {
    useCatalogue('de', 'de-DE');
    const analysis = demoAnalysis();
    const rows = reportRows(analysis, pageWords());
    const hoshine = rows.find((r) => r['name on the page'].startsWith('Hoshine'))!;
    expect(hoshine.status).toBe('Gelistet');
    expect(hoshine['what it means for the award']).toMatch(/vor dem Zuschlag/i);
    const dismissed = rows.find((r) => r['name on the page'] === 'Camel Group')!;
    expect(dismissed.status).toBe('Von Ihnen verworfen (war: Mögliche Übereinstimmung)');
    expect(dismissed['decision reason']).toBe(readCatalogue('de').reason_different_company!.message);
    expect(rows.some((r) => r.status.startsWith('Geprüft: nichts auf den Listen'))).toBe(true);
    expect(findingsCsv(analysis)).toMatch(/Dismissed by you \(was: Possible match\)/);
  });

  it('names every field in each language', () => {
    for (const lang of ['en', 'es', 'fr', 'nl', 'de', 'sv']) {
      const catalogue = readCatalogue(lang);
      for (const key of Object.values(FIELD_KEYS)) expect(catalogue[key!]?.message, `${lang} ${key}`).toBeTruthy();
    }
  });
});
