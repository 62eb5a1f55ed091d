// Turns what was read from a page (notice fields and visible text) into findings with their evidence:
// flagged or possible suppliers from the matcher, and high-risk product categories from the page's CPV codes and its
// UNSPSC, NAICS and PSC codes (through TenderLens's classification map); and what was checked with nothing found
// (codes, suppliers, buyers), which is not the same as no risk.
// Pure: the caller supplies the knowledge as synchronous lookups (the background prefetches them from Dexie).
import type {
  CheckedItem,
  Concern,
  Decision,
  Entity,
  Finding,
  FindingSource,
  Flag,
  NoticeReading,
  PageAnalysis,
  RiskCategory,
  Source,
  TextAnchor,
} from './types';
import { ORGANISATION_PATH_SEPARATOR } from './types';
import { riskCategoriesForCpv } from './cpv';
import { describeMappedCode, riskCategoriesForClassification, SCHEME_NAMES } from './classification-risk';
import { countryName } from './countries';
import { findMentions, type CompiledMatcher, type Mention } from '../matcher';
import { applyDecisions, type DecidedMentions, type DismissedMention } from './decisions';

/** What the analysis needs to know; maps or functions over a subset of the knowledge base. */
export interface KnowledgeLookups {
  entity(id: string): Entity | undefined;
  flagsForEntity(id: string): Flag[];
  flag(id: string): Flag | undefined;
  source(id: string): Source | undefined;
  /** Every list in the knowledge base. */
  sources(): readonly Source[];
  cpvLabel(code8: string): string | undefined;
  riskCategories: readonly RiskCategory[];
}

export interface Knowledge extends KnowledgeLookups {
  matcher: CompiledMatcher;
}

export interface PageInput {
  url: string;
  /** The page's visible text, as extracted by `extractPageText`. */
  text: string;
  reading: NoticeReading;
}

/**
 * Runs the matcher over the page text, then applies the user's decisions: dismissed mentions are kept aside with
 * their decision (they are shown as dismissed, never dropped), confirmed ones are raised.
 */
export function findPageMentions(matcher: CompiledMatcher, page: PageInput, decisions: readonly Decision[] = []): DecidedMentions {
  return applyDecisions(findMentions(matcher, page.text), decisions, page.url);
}

/** The entity ids the mentions refer to, dismissed ones too (what the background prefetches before `buildPageAnalysis`). */
export function mentionedEntityIds(decided: DecidedMentions): string[] {
  return [...new Set([...decided.shown, ...decided.dismissed.map((d) => d.mention)].map((m) => m.entityId))];
}

export function analysePage(knowledge: Knowledge, page: PageInput, decisions: readonly Decision[] = [], now = new Date()): PageAnalysis {
  return buildPageAnalysis(knowledge, page, findPageMentions(knowledge.matcher, page, decisions), now);
}

export function buildPageAnalysis(k: KnowledgeLookups, page: PageInput, decided: DecidedMentions, now = new Date()): PageAnalysis {
  const cpvAnchors = cpvAnchorsOnce(page.text);
  const findings = [...entityFindings(k, decided.shown, decided.confirmed), ...categoryFindings(k, page, cpvAnchors)];
  const dismissed = dismissedFindings(k, decided.dismissed);
  const checked = [
    ...checkedCpvCodes(page, findings, cpvAnchors),
    ...checkedClassifications(page, findings),
    ...checkedParties(page, 'supplier', page.reading.suppliers.map((s) => s.name), findings, dismissed),
    ...checkedParties(page, 'buyer', buyerNames(page.reading), findings, dismissed, buyerAnchors),
  ];
  return {
    url: page.url,
    analysedAt: now.toISOString(),
    reading: withCpvLabels(k, page.reading),
    findings,
    dismissed,
    checked,
    consulted: sourcesOf(k, k.sources().filter((s) => s.kind === 'product-list' || s.kind === 'entity-list').map((s) => s.id), []),
    summary: summariseFindings(findings),
  };
}

/** The counts the badge, the popup and the side panel start from. */
export function summariseFindings(findings: readonly Finding[]): PageAnalysis['summary'] {
  return {
    flagged: findings.filter((f) => f.kind === 'flagged-entity').length,
    review: findings.filter((f) => f.kind === 'possible-entity').length,
    categories: findings.filter((f) => f.kind === 'high-risk-category').length,
  };
}

