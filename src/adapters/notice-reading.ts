// Assembles a NoticeReading from what an adapter found: CPV codes merged by code, parties de-duplicated by name and
// identifiers, countries listed once, empty fields left out, and hard limits against pages that repeat themselves.
import type { CountryCode, NoticeClassification, NoticeCpv, NoticeParty, NoticeReading, NoticeValue } from '../core/types';

/** More codes or parties than any real notice has; a page with more is truncated, not trusted to grow forever. */
export const MAX_CPV_CODES = 500;
export const MAX_PARTIES = 500;

/** One CPV code per code8: main if any mention says main, label from the first mention that has one. */
export function mergeCpvCodes(codes: readonly NoticeCpv[]): NoticeCpv[] {
  const byCode = new Map<string, NoticeCpv>();
  for (const code of codes) {
    const known = byCode.get(code.code8);
    if (!known) {
      if (byCode.size >= MAX_CPV_CODES) continue;
      byCode.set(code.code8, withoutEmptyLabel({ ...code }));
      continue;
    }
    known.main ||= code.main;
    if (!known.label && code.label) known.label = code.label;
  }
  return [...byCode.values()];
}

function withoutEmptyLabel(code: NoticeCpv): NoticeCpv {
  if (!code.label) delete code.label;
  return code;
}

function partyNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function identifierKeys(party: NoticeParty): string {
  return party.identifiers.map((id) => `${id.scheme}:${id.value}`).sort().join('|');
}

/**
 * Parties listed once: two mentions are the same party when their names match (ignoring case and spacing) and
 * their identifiers agree (the same set, or one mention has none). Mentions with different identifiers stay apart.
 */
export function mergeParties(parties: readonly NoticeParty[]): NoticeParty[] {
  const merged: NoticeParty[] = [];
  for (const party of parties) {
    const name = party.name.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    const key = partyNameKey(name);
    const ids = identifierKeys(party);
    const same = merged.find((known) => {
      if (partyNameKey(known.name) !== key) return false;
      const knownIds = identifierKeys(known);
      return knownIds === ids || knownIds === '' || ids === '';
    });
    if (!same) {
      if (merged.length >= MAX_PARTIES) continue;
      merged.push(cleanParty({ ...party, name, identifiers: [...party.identifiers] }));
      continue;
    }
    if (same.identifiers.length === 0) same.identifiers = [...party.identifiers];
    if (!same.country && party.country) same.country = party.country;
    if (!same.address && party.address) same.address = party.address;
    // A tenderer that also appears as a winner is a winner; each stated value is kept once.
    if (party.role === 'winner' || (!same.role && party.role)) same.role = party.role;
    const values = mergeValues([...(same.values ?? []), ...(party.values ?? [])]);
    if (values.length > 0) same.values = values;
  }
  return merged;
}

function mergeValues(values: readonly NoticeValue[]): NoticeValue[] {
  const seen = new Map<string, NoticeValue>();
  for (const value of values) seen.set(`${value.amount}|${value.currency ?? ''}|${value.lot ?? ''}`, value);
  return [...seen.values()];
}

/** One entry per scheme and code, label from the first mention that has one. */
export function mergeClassifications(codes: readonly NoticeClassification[]): NoticeClassification[] {
  const byCode = new Map<string, NoticeClassification>();
  for (const code of codes) {
    const key = `${code.scheme}:${code.code}`;
    const known = byCode.get(key);
    if (!known) {
      if (byCode.size < MAX_CPV_CODES) byCode.set(key, code.label ? { ...code } : { scheme: code.scheme, code: code.code });
      continue;
    }
    if (!known.label && code.label) known.label = code.label;
  }
  return [...byCode.values()];
}

/** Drops empty optional fields so that readings compare and serialise cleanly. */
export function cleanParty(party: NoticeParty): NoticeParty {
  const clean: NoticeParty = { name: party.name.replace(/\s+/g, ' ').trim(), identifiers: party.identifiers };
  if (party.country) clean.country = party.country;
  const address = party.address?.replace(/\s+/g, ' ').trim();
  if (address) clean.address = address;
  if (party.role) clean.role = party.role;
  const values = mergeValues((party.values ?? []).filter((v) => Number.isFinite(v.amount)));
  if (values.length > 0) clean.values = values;
  return clean;
}

/** Each country once, in the order first seen. */
export function uniqueCountries(countries: readonly (CountryCode | undefined)[]): CountryCode[] {
  return [...new Set(countries.filter((c): c is CountryCode => !!c))];
}

export interface ReadingParts {
  title?: string;
  noticeType?: string;
  stage?: string;
  buyer?: NoticeParty;
  cpv?: NoticeCpv[];
  classifications?: NoticeClassification[];
  suppliers?: NoticeParty[];
  countries?: (CountryCode | undefined)[];
}

/** The final reading of a page: merged, de-duplicated, without empty optional fields. */
export function buildReading(portal: string, parts: ReadingParts): NoticeReading {
  const title = parts.title?.replace(/\s+/g, ' ').trim().slice(0, 1000);
  const noticeType = parts.noticeType?.replace(/\s+/g, ' ').trim().slice(0, 200);
  const stage = parts.stage?.replace(/\s+/g, ' ').trim().slice(0, 200);
  const buyer = parts.buyer && parts.buyer.name.trim() !== '' ? cleanParty(parts.buyer) : undefined;
  const classifications = mergeClassifications(parts.classifications ?? []);
  return {
    portal,
    ...(title ? { title } : {}),
    ...(noticeType ? { noticeType } : {}),
    ...(stage ? { stage } : {}),
    ...(buyer ? { buyer } : {}),
    cpv: mergeCpvCodes(parts.cpv ?? []),
    ...(classifications.length > 0 ? { classifications } : {}),
    suppliers: mergeParties(parts.suppliers ?? []),
    countries: uniqueCountries(parts.countries ?? []),
  };
}
