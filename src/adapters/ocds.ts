// Reads Open Contracting (OCDS) data — a release, a release package or a record package, as Contracts Finder,
// SECOP, CompraNet and many others publish — into a NoticeReading: buyer, the classifications of the tender and
// of its items (CPV, UNSPSC, …), tenderers as bidders, award suppliers as winners with their values, countries.
// Several releases of one process are read together; releases of several processes are read as a list.
import type { CountryCode, NoticeClassification, NoticeCpv, NoticeParty, NoticeReading, NoticeValue } from '../core/types';
import { toCountryCode } from '../core/countries';
import { classification, schemeOf } from './classification-codes';
import { isCpvShaped } from './cpv-code';
import { buildReading } from './notice-reading';
import { companiesHouseNumber, companyIdentifier } from './party-identifiers';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const obj = (value: unknown): Json => (isObject(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The portal behind an ocid prefix (the publisher's registered prefix), for the readings' `portal`. */
const OCID_PREFIXES: Record<string, string> = {
  'ocds-b5fd17': 'contracts-finder',
  'ocds-k50g02': 'colombia-compra',
  'ocds-70d2nz': 'mercado-publico',
};

export const OCDS_PORTAL_ID = 'ocds';

/** The releases in an OCDS document, or undefined when it is not OCDS. A record contributes its compiled release. */
export function ocdsReleases(value: unknown): Json[] | undefined {
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.releases) && !Array.isArray(value.records)) return value.releases.filter(isObject);
  if (Array.isArray(value.records)) {
    return value.records.filter(isObject).flatMap((record) =>
      isObject(record.compiledRelease) ? [record.compiledRelease] : list(record.releases).filter(isObject),
    );
  }
  if (typeof value.ocid === 'string' && (isObject(value.tender) || Array.isArray(value.parties) || Array.isArray(value.awards))) return [value];
  return undefined;
}

function portalOf(ocids: readonly string[]): string {
  const portals = new Set(ocids.map((ocid) => OCID_PREFIXES[ocid.slice(0, 11)] ?? OCDS_PORTAL_ID));
  return portals.size === 1 ? [...portals][0]! : OCDS_PORTAL_ID;
}

function partyIdentifier(party: Json, country: CountryCode | undefined): NoticeParty['identifiers'] {
  const identifier = obj(party.identifier);
  const scheme = str(identifier.scheme).toUpperCase();
  const id = str(identifier.id);
  if (!id) return [];
  if (scheme === 'GB-COH') {
    const number = companiesHouseNumber(id);
    return number ? [{ scheme: 'gb-coh', value: number }] : [];
  }
  if (scheme === 'XI-LEI') return [{ scheme: 'lei', value: id.toUpperCase() }];
  if (scheme === 'US-UEI' || scheme === 'US-SAM') return [{ scheme: 'uei', value: id.toUpperCase() }];
  if (scheme === 'US-DUNS' || scheme === 'XI-DUNS') return [{ scheme: 'duns', value: id.replace(/\D/g, '') }];
  // Personal id cards (Colombia's COL-IDCARD) name a person, not a company: not kept as an identifier.
  if (/IDCARD|CEDULA/.test(scheme)) return [];
  // Without a scheme, a short number ("1") is a row number, not an identifier.
  if (!scheme && id.replace(/\W/g, '').length < 4) return [];
  const read = companyIdentifier(id, country);
  return read ? [read] : [];
}

function partyFrom(party: Json, role?: NoticeParty['role']): NoticeParty | undefined {
  const name = str(party.name) || str(obj(party.identifier).legalName);
  if (!name) return undefined;
  const address = obj(party.address);
  const country = toCountryCode(str(address.countryName) || str(address.country));
  const addressText = [str(address.streetAddress), str(address.postalCode), str(address.locality)].filter(Boolean).join(', ');
  return {
    name,
    identifiers: partyIdentifier(party, country),
    ...(country ? { country } : {}),
    ...(addressText ? { address: addressText } : {}),
    ...(role ? { role } : {}),
  };
}

function valueOf(value: unknown, lot?: string): NoticeValue | undefined {
  const amount = Number(obj(value).amount);
  if (obj(value).amount === undefined || !Number.isFinite(amount)) return undefined;
  const currency = str(obj(value).currency);
  // Nought in no currency is a placeholder some publishers write before the award's value is known.
  if (amount === 0 && !currency) return undefined;
  return { amount, ...(currency ? { currency } : {}), ...(lot ? { lot } : {}) };
}

interface Codes {
  cpv: NoticeCpv[];
  other: NoticeClassification[];
}

function addClassification(codes: Codes, entry: unknown, main: boolean): void {
  const c = obj(entry);
  const scheme = schemeOf(c.scheme);
  const id = str(c.id);
  const label = str(c.description) || undefined;
  if (scheme === 'cpv') {
    const code8 = id.replace(/-\d$/, '');
    if (isCpvShaped(code8)) codes.cpv.push({ code8, main, ...(label ? { label } : {}) });
  } else if (scheme) {
    const read = classification(scheme, id, label);
    if (read) codes.other.push(read);
  }
}

/**
 * The award versions to read: a release package may hold several releases of one process, each repeating its
 * awards as they stood then; an award (by process and id) is read from its latest release only, as OCDS merges them.
 */
function latestAwards(releases: readonly Json[]): Set<Json> {
  const byKey = new Map<string, { award: Json; date: string }>();
  const unkeyed: Json[] = [];
  for (const release of releases) {
    const date = str(release.date);
    for (const award of list(release.awards).filter(isObject)) {
      const id = str(award.id);
      if (!id) {
        unkeyed.push(award);
        continue;
      }
      const key = `${str(release.ocid)}\u0000${id}`;
      const known = byKey.get(key);
      if (!known || !(date && known.date && date < known.date)) byKey.set(key, { award, date });
    }
  }
  return new Set([...unkeyed, ...[...byKey.values()].map((v) => v.award)]);
}

function readRelease(release: Json, codes: Codes, parties: NoticeParty[], buyers: NoticeParty[], awardsToRead: ReadonlySet<Json>): void {
  const partyById = new Map<string, Json>();
  for (const party of list(release.parties).filter(isObject)) partyById.set(str(party.id), party);
  const withDetails = (ref: unknown, role?: NoticeParty['role']) => {
    const r = obj(ref);
    const full = partyById.get(str(r.id));
    return partyFrom(full ? { ...full, name: str(r.name) || str(full.name) } : r, role);
  };

  const buyer = isObject(release.buyer)
    ? withDetails(release.buyer)
    : partyFrom(list(release.parties).filter(isObject).find((p) => list(p.roles).includes('buyer')) ?? {});
  if (buyer) buyers.push(buyer);

  const tender = obj(release.tender);
  if (isObject(tender.classification)) addClassification(codes, tender.classification, true);
  const items = [...list(tender.items), ...list(release.awards).flatMap((a) => list(obj(a).items))];
  for (const item of items) {
    addClassification(codes, obj(item).classification, false);
    for (const extra of list(obj(item).additionalClassifications)) addClassification(codes, extra, false);
  }
  if (!codes.cpv.some((c) => c.main) && codes.cpv[0]) codes.cpv[0].main = true;

  for (const tenderer of list(tender.tenderers)) {
    const party = withDetails(tenderer, 'bidder');
    if (party) parties.push(party);
  }
  for (const party of list(release.parties).filter(isObject)) {
    const roles = list(party.roles).map(str);
    if (roles.includes('tenderer') && !roles.includes('supplier')) {
      const read = partyFrom(party, 'bidder');
      if (read) parties.push(read);
    }
  }
  for (const award of list(release.awards).filter((a): a is Json => isObject(a) && awardsToRead.has(a))) {
    const status = str(award.status);
    const role: NoticeParty['role'] = status === 'cancelled' || status === 'unsuccessful' ? 'bidder' : 'winner';
    const value = valueOf(award.value, str(award.id) || undefined);
    for (const supplier of list(award.suppliers)) {
      const party = withDetails(supplier, role);
      if (party) parties.push(value && role === 'winner' ? { ...party, values: [value] } : party);
    }
  }
  // Releases with contracts but no awards (SECOP I) name the supplier only among the parties.
  if (list(release.awards).length === 0) {
    for (const party of list(release.parties).filter(isObject)) {
      if (!list(party.roles).map(str).includes('supplier')) continue;
      const read = partyFrom(party, 'winner');
      if (read) parties.push(read);
    }
  }
}

/** Reads an OCDS release, release package or record package; undefined when the value is not OCDS. */
export function readOcds(value: unknown): NoticeReading | undefined {
  const releases = ocdsReleases(value);
  if (!releases) return undefined;
  const ocids = [...new Set(releases.map((r) => str(r.ocid)).filter(Boolean))];
  const codes: Codes = { cpv: [], other: [] };
  const parties: NoticeParty[] = [];
  const buyers: NoticeParty[] = [];
  const awardsToRead = latestAwards(releases);
  for (const release of releases) readRelease(release, codes, parties, buyers, awardsToRead);
  const onlyProcess = ocids.length <= 1;
  const last = releases[releases.length - 1] ?? {};
  const buyerNames = new Set(buyers.map((b) => b.name.toLowerCase()));
  return buildReading(portalOf(ocids), {
    ...(onlyProcess
      ? { title: str(obj(last.tender).title), noticeType: list(last.tag).map(str).join(', '), stage: str(obj(last.tender).status) }
      : { noticeType: `OCDS data (${releases.length} releases of ${ocids.length} processes)` }),
    ...(buyerNames.size === 1 ? { buyer: buyers[buyers.length - 1] } : {}),
    cpv: codes.cpv,
    classifications: codes.other,
    suppliers: parties,
    countries: [...buyers, ...parties].map((p) => p.country),
  });
}
