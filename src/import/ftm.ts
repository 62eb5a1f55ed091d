// Reads FollowTheMoney entity records (OpenSanctions' JSON lines) into TenderLens entities and, when asked, one
// flag per entity; every record it cannot use, and every value it drops, is reported with its line number.
// Pure: it takes lines of text and returns data (the Node file reader is ./ftm-file.ts).

import { toCountryCode } from '../core/countries';
import { safeHttpUrl } from '../core/safe-url';
import type { CountryCode, Entity, EntityIdentifier, Flag, FlagType, IdentifierScheme } from '../core/types';
import { canonicalIdentifier, IDENTIFIER_VALIDATORS, MAX_NAMES_PER_ENTITY } from '../matcher';
import { forEachLine } from './line-splitter';

/**
 * FtM schemata imported as entities. PublicBody (a state body, which FtM derives from Organization) is kept as an
 * Organization: state-owned bodies appear on entity lists and can be suppliers. Person, Address, Sanction,
 * Ownership and every other schema are skipped and counted.
 */
const KEPT_SCHEMATA: ReadonlyMap<string, Entity['schema']> = new Map([
  ['Company', 'Company'],
  ['Organization', 'Organization'],
  ['LegalEntity', 'LegalEntity'],
  ['PublicBody', 'Organization'],
]);

/**
 * FtM identifier properties and the TenderLens scheme each becomes. `innCode` (Russian taxpayer number, ИНН),
 * `ogrnCode` (Russian state register number, ОГРН) and `taxNumber` are national registration numbers. `kppCode`
 * is not imported: a Russian KPP is shared by many companies of one tax office, so it identifies none of them.
 * `registrationNumber` becomes a UK Companies House number when the entity is British and the number has that form.
 */
const IDENTIFIER_PROPERTIES: ReadonlyArray<readonly [property: string, scheme: IdentifierScheme]> = [
  ['leiCode', 'lei'],
  ['registrationNumber', 'registration'],
  ['vatCode', 'vat'],
  ['uniqueEntityId', 'uei'],
  ['dunsCode', 'duns'],
  ['cageCode', 'cage'],
  ['innCode', 'registration'],
  ['ogrnCode', 'registration'],
  ['taxNumber', 'registration'],
];

const COUNTRY_PROPERTIES = ['country', 'jurisdiction', 'mainCountry'] as const;

/** What each scheme's values must look like, for problem messages. */
const SCHEME_EXPECTATIONS: Readonly<Record<IdentifierScheme, string>> = {
  lei: 'an ISO 17442 LEI: 20 letters and digits with valid check digits',
  vat: 'an EU VAT number with its country prefix, such as DE123456789',
  'gb-coh': 'a UK Companies House number: 8 digits, or 2 letters and 6 digits',
  uei: 'a SAM.gov Unique Entity ID: 12 letters and digits, without I or O',
  cage: 'a CAGE code: 5 letters and digits, without I or O',
  duns: 'a DUNS number: 9 digits',
  'os-id': 'an Open Supply Hub ID',
  registration: 'a registration number: 4 to 20 letters and digits, at least one a digit',
};

/** What a flag of each imported entity says; the rest (date, evidence) comes from the record. */
export interface FtmFlagTemplate {
  listVersion: string;
  type: FlagType;
  /** Evidence link used when a record has no http(s) `sourceUrl` (and no sanction with one). */
  evidenceUrl: string;
  note?: string;
}

export interface FtmImportOptions {
  /** Prefix of the entity ids ("<sourceId>:<ftm id>") and the entities' sourceId. */
  sourceId: string;
  /** Named in strict-mode errors ("entities.ftm.jsonl:12: …"). */
  fileName?: string;
  /** Throw one error listing the first problems instead of importing what is usable. */
  strict?: boolean;
  flagTemplate?: FtmFlagTemplate;
  /** Longest line read as a record (default 8 MiB characters); longer lines are reported, not parsed. */
  maxLineLength?: number;
}

export interface FtmImportProblem {
  line: number;
  /** The record field or property concerned ("properties.leiCode", "id"). */
  field?: string;
  message: string;
}

export interface FtmImportReport {
  /** Lines read, blank ones included. */
  lines: number;
  imported: number;
  /** Records of schemata that are not companies or organisations, by schema. */
  skippedBySchema: Record<string, number>;
  problems: FtmImportProblem[];
}

