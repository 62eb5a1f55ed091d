// What the findings say is true: the meaning of a list sets the tier and the words (a watch list never gives a red
// flag; a sanctions list is not an import ban), the title is the name on the page with the listed name beside it, and
// a dismissed match stays in the analysis as dismissed by you, with its decision, never as "nothing listed".
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { DefaultData, Decision, Entity, Flag, ListMeaning, Source } from '../../../src/core/types';
import { buildDefaultData } from '../../../src/build/build-default-data';
import { knowledgeFromSnapshot } from '../../../src/core/knowledge';
import { analysePage, type PageInput } from '../../../src/core/analyse-page';
import { FtmImporter } from '../../../src/import/ftm';
import { readNotice } from '../../../src/adapters';
import { extractPageText } from '../../../src/page-text/extract';

let defaults: DefaultData;
beforeAll(async () => {
  defaults = await buildDefaultData();
});

const zalaLines = readFileSync(new URL('../../fixtures/ftm/yente_zala_cluster.ftm.jsonl', import.meta.url), 'utf8').split('\n');

/** The real ZALA cluster (OpenSanctions) imported as the user says it means. */
function zalaList(meaning: Exclude<ListMeaning, 'detained_at_import'>): { source: Source; entities: Entity[]; flags: Flag[] } {
  const importer = new FtmImporter({
    sourceId: 'import-zala',
    fileName: 'zala.ftm.jsonl',
    ...(meaning !== 'watch' ? { flagTemplate: { listVersion: '2026-06-03', type: meaning, evidenceUrl: 'https://www.opensanctions.org/' } } : {}),
  });
  zalaLines.forEach((line, i) => line.trim() && importer.addLine(line, i + 1));
  const { entities, flags } = importer.finish();
  const source: Source = { id: 'import-zala', kind: 'entity-list', title: 'ZALA cluster', publisher: 'Imported by you', url: '', licence: '', version: '2026-06-03', partial: false, meaning };
  return { source, entities, flags };
}

function demoWith(extra: string): PageInput {
  const html = readFileSync(new URL('../../../src/demo/demo-notice.html', import.meta.url), 'utf8').replace('</body>', `<p>${extra}</p></body>`);
  const { document } = parseHTML(html);
  const url = 'http://127.0.0.1:8080/demo/notice';
  return { url, text: extractPageText(document.body).text, reading: readNotice(document as unknown as Document, url) };
}

function analyse(meaning: Exclude<ListMeaning, 'detained_at_import'>, decisions: Decision[] = [], page = demoWith('Drones supplied by ZALA AERO JSC.')) {
  const zala = zalaList(meaning);
  const data = { ...defaults, sources: [...defaults.sources, zala.source], entities: [...defaults.entities, ...zala.entities], flags: [...defaults.flags, ...zala.flags] };
  return analysePage(knowledgeFromSnapshot(data), page, decisions);
}

const zalaFinding = (a: ReturnType<typeof analyse>) => a.findings.find((f) => f.entityId?.startsWith('import-zala'));

describe('the meaning chosen for a list', () => {
  it('a watch list gives a possible match only, and says being on it means nothing by itself', () => {
    const analysis = analyse('watch');
    const zala = zalaFinding(analysis)!;
    expect(zala).toMatchObject({ kind: 'possible-entity', severity: 'review', concern: 'watch', title: 'ZALA AERO JSC' });
    expect(zala.detail).toMatch(/watch list “ZALA cluster”: being on it says nothing by itself/);
    expect(JSON.stringify(analysis)).not.toMatch(/forced-labour list|without a flag/);
  });

  it('a sanctions list flags the company as sanctioned, never as an import ban', () => {
    const zala = zalaFinding(analyse('sanctions'))!;
    expect(zala).toMatchObject({ kind: 'flagged-entity', severity: 'flag', concern: 'sanctions' });
    expect(zala.detail).toMatch(/^On “ZALA cluster”, a sanctions list, since \d{4}-\d\d-\d\d\.$/);
    expect(zala.detail).not.toMatch(/import ban/);
  });

  it('the shipped UFLPA list reads as an import ban with its date, and the title is the name as found on the page', () => {
    const hoshine = analyse('watch').findings.find((f) => f.entityId?.includes('hoshine'))!;
    expect(hoshine).toMatchObject({ kind: 'flagged-entity', concern: 'import_ban', title: 'Hoshine Silicon Industry (Shanshan) Co., Ltd' });
    expect(hoshine.listedName).toBeUndefined();
    expect(hoshine.detail).toMatch(/^On “UFLPA Entity List”: an import ban on goods made with forced labour, since \d{4}-\d\d-\d\d\.$/);
  });

  it('gives the listed name beside the name found when they differ', () => {
    const analysis = analyse('watch', [], demoWith('Batteries from Camel Group Company Limited, Xiangyang.'));
    const camel = analysis.findings.find((f) => f.entityId === 'us-dhs-uflpa:camel-group-co-ltd')!;
    expect(camel.title).toBe('Camel Group Company Limited');
    expect(camel.listedName).toBe('Camel Group Co., Ltd.');
  });
});

describe('a dismissed match', () => {
  const hoshineDecision = (scope: Decision['scope'], scopeKey: string): Decision => ({
    id: 'd1', entityId: 'us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd', entityName: 'Hoshine Silicon Industry (Shanshan) Co., Ltd',
    verdict: 'dismissed', scope, scopeKey, matchedText: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', decidedAt: '2026-12-03T10:00:00.000Z',
    decidedBy: 'you', reason: 'different-company', note: 'Registered in Spain, not Xinjiang',
  });

  it('stays in the analysis as dismissed, with its decision, and its supplier is never "nothing listed"', () => {
    const decision = hoshineDecision('page', 'http://127.0.0.1:8080/demo/notice');
    const analysis = analyse('watch', [decision], { ...demoWith(''), url: 'http://127.0.0.1:8080/demo/notice?utm_source=mail#award' });
    expect(analysis.findings.some((f) => f.entityId === decision.entityId)).toBe(false);
    expect(analysis.dismissed).toEqual([expect.objectContaining({ entityId: decision.entityId, kind: 'flagged-entity', decision })]);
    const supplier = analysis.checked.find((c) => c.kind === 'supplier' && c.label.startsWith('Hoshine'))!;
    expect(supplier).toMatchObject({ findingIds: [], dismissedIds: [`dismissed:${decision.entityId}`] });
    expect(analysis.summary.flagged).toBe(0);
  });

  it('does not apply on another page', () => {
    const analysis = analyse('watch', [hoshineDecision('page', 'http://127.0.0.1:8080/demo/other')]);
    expect(analysis.dismissed).toEqual([]);
    expect(analysis.summary.flagged).toBe(1);
  });
});