/** One finding per mentioned entity, with every place it is mentioned; the strongest mention sets the tier. */
function entityFindings(k: KnowledgeLookups, mentions: readonly Mention[], confirmed: ReadonlyMap<string, Decision> = new Map()): Finding[] {
  const byEntity = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byEntity.get(m.entityId);
    if (list) list.push(m);
    else byEntity.set(m.entityId, [m]);
  }
  const findings: Finding[] = [];
  for (const [entityId, list] of byEntity) {
    const finding = entityFinding(k, entityId, list);
    const decision = confirmed.get(entityId);
    if (finding) findings.push(decision ? { ...finding, decision } : finding);
  }
  return findings.sort((a, b) => Number(b.severity === 'flag') - Number(a.severity === 'flag'));
}

/** Dismissed matches, one per entity, each with the user's latest decision among its mentions. */
function dismissedFindings(k: KnowledgeLookups, dismissed: readonly DismissedMention[]): Finding[] {
  const byEntity = new Map<string, DismissedMention[]>();
  for (const d of dismissed) {
    const list = byEntity.get(d.mention.entityId);
    if (list) list.push(d);
    else byEntity.set(d.mention.entityId, [d]);
  }
  const findings: Finding[] = [];
  for (const [entityId, list] of byEntity) {
    const finding = entityFinding(k, entityId, list.map((d) => d.mention));
    if (!finding) continue;
    const decision = list.map((d) => d.decision).reduce((a, b) => (b.decidedAt > a.decidedAt ? b : a));
    findings.push({ ...finding, id: `dismissed:${entityId}`, decision });
  }
  return findings;
}

/**
 * What one listed entity's mentions come to. Only a list that says something about the company (a ban, forced or
 * child labour, sanctions: it gives the entity a flag) can make a sure match a red flag; an entity on a watch list
 * (no flag) is at most a possible match, however sure the match of its name.
 */
function entityFinding(k: KnowledgeLookups, entityId: string, list: readonly Mention[]): Finding | undefined {
  const entity = k.entity(entityId);
  if (!entity) return undefined;
  const best = list.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const flags = k.flagsForEntity(entityId);
  const listTitle = k.source(entity.sourceId)?.title ?? entity.sourceId;
  const flagged = best.confidence === 'high' && flags.length > 0;
  const found = best.text.replace(/\s+/g, ' ').trim();
  return {
    id: `entity:${entityId}`,
    kind: flagged ? 'flagged-entity' : 'possible-entity',
    severity: flagged ? 'flag' : 'review',
    title: found,
    ...(sameName(found, entity.name) ? {} : { listedName: entity.name }),
    detail: flags.length
      ? flags.map((f) => describeEntityFlag(f, k.source(f.sourceId)?.title ?? listTitle)).join(' ')
      : `On the watch list “${listTitle}”: being on it says nothing by itself about this company.`,
    reason: best.reason,
    concern: entityConcern(flags),
    entityId,
    cpvCodes: [],
    sources: sourcesOf(k, [entity.sourceId, ...flags.map((f) => f.sourceId)], flags),
    flags,
    anchors: list.map(({ start, end, text }) => ({ start, end, text })),
  };
}

function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/** The strongest concern among an entity's flags; no flag: a watch list. */
function entityConcern(flags: readonly Flag[]): Concern {
  const types = new Set(flags.map((f) => f.type));
  if (types.has('sanctions')) return 'sanctions';
  if (types.has('import_ban')) return 'import_ban';
  if (types.has('forced_labour') || types.has('forced_child_labour')) return 'forced_labour';
  if (types.has('child_labour')) return 'child_labour';
  return types.size ? 'forced_labour' : 'watch';
}

/** What a list says about a company, in a buyer's words: "On “UFLPA Entity List”, an import ban, since 2022-06-21." */
export function describeEntityFlag(flag: Flag, listTitle: string): string {
  const since = flag.date ? `, since ${flag.date}` : '';
  switch (flag.type) {
    case 'import_ban':
      return `On “${listTitle}”: an import ban on goods made with forced labour${since}.`;
    case 'sanctions':
      return `On “${listTitle}”, a sanctions list${since}.`;
    case 'child_labour':
      return `On “${listTitle}”, a list of companies linked to child labour${since}.`;
    case 'forced_child_labour':
      return `On “${listTitle}”, a list of companies linked to forced child labour${since}.`;
    default:
      return `On “${listTitle}”, a list of companies linked to forced labour${since}.`;
  }
}

