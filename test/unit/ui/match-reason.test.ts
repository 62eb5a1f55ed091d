// The matcher's explanations in the interface language. Every reason the matcher gives on the labelled evaluation
// pages (three splits, many languages) and on the demonstration notice is one the English catalogue knows: read back
// with the English templates it is written again exactly, and in the other languages it is translated. A new or
// reworded explanation in the matcher fails here until the catalogues have it.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { fakeBrowser } from 'wxt/testing';
import { compileMatcher, findMentions } from '@/src/matcher';
import { extractPageText } from '@/src/page-text/extract';
import { evaluationEntities } from '../../eval/knowledge-base';
import { localiseMatchReason } from '@/src/ui/match-reason';
import { useCatalogue } from './use-catalogue';

const evalDir = fileURLToPath(new URL('../../eval/', import.meta.url));
const pageFiles = ['pages', 'heldout/pages', 'heldout-2/pages'].flatMap((folder) =>
  readdirSync(path.join(evalDir, folder))
    .filter((name) => name.endsWith('.html'))
    .map((name) => path.join(evalDir, folder, name)),
);

let reasons: string[];

beforeAll(() => {
  const matcher = compileMatcher(evaluationEntities());
  const found = new Set<string>();
  for (const file of pageFiles) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const mention of findMentions(matcher, extractPageText(document).text)) found.add(mention.reason);
  }
  reasons = [...found];
});

beforeEach(() => fakeBrowser.reset());

describe("the matcher's explanations", () => {
  it('are many and of many kinds on the evaluation pages', () => {
    expect(pageFiles.length).toBeGreaterThan(30);
    expect(reasons.length).toBeGreaterThan(100);
    expect(reasons.some((r) => r.includes('identifier'))).toBe(true);
    expect(reasons.some((r) => r.includes(' is part of the '))).toBe(true);
  });

  it('are each read back and written again exactly by the English catalogue', () => {
    useCatalogue('en', 'en-GB');
    const changed = reasons.filter((reason) => localiseMatchReason(reason) !== reason);
    expect(changed).toEqual([]);
  });

  it.each(['es', 'fr', 'nl', 'de', 'sv'])('are all translated in %s', (lang) => {
    useCatalogue(lang, lang);
    const untranslated = reasons.filter((reason) => localiseMatchReason(reason) === reason);
    expect(untranslated).toEqual([]);
  });

  it('keep the names as the page and the list write them', () => {
    useCatalogue('de', 'de-DE');
    expect(
      localiseMatchReason('"Hoshine Silicon Industry (Shanshan) Co., Ltd" matches the name "Hoshine Silicon Industry (Shanshan) Co., Ltd" with the legal form "Co., Ltd"; flagged because the name is distinctive and a matching legal form follows it.'),
    ).toBe(
      '„Hoshine Silicon Industry (Shanshan) Co., Ltd“ entspricht dem Namen „Hoshine Silicon Industry (Shanshan) Co., Ltd“ mit der Rechtsform „Co., Ltd“; gelistet, weil der Name unverwechselbar ist und eine passende Rechtsform folgt.',
    );
  });

  it('leave a sentence they do not know as it was written', () => {
    useCatalogue('fr', 'fr-FR');
    expect(localiseMatchReason('A user confirmed that "X" is this company everywhere (matched "X").')).toBe('A user confirmed that "X" is this company everywhere (matched "X").');
  });
});
