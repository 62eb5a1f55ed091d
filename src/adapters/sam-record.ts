// Reads SAM.gov contract opportunities from the records behind the page. The public Opportunities API record
// (`opportunitiesData[]`, checked field by field against a saved real response): title, type (in words),
// fullParentPathName (the buyer's organisation path), naicsCode and naicsCodes, classificationCode (the PSC),
// award {number, amount, awardee {name, ueiSAM, cageCode, location}}, officeAddress.countryCode and
// placeOfPerformance.country.code (ISO-3), active ("Yes"/"No") and archiveDate (SAM.gov archives a notice on that
// day). pointOfContact (people) is not read. The record the opportunity page loads (`data2` with the one-letter type,
// `naics[].code[]`, and `cancelled`, `archived`, `latest`, `related` beside it) follows SAM.gov's page as far as it
// is publicly described; no saved copy of one was available. An amended notice points to its latest version.
import type { CountryCode, NoticeClassification, NoticeParty, NoticeReading, NoticeValue } from '../core/types';
import { ORGANISATION_PATH_SEPARATOR } from '../core/types';
import { toCountryCode } from '../core/countries';
import { isValidCage, isValidUei } from '../matcher/identifiers';
import { classification } from './classification-codes';
import { buildReading } from './notice-reading';

export const SAM_PORTAL_ID = 'sam-gov';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const obj = (value: unknown): Json => (isObject(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The one-letter notice types of the page's record, in SAM.gov's words. */
const TYPE_LETTERS: Record<string, string> = {
  o: 'Solicitation', p: 'Presolicitation', k: 'Combined Synopsis/Solicitation', r: 'Sources Sought', g: 'Sale of Surplus Property',
  s: 'Special Notice', i: 'Intent to Bundle Requirements (DoD-Funded)', a: 'Award Notice', u: 'Justification and Approval (J&A)',
};

/** "DEPT OF DEFENSE.DEPT OF THE NAVY.NAVSEA" → "DEPT OF DEFENSE › DEPT OF THE NAVY › NAVSEA", repeats dropped. */
export function buyerPath(path: string): string {
  const parts = path.split('.').map((p) => p.trim()).filter(Boolean);
  return parts.filter((part, i) => part !== parts[i - 1]).join(ORGANISATION_PATH_SEPARATOR);
}

function awardee(award: Json): NoticeParty | undefined {
  const who = obj(award.awardee);
  const name = str(who.name);
  if (!name) return undefined;
  const identifiers: NoticeParty['identifiers'] = [];
  const uei = str(who.ueiSAM ?? who.uei).toUpperCase();
  if (isValidUei(uei)) identifiers.push({ scheme: 'uei', value: uei });
  const cage = str(who.cageCode ?? who.cage).toUpperCase();
  if (isValidCage(cage)) identifiers.push({ scheme: 'cage', value: cage });
  const duns = str(who.duns).replace(/\D/g, '');
  if (duns.length === 9) identifiers.push({ scheme: 'duns', value: duns });
  const location = obj(who.location);
  const countryField = obj(location.country);
  // Only a country code is trusted: the public API has been seen writing the state ("GA") as the country name.
  const code = str(countryField.code);
  const country: CountryCode | undefined = code.length >= 2 ? toCountryCode(code) : undefined;
  const address = [str(location.streetAddress), str(obj(location.city).name), str(obj(location.state).name ?? obj(location.state).code), str(location.zip)]
    .filter(Boolean)
    .join(', ');
  const amount = Number(str(award.amount));
  const values: NoticeValue[] = str(award.amount) !== '' && Number.isFinite(amount) ? [{ amount, currency: 'USD', ...(str(award.number) ? { lot: str(award.number) } : {}) }] : [];
  return { name, identifiers, role: 'winner', ...(country ? { country } : {}), ...(address ? { address } : {}), ...(values.length ? { values } : {}) };
}

function codes(record: Json): NoticeClassification[] {
  const found: (NoticeClassification | undefined)[] = [];
  for (const code of [str(record.naicsCode), ...list(record.naicsCodes).map(str)]) found.push(classification('naics', code));
  for (const entry of list(record.naics)) for (const code of list(obj(entry).code)) found.push(classification('naics', str(code)));
  found.push(classification('psc', str(record.classificationCode)));
  return found.filter((c): c is NoticeClassification => !!c);
}

interface Flags {
  cancelled?: boolean;
  archived?: boolean;
  latest?: boolean;
  active?: string;
  /** The record's archiveDate (YYYY-MM-DD), and the day the reading is made. */
  archiveDate?: string;
  today?: string;
}

function stageOf(flags: Flags): string | undefined {
  if (flags.cancelled) return 'Cancelled';
  if (flags.archived) return 'Archived';
  // The public record says nothing else of archiving: SAM.gov archives the notice on its archive date. A page
  // record's own `archived: false` is newer than that date, and wins.
  if (flags.latest === false) return 'Superseded by a later amendment';
  if (flags.archived === undefined && flags.archiveDate && flags.today && flags.archiveDate < flags.today) return `Archived on ${flags.archiveDate}`;
  if (flags.active === 'No') return 'Inactive';
  if (flags.active === 'Yes' || flags.latest === true) return 'Active';
  return undefined;
}

/** The ISO-3 country code of the place of performance ("KOR" for a Navy order delivered in Chinhae). */
function placeOfPerformanceCountry(record: Json): CountryCode | undefined {
  const code = str(obj(obj(record.placeOfPerformance).country).code);
  return code.length >= 2 ? toCountryCode(code) : undefined;
}

/** One opportunity record (public API shape, or the page record's `data2`) with its status flags. */
function readOpportunity(record: Json, flags: Flags): NoticeReading {
  const type = str(record.type);
  const winner = awardee(obj(record.award));
  const path = str(record.fullParentPathName);
  const office = obj(record.officeAddress);
  const buyerCountry = toCountryCode(str(office.countryCode));
  const buyer: NoticeParty | undefined = path ? { name: buyerPath(path), identifiers: [], ...(buyerCountry ? { country: buyerCountry } : {}) } : undefined;
  return buildReading(SAM_PORTAL_ID, {
    title: str(record.title),
    noticeType: TYPE_LETTERS[type] ?? type,
    stage: stageOf({ ...flags, active: str(record.active) || undefined, archiveDate: /^\d{4}-\d{2}-\d{2}/.exec(str(record.archiveDate))?.[0] }),
    buyer,
    classifications: codes(record),
    suppliers: winner ? [winner] : [],
    countries: [buyer?.country, placeOfPerformanceCountry(record), winner?.country],
  });
}

function recordFlags(record: Json, today: string): Flags {
  const flags: Flags = { today };
  if (typeof record.cancelled === 'boolean') flags.cancelled = record.cancelled;
  if (typeof record.archived === 'boolean') flags.archived = record.archived;
  if (typeof record.latest === 'boolean') flags.latest = record.latest;
  return flags;
}

/** True for a JSON value that is a SAM.gov opportunity record or a page of them. */
export function isSamRecord(value: unknown): boolean {
  if (!isObject(value)) return false;
  return Array.isArray(value.opportunitiesData) || isObject(value.data2) || (typeof value.noticeId === 'string' && 'fullParentPathName' in value);
}

/** The notice id in a SAM.gov opportunity address (`/opp/{id}/view`, `/workspace/contract/opp/{id}/view`). */
export function samNoticeId(pageUrl: URL | undefined): string | undefined {
  return pageUrl ? /\/opp\/([0-9a-f]{32})(?:\/view)?\/?$/i.exec(pageUrl.pathname)?.[1]?.toLowerCase() : undefined;
}

/**
 * Reads a SAM.gov record: a page record, one public record, or a page of public records — then the one whose id the
 * page address names, else the only one, else all of them as search results (each awardee and code kept). `now`
 * decides whether the archive date has passed.
 */
export function readSamRecord(value: unknown, pageUrl?: URL, now = new Date()): NoticeReading {
  if (!isObject(value)) return buildReading(SAM_PORTAL_ID, {});
  const today = now.toISOString().slice(0, 10);
  const flagsOf = (record: Json) => recordFlags(record, today);
  if (isObject(value.data2)) return readOpportunity({ ...value.data2, ...('fullParentPathName' in value ? { fullParentPathName: value.fullParentPathName } : {}) }, flagsOf(value));
  if (!Array.isArray(value.opportunitiesData)) return readOpportunity(value, flagsOf(value));
  const records = value.opportunitiesData.filter(isObject);
  const id = samNoticeId(pageUrl);
  const named = id ? records.find((r) => str(r.noticeId).toLowerCase() === id) : undefined;
  if (named) return readOpportunity(named, flagsOf(named));
  if (records.length === 1) return readOpportunity(records[0]!, flagsOf(records[0]!));
  const readings = records.map((r) => readOpportunity(r, flagsOf(r)));
  const buyers = new Set(readings.map((r) => r.buyer?.name));
  return buildReading(SAM_PORTAL_ID, {
    noticeType: `Search results (${records.length} notices)`,
    ...(buyers.size === 1 && readings[0]?.buyer ? { buyer: readings[0].buyer } : {}),
    classifications: readings.flatMap((r) => r.classifications ?? []),
    suppliers: readings.flatMap((r) => r.suppliers),
    countries: readings.flatMap((r) => r.countries),
  });
}

/** The id of the latest version of an amended notice, when the page record says this one is not the latest. */
export function samLatestVersionId(value: unknown): string | undefined {
  if (!isObject(value) || value.latest !== false) return undefined;
  const id = str(obj(value.related).opportunityId ?? value.latestOpportunityId);
  return /^[0-9a-f]{32}$/i.test(id) ? id.toLowerCase() : undefined;
}