function rank(m: Mention): number {
  return (m.confidence === 'high' ? 2 : 1) + m.score;
}

/** One finding per high-risk category the page's CPV codes, then its other codes, fall into. */
function categoryFindings(k: KnowledgeLookups, page: PageInput, cpvAnchors: CpvAnchors): Finding[] {
  const findings = cpvCategoryFindings(k, page, cpvAnchors);
  for (const classification of page.reading.classifications ?? []) {
    for (const { category, entry } of riskCategoriesForClassification(classification, k.riskCategories)) {
      if (classification.scheme === 'cpc') continue;
      const code = { scheme: classification.scheme, code: classification.code, ...(classification.label ? { label: classification.label } : {}), mappedCode: entry.code, mappedTitle: entry.title };
      const reason = `${describeMappedCode(classification, entry)} falls in the high-risk category “${category.label}”.`;
      const anchors = findCodeAnchors(page.text, classification);
      const existing = findings.get(category.id);
      if (existing) {
        if (existing.classificationCodes?.some((c) => c.scheme === code.scheme && c.code === code.code)) continue;
        existing.classificationCodes = [...(existing.classificationCodes ?? []), code];
        existing.reason = `${existing.reason} ${reason}`;
        existing.anchors.push(...anchors);
        continue;
      }
      findings.set(category.id, { ...newCategoryFinding(k, category, reason, anchors), classificationCodes: [code] });
    }
  }
  return [...findings.values()];
}

/**
 * Where a UNSPSC, NAICS or PSC code is printed in the page text: as normalised (8 digits for UNSPSC) or, for a
 * UNSPSC class or family, as its significant digits ("801116"), not inside a longer code.
 */
export function findCodeAnchors(text: string, classification: { scheme: string; code: string }): TextAnchor[] {
  const forms = [classification.code];
  if (classification.scheme === 'unspsc') {
    let short = classification.code;
    while (short.length > 4 && short.endsWith('00')) short = short.slice(0, -2);
    if (short !== classification.code) forms.push(short);
  }
  for (const form of forms) {
    const anchors: TextAnchor[] = [];
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
      if (isCodeChar(text.charCodeAt(at - 1)) || isCodeChar(text.charCodeAt(at + form.length))) continue;
      anchors.push({ start: at, end: at + form.length });
    }
    if (anchors.length > 0) return anchors;
  }
  return [];
}

function isCodeChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** One finding per high-risk category the page's CPV codes fall into, by category id. */
function cpvCategoryFindings(k: KnowledgeLookups, page: PageInput, cpvAnchors: CpvAnchors): Map<string, Finding> {
  const findings = new Map<string, Finding>();
  for (const cpv of page.reading.cpv) {
    for (const category of riskCategoriesForCpv(cpv.code8, k.riskCategories)) {
      const existing = findings.get(category.id);
      const anchors = cpvAnchors(cpv.code8);
      if (existing) {
        existing.anchors.push(...anchors);
        existing.cpvCodes.push(cpv.code8);
        continue;
      }
      const reason = `CPV ${cpv.code8} (${k.cpvLabel(cpv.code8) ?? cpv.label ?? 'unknown code'}) falls in the high-risk category “${category.label}”.`;
      findings.set(category.id, { ...newCategoryFinding(k, category, reason, anchors), cpvCodes: [cpv.code8] });
    }
  }
  return findings;
}

/** A high-risk category's finding, from its first code: its list statements, their sources, the reason given. */
function newCategoryFinding(k: KnowledgeLookups, category: RiskCategory, reason: string, anchors: TextAnchor[]): Finding {
  const flags = category.flagIds.map((id) => k.flag(id)).filter((f): f is Flag => f !== undefined);
  return {
    id: `category:${category.id}`,
    kind: 'high-risk-category',
    severity: 'review',
    title: category.label,
    detail: describeProductFlags(flags),
    reason,
    concern: 'high_risk_product',
    cpvCodes: [],
    sources: sourcesOf(k, flags.map((f) => f.sourceId), flags),
    flags,
    anchors,
  };
}

/** Where each CPV code is printed in one page's text, searched once per code; each call gets its own copy. */
type CpvAnchors = (code8: string) => TextAnchor[];

function cpvAnchorsOnce(text: string): CpvAnchors {
  const found = new Map<string, TextAnchor[]>();
  return (code8) => {
    let anchors = found.get(code8);
    if (!anchors) found.set(code8, (anchors = findCpvAnchors(text, code8)));
    return anchors.map((a) => ({ ...a }));
  };
}

