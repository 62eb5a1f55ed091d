// A page's findings grown by content added to it equal the findings of reading the grown page whole: on the
// demonstration notice with the shipped lists, rows naming listed companies appended after the first reading.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Knowledge } from '../../../src/core/analyse-page';
import { buildDefaultData } from '../../../src/build/build-default-data';
import { knowledgeFromSnapshot } from '../../../src/core/knowledge';
import { analysePage, type PageInput } from '../../../src/core/analyse-page';
import { addToAnalysis } from '../../../src/core/add-to-analysis';
import { readNotice } from '../../../src/adapters';
import { extractPageText } from '../../../src/page-text/extract';
import type { PageAnalysis } from '../../../src/core/types';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = knowledgeFromSnapshot(await buildDefaultData());
});

const URL_ = 'http://127.0.0.1:8080/demo/notice';
const demo = readFileSync(new URL('../../../src/demo/demo-notice.html', import.meta.url), 'utf8');
const ADDED = '<section id="added"><p>Changji Esquel Textile Co., Ltd. — woven fabric</p><p>Hetian Haolin Hair Accessories Co. Ltd.</p></section>';

function input(html: string, root = (d: Document) => d.body as Element): PageInput {
  const { document } = parseHTML(html);
  return { url: URL_, text: extractPageText(root(document as unknown as Document)).text, reading: readNotice(document as unknown as Document, URL_) };
}

/** What the popup and the badge show of an analysis: findings by id with tier and codes, checked items, counts. */
const shown = (a: PageAnalysis) => ({
  findings: a.findings.map((f) => `${f.id} ${f.severity} ${[...f.cpvCodes].sort().join(',')}`).sort(),
  dismissed: a.dismissed.map((f) => f.id).sort(),
  checked: a.checked.map((c) => `${c.kind}:${c.label} ${[...c.findingIds].sort().join(',')}`).sort(),
  summary: a.summary,
});

describe('adding the analysis of added content', () => {
  it('gives what reading the grown page whole gives', () => {
    const grown = demo.replace('</body>', `${ADDED}</body>`);
    const before = analysePage(knowledge, input(demo));
    const addedPart = analysePage(knowledge, input(grown, (d) => d.getElementById('added')!));
    const whole = analysePage(knowledge, input(grown));
    expect(addedPart.findings.length).toBeGreaterThan(0);
    expect(shown(whole).findings).not.toEqual(shown(before).findings);
    expect(shown(addToAnalysis(before, addedPart))).toEqual(shown(whole));
  });

  it('keeps one finding per entity, the red flag outranking a possible match found before', () => {
    const before = analysePage(knowledge, input(demo));
    const again = addToAnalysis(before, before);
    expect(shown(again)).toEqual(shown(before));
    const possible = { ...before, findings: before.findings.map((f) => ({ ...f, severity: 'review' as const })) };
    const merged = addToAnalysis(possible, before);
    expect(merged.findings.map((f) => f.severity)).toEqual(before.findings.map((f) => f.severity));
  });
});
