// The bidder check: one result per bidder — the bidder's own entity flags, its latest disclosure (and what changed
// since the one before), each disclosed facility with the listed entities it is, the known facilities it links to,
// its derived risks (products × country, categories, Xinjiang), the disclosure's quality, and recent alerts — and
// what could not be checked. Every flag carries its chain of evidence (bidder → facility → list entry) and its
// confidence. Its sentences are written in the words given (a locale catalogue's). Nothing here ever says
// "no risk": an empty result says what was checked. Pure.
import type { Entity, Flag, RiskCategory, Source } from '../core/types';
import { findMentions, type CompiledMatcher } from '../matcher';
import { deriveFacilityRisk, type FacilityRisk } from './derive-risk';
import { facilityEntityHits, linkFacility, type FacilityEntityHit, type FacilityLink, type FacilityLinkDecision, type KnownFacility } from './match-facilities';
import { facilityNameTokens } from './normalise-facility';
import { assessDisclosure, crossCheckBidders, type ConsistencyNote, type DisclosureQuality } from './quality';
import type { DisclosedFacility, Disclosure } from './types';
import type { ReportWords } from './report-words';
import { diffDisclosures, type FacilityChange } from './versions';

export interface BidderInput {
  name: string;
}

export interface CheckKnowledge {
  matcher: CompiledMatcher;
  entity(id: string): Entity | undefined;
  flagsForEntity(id: string): Flag[];
  flag(id: string): Flag | undefined;
  productFlags: readonly Flag[];
  riskCategories: readonly RiskCategory[];
  sources: readonly Source[];
}

export interface AlertInput {
  title: string;
  url: string;
  published?: string;
  sourceTitle: string;
  entityIds: string[];
  confidence?: 'high' | 'review';
}

export interface CheckInput {
  bidders: readonly BidderInput[];
  /** Every stored version of every contractor, and the imported facility lists. */
  disclosures: readonly Disclosure[];
  knowledge: CheckKnowledge;
  /** Alerts from subscribed feeds; undefined when no feeds were read (alerts are then unknown). */
  alerts?: readonly AlertInput[];
  linkDecisions?: readonly FacilityLinkDecision[];
  /** The date freshness is judged at (YYYY-MM-DD). */
  asOf: string;
  generatedAt: string;
  /** The language the report's sentences are written in. */
  words: ReportWords;
}

export interface EvidenceStep {
  kind: 'bidder' | 'facility' | 'list-entry' | 'region' | 'product';
  text: string;
  url?: string;
}

export interface ReportFlag {
  /** `flag`: on a list (red); `review`: possible, needs a human look; `risk`: derived from products, country or region. */
  severity: 'flag' | 'review' | 'risk';
  title: string;
  chain: EvidenceStep[];
  confidence: string;
  reason: string;
  sources: { title: string; version: string; url: string; date?: string }[];
}

export interface FacilityResult {
  facility: DisclosedFacility;
  entityHits: FacilityEntityHit[];
  links: FacilityLink[];
  risk: FacilityRisk;
}

export interface BidderResult {
  name: string;
  entityHits: { entityId: string; entityName: string; confidence: 'high' | 'review'; score: number; reason: string; flags: Flag[] }[];
  disclosure?: { id: string; supplierKey: string; supplierName: string; version: number; versions: number; date?: string; fileName: string; importedAt: string; changes: FacilityChange[] };
  facilities: FacilityResult[];
  quality?: DisclosureQuality;
  alerts?: AlertInput[];
  flags: ReportFlag[];
  unknowns: string[];
}

export interface BidderCheckReport {
  /** The language of the report's sentences ("en", "de", …). */
  lang: string;
  generatedAt: string;
  asOf: string;
  dataVersions: { id: string; title: string; version: string; partial: boolean; loadedAt?: string }[];
  disclosuresUsed: { supplier: string; version: number; date?: string; fileName: string }[];
  facilityLists: { label: string; facilities: number }[];
  bidders: BidderResult[];
  consistency: ConsistencyNote[];
}

