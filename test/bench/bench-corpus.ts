// Deterministic benchmark input: realistic company names (words of real factory and listed-entity names, real
// legal forms, some Chinese names, aliases) for any number of entities, and long portal pages built from the
// saved real pages with some of those names sprinkled in.

import { readFileSync } from 'node:fs';
import { LEGAL_FORMS } from '@/src/matcher/legal-forms';
import { normaliseName } from '@/src/matcher';
import { parseHtmlDocument } from '@/src/cli/html-document';
import { extractPageText } from '@/src/page-text/extract';
import type { MatcherEntity } from '@/src/matcher';

/** mulberry32: a small seeded generator, so every run builds the same names and pages. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The repository's test folder. This module lives two folders below the repository root both as source
 * (test/bench/) and bundled into the benchmark's measuring steps (.output/bench/).
 */
const TEST_FOLDER = new URL('../../test/', import.meta.url);

function readLines(relative: string): string[] {
  return readFileSync(new URL(`bench/data/${relative}`, TEST_FOLDER), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Word pools from real names: words that open a name (often a place), inner words, and closing words (trade). */
interface Vocabulary {
  leading: string[];
  inner: string[];
  closing: string[];
  han: string[];
  suffixForms: string[];
  commonSuffixForms: string[];
  prefixForms: string[];
  listedNames: string[];
}

let vocabularyCache: Vocabulary | undefined;

function vocabulary(): Vocabulary {
  if (vocabularyCache) return vocabularyCache;
  const formKeys = new Set(LEGAL_FORMS.map((form) => normaliseName(form.text)));
  const formWords = new Set(LEGAL_FORMS.flatMap((form) => normaliseName(form.text).split(' ')));
  const leading: string[] = [];
  const inner: string[] = [];
  const closing: string[] = [];
  const realNames = [...readLines('factory-names.txt'), ...readLines('listed-entity-names.txt')];
  for (const name of realNames) {
    const words = name.replace(/[(),.;"]/g, ' ').split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word));
    const core = words.filter((word) => !formWords.has(normaliseName(word)));
    if (core.length < 2) continue;
    const cased = core.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
    leading.push(cased[0]!);
    inner.push(...cased.slice(1, -1));
    closing.push(cased[cased.length - 1]!);
  }
  const suffixForms = LEGAL_FORMS.filter((form) => form.position !== 'prefix' && !/\p{Script=Han}/u.test(form.text)).map((form) => form.text);
  const prefixForms = LEGAL_FORMS.filter((form) => form.position === 'prefix' && /^[\p{Script=Latin}. ]+$/u.test(form.text)).map((form) => form.text);
  const commonSuffixForms = ['Co., Ltd.', 'Co., Ltd', 'Ltd', 'Limited', 'Inc.', 'LLC', 'GmbH', 'S.A.', 'Corporation', 'Pvt. Ltd.'].filter((form) =>
    formKeys.has(normaliseName(form)),
  );
  vocabularyCache = {
    leading,
    inner,
    closing,
    han: [...readLines('han-characters.txt').join('')],
    suffixForms,
    commonSuffixForms,
    prefixForms,
    listedNames: readLines('listed-entity-names.txt'),
  };
  return vocabularyCache;
}

type NameStyle = 'title' | 'upper';

function latinCore(random: () => number, v: Vocabulary): string[] {
  const words = [pick(random, v.leading)];
  const innerCount = random() < 0.45 ? 0 : random() < 0.7 ? 1 : 2;
  for (let k = 0; k < innerCount; k++) words.push(pick(random, v.inner));
  words.push(pick(random, v.closing));
  return words;
}

function latinName(random: () => number, v: Vocabulary, core: readonly string[], style: NameStyle): string {
  const roll = random();
  let name = core.join(' ');
  if (roll < 0.6) name += ' ' + pick(random, v.commonSuffixForms);
  else if (roll < 0.82) name += ' ' + pick(random, v.suffixForms);
  else if (roll < 0.86 && v.prefixForms.length > 0) name = pick(random, v.prefixForms) + ' ' + name;
  return style === 'upper' ? name.toUpperCase() : name;
}

function hanName(random: () => number, v: Vocabulary): string {
  let name = '';
  const length = 4 + Math.floor(random() * 4);
  // Frequent characters are more likely, as in real names.
  for (let k = 0; k < length; k++) name += v.han[Math.floor(v.han.length * random() * random())]!;
  return name + (random() < 0.8 ? '有限公司' : '股份有限公司');
}

const ID_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** `count` entities with ids like a sanctions list's, names, aliases, former names and some weak aliases. */
export function generateEntities(count: number, seed = 20240611): MatcherEntity[] {
  const random = seededRandom(seed);
  const v = vocabulary();
  const entities: MatcherEntity[] = [];
  for (let index = 0; index < count; index++) {
    let id = 'NK-';
    for (let k = 0; k < 22; k++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
    const aliases: string[] = [];
    const previousNames: string[] = [];
    const weakAliases: string[] = [];
    let name: string;
    if (index < v.listedNames.length) name = v.listedNames[index]!;
    else if (random() < 0.08) {
      name = hanName(random, v);
      if (random() < 0.5) aliases.push(latinName(random, v, latinCore(random, v), 'title'));
    } else {
      const style: NameStyle = random() < 0.35 ? 'upper' : 'title';
      const core = latinCore(random, v);
      name = latinName(random, v, core, style);
      const roll = random();
      if (roll < 0.15) aliases.push(latinName(random, v, core, style === 'upper' ? 'title' : 'upper'));
      else if (roll < 0.22) aliases.push(latinName(random, v, [core[0]!, `(${pick(random, v.leading)})`, ...core.slice(1)], style));
      else if (roll < 0.28) previousNames.push(latinName(random, v, latinCore(random, v), style));
      // A few entities are also known by the initials of a long name ("XPCC").
      if (core.length >= 3 && random() < 0.05) weakAliases.push(core.map((word) => word[0]!.toUpperCase()).join(''));
    }
    entities.push({ id, name, aliases, previousNames, weakAliases, identifiers: [], countries: [] });
  }
  return entities;
}

/** Every spelling of every name of the entities, as a list for grep or a baseline matcher. */
export function allNames(entities: readonly MatcherEntity[]): string[] {
  const names: string[] = [];
  for (const e of entities) names.push(e.name, ...(e.aliases ?? []), ...(e.previousNames ?? []), ...(e.weakAliases ?? []));
  return names.filter((name) => name.trim() !== '');
}

const PORTAL_PAGES = ['uk_find_a_tender_notice_008624-2023_award.html', 'uk_contracts_finder_notice_05c544dc_award.html'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An HTML page of about `bytes` UTF-8 bytes: the bodies of the saved portal pages one after another, each copy
 * with supplier paragraphs naming entities (some listed, most not in the knowledge base) inserted between blocks.
 */
export function generatePageHtml(bytes: number, entities: readonly MatcherEntity[], seed = 7): string {
  const random = seededRandom(seed);
  const bodies = PORTAL_PAGES.map((file) => {
    const html = readFileSync(new URL(`fixtures/portal_html/${file}`, TEST_FOLDER), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
    // Split after closing block tags, where a supplier paragraph can go.
    return body.replace(/<script[\s\S]*?<\/script>/gi, '').split(/(?<=<\/(?:p|div|li|td|tr|h\d|dd)>)/i);
  });
  const outsiders = generateEntities(2000, seed + 1);
  const parts: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notices</title></head><body>'];
  let size = parts[0]!.length;
  let copy = 0;
  // Supplier paragraphs come every 4 to 12 KB of markup (about one per 2 KB of visible text).
  let nextName = 4096;
  while (size < bytes) {
    const blocks = bodies[copy++ % bodies.length]!;
    parts.push('<section>');
    for (const block of blocks) {
      parts.push(block);
      size += Buffer.byteLength(block);
      if (size >= nextName) {
        nextName = size + 4096 + Math.floor(random() * 8192);
        const listed = random() < 0.4;
        const who = listed ? entities[Math.floor(random() * entities.length)]! : outsiders[Math.floor(random() * outsiders.length)]!;
        const paragraph = `<p>Supplier: ${escapeHtml(who.name ?? '')}, ${1 + Math.floor(random() * 400)} ${pick(random, ['High Street', 'Industrial Zone', 'Avenue'])}</p>`;
        parts.push(paragraph);
        size += Buffer.byteLength(paragraph);
      }
      if (size >= bytes) break;
    }
    parts.push('</section>');
  }
  parts.push('</body></html>');
  return parts.join('');
}

/** The visible text of a generated page, as the extension and the CLI read it. */
export function visibleText(html: string): string {
  return extractPageText(parseHtmlDocument(html).body).text;
}

/** About `chars` characters of visible page text (cut at a line end) with names of `entities` sprinkled in. */
export function generatePageText(chars: number, entities: readonly MatcherEntity[], seed = 7): string {
  // Portal pages are mostly markup: about a quarter of their bytes is visible text.
  let htmlBytes = chars * 4.5;
  let text = visibleText(generatePageHtml(htmlBytes, entities, seed));
  while (text.length < chars) {
    htmlBytes *= 1.5;
    text = visibleText(generatePageHtml(htmlBytes, entities, seed));
  }
  const cut = text.lastIndexOf('\n', chars);
  return text.slice(0, cut > chars * 0.9 ? cut : chars);
}

/** The entities as FollowTheMoney JSON lines (Company records), as `tenderlens match --entities` and the extension's import read them. */
export function ftmJsonLines(entities: readonly MatcherEntity[]): string {
  return (
    entities
      .map((e) =>
        JSON.stringify({
          id: e.id,
          schema: 'Company',
          properties: { name: [e.name, ...(e.aliases ?? [])], previousName: e.previousNames, weakAlias: e.weakAliases },
        }),
      )
      .join('\n') + '\n'
  );
}

/** Notices a search-results row can show: the saved portal pages' own titles, buyers, notice types and codes. */
const RESULT_NOTICES = [
  { title: 'National Framework Agreement for Adalimumab Injection 1 April 2023', buyer: 'NHS England', type: 'F03: Contract award notice', cpv: '33600000 - Pharmaceutical products' },
  { title: 'NHS National Framework Agreement for the Supply of Adalimumab', buyer: 'NHS England', type: 'Awarded contract', cpv: '33690000 - Various medicinal products' },
];

/** What a built search-results page holds: its rows, and how many name a company of the list or another one. */
export interface SearchResultsStats {
  rows: number;
  rowsNamingListed: number;
  rowsNamingOthers: number;
}

/**
 * The words every row of a built search-results page prints whatever its supplier (the saved notices' titles,
 * buyers, notice types and codes: "NHS", "England", "Framework", …), normalised as the matcher compares names.
 */
export function searchResultsRowWords(): Set<string> {
  const words = new Set<string>();
  for (const notice of RESULT_NOTICES) {
    for (const field of [notice.title, notice.buyer, notice.type, notice.cpv]) {
      for (const word of normaliseName(field).split(' ')) if (word) words.add(word);
    }
  }
  return words;
}

/**
 * The entities without the weak aliases (the generated initials of long names, "XPCC") that spell one of `words`.
 * The generator makes initials at random, and a few of 100k spell a word every row of the built page prints (two
 * generated sock and shoe makers are "NHS", the buyer of every row): an artefact of the generated list, not what a
 * real list holds. Returns the entities and the aliases taken out.
 */
export function withoutWeakAliasesIn(entities: readonly MatcherEntity[], words: ReadonlySet<string>): { entities: MatcherEntity[]; dropped: string[] } {
  const dropped: string[] = [];
  const kept = entities.map((e) => {
    const aliases = e.weakAliases ?? [];
    const keep = aliases.filter((alias) => !words.has(normaliseName(alias)));
    if (keep.length === aliases.length) return e;
    dropped.push(...aliases.filter((alias) => !keep.includes(alias)));
    return { ...e, weakAliases: keep };
  });
  return { entities: kept, dropped };
}

/**
 * A Find a Tender search-results page of about `bytes` UTF-8 bytes, built from the saved notice page: its header,
 * navigation and footer as saved (scripts left out), its <main> replaced by result rows in the page's own markup
 * (GOV.UK classes of the notice's heading block: linked title, buyer list, notice type, identifier, publication
 * date, CPV code), some rows naming a supplier (40% of them entities of the list, the rest not on it). Seeded:
 * the same page on every run. No real search-results page was saved; this one is built, and says so in its title.
 */
export function generateSearchResultsHtml(bytes: number, entities: readonly MatcherEntity[], seed = 11, stats?: SearchResultsStats): string {
  const random = seededRandom(seed);
  const saved = readFileSync(new URL('fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html', TEST_FOLDER), 'utf8').replace(
    /<script[\s\S]*?<\/script>/gi,
    '',
  );
  const bodyOpen = saved.indexOf('<body');
  const mainOpen = saved.indexOf('<main');
  const mainClose = saved.indexOf('</main>') + '</main>'.length;
  const head =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search results (built for the benchmark) - Find a Tender</title>' +
    '<link rel="canonical" href="https://www.find-tender.service.gov.uk/Search/Results"></head>';
  const before = saved.slice(bodyOpen, mainOpen);
  const after = saved.slice(mainClose, saved.lastIndexOf('</html>'));
  const outsiders = generateEntities(2000, seed + 1);
  const parts: string[] = [head, before, '<main class="search-results govuk-main-wrapper app-main-class" role="main"><h1 class="govuk-heading-l">Search results</h1>'];
  let size = parts.reduce((n, part) => n + Buffer.byteLength(part), 0) + Buffer.byteLength(after) + 16;
  let nextName = 4096;
  for (let row = 0; size < bytes; row++) {
    const notice = RESULT_NOTICES[row % RESULT_NOTICES.length]!;
    const number = String(100000 + ((row * 7919) % 900000)).padStart(6, '0');
    const year = 2019 + (row % 6);
    const day = 1 + (row % 28);
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][row % 12]!;
    let supplier = '';
    if (size >= nextName) {
      nextName = size + 4096 + Math.floor(random() * 8192);
      const listed = random() < 0.4;
      const who = listed ? entities[Math.floor(random() * entities.length)]! : outsiders[Math.floor(random() * outsiders.length)]!;
      if (stats) stats[listed ? 'rowsNamingListed' : 'rowsNamingOthers']++;
      supplier = `<p class="govuk-body-s govuk-!-margin-bottom-1">Supplier: ${escapeHtml(who.name ?? '')}</p>`;
    }
    const html =
      `<div class="search-result govuk-!-margin-bottom-6"><h2 class="govuk-heading-m break-word"><a class="govuk-link" href="/Notice/${number}-${year}">${escapeHtml(notice.title)} (lot ${1 + (row % 4)})</a></h2>` +
      `<ul class="govuk-list"><li>${escapeHtml(notice.buyer)}</li></ul>` +
      `<p class="govuk-body-s govuk-!-margin-bottom-1">${escapeHtml(notice.type)}</p>` +
      `<p class="govuk-body-s govuk-!-margin-bottom-1"> Notice identifier: ${year}/S 000-${number} </p>` +
      `<p class="govuk-body-s govuk-!-margin-bottom-1">Main CPV code: ${escapeHtml(notice.cpv)}</p>` +
      supplier +
      `<p class="govuk-body-s"> Published ${day} ${month} ${year}, 11:45am </p></div>` +
      '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">';
    parts.push(html);
    size += Buffer.byteLength(html);
    if (stats) stats.rows++;
  }
  parts.push('</main>', after, '</html>');
  return parts.join('');
}
