// Shared data shapes of the knowledge base, the page readers and the findings.
// Pure types: no browser APIs, used by the extension, the CLI and the build step alike.

/** ISO 3166-1 alpha-2 country code, upper case ("CN"). */
export type CountryCode = string;

export type IdentifierScheme =
  | 'lei' // ISO 17442 Legal Entity Identifier
  | 'vat' // EU VAT number, with its country prefix
  | 'gb-coh' // UK Companies House number
  | 'uei' // US SAM Unique Entity ID
  | 'cage' // US CAGE code
  | 'duns' // Dun & Bradstreet number
  | 'os-id' // Open Supply Hub facility ID
  | 'registration'; // any other national registration number

export interface EntityIdentifier {
  scheme: IdentifierScheme;
  value: string;
}

/** A company or organisation the knowledge base knows about. */
export interface Entity {
  /** Stable id, prefixed by its source: "us-dhs-uflpa:camel-group-co-ltd". */
  id: string;
  sourceId: string;
  schema: 'Company' | 'Organization' | 'LegalEntity';
  name: string;
  aliases: string[];
  /** Short or ambiguous aliases that need corroborating evidence (FollowTheMoney `weakAlias`). */
  weakAliases: string[];
  previousNames: string[];
  identifiers: EntityIdentifier[];
  countries: CountryCode[];
}

export type FlagType =
  | 'forced_labour'
  | 'child_labour'
  | 'forced_child_labour'
  | 'derived_labour_exploitation'
  | 'import_ban'
  | 'sanctions'
  | 'high_risk_product';

/**
 * What being on an entity list means, as its publisher or the user who imported it says. It sets the tier of a
 * match: only a list that says something about the company (a ban, forced or child labour, sanctions) can give a
 * red flag; a watch list gives possible matches only.
 */
export type ListMeaning = 'import_ban' | 'detained_at_import' | 'forced_labour' | 'child_labour' | 'sanctions' | 'watch';

/** One statement of a list about an entity or a good: who said what, when, and where to read it. */
export interface Flag {
  id: string;
  sourceId: string;
  listVersion: string;
  type: FlagType;
  /** Set for entity flags (UFLPA, WRO). */
  entityId?: string;
  /** Set for product flags (ILAB good, DFØ product). */
  product?: string;
  country?: CountryCode;
  /** ISO date (YYYY-MM-DD) the listing took effect, when the list gives one. */
  date?: string;
  evidenceUrl: string;
  note?: string;
  /** How well this row was checked: read in the publisher's text, only in secondary material, or unchecked. */
  verification?: 'verified' | 'secondary' | 'unverified';
}

/** A product risk category with the CPV codes that trigger it and the list statements behind it. */
export interface RiskCategory {
  id: string;
  label: string;
  /** CPV codes (8 digits); a notice code matches when it falls under one of them or is their parent. */
  cpvCodes: string[];
  /** Flag ids (ILAB goods, DFØ products) that make this category high-risk. */
  flagIds: string[];
}

export interface CpvEntry {
  code8: string;
  label: string;
}

export type SourceKind = 'product-list' | 'entity-list' | 'feed' | 'reference';

/** A list or feed the knowledge base draws from, with its provenance and fetch state. */
export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string;
  url: string;
  licence: string;
  /** Version or edition of the list as its publisher names it. */
  version: string;
  /** True when only part of the list is loaded (for example a sample until the scanner refreshes it). */
  partial: boolean;
  note?: string;
  /** Entity lists: what being on the list means (no meaning: read as a watch list, possible matches only). */
  meaning?: ListMeaning;
  /** How much of the list is loaded and how much of it was checked against the publisher's own text. */
  coverage?: ListCoverage;
  /** ISO timestamp of the last successful load. */
  loadedAt?: string;
  fetch?: SourceFetchState;
  /** For a list kept current from its publisher: how it is read and how often. */
  refresh?: ListRefreshSettings;
}

/** How a list source is read: the parser for its page or file, and hours between reads. */
export interface ListRefreshSettings {
  parser: 'uflpa-page' | 'cbp-page' | 'ilab-download' | 'ftm' | 'csv';
  intervalHours: number;
  /** For ftm and csv lists: what being on the list means. */
  flagType?: FlagType;
  /** For csv lists: which columns hold what. */
  columns?: { name: string; aliases?: string; aliasSeparator?: string; country?: string; id?: string; date?: string };
}