function sourceOf(k: CheckKnowledge, flag: Flag) {
  const s = k.sources.find((x) => x.id === flag.sourceId);
  return { title: s?.title ?? flag.sourceId, version: flag.listVersion, url: flag.evidenceUrl, ...(flag.date ? { date: flag.date } : {}) };
}

/** The bidder's disclosures (all versions), found by its name with legal forms and punctuation set aside. */
export function disclosuresOfBidder(name: string, disclosures: readonly Disclosure[]): Disclosure[] {
  const key = facilityNameTokens(name).join(' ');
  return disclosures.filter((d) => d.kind === 'disclosure' && facilityNameTokens(d.supplier.name).join(' ') === key).sort((a, b) => a.version - b.version);
}

/** What the lists say of an entity ("import ban, forced labour"), in the report's language. */
export function describeFlagTypes(flags: readonly Flag[], w: ReportWords): string {
  const types = [...new Set(flags.map((f) => f.type))];
  return types.length > 0 ? types.map((type) => flagTypeWord(type, w)).join(', ') : w.t('repListed');
}

function flagTypeWord(type: string, w: ReportWords): string {
  const word = w.t(`flagType_${type}`);
  return word === `flagType_${type}` ? type.replace(/_/g, ' ') : word;
}

/** A list's edition as the report writes it: "2026-12-03, partial". */
export function editionText(source: { version: string; partial: boolean }, w: ReportWords): string {
  return source.partial ? w.t('repEditionPartial', [source.version]) : source.version;
}

function listEntrySteps(k: CheckKnowledge, w: ReportWords, entity: { name: string; sourceId: string }, flags: readonly Flag[]): EvidenceStep {
  const source = k.sources.find((s) => s.id === entity.sourceId);
  const first = flags[0];
  const text = !source ? `${entity.name} — ${entity.sourceId}`
    : first?.date ? w.t('repListEntryDated', [entity.name, source.title, editionText(source, w), first.date])
    : `${entity.name} — ${source.title} (${editionText(source, w)})`;
  return { kind: 'list-entry', text, ...(first ? { url: first.evidenceUrl } : {}) };
}

/** A production stage in the report's language ("assembly", "Montage", …). */
export function stageWord(stage: DisclosedFacility['stage'], w: ReportWords): string {
  return stage ? w.t(`repStage_${stage.replace('-', '_')}`) : '—';
}

function facilityStep(f: DisclosedFacility, w: ReportWords): EvidenceStep {
  const place = `${f.name}, ${f.address} (${w.country(f.country)})`;
  return { kind: 'facility', text: f.stage ? `${place}, ${stageWord(f.stage, w)}` : place };
}

const confidenceText = (confidence: 'high' | 'review', score: number, w: ReportWords) => w.t(confidence === 'high' ? 'repConfidenceHigh' : 'repConfidenceReview', [score.toFixed(2)]);

