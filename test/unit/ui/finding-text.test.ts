// Findings in the interface language: the demonstration notice analysed against the shipped lists (as the CLI does),
// then worded for the card and the popup in English, German, French and Swedish. What the lists say (flag types,
// dates, countries, category names) follows the language; names and products stay as the lists wrote them.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing';
import { parseHtmlDocument } from '@/src/cli/html-document';
import { readNotice } from '@/src/adapters';
import { readSamRecord } from '@/src/adapters/sam-record';
import { readingAsText } from '@/src/adapters/machine-readable';
import { extractPageText } from '@/src/page-text/extract';
import { analysePage } from '@/src/core/analyse-page';
import { knowledgeFromSnapshot } from '@/src/core/knowledge';
import type { DefaultData, PageAnalysis } from '@/src/core/types';
import { findingWords, riskCategoryLabel } from '@/src/ui/finding-text';
import { readCatalogue, useCatalogue } from './use-catalogue';

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const defaults = JSON.parse(readFileSync(file('../../../public/data/defaults.json'), 'utf8')) as DefaultData;

let analysis: PageAnalysis;

beforeAll(() => {
  const url = 'https://www.find-tender.service.gov.uk/Notice/000000-2024';
  const doc = parseHtmlDocument(readFileSync(file('../../../src/demo/demo-notice.html'), 'utf8'));
  const { text } = extractPageText(doc.querySelector('body')!);
  analysis = analysePage(knowledgeFromSnapshot(defaults), { url, text, reading: readNotice(doc, url) });
});

beforeEach(() => fakeBrowser.reset());

const finding = (id: string) => {
  const found = analysis.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} in ${analysis.findings.map((f) => f.id).join(', ')}`);
  return found;
};

describe('a flagged supplier', () => {
  const hoshine = () => finding('entity:us-dhs-uflpa:hoshine-silicon-industry-shanshan-co-ltd');

  it('says what the list says in English, as the analysis does (as a sentence)', () => {
    useCatalogue('en', 'en-GB');
    const words = findingWords(hoshine(), analysis.reading);
    expect(words.title).toBe('Hoshine Silicon Industry (Shanshan) Co., Ltd');
    expect(words.detail).toBe('On “UFLPA Entity List”: an import ban on goods made with forced labour. Listed since 21 Jun 2022.');
    expect(words.reason).toBe(hoshine().reason);
  });

  it('says it in French and German, with the date in their form', () => {
    useCatalogue('fr', 'en-US');
    expect(findingWords(hoshine(), analysis.reading).detail).toBe('Sur «\u00a0UFLPA Entity List\u00a0»\u00a0: une interdiction d’importer les produits fabriqués par le travail forcé. Inscrite depuis le 21 juin 2022.'.replace('’', "'"));
    useCatalogue('de', 'en-US');
    expect(findingWords(hoshine(), analysis.reading).detail).toBe('Auf „UFLPA Entity List“: ein Einfuhrverbot für Waren, die mit Zwangsarbeit hergestellt wurden. Gelistet seit dem 21.06.2022.');
  });
});

describe('a high-risk product category', () => {
  const gloves = () => finding('category:gloves');

  it('is named and explained in the language, with countries in the language and products as listed', () => {
    useCatalogue('sv', 'sv-SE');
    const words = findingWords(gloves(), analysis.reading);
    expect(words.title).toBe('Handskar: arbetshandskar, engångshandskar, medicinska handskar och gummihandskar');
    expect(words.reason).toBe(`CPV 18424000 (Gloves) ingår i kategorin med hög risk ”${words.title}”.`);
    expect(words.detail).toMatch(/^Gloves: tvångsarbete i Kina. Rubber Gloves: tvångsarbete i Malaysia. /);
    expect(words.detail).not.toMatch(/forced labour| in Malaysia/);
  });

  it('reads in English as the analysis writes it', () => {
    useCatalogue('en', 'en-US');
    const words = findingWords(gloves(), analysis.reading);
    expect(words.title).toBe(gloves().title);
    expect(words.reason).toBe(gloves().reason);
    expect(words.detail).toMatch(/^Gloves: forced labour in China. Rubber Gloves: forced labour in Malaysia. /);
  });

  it("keeps the list's own label for a category the catalogue does not know", () => {
    useCatalogue('de', 'de-DE');
    expect(riskCategoryLabel('not-a-category', 'As the list says')).toBe('As the list says');
  });
});

describe('the catalogue and the shipped risk map', () => {
  it('names every category of the risk map, in English exactly as the map does', () => {
    const english = readCatalogue('en');
    for (const category of defaults.riskCategories) {
      expect(english[`riskCategory_${category.id.replace(/-/g, '_')}`]?.message, category.id).toBe(category.label);
    }
    const named = Object.keys(english).filter((key) => key.startsWith('riskCategory_'));
    expect(named.length).toBe(defaults.riskCategories.length);
  });
});

describe('a category raised by a NAICS or PSC code', () => {
  it('names the code and the mapped code’s title in the interface language', () => {
    const sam = JSON.parse(readFileSync(file('../../fixtures/portal_html/us_sam_gov_opportunities_v2_search_response.json'), 'utf8')) as unknown;
    const reading = readSamRecord(sam, new URL('https://sam.gov/opp/fa01b8393b144750b2dddb5288592ec3/view'));
    const samAnalysis = analysePage(knowledgeFromSnapshot(defaults), { url: 'https://sam.gov/opp/fa01b8393b144750b2dddb5288592ec3/view', text: readingAsText(reading), reading });
    const electronics = samAnalysis.findings.find((f) => f.id === 'category:electronics-ict')!;
    useCatalogue('en', 'en-GB');
    expect(findingWords(electronics, reading).reason).toBe('NAICS 334220 (3342 Communications Equipment Manufacturing) falls in the high-risk category “Computers, phones, screens and other electronics”.');
    useCatalogue('de', 'de-DE');
    expect(findingWords(electronics, reading).reason).toBe(`NAICS-Code 334220 (3342 Communications Equipment Manufacturing) gehört zur Kategorie mit hohem Risiko „${riskCategoryLabel('electronics-ict', '')}“.`);
  });
});