export interface FtmImportResult {
  entities: Entity[];
  flags: Flag[];
  report: FtmImportReport;
}

/** Strict mode's error: the problems of the file, the first of them in the message. */
export class FtmImportError extends Error {
  constructor(
    message: string,
    readonly problems: readonly FtmImportProblem[],
  ) {
    super(message);
    this.name = 'FtmImportError';
  }
}

/** FtM schema names are short words in CamelCase ("Company", "PublicBody"). */
const SCHEMA_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

/** Problems quoted in a strict-mode error message; the error object carries them all. */
const PROBLEMS_IN_MESSAGE = 10;
/**
 * Longest name imported, in characters. Real names stay under a few hundred; a longer value is a description or
 * garbage (one name holding a 150,000-character word once disabled every mark).
 */
export const MAX_NAME_CHARS = 1000;
/** Characters of a bad value quoted in a problem message. */
const QUOTE_LENGTH = 60;

function quote(value: string): string {
  return JSON.stringify(value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value);
}

function describeJsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The first full ISO date (YYYY-MM-DD) of a value such as "2023-04-20T18:00:25"; partial dates give none. */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T| )/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

interface PendingFlag {
  entityId: string;
  ftmId: string;
  evidenceUrl?: string;
  createdAt?: string;
  firstSeen?: string;
}

interface SanctionFacts {
  listingDate?: string;
  evidenceUrl?: string;
}

/**
 * Imports FtM records line by line. Feed it every line with `addLine` (or `addOverlongLine` for a line too long
 * to keep), in order, then call `finish` once.
 */
export class FtmImporter {
  private readonly entities: Entity[] = [];
  private readonly pendingFlags: PendingFlag[] = [];
  /** Listing dates and source links of Sanction records by the FtM id of the entity they sanction. */
  private readonly sanctions = new Map<string, SanctionFacts>();
  private readonly firstLineOfId = new Map<string, number>();
  private readonly skippedBySchema = new Map<string, number>();
  private readonly problems: FtmImportProblem[] = [];
  private lines = 0;

  /**
   * Lines of schemata that are not imported are counted without being parsed (most of an OpenSanctions file is
   * people, addresses and sanctions), except in strict mode, which checks every line, and for Sanction lines
   * when flags need their dates.
   */
  private readonly countsUnparsed: boolean;

  constructor(private readonly options: FtmImportOptions) {
    this.countsUnparsed = !options.strict;
    if (typeof options.sourceId !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(options.sourceId)) {
      throw new TypeError(`FtmImporter: sourceId must be letters, digits, ".", "_" or "-", got ${JSON.stringify(options.sourceId)}`);
    }
  }

  private problem(line: number, field: string | undefined, message: string): void {
    this.problems.push(field === undefined ? { line, message } : { line, field, message });
  }

  addOverlongLine(lineNumber: number, length: number): void {
    this.lines = Math.max(this.lines, lineNumber);
    this.problem(lineNumber, undefined, `line is ${length} characters long, longer than any entity record; not imported`);
  }

