// Links a disclosed facility to the facilities already known (earlier disclosures, imported Open Supply Hub lists)
// and to the entity lists. Country is a gate; the score weighs the normalised name (0.6) and address (0.4), as Open
// Supply Hub's tiers do: exact = 1.0 (same valid OS ID, or same name and address), an automatic link at 0.8 or more
// only with a single such candidate, 0.5–0.8 proposed for review. A link also needs the names to agree: a shared
// address alone (a known failure of address-led merging) is at most a possible link. Nothing is merged silently:
// automatic links are shown as such, every proposal waits for the user, and the user's decision wins. Pure.
import { findMentions, type CompiledMatcher } from '../matcher';
import type { Entity, Flag } from '../core/types';
import { addressTokens, facilityNameTokens, tokenSimilarity } from './normalise-facility';
import type { DisclosedFacility } from './types';

export interface KnownFacility {
  /** Unique among known facilities: `${disclosureId}/${facilityKey}`. */
  id: string;
  /** Whose list it is: a contractor's disclosure or a facility list, by its label. */
  sourceLabel: string;
  sourceKind: 'disclosure' | 'facility-list';
  /** The contractor (for disclosures), to tell a bidder's own earlier versions from other bidders' facilities. */
  supplierKey?: string;
  facility: DisclosedFacility;
}

export type LinkTier = 'exact' | 'automatic' | 'likely' | 'possible' | 'confirmed';

export interface FacilityLink {
  known: KnownFacility;
  score: number;
  nameScore: number;
  addressScore: number;
  tier: LinkTier;
  reason: string;
}

export interface FacilityLinkDecision {
  /** `${facilityRef}|${knownId}`. */
  id: string;
  /** The disclosed facility: `${supplierKey}/${facilityKey}`. */
  facilityRef: string;
  knownId: string;
  verdict: 'confirmed' | 'rejected';
  decidedAt: string;
}

/** Names agree when their distinctive words mostly coincide, or one name's words are all in the other. */
export function namesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (tokenSimilarity(a, b) >= 0.6) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && short.every((t) => long.includes(t));
}

export function facilityRef(supplierKey: string, facility: DisclosedFacility): string {
  return `${supplierKey}/${facility.key}`;
}

interface FacilityTokens { name: string[]; nameKey: string; address: string[]; addressKey: string }

/** A facility's normalised name and address, worked out once per facility however many it is compared with. */
const tokenCache = new WeakMap<DisclosedFacility, FacilityTokens>();
function tokensOf(f: DisclosedFacility): FacilityTokens {
  let tokens = tokenCache.get(f);
  if (!tokens) {
    const name = facilityNameTokens(f.name);
    const address = addressTokens(f.address, f.country);
    tokens = { name, nameKey: name.join(' '), address, addressKey: address.join(' ') };
    tokenCache.set(f, tokens);
  }
  return tokens;
}

function scoreLink(facility: DisclosedFacility, known: DisclosedFacility): Omit<FacilityLink, 'known' | 'tier'> | undefined {
  if (facility.country !== known.country) return undefined;
  if (facility.osId && known.osId && facility.osId === known.osId) {
    return { score: 1, nameScore: 1, addressScore: 1, reason: `same OS ID ${facility.osId}` };
  }
  const a = tokensOf(facility);
  const b = tokensOf(known);
  const nameScore = a.nameKey === b.nameKey ? 1 : tokenSimilarity(a.name, b.name);
  const addressScore = a.addressKey === b.addressKey ? 1 : tokenSimilarity(a.address, b.address);
  const score = Math.round((0.6 * nameScore + 0.4 * addressScore) * 100) / 100;
  const reason = nameScore === 1 && addressScore === 1 ? 'same name and address (normalised)' : `name ${Math.round(nameScore * 100)}% alike, address ${Math.round(addressScore * 100)}% alike, same country`;
  return { score, nameScore, addressScore, reason };
}

/** The known facilities a disclosed one may be, best first, with their tiers and the user's decisions applied. */
export function linkFacility(
  supplierKey: string,
  facility: DisclosedFacility,
  known: readonly KnownFacility[],
  decisions: readonly FacilityLinkDecision[] = [],
): FacilityLink[] {
  const ref = facilityRef(supplierKey, facility);
  const verdicts = new Map(decisions.filter((d) => d.facilityRef === ref).map((d) => [d.knownId, d.verdict]));
  const scored: FacilityLink[] = [];
  for (const candidate of known) {
    if (candidate.supplierKey === supplierKey) continue; // its own earlier versions are compared in ./versions.ts
    const s = scoreLink(facility, candidate.facility);
    if (!s || s.score < 0.5) continue;
    const agree = s.nameScore === 1 || namesAgree(tokensOf(facility).name, tokensOf(candidate.facility).name);
    const exact = s.score === 1;
    scored.push({ known: candidate, ...s, tier: exact ? 'exact' : s.score >= 0.8 && agree ? 'automatic' : 'possible', reason: agree || exact ? s.reason : `${s.reason}; the names do not agree, so this is only possible` });
  }
  const strong = scored.filter((l) => l.tier === 'automatic');
  if (strong.length > 1) for (const l of strong) { l.tier = 'likely'; l.reason += `; ${strong.length} candidates at 0.8 or more, so none is linked automatically`; }
  const result: FacilityLink[] = [];
  for (const link of scored) {
    const verdict = verdicts.get(link.known.id);
    if (verdict === 'rejected') continue;
    if (verdict === 'confirmed') result.push({ ...link, tier: 'confirmed', reason: `${link.reason}; confirmed by you` });
    else result.push(link);
  }
  return result.sort((a, b) => b.score - a.score || a.known.id.localeCompare(b.known.id));
}

export interface FacilityEntityHit {
  entity: Pick<Entity, 'id' | 'name' | 'sourceId'>;
  /** What matched: the facility's name, its parent company, or one of its identifiers. */
  via: 'facility' | 'parent-company';
  matchedText: string;
  confidence: 'high' | 'review';
  score: number;
  reason: string;
  /** The matcher's own explanation (English, as the matcher writes it). */
  matcherReason: string;
  flags: Flag[];
}

/**
 * The listed entities a facility is (its name or identifiers) or belongs to (its parent company), by the shared
 * matcher. A parent company's listing is at most a possible link for the facility itself.
 */
export function facilityEntityHits(
  facility: DisclosedFacility,
  matcher: CompiledMatcher,
  entity: (id: string) => Entity | undefined,
  flagsForEntity: (id: string) => Flag[],
): FacilityEntityHit[] {
  const hits = new Map<string, FacilityEntityHit>();
  const texts: [FacilityEntityHit['via'], string][] = [
    ['facility', [facility.name, facility.osId, facility.leiId, facility.dunsId].filter(Boolean).join('\n')],
    ...(facility.parentCompany ? [['parent-company', facility.parentCompany] as [FacilityEntityHit['via'], string]] : []),
  ];
  for (const [via, text] of texts) {
    for (const m of findMentions(matcher, text)) {
      const e = entity(m.entityId);
      if (!e) continue;
      const confidence = via === 'parent-company' ? 'review' : m.confidence;
      const prior = hits.get(e.id);
      if (prior && (prior.confidence === 'high' || confidence === 'review')) continue;
      hits.set(e.id, {
        entity: { id: e.id, name: e.name, sourceId: e.sourceId }, via, matchedText: m.text, confidence, score: m.score,
        reason: via === 'parent-company' ? `the parent company "${facility.parentCompany}" matches: ${m.reason}` : m.reason, matcherReason: m.reason,
        flags: flagsForEntity(e.id),
      });
    }
  }
  return [...hits.values()];
}
