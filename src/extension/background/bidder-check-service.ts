// The background's side of the bidder check and of disclosures in cards: reads the stored disclosures, the
// entities and flags the bidders' and facilities' names match, the product-country statements and the alerts,
// and runs the pure check. Also summarises a page's suppliers' disclosures for their cards.
import type { Entity, Flag } from '../../core/types';
import { checkBidders, disclosuresOfBidder, type AlertInput, type BidderCheckReport } from '../../disclosures/check-bidders';
import type { ReportWords } from '../../disclosures/report-words';
import { deriveFacilityRisk } from '../../disclosures/derive-risk';
import { facilityEntityHits } from '../../disclosures/match-facilities';
import { findMentions } from '../../matcher';
import { fromEntityRow } from '../../kb/db';
import { allDisclosures } from '../../kb/disclosures';
import type { KnowledgeService } from './knowledge-service';

/** What a supplier's card says about its disclosure (plain data for the content script). */
export interface SupplierDisclosureSummary {
  supplier: string;
  disclosureSupplier: string;
  version: number;
  date?: string;
  facilities: { name: string; country: string; risks: string[]; flagged: { entity: string; list: string; confidence: 'high' | 'review' }[] }[];
  countries: string[];
}

async function lookups(service: KnowledgeService, texts: readonly string[]) {
  const matcher = await service.currentMatcher();
  const ids = [...new Set(texts.flatMap((t) => findMentions(matcher, t).map((m) => m.entityId)))];
  const [rows, flags, productFlags, sources, riskCategories] = await Promise.all([
    service.db.entities.bulkGet(ids),
    ids.length ? service.db.flags.where('entityId').anyOf(ids).toArray() : Promise.resolve([] as Flag[]),
    service.db.flags.where('product').above('').toArray(),
    service.db.sources.toArray(),
    service.db.riskCategories.toArray(),
  ]);
  const entities = new Map<string, Entity>(rows.filter((e) => e !== undefined).map((e) => [e.id, fromEntityRow(e)]));
  const allFlags = new Map([...flags, ...productFlags].map((f) => [f.id, f]));
  return {
    matcher,
    entity: (id: string) => entities.get(id),
    flagsForEntity: (id: string) => flags.filter((f) => f.entityId === id),
    flag: (id: string) => allFlags.get(id),
    productFlags: productFlags.filter((f) => f.country),
    riskCategories,
    sources,
    entityIds: ids,
  };
}

export async function runBidderCheck(service: KnowledgeService, bidders: readonly string[], asOf: string, words: ReportWords, now = new Date()): Promise<BidderCheckReport> {
  await service.whenReady();
  const disclosures = await allDisclosures(service.db);
  const texts = [...bidders, ...disclosures.flatMap((d) => d.facilities.flatMap((f) => [[f.name, f.osId, f.leiId, f.dunsId].filter(Boolean).join('\n'), f.parentCompany ?? '']))];
  const k = await lookups(service, texts);
  const feeds = k.sources.filter((s) => s.kind === 'feed');
  let alerts: AlertInput[] | undefined;
  if (feeds.length > 0) {
    const rows = k.entityIds.length ? await service.db.alerts.where('entityIds').anyOf(k.entityIds).toArray() : [];
    alerts = [...new Map(rows.map((a) => [a.id, a])).values()].map((a) => ({
      title: a.title, url: a.url, ...(a.published ? { published: a.published } : {}), sourceTitle: feeds.find((s) => s.id === a.sourceId)?.title ?? a.sourceId, entityIds: a.entityIds,
    }));
  }
  return checkBidders({
    bidders: bidders.map((name) => ({ name })), disclosures, knowledge: k, ...(alerts ? { alerts } : {}),
    linkDecisions: await service.db.facilityLinkDecisions.toArray(), asOf, generatedAt: now.toISOString(), words,
  });
}

/** For each supplier on a page that has a stored disclosure: its latest version, facilities, countries and risks. */
export async function disclosuresForSuppliers(service: KnowledgeService, suppliers: readonly string[]): Promise<SupplierDisclosureSummary[]> {
  if (suppliers.length === 0) return [];
  await service.whenReady();
  const disclosures = await allDisclosures(service.db);
  const found = suppliers.map((s) => ({ supplier: s, versions: disclosuresOfBidder(s, disclosures) })).filter((x) => x.versions.length > 0);
  if (found.length === 0) return [];
  const k = await lookups(service, found.flatMap((x) => x.versions.at(-1)!.facilities.flatMap((f) => [f.name, f.parentCompany ?? ''])));
  return found.map(({ supplier, versions }) => {
    const d = versions.at(-1)!;
    return {
      supplier, disclosureSupplier: d.supplier.name, version: d.version, ...(d.disclosureDate ? { date: d.disclosureDate } : {}),
      countries: [...new Set(d.facilities.map((f) => f.country))],
      facilities: d.facilities.map((f) => {
        const risk = deriveFacilityRisk(f, k);
        const hits = facilityEntityHits(f, k.matcher, k.entity, k.flagsForEntity);
        return {
          name: f.name, country: f.country,
          risks: [...(risk.region ? ['Xinjiang (UFLPA)'] : []), ...risk.productCountry.map((r) => `${r.good} (ILAB)`)],
          flagged: hits.map((h) => {
            const s = k.sources.find((x) => x.id === h.entity.sourceId);
            return { entity: h.entity.name, list: s ? `${s.title} (${s.version}${s.partial ? ', partial' : ''})` : h.entity.sourceId, confidence: h.via === 'facility' ? h.confidence : 'review' };
          }),
        };
      }),
    };
  });
}