  addLine(text: string, lineNumber: number): void {
    this.lines = Math.max(this.lines, lineNumber);
    if (text.length === 0 || text.trim() === '') return;
    const unkept = this.countsUnparsed ? unkeptSchemaOf(text) : undefined;
    if (unkept !== undefined && !(unkept === 'Sanction' && this.options.flagTemplate)) {
      this.skippedBySchema.set(unkept, (this.skippedBySchema.get(unkept) ?? 0) + 1);
      return;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.problem(lineNumber, undefined, `not valid JSON (${reason}); expected one JSON object per line`);
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.problem(lineNumber, undefined, `expected a JSON object, got ${describeJsonType(record)}`);
      return;
    }
    const fields = record as Record<string, unknown>;
    const { id, schema } = fields;
    if (typeof id !== 'string' || id.trim() === '') {
      this.problem(lineNumber, 'id', id === undefined ? 'missing; every record needs a string id' : `expected a non-empty string, got ${describeJsonType(id)}`);
      return;
    }
    if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
      const got = typeof schema === 'string' ? quote(schema) : describeJsonType(schema);
      this.problem(lineNumber, 'schema', schema === undefined ? 'missing; every record needs a schema such as "Company"' : `expected a schema name such as "Company", got ${got}`);
      return;
    }
    const kept = KEPT_SCHEMATA.get(schema);
    if (kept === undefined) {
      this.skippedBySchema.set(schema, (this.skippedBySchema.get(schema) ?? 0) + 1);
      if (schema === 'Sanction' && this.options.flagTemplate) this.noteSanction(fields.properties);
      return;
    }
    const firstLine = this.firstLineOfId.get(id);
    if (firstLine !== undefined) {
      this.problem(lineNumber, 'id', `duplicate id ${quote(id)}, first seen on line ${firstLine}; this record is not imported`);
      return;
    }
    this.firstLineOfId.set(id, lineNumber);
    this.addEntity(id, kept, fields, lineNumber);
  }

  /** String values of each property; a property that is not an array of strings is reported and left out. */
  private readProperties(value: unknown, lineNumber: number): Map<string, string[]> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(lineNumber, 'properties', value === undefined ? 'missing; expected an object of property lists' : `expected an object of property lists, got ${describeJsonType(value)}`);
      return undefined;
    }
    const properties = new Map<string, string[]>();
    const record = value as Record<string, unknown>;
    for (const name in record) {
      const values = record[name];
      if (!isStringArray(values)) {
        const got = Array.isArray(values) ? `an array holding ${describeJsonType(values.find((v) => typeof v !== 'string'))}` : describeJsonType(values);
        this.problem(lineNumber, `properties.${name}`, `expected an array of strings, got ${got}; property ignored`);
        continue;
      }
      properties.set(name, values);
    }
    return properties;
  }

  private addEntity(ftmId: string, schema: Entity['schema'], fields: Record<string, unknown>, lineNumber: number): void {
    const properties = this.readProperties(fields.properties, lineNumber);
    if (!properties) return;
    const names = this.readNames(properties, 'name', lineNumber);
    const name = names[0];
    if (name === undefined) {
      this.problem(lineNumber, 'properties.name', `no name; a ${schema} record needs at least one; record not imported`);
      return;
    }
    const strong = new Set([name]);
    const aliases = unique([...names.slice(1), ...this.readNames(properties, 'alias', lineNumber)], strong);
    const previousNames = unique(this.readNames(properties, 'previousName', lineNumber), strong);
    const weakAliases = unique([...this.readNames(properties, 'weakAlias', lineNumber), ...this.readNames(properties, 'abbreviation', lineNumber)], strong);
    const nameCount = 1 + aliases.length + previousNames.length + weakAliases.length;
    if (nameCount > MAX_NAMES_PER_ENTITY) {
      // Kept in the matcher's order of importance: the name, aliases, previous names, weak aliases.
      let room = MAX_NAMES_PER_ENTITY - 1;
      for (const list of [aliases, previousNames, weakAliases]) {
        list.splice(room);
        room -= list.length;
      }
      this.problem(
        lineNumber,
        'properties',
        `${nameCount.toLocaleString('en')} names, aliases and previous names; an entity is matched by at most ${MAX_NAMES_PER_ENTITY.toLocaleString('en')}, so the first ${MAX_NAMES_PER_ENTITY.toLocaleString('en')} are kept and the rest left out`,
      );
    }

    const countries = this.readCountries(properties, lineNumber);
    const identifiers = this.readIdentifiers(properties, countries, lineNumber);
    const entity: Entity = {
      id: `${this.options.sourceId}:${ftmId}`,
      sourceId: this.options.sourceId,
      schema,
      name,
      aliases,
      weakAliases,
      previousNames,
      identifiers,
      countries,
    };
    this.entities.push(entity);
    if (this.options.flagTemplate) {
      const firstSeen = typeof fields.first_seen === 'string' ? fields.first_seen : undefined;
      this.pendingFlags.push({
        entityId: entity.id,
        ftmId,
        evidenceUrl: firstHttpUrl(properties.get('sourceUrl')),
        createdAt: isoDate(properties.get('createdAt')?.[0]),
        firstSeen: isoDate(firstSeen),
      });
    }
  }

  /** The cleaned names of one property; a name longer than MAX_NAME_CHARS is reported and left out. */
  private readNames(properties: Map<string, string[]>, property: string, lineNumber: number): string[] {
    const names = cleanNames(properties.get(property));
    if (names.every((name) => name.length <= MAX_NAME_CHARS)) return names;
    return names.filter((name) => {
      if (name.length <= MAX_NAME_CHARS) return true;
      this.problem(
        lineNumber,
        `properties.${property}`,
        `${quote(name)} is ${name.length.toLocaleString('en')} characters long, not a name (names have at most ${MAX_NAME_CHARS.toLocaleString('en')}); value ignored`,
      );
      return false;
    });
  }

  private readCountries(properties: Map<string, string[]>, lineNumber: number): CountryCode[] {
    const countries: CountryCode[] = [];
    for (const property of COUNTRY_PROPERTIES) {
      for (const value of properties.get(property) ?? []) {
        const code = toCountryCode(value);
        if (code === undefined) {
          this.problem(lineNumber, `properties.${property}`, `${quote(value)} is not an ISO 3166-1 country; value ignored`);
        } else if (!countries.includes(code)) {
          countries.push(code);
        }
      }
    }
    return countries;
  }

  private readIdentifiers(properties: Map<string, string[]>, countries: readonly CountryCode[], lineNumber: number): EntityIdentifier[] {
    const identifiers: EntityIdentifier[] = [];
    const seen = new Set<string>();
    const british = countries.includes('GB');
    for (const [property, scheme] of IDENTIFIER_PROPERTIES) {
      for (const value of properties.get(property) ?? []) {
        if (value.trim() === '') continue;
        const identifier = identifierOf(scheme, value, british, countries);
        if (!identifier) {
          this.problem(lineNumber, `properties.${property}`, `${quote(value)} is not ${SCHEME_EXPECTATIONS[scheme]}; value ignored`);
          continue;
        }
        const key = `${identifier.scheme}:${identifier.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        identifiers.push(identifier);
      }
    }
    return identifiers;
  }

  /** Keeps the earliest listing date and a source link of a Sanction record for the flag of its entity. */
  private noteSanction(value: unknown): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const properties = value as Record<string, unknown>;
    const targets = stringList(properties.entity);
    if (targets.length === 0) return;
    const listingDate = stringList(properties.listingDate).map(isoDate).reduce(earliest, undefined)
      ?? stringList(properties.startDate).map(isoDate).reduce(earliest, undefined);
    const evidenceUrl = firstHttpUrl(stringList(properties.sourceUrl));
    for (const target of targets) {
      const facts = this.sanctions.get(target) ?? {};
      facts.listingDate = earliest(facts.listingDate, listingDate);
      facts.evidenceUrl ??= evidenceUrl;
      this.sanctions.set(target, facts);
    }
  }

  private buildFlags(template: FtmFlagTemplate): Flag[] {
    return this.pendingFlags.map((pending) => {
      const sanction = this.sanctions.get(pending.ftmId);
      const date = sanction?.listingDate ?? pending.createdAt ?? pending.firstSeen;
      const flag: Flag = {
        id: `${pending.entityId}:${template.type}`,
        sourceId: this.options.sourceId,
        listVersion: template.listVersion,
        type: template.type,
        entityId: pending.entityId,
        evidenceUrl: pending.evidenceUrl ?? sanction?.evidenceUrl ?? template.evidenceUrl,
      };
      if (date !== undefined) flag.date = date;
      if (template.note !== undefined) flag.note = template.note;
      return flag;
    });
  }

  finish(): FtmImportResult {
    const problems = [...this.problems].sort((a, b) => a.line - b.line);
    if (this.options.strict && problems.length > 0) {
      const file = this.options.fileName ?? 'FtM entities';
      const listed = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `  ${formatFtmProblem(file, p)}`);
      const more = problems.length > PROBLEMS_IN_MESSAGE ? [`  … and ${problems.length - PROBLEMS_IN_MESSAGE} more`] : [];
      throw new FtmImportError(
        [`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing imported:`, ...listed, ...more].join('\n'),
        problems,
      );
    }
    return {
      entities: this.entities,
      flags: this.options.flagTemplate ? this.buildFlags(this.options.flagTemplate) : [],
      report: { lines: this.lines, imported: this.entities.length, skippedBySchema: Object.fromEntries(this.skippedBySchema), problems },
    };
  }
}

const SCHEMA_KEY = '"schema"';

/**
 * The schema an object line names, when that is not a kept schema and the line holds the key "schema" once, as
 * `"schema":"Name"` (so it is the record's own). Undefined when the line must be parsed to know.
 */
function unkeptSchemaOf(text: string): string | undefined {
  const at = text.indexOf(SCHEMA_KEY);
  if (at === -1 || text.indexOf(SCHEMA_KEY, at + SCHEMA_KEY.length) !== -1) return undefined;
  const valueStart = at + SCHEMA_KEY.length + 2;
  if (text.charCodeAt(valueStart - 2) !== 0x3a || text.charCodeAt(valueStart - 1) !== 0x22) return undefined; // :"
  const valueEnd = text.indexOf('"', valueStart);
  if (valueEnd === -1) return undefined;
  const trimmed = text.trim();
  if (trimmed.charCodeAt(0) !== 0x7b || trimmed.charCodeAt(trimmed.length - 1) !== 0x7d) return undefined; // {…}
  const schema = text.slice(valueStart, valueEnd);
  return SCHEMA_NAME.test(schema) && !KEPT_SCHEMATA.has(schema) ? schema : undefined;
}

/**
 * The list and the record's own id in an entity id, which the importer builds as "<sourceId>:<FtM id>" (a sourceId
 * holds no colon, so the FtM id is everything after the first one, exactly as written in its file).
 */
export function entityIdParts(entityId: string): { list: string; id: string } {
  const colon = entityId.indexOf(':');
  return colon === -1 ? { list: '', id: entityId } : { list: entityId.slice(0, colon), id: entityId.slice(colon + 1) };
}

/** "file:12: properties.leiCode: message" */
export function formatFtmProblem(file: string, problem: FtmImportProblem): string {
  return `${file}:${problem.line}: ${problem.field === undefined ? '' : `${problem.field}: `}${problem.message}`;
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function firstHttpUrl(values: readonly string[] | undefined): string | undefined {
  for (const value of values ?? []) {
    const url = safeHttpUrl(value.trim());
    if (url !== undefined) return url;
  }
  return undefined;
}

/** White space other than single spaces, which names are cleaned of. */
const WHITESPACE_TO_COLLAPSE = /[^\S ]| {2}/;

/** Names with runs of white space collapsed, empty ones and repeats dropped, in their order. */
function cleanNames(values: readonly string[] | undefined): string[] {
  if (!values) return [];
  const out = new Set<string>();
  for (const value of values) {
    const name = (WHITESPACE_TO_COLLAPSE.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
    if (name !== '') out.add(name);
  }
  return [...out];
}

/** Values not already in `taken`, each once; adds them to `taken` (so a strong alias wins over a weak one). */
function unique(values: readonly string[], taken: Set<string>): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (taken.has(value)) continue;
    taken.add(value);
    out.push(value);
  }
  return out;
}

/**
 * The identifier a property value stands for, or undefined when it is not valid for its scheme. A VAT number
 * written without its country prefix gets the prefix of the entity's only country.
 */
function identifierOf(scheme: IdentifierScheme, value: string, british: boolean, countries: readonly CountryCode[]): EntityIdentifier | undefined {
  if (scheme === 'registration' && british) {
    const companyNumber = canonicalIdentifier('gb-coh', value);
    if (IDENTIFIER_VALIDATORS['gb-coh'](companyNumber)) return { scheme: 'gb-coh', value: companyNumber };
  }
  const canonical = canonicalIdentifier(scheme, value);
  if (IDENTIFIER_VALIDATORS[scheme](canonical)) return { scheme, value: canonical };
  if (scheme === 'vat' && countries.length === 1) {
    const prefix = countries[0] === 'GR' ? 'EL' : countries[0]!;
    const prefixed = canonicalIdentifier('vat', prefix + canonical);
    if (IDENTIFIER_VALIDATORS.vat(prefixed)) return { scheme, value: prefixed };
  }
  return undefined;
}

/** Imports FtM records from lines of text, numbered from 1 (see FtmImporter). */
export function importFtmLines(lines: Iterable<string>, options: FtmImportOptions): FtmImportResult {
  const importer = new FtmImporter(options);
  let lineNumber = 0;
  for (const line of lines) {
    lineNumber++;
    importer.addLine(lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line, lineNumber);
  }
  return importer.finish();
}

/** Imports FtM records from a whole JSON-lines text (byte-order mark, CRLF and a last line without a break allowed). */
export function importFtmText(text: string, options: FtmImportOptions): FtmImportResult {
  const importer = new FtmImporter(options);
  forEachLine(text, (line, lineNumber, length) => {
    if (line === undefined) importer.addOverlongLine(lineNumber, length);
    else importer.addLine(line, lineNumber);
  }, options.maxLineLength);
  return importer.finish();
}