/** The shipped or refreshed rows of a list, counted by how well each was checked. */
export interface ListCoverage {
  rows: number;
  /** Rows read in the publisher's own text (or a verbatim copy of it). */
  verifiedRows: number;
  /** Rows read only in secondary material (law-firm or trade-press summaries, public copies). */
  secondaryRows: number;
  /** Rows resting on unchecked material. */
  unverifiedRows: number;
  /** Latest effective date among the rows: the list as it stood then (YYYY-MM-DD). */
  coversUntil?: string;
  /** True while rows of the official list are known to be missing (until a refresh from the publisher). */
  incomplete: boolean;
  /** Rows of the source left out, and why. */
  withheld?: string;
}

/** Where a subscribed feed's reading stands: validators for the next conditional request, outcome, back-off. */
export interface SourceFetchState {
  etag?: string;
  lastModified?: string;
  lastAttemptAt?: string;
  /** ISO timestamp of the last attempt that read the feed or learnt that it had not changed (HTTP 304). */
  lastSuccessAt?: string;
  lastError?: string;
  /** The last error as a code and its arguments, when the extension pages can name it in the user's language. */
  lastProblem?: { code: string; args: string[] };
  /** Set while an attempt is under way: still set on a later start, that attempt was cut short (the worker stopped). */
  readingSince?: string;
  nextAttemptAt?: string;
  /** What the last attempt came to: the feed read, unchanged since the last read, or a failure. */
  status?: 'ok' | 'not-modified' | 'failed';
  /** Failed attempts since the last success; each one doubles the wait before the next attempt. */
  consecutiveFailures?: number;
  /** Items in the feed when it was last read. */
  itemCount?: number;
  /** Set while a list refresh runs: a worker stopped mid-refresh finds it on waking and refreshes again. */
  refreshingSince?: string;
}

/** Facility disclosed by a supplier or listed by Open Supply Hub. */
export interface Facility {
  id: string;
  sourceId: string;
  osId?: string;
  entityId?: string;
  name: string;
  address: string;
  country: CountryCode;
  sector: string[];
  products: string[];
}

/** A news or NGO item linked to entities. */
export interface Alert {
  id: string;
  sourceId: string;
  title: string;
  url: string;
  published?: string;
  summary: string;
  entityIds: string[];
}

export type DecisionScope = 'page' | 'site' | 'everywhere';

/** Why a user dismissed a match, as a short choice (the free text goes in `note`). */
export type DecisionReason = 'different-company' | 'different-country' | 'already-checked' | 'other';

/** A user's verdict on a match: dismissed as a false match, or confirmed. */
export interface Decision {
  id: string;
  entityId: string;
  /** The listed entity's name when the decision was taken (the entity may leave the lists later). */
  entityName?: string;
  verdict: 'dismissed' | 'confirmed';
  scope: DecisionScope;
  /** The page address without fragment and tracking parameters (scope page), or the host (scope site); empty for everywhere. */
  scopeKey: string;
  matchedText: string;
  decidedAt: string;
  /** Who decided: always the user of this browser (decisions are never shared implicitly). */
  decidedBy?: 'you';
  reason?: DecisionReason;
  note?: string;
}

/** Everything the build step ships as the first-run knowledge base. */
export interface DefaultData {
  formatVersion: 1;
  builtFrom: string;
  sources: Source[];
  entities: Entity[];
  flags: Flag[];
  riskCategories: RiskCategory[];
  cpv: CpvEntry[];
}

// ---- What a page reader extracts -------------------------------------------------------------

export interface NoticeParty {
  name: string;
  identifiers: EntityIdentifier[];
  country?: CountryCode;
  address?: string;
  /** What the notice says this party is: a tenderer that bid, or a winner (awardee, contractor). */
  role?: 'bidder' | 'winner';
  /** Awarded or tendered values the notice gives for this party, per lot when it says so. */
  values?: NoticeValue[];
}

/** An amount of money as a notice states it. */
export interface NoticeValue {
  amount: number;
  /** ISO 4217 currency code, when the notice gives one. */
  currency?: string;
  /** The lot or line item it belongs to, as the notice names it. */
  lot?: string;
}

/** A product or service code other than CPV, normalised (UNSPSC 8 digits, NAICS 6 digits, PSC 4 characters). */
export interface NoticeClassification {
  scheme: 'unspsc' | 'naics' | 'psc' | 'cpc';
  code: string;
  label?: string;
}

export interface NoticeCpv {
  code8: string;
  /** Label as printed on the page, if any. */
  label?: string;
  main: boolean;
}

/** Joins an organisation's path, highest first, into one party name ("DEPT OF DEFENSE › DEPT OF THE NAVY › NAVSEA"). */
export const ORGANISATION_PATH_SEPARATOR = ' › ';