export function checkBidders(input: CheckInput): BidderCheckReport {
  // Lists, statements and flags in one order (by id) whatever order the store gives them: the same files give the
  // same report in the extension and the CLI.
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const given = input.knowledge;
  const k: CheckKnowledge = {
    ...given,
    flagsForEntity: (id) => [...given.flagsForEntity(id)].sort(byId),
    productFlags: [...given.productFlags].sort(byId),
    sources: [...given.sources].sort(byId),
  };
  const w = input.words;
  const latestBySupplier = new Map<string, Disclosure>();
  for (const d of input.disclosures) {
    if (d.kind !== 'disclosure') continue;
    const prior = latestBySupplier.get(d.supplierKey);
    if (!prior || d.version > prior.version) latestBySupplier.set(d.supplierKey, d);
  }
  const facilityLists = input.disclosures.filter((d) => d.kind === 'facility-list');
  const known: KnownFacility[] = [
    ...facilityLists.flatMap((d) => d.facilities.map((f) => ({ id: `${d.id}/${f.key}`, sourceLabel: d.fileName, sourceKind: 'facility-list' as const, facility: f }))),
    ...[...latestBySupplier.values()].flatMap((d) => d.facilities.map((f) => ({ id: `${d.id}/${f.key}`, sourceLabel: d.supplier.name, sourceKind: 'disclosure' as const, supplierKey: d.supplierKey, facility: f }))),
  ];

  const bidders: BidderResult[] = input.bidders.map(({ name }) => {
    const bidderStep: EvidenceStep = { kind: 'bidder', text: name };
    const flags: ReportFlag[] = [];
    const unknowns: string[] = [];
    const entityHits = findMentions(k.matcher, name)
      .map((m) => ({ m, e: k.entity(m.entityId) }))
      .filter((x): x is { m: typeof x.m; e: Entity } => !!x.e)
      .map(({ m, e }) => ({ entityId: e.id, entityName: e.name, confidence: m.confidence, score: m.score, reason: m.reason, flags: k.flagsForEntity(e.id) }));
    for (const hit of entityHits) {
      flags.push({
        severity: hit.confidence === 'high' ? 'flag' : 'review',
        title: w.t(hit.confidence === 'high' ? 'repBidderIs' : 'repBidderMayBe', [name, hit.entityName, describeFlagTypes(hit.flags, w)]),
        chain: [bidderStep, listEntrySteps(k, w, { name: hit.entityName, sourceId: k.entity(hit.entityId)!.sourceId }, hit.flags)],
        confidence: confidenceText(hit.confidence, hit.score, w), reason: w.matchReason(hit.reason), sources: hit.flags.map((f) => sourceOf(k, f)),
      });
    }

    const versions = disclosuresOfBidder(name, input.disclosures);
    const latest = versions[versions.length - 1];
    const previous = versions[versions.length - 2];
    let facilities: FacilityResult[] = [];
    let quality: DisclosureQuality | undefined;
    if (!latest) {
      unknowns.push(w.t('repUnknownNoDisclosure'));
    } else {
      quality = assessDisclosure(latest, input.asOf, w);
      facilities = latest.facilities.map((f) => {
        const entityHitsF = facilityEntityHits(f, k.matcher, k.entity, k.flagsForEntity);
        const links = linkFacility(latest.supplierKey, f, known, input.linkDecisions);
        const risk = deriveFacilityRisk(f, k);
        const fStep = facilityStep(f, w);
        const country = w.country(f.country);
        for (const hit of entityHitsF) {
          const severe = hit.confidence === 'high' && hit.via === 'facility';
          flags.push({
            severity: severe ? 'flag' : 'review',
            title: hit.via === 'facility' ? w.t(severe ? 'repFacilityIs' : 'repFacilityMayBe', [f.name, hit.entity.name, describeFlagTypes(hit.flags, w)]) : w.t('repFacilityParent', [f.name, f.parentCompany ?? '', hit.entity.name]),
            chain: [bidderStep, fStep, listEntrySteps(k, w, hit.entity, hit.flags)],
            confidence: confidenceText(hit.confidence, hit.score, w),
            reason: hit.via === 'parent-company' ? w.t('repParentReason', [f.parentCompany ?? '', w.matchReason(hit.matcherReason)]) : w.matchReason(hit.matcherReason),
            sources: hit.flags.map((fl) => sourceOf(k, fl)),
          });
        }
        if (risk.region) {
          flags.push({
            severity: 'flag', title: w.t('repXinjiangTitle', [f.name]),
            chain: [bidderStep, fStep, { kind: 'region', text: w.t('repXinjiangStep'), url: 'https://www.cbp.gov/trade/forced-labor/UFLPA' }],
            confidence: w.t('repXinjiangConfidence', [risk.region.matched]), reason: w.t('repXinjiangReason', [risk.region.matched]),
            sources: [{ title: 'Uyghur Forced Labor Prevention Act (Public Law 117-78), section 3', version: '2021-12-23', url: 'https://www.cbp.gov/trade/forced-labor/UFLPA' }],
          });
        }
        for (const r of risk.productCountry) {
          flags.push({
            severity: 'risk', title: w.t('repProductTitle', [r.good, country, describeFlagTypes(r.flags, w)]),
            chain: [bidderStep, fStep, { kind: 'product', text: w.t('repProductStep', [r.product, r.good]) }, { kind: 'list-entry', text: `${r.good}, ${country} — ${sourceOf(k, r.flags[0]!).title} (${r.flags[0]!.listVersion})`, url: r.flags[0]!.evidenceUrl }],
            confidence: w.t('repProductConfidence'), reason: w.t('repProductReason', [r.product, country, r.good]),
            sources: r.flags.map((x) => sourceOf(k, x)).filter((s, i, a) => a.findIndex((o) => o.url === s.url) === i),
          });
        }
        if (f.products.length === 0) unknowns.push(w.t('repUnknownNoProducts', [f.name]));
        for (const p of risk.unplacedProducts) unknowns.push(w.t('repUnknownProduct', [f.name, p]));
        return { facility: f, entityHits: entityHitsF, links, risk };
      });
    }
    let alerts: AlertInput[] | undefined;
    if (input.alerts === undefined) unknowns.push(w.t('repUnknownAlerts'));
    else {
      const ids = new Set([...entityHits.map((h) => h.entityId), ...facilities.flatMap((f) => f.entityHits.map((h) => h.entity.id))]);
      alerts = input.alerts.filter((a) => a.entityIds.some((id) => ids.has(id)));
    }
    return {
      name, entityHits, facilities, flags, unknowns,
      ...(latest ? { disclosure: { id: latest.id, supplierKey: latest.supplierKey, supplierName: latest.supplier.name, version: latest.version, versions: versions.length, ...(latest.disclosureDate ? { date: latest.disclosureDate } : {}), fileName: latest.fileName, importedAt: latest.importedAt, changes: previous ? diffDisclosures(previous, latest).changes : [] } } : {}),
      ...(quality ? { quality } : {}),
      ...(alerts ? { alerts } : {}),
    };
  });

  const used = bidders.map((b) => b.disclosure && latestBySupplier.get(b.disclosure.supplierKey)).filter((d): d is Disclosure => !!d);
  return {
    lang: w.lang,
    generatedAt: input.generatedAt,
    asOf: input.asOf,
    dataVersions: k.sources.map((s) => ({ id: s.id, title: s.title, version: s.version, partial: s.partial, ...(s.loadedAt ? { loadedAt: s.loadedAt } : {}) })),
    disclosuresUsed: used.map((d) => ({ supplier: d.supplier.name, version: d.version, ...(d.disclosureDate ? { date: d.disclosureDate } : {}), fileName: d.fileName })),
    facilityLists: facilityLists.map((d) => ({ label: d.fileName, facilities: d.facilities.length })),
    bidders,
    consistency: crossCheckBidders(used, w),
  };
}

/** One line per bidder for the summary table: counts, and what the result means (never "no risk"). */
export function summariseBidder(b: BidderResult, w: ReportWords): { flagged: number; possible: number; derived: number; gaps: number; verdict: string } {
  const flagged = b.flags.filter((f) => f.severity === 'flag').length;
  const possible = b.flags.filter((f) => f.severity === 'review').length;
  const derived = b.flags.filter((f) => f.severity === 'risk').length;
  const gaps = b.quality?.gaps.length ?? 0;
  const verdict = flagged > 0 ? w.tn('repVerdictFlags', flagged)
    : possible > 0 ? w.tn('repVerdictPossible', possible)
    : !b.disclosure ? w.t('repVerdictNothingNoDisclosure')
    : w.t('repVerdictNothing');
  return { flagged, possible, derived, gaps, verdict };
}