/** Where a CPV code is printed in the page text: the 8 digits, not inside a longer number. */
export function findCpvAnchors(text: string, code8: string): TextAnchor[] {
  const anchors: TextAnchor[] = [];
  for (let at = text.indexOf(code8); at !== -1; at = text.indexOf(code8, at + code8.length)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + code8.length);
    if (isDigit(before) || isDigit(after)) continue;
    anchors.push({ start: at, end: endOfCpvMention(text, at + code8.length) });
  }
  return anchors;
}

/**
 * Where the printed code ends: after its check digit ("33600000-6") and, when a label follows on the same line
 * ("33600000 - Pharmaceutical products"), after the label, so the mark reads after the whole entry.
 */
function endOfCpvMention(text: string, end: number): number {
  const rest = text.slice(end, end + 200);
  const labelled = /^(?:-\d)?(?:[ \t\u00a0]*[-–][ \t\u00a0]*[^\n\d][^\n]*)?/.exec(rest);
  return end + (labelled?.[0].trimEnd().length ?? 0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function checkedCpvCodes(page: PageInput, findings: readonly Finding[], cpvAnchors: CpvAnchors): CheckedItem[] {
  return page.reading.cpv.map((cpv) => ({
    kind: 'cpv' as const,
    label: cpv.label ? `${cpv.code8} ${cpv.label}` : cpv.code8,
    findingIds: findings.filter((f) => categoryCovers(f, cpv.code8)).map((f) => f.id),
    dismissedIds: [],
    anchors: cpvAnchors(cpv.code8),
  }));
}

function categoryCovers(finding: Finding, code8: string): boolean {
  return finding.cpvCodes.includes(code8);
}

/**
 * The UNSPSC, NAICS and PSC codes the portal adapter read, each linked to the category findings it led to (none:
 * TenderLens's map gives it no high-risk category, which is not the same as no risk). CPC codes are not mapped at
 * all, so they are not said to be checked.
 */
function checkedClassifications(page: PageInput, findings: readonly Finding[]): CheckedItem[] {
  const items: CheckedItem[] = [];
  for (const c of page.reading.classifications ?? []) {
    if (c.scheme === 'cpc') continue;
    items.push({
      kind: 'classification',
      scheme: c.scheme,
      label: `${SCHEME_NAMES[c.scheme]} ${c.code}${c.label ? ` ${c.label}` : ''}`,
      findingIds: findings.filter((f) => f.classificationCodes?.some((m) => m.scheme === c.scheme && m.code === c.code)).map((f) => f.id),
      dismissedIds: [],
      anchors: entryAnchors(page.text, findCodeAnchors(page.text, c)),
    });
  }
  return items;
}

/**
 * Where a code stands as an entry of its own ("Q999 - MEDICAL- OTHER", "42271718" at the end of its cell), each
 * widened over its label as a CPV entry is; all of them when it stands nowhere so (a title's "Q999--Cancer …" only).
 */
function entryAnchors(text: string, anchors: readonly TextAnchor[]): TextAnchor[] {
  const entries = anchors.filter((a) => /^[ \t\u00a0]*(?:[-–][ \t\u00a0]|\n|$)/.test(text.slice(a.end, a.end + 3)));
  return (entries.length > 0 ? entries : anchors).map((a) => ({ start: a.start, end: endOfCpvMention(text, a.end) }));
}

/** The buyers a page names: the notice's, or on a search-results page each listed notice's, each once. */
function buyerNames(reading: NoticeReading): string[] {
  const names = [reading.buyer?.name, ...(reading.listedNotices ?? []).map((n) => n.buyer)];
  return [...new Set(names.filter((name): name is string => !!name && name.trim() !== ''))];
}

/**
 * Suppliers or buyers the portal adapter read, each linked to the entity findings whose mentions fall on its name:
 * a name on a list is marked by its finding, one on none of them gets the grey "nothing listed" mark.
 */
function checkedParties(
  page: PageInput,
  kind: 'supplier' | 'buyer',
  names: readonly string[],
  findings: readonly Finding[],
  dismissed: readonly Finding[],
  anchorsOf = findNameAnchors,
): CheckedItem[] {
  return names.map((name) => {
    const anchors = anchorsOf(page.text, name);
    const overlapping = (list: readonly Finding[]) =>
      list.filter((f) => f.entityId && f.anchors.some((a) => overlapsAny(a, anchors))).map((f) => f.id);
    return { kind, label: name, findingIds: overlapping(findings), dismissedIds: overlapping(dismissed), anchors };
  });
}

/**
 * Whether `anchor` overlaps one of `sorted` (anchors in text order that do not overlap one another, as a name's
 * matches are): a binary search for the first that ends after it starts, so a page of thousands stays fast.
 */
function overlapsAny(anchor: TextAnchor, sorted: readonly TextAnchor[]): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.end <= anchor.start) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low]!.start < anchor.end;
}