/** What a portal adapter reads from a notice page. */
export interface NoticeReading {
  portal: string; // adapter id, e.g. "find-a-tender"
  title?: string;
  noticeType?: string;
  /** Where the procedure stands, in the portal's words ("Award", "Cancelled", "Adjudicada"). */
  stage?: string;
  buyer?: NoticeParty;
  cpv: NoticeCpv[];
  /** Codes of other vocabularies the notice uses (UNSPSC, NAICS, PSC). */
  classifications?: NoticeClassification[];
  suppliers: NoticeParty[];
  countries: CountryCode[];
  /** On a search-results page: every notice it lists, as far as each was read. */
  listedNotices?: ListedNotice[];
}

/** One notice a search-results page lists. */
export interface ListedNotice {
  /** The portal's notice number ("43489-2024" on TED). */
  number: string;
  title?: string;
  noticeType?: string;
  /** YYYY-MM-DD. */
  published?: string;
  buyer?: string;
  countries: CountryCode[];
  /** CPV codes (8 digits). */
  cpv: string[];
  winners: string[];
  /** Where it was read: from the notice's own data (its XML), or only from the listing (the number and date). */
  readFrom: 'notice-data' | 'listing';
}

// ---- What the analysis of a page returns --------------------------------------------------------

export interface FindingSource {
  sourceId: string;
  title: string;
  publisher: string;
  url: string;
  version: string;
  partial: boolean;
  date?: string;
}

/** A range of the page text (UTF-16 offsets into the extracted page text) that a finding refers to. */
export interface TextAnchor {
  start: number;
  end: number;
  /** The text at the anchor, for entity mentions (what a user's decision about this mark refers to). */
  text?: string;
}

export type FindingKind = 'flagged-entity' | 'possible-entity' | 'high-risk-category';

/** What kind of concern a finding raises: it chooses what the finding means for the award and what to ask next. */
// Goods detained at import are flagged as an import ban, so a finding's concern is never 'detained_at_import'.
export type Concern = Exclude<ListMeaning, 'detained_at_import'> | 'high_risk_product';

/** A UNSPSC, NAICS or PSC code of a page that falls in a risk category, and the code of the map that put it there. */
export interface CategoryCode {
  scheme: 'unspsc' | 'naics' | 'psc';
  code: string;
  /** The page's label for the code, if any. */
  label?: string;
  mappedCode: string;
  /** The mapped code's official title. */
  mappedTitle: string;
}

/** One thing TenderLens tells the user about a page, with its evidence and where it appears. */
export interface Finding {
  id: string;
  kind: FindingKind;
  /** `flag`: shown as a red flag; `review`: shown as possible, needs a human look. */
  severity: 'flag' | 'review';
  /** Entity findings: the name as found on the page; categories: the category's name. */
  title: string;
  /** Entity findings: the listed name, when it differs from the name found on the page. */
  listedName?: string;
  detail: string;
  /** Why it matched (matcher reason or CPV rule). */
  reason: string;
  concern: Concern;
  entityId?: string;
  /** For category findings: the page's CPV codes that fall in the category. */
  cpvCodes: string[];
  /** For category findings: the page's other codes (UNSPSC, NAICS, PSC) that fall in it, each with the mapped code that led there. */
  classificationCodes?: CategoryCode[];
  sources: FindingSource[];
  /** Individual list statements behind the finding (flag ids) for the evidence view. */
  flags: Flag[];
  anchors: TextAnchor[];
  /** The user's decision on this match: the dismissal that set it aside, or the confirmation that raised it. */
  decision?: Decision;
}

/** A CPV code or supplier read from the page and checked against the knowledge base. */
export interface CheckedItem {
  /** A CPV code, a UNSPSC, NAICS or PSC code (`classification`), a supplier the notice names, or its buyer. */
  kind: 'cpv' | 'classification' | 'supplier' | 'buyer';
  /** For a classification: its scheme (its label starts with the scheme's name, "UNSPSC 80111500 …"). */
  scheme?: 'unspsc' | 'naics' | 'psc';
  label: string;
  /** Finding ids about this item; empty when nothing is known (which is not the same as no risk). */
  findingIds: string[];
  /** Dismissed findings about this item: something is listed, and the user set it aside. */
  dismissedIds: string[];
  anchors: TextAnchor[];
}

export interface PageAnalysis {
  url: string;
  reading: NoticeReading;
  findings: Finding[];
  /** Matches the user dismissed, shown as dismissed (never as "nothing listed"), each with its decision. */
  dismissed: Finding[];
  checked: CheckedItem[];
  /** The lists the page was checked against, with their versions: what "nothing found" is relative to. */
  consulted: FindingSource[];
  summary: { flagged: number; review: number; categories: number };
  /** When the page was checked (ISO timestamp): what the findings and the list versions are as of. */
  analysedAt: string;
}
