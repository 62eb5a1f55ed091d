// A page analysis on a long page (the demonstration notice's body repeated hundreds of times, with the shipped lists)
// holds what a direct reading of the definitions gives: every mention of an entity as its finding's anchors, in text
// order; every printed CPV code as its anchors; each supplier linked to the findings whose mentions fall on its name.
// The analysis groups and searches in ways that stay fast on thousands of mentions; this checks they lose nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { buildDefaultData } from '../../../src/build/build-default-data';
import { knowledgeFromSnapshot } from '../../../src/core/knowledge';
import { analysePage, findCpvAnchors, findPageMentions, type Knowledge, type PageInput } from '../../../src/core/analyse-page';
import { readNotice } from '../../../src/adapters';
import { extractPageText } from '../../../src/page-text/extract';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = knowledgeFromSnapshot(await buildDefaultData());
});

const URL_ = 'http://127.0.0.1:8080/demo/notice';
const demo = readFileSync(new URL('../../../src/demo/demo-notice.html', import.meta.url), 'utf8');

function longPage(copies: number): PageInput {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(demo)![1]!;
  const html = demo.replace(body, Array.from({ length: copies }, () => body).join('\n'));
  const document = parseHTML(html).document as unknown as Document;
  return { url: URL_, text: extractPageText(document.body).text, reading: readNotice(document, URL_) };
}

describe('the analysis of a long page', () => {
  it('keeps every mention, code and supplier link a direct reading gives', () => {
    const page = longPage(300);
    const analysis = analysePage(knowledge, page);
    const mentions = findPageMentions(knowledge.matcher, page).shown;
    expect(mentions.length).toBeGreaterThanOrEqual(600);

    const entityFindings = analysis.findings.filter((f) => f.entityId);
    expect(entityFindings.length).toBeGreaterThan(0);
    for (const finding of entityFindings) {
      const expected = mentions.filter((m) => m.entityId === finding.entityId).map(({ start, end, text }) => ({ start, end, text }));
      expect(finding.anchors).toEqual(expected);
    }
    expect(new Set(entityFindings.map((f) => f.entityId))).toEqual(new Set(mentions.map((m) => m.entityId)));

    for (const finding of analysis.findings.filter((f) => f.kind === 'high-risk-category' && f.cpvCodes.length > 0)) {
      expect(finding.anchors).toEqual(finding.cpvCodes.flatMap((code) => findCpvAnchors(page.text, code)));
    }
    const checkedCodes = analysis.checked.filter((c) => c.kind === 'cpv');
    expect(checkedCodes.length).toBe(page.reading.cpv.length);
    for (const [i, item] of checkedCodes.entries()) expect(item.anchors).toEqual(findCpvAnchors(page.text, page.reading.cpv[i]!.code8));

    const suppliers = analysis.checked.filter((c) => c.kind === 'supplier');
    expect(suppliers.length).toBe(page.reading.suppliers.length);
    expect(suppliers.some((s) => s.findingIds.length > 0)).toBe(true);
    for (const item of suppliers) {
      expect(item.anchors.length).toBeGreaterThanOrEqual(300);
      const overlapping = entityFindings
        .filter((f) => f.anchors.some((a) => item.anchors.some((s) => a.start < s.end && s.start < a.end)))
        .map((f) => f.id);
      expect(item.findingIds).toEqual(overlapping);
    }
  });
});