/**
 * Where a buyer is printed: its name, or, for a buyer read as an organisation path ("DEPARTMENT › OFFICE") that a
 * page prints part by part, the most specific part the page prints.
 */
function buyerAnchors(text: string, name: string): TextAnchor[] {
  const whole = findNameAnchors(text, name);
  if (whole.length > 0 || !name.includes(ORGANISATION_PATH_SEPARATOR)) return whole;
  for (const part of name.split(ORGANISATION_PATH_SEPARATOR).reverse()) {
    const anchors = findNameAnchors(text, part);
    if (anchors.length > 0) return anchors;
  }
  return [];
}

/** Where a supplier name read by the adapter is printed (exact, whitespace-insensitive). */
function findNameAnchors(text: string, name: string): TextAnchor[] {
  const trimmed = name.trim();
  if (trimmed.length < 2) return [];
  const pattern = new RegExp(trimmed.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
  const anchors: TextAnchor[] = [];
  for (const m of text.matchAll(pattern)) anchors.push({ start: m.index, end: m.index + m[0].length });
  return anchors;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withCpvLabels(k: KnowledgeLookups, reading: NoticeReading): NoticeReading {
  return { ...reading, cpv: reading.cpv.map((c) => ({ ...c, label: k.cpvLabel(c.code8) ?? c.label })) };
}

function sourcesOf(k: KnowledgeLookups, sourceIds: readonly string[], flags: readonly Flag[]): FindingSource[] {
  const out: FindingSource[] = [];
  for (const id of new Set(sourceIds)) {
    const source = k.source(id);
    if (!source) continue;
    const dates = flags.filter((f) => f.sourceId === id && f.date).map((f) => f.date as string).sort();
    out.push({
      sourceId: id,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      version: source.version,
      partial: source.partial,
      ...(dates.length ? { date: dates[dates.length - 1] } : {}),
    });
  }
  return out;
}

const FLAG_WORDS: Record<Flag['type'], string> = {
  forced_labour: 'forced labour',
  child_labour: 'child labour',
  forced_child_labour: 'forced child labour',
  derived_labour_exploitation: 'made with inputs produced by child or forced labour',
  import_ban: 'import ban',
  sanctions: 'sanctions',
  high_risk_product: 'high-risk product',
};

/**
 * What the lists say about a category's products, product by product, with country names:
 * "Polysilicon: forced labour in China. Gloves: forced labour in Malaysia; child labour in …".
 */
export function describeProductFlags(flags: readonly Flag[], maxProducts = 6): string {
  const byProduct = new Map<string, Map<Flag['type'], string[]>>();
  for (const flag of flags) {
    const product = flag.product ?? 'Listed product';
    const types = byProduct.get(product) ?? new Map<Flag['type'], string[]>();
    const places = types.get(flag.type) ?? [];
    if (flag.country) places.push(countryName(flag.country) ?? flag.country);
    types.set(flag.type, places);
    byProduct.set(product, types);
  }
  const sentences = [...byProduct].slice(0, maxProducts).map(([product, types]) => {
    const parts = [...types].map(([type, places]) => (places.length ? `${FLAG_WORDS[type]} in ${places.join(', ')}` : FLAG_WORDS[type]));
    return `${product}: ${parts.join('; ')}.`;
  });
  const more = byProduct.size - maxProducts;
  return more > 0 ? `${sentences.join(' ')} And ${more} more listed product${more === 1 ? '' : 's'}.` : sentences.join(' ');
}

export function describeFlag(flag: Flag): string {
  const what = FLAG_WORDS[flag.type];
  const about = [flag.product, flag.country].filter(Boolean).join(', ');
  return `${what}${about ? ` (${about})` : ''}${flag.date ? ` since ${flag.date}` : ''}`;
}
