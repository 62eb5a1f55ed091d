// FollowTheMoney import: real OpenSanctions records become TenderLens entities (names in several scripts,
// identifiers validated, other schemata counted) and every unusable line or value is reported by line number.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@/src/core/types';
import { FtmImportError, formatFtmProblem, importFtmLines, importFtmText, type FtmImportOptions } from '@/src/import/ftm';

const FIXTURES = fileURLToPath(new URL('../../fixtures/ftm/', import.meta.url));
const ZALA = readFileSync(`${FIXTURES}yente_zala_cluster.ftm.jsonl`, 'utf8');
const EU_FSF = readFileSync(`${FIXTURES}yente_t1_eu_fsf_sample.ftm.jsonl`, 'utf8');

const OPTIONS: FtmImportOptions = { sourceId: 'os-test' };

function company(id: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, schema: 'Company', properties, ...extra });
}

function entityById(entities: readonly Entity[], ftmId: string): Entity {
  const entity = entities.find((e) => e.id === `os-test:${ftmId}`);
  if (!entity) throw new Error(`no entity ${ftmId}`);
  return entity;
}

describe('the ZALA Aero cluster (OpenSanctions)', () => {
  const result = importFtmText(ZALA, OPTIONS);

  it('imports its 11 Company records and counts every other schema it skips', () => {
    expect(result.report.lines).toBe(91);
    expect(result.report.imported).toBe(11);
    expect(result.entities).toHaveLength(11);
    expect(result.entities.every((e) => e.schema === 'Company' && e.sourceId === 'os-test')).toBe(true);
    expect(result.report.skippedBySchema).toEqual({
      Person: 6, Address: 11, Sanction: 41, Ownership: 14, Directorship: 3, Family: 4, Passport: 1,
    });
    expect(result.report.problems).toEqual([]);
    expect(result.flags).toEqual([]);
  });

  it('keeps the first name as the name and the other names, in Cyrillic, Latin and Japanese, as aliases', () => {
    const cst = entityById(result.entities, 'NK-abdzbEBkqyT29GyREbiURZ');
    expect(cst.id).toBe('os-test:NK-abdzbEBkqyT29GyREbiURZ');
    expect(cst.name).toBe('Товариство з обмеженою відповідальністю "ЦСТ"');
    expect(cst.aliases).toContain('Общество с ограниченной ответственностью "ЦСТ"');
    expect(cst.aliases).toContain('ザラ・アエロ・グループ');
    expect(cst.aliases).toContain('Zala Aero Group');
    expect(cst.aliases).toContain('ЗАЛА АЭРО'); // from `alias`
    expect(cst.aliases).not.toContain(cst.name);
    expect(new Set(cst.aliases).size).toBe(cst.aliases.length);
  });

  it('puts weak aliases and abbreviations among the weak aliases, unless they are also strong names', () => {
    const cst = entityById(result.entities, 'NK-abdzbEBkqyT29GyREbiURZ');
    expect(cst.weakAliases).toEqual(['TsST LLC', 'CST, OOO', 'OOO TSST', 'CST LLC', 'CST', 'TsST, OOO', 'ZALA']);
    // "Limited Liability Company CST" is both an alias and a weak alias: the alias wins.
    expect(cst.aliases).toContain('Limited Liability Company CST');
    expect(cst.weakAliases).not.toContain('Limited Liability Company CST');
  });

  it('reads the country and jurisdiction as ISO codes', () => {
    expect(result.entities.every((e) => e.countries.length === 1 && e.countries[0] === 'RU')).toBe(true);
  });

  it('imports registration numbers, INN, OGRN and tax numbers once each, and SAM.gov UEIs', () => {
    const cst = entityById(result.entities, 'NK-abdzbEBkqyT29GyREbiURZ');
    expect(cst.identifiers).toEqual([
      { scheme: 'registration', value: '1091841000624' },
      { scheme: 'registration', value: '1841015504' },
      { scheme: 'registration', value: '1101841007938' },
      { scheme: 'uei', value: 'M52TNV23BGX4' },
      { scheme: 'uei', value: 'RRR6K5DPDY46' },
      { scheme: 'uei', value: 'RS9VFC5JZJE6' },
      { scheme: 'registration', value: '1841001815' },
    ]);
    const izhtelecom = entityById(result.entities, 'NK-56Edov9bas9puzaChH5pBy');
    // innCode and ogrnCode; the KPP codes (shared by many companies) are not identifiers.
    expect(izhtelecom.identifiers.map((i) => i.value)).toEqual(['1835045074', '1831006638', '1021801671462', '1021801149754']);
    expect(izhtelecom.identifiers.some((i) => i.value === '183101001')).toBe(false);
  });

  it('gives each entity a flag from the template, dated by its earliest sanction and linked to its source', () => {
    const flagged = importFtmText(ZALA, {
      ...OPTIONS,
      flagTemplate: { listVersion: '2026-06-03', type: 'import_ban', evidenceUrl: 'https://example.org/list', note: 'Sanctioned' },
    });
    expect(flagged.flags).toHaveLength(11);
    const cstFlag = flagged.flags.find((f) => f.entityId === 'os-test:NK-abdzbEBkqyT29GyREbiURZ');
    expect(cstFlag).toEqual({
      id: 'os-test:NK-abdzbEBkqyT29GyREbiURZ:import_ban',
      sourceId: 'os-test',
      listVersion: '2026-06-03',
      type: 'import_ban',
      entityId: 'os-test:NK-abdzbEBkqyT29GyREbiURZ',
      evidenceUrl: 'https://www.meti.go.jp/policy/external_economy/trade_control/02_export/17_russia/250912_list_russia_tokutei.pdf',
      date: '2021-10-30',
      note: 'Sanctioned',
    });
    // No sourceUrl and no sanction: the template's link, and the date the record was first seen.
    const spsFlag = flagged.flags.find((f) => f.entityId === 'os-test:NK-9Xa4Kg7Y7nfccE7VcZt6Q6');
    expect(spsFlag?.evidenceUrl).toBe('https://example.org/list');
    expect(spsFlag?.date).toBe('2025-12-30');
  });
});

describe('the EU Financial Sanctions Files sample', () => {
  const result = importFtmText(EU_FSF, OPTIONS);

  it('imports its two Organization records and skips the people and the address', () => {
    expect(result.report).toEqual({ lines: 7, imported: 2, skippedBySchema: { Person: 4, Address: 1 }, problems: [] });
    expect(result.entities.map((e) => e.schema)).toEqual(['Organization', 'Organization']);
  });

  it('keeps RAB „Inter Tobacco“ with its twelve names in many languages and its registration number', () => {
    const interTobacco = entityById(result.entities, 'NK-2GdmHtZTeNXjNVrBGEXZNj');
    expect(interTobacco.name).toBe('LLC “Inter Tobacco”');
    expect(interTobacco.aliases).toHaveLength(11);
    expect(interTobacco.aliases).toContain('RAB „Inter Tobacco“');
    expect(interTobacco.aliases).toContain('Общество с ограниченной ответственностью “Интер Тобако”');
    expect(interTobacco.aliases).toContain('Εταιρία περιορισμένης ευθύνης “Inter Tobacco”');
    expect(interTobacco.countries).toEqual(['BY']);
    expect(interTobacco.identifiers).toEqual([{ scheme: 'registration', value: '808000714' }]);
  });

  it('reads the last line although it has no line break', () => {
    expect(EU_FSF.endsWith('\n')).toBe(false);
    expect(result.report.skippedBySchema.Person).toBe(4);
  });
});

describe('identifiers', () => {
  it('keeps valid identifiers of every scheme in canonical form', () => {
    const { entities, report } = importFtmText(company('c1', {
      name: ['Example Trading Ltd'],
      country: ['de'],
      leiCode: ['5493001KJTIIGC8Y1R12'],
      vatCode: ['DE 123 456 789'],
      dunsCode: ['12-345-6789'],
      cageCode: ['1abc2'],
      uniqueEntityId: ['J7M9HPTGJ1S9'],
    }), OPTIONS);
    expect(report.problems).toEqual([]);
    expect(entities[0]!.identifiers).toEqual([
      { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' },
      { scheme: 'vat', value: 'DE123456789' },
      { scheme: 'uei', value: 'J7M9HPTGJ1S9' },
      { scheme: 'duns', value: '123456789' },
      { scheme: 'cage', value: '1ABC2' },
    ]);
  });

  it('reads a British registration number as a Companies House number', () => {
    const { entities } = importFtmText(company('c1', { name: ['Example Ltd'], jurisdiction: ['gb'], registrationNumber: ['SC123456', '1234567'] }), OPTIONS);
    expect(entities[0]!.identifiers).toEqual([{ scheme: 'gb-coh', value: 'SC123456' }, { scheme: 'gb-coh', value: '01234567' }]);
  });

  it('adds the country prefix to a VAT number written without it, when the entity has one country', () => {
    const { entities } = importFtmText(company('c1', { name: ['Example SA'], country: ['gr'], vatCode: ['123456789'] }), OPTIONS);
    expect(entities[0]!.identifiers).toEqual([{ scheme: 'vat', value: 'EL123456789' }]);
  });

  it('reports invalid identifiers and unknown countries, naming line and property, and imports the rest', () => {
    const text = [
      company('ok', { name: ['Fine Co'] }),
      company('bad', { name: ['Bad Identifiers Co'], leiCode: ['5493001KJTIIGC8Y1R13'], dunsCode: ['12345'], country: ['Atlantis'] }),
    ].join('\n');
    const { entities, report } = importFtmText(text, OPTIONS);
    expect(entities.map((e) => e.name)).toEqual(['Fine Co', 'Bad Identifiers Co']);
    expect(entities[1]!.identifiers).toEqual([]);
    expect(entities[1]!.countries).toEqual([]);
    expect(report.problems).toEqual([
      { line: 2, field: 'properties.country', message: '"Atlantis" is not an ISO 3166-1 country; value ignored' },
      { line: 2, field: 'properties.leiCode', message: '"5493001KJTIIGC8Y1R13" is not an ISO 17442 LEI: 20 letters and digits with valid check digits; value ignored' },
      { line: 2, field: 'properties.dunsCode', message: '"12345" is not a DUNS number: 9 digits; value ignored' },
    ]);
  });
});

describe('schemata', () => {
  it('imports LegalEntity records, and PublicBody records as organisations', () => {
    const text = [
      JSON.stringify({ id: 'le', schema: 'LegalEntity', properties: { name: ['Some Legal Entity'] } }),
      JSON.stringify({ id: 'pb', schema: 'PublicBody', properties: { name: ['Ministry of Examples'] } }),
      JSON.stringify({ id: 'p', schema: 'Person', properties: { name: ['A Person'] } }),
      JSON.stringify({ id: 'v', schema: 'Vessel', properties: { name: ['A Ship'] } }),
    ].join('\n');
    const { entities, report } = importFtmText(text, OPTIONS);
    expect(entities.map((e) => [e.id, e.schema])).toEqual([['os-test:le', 'LegalEntity'], ['os-test:pb', 'Organization']]);
    expect(report.skippedBySchema).toEqual({ Person: 1, Vessel: 1 });
  });

  it('counts a schema named like an object property as just another schema', () => {
    const { report } = importFtmText(JSON.stringify({ id: 'x', schema: 'Constructor', properties: {} }), OPTIONS);
    expect(report.skippedBySchema).toEqual({ Constructor: 1 });
    expect(Object.getPrototypeOf(report.skippedBySchema)).toBe(Object.prototype);
  });
});

describe('hostile and malformed lines', () => {
  const lines = [
    company('good-1', { name: ['Good One Ltd'] }),
    '{"id": "broken", "schema": "Company", "properties": {',
    '["an", "array"]',
    JSON.stringify({ schema: 'Company', properties: { name: ['No Id'] } }),
    JSON.stringify({ id: 'no-schema', properties: { name: ['No Schema'] } }),
    company('no-name', { alias: ['Only An Alias'] }),
    company('bad-types', { name: ['Typed Badly Ltd'], alias: 'not a list', country: [1, 'ru'] }),
    JSON.stringify({ id: 'no-props', schema: 'Company' }),
    JSON.stringify({ id: 7, schema: 'Company', properties: {} }),
    JSON.stringify({ id: 'weird-schema', schema: 'no such <schema>', properties: {} }),
    company('good-1', { name: ['Duplicate'] }),
    '',
    '   ',
    company('good-2', { name: ['  Good   Two  Ltd '] }),
  ];
  const result = importFtmText(lines.join('\n'), OPTIONS);

  it('imports the good records, and the usable parts of a record with one bad property', () => {
    expect(result.entities.map((e) => e.name)).toEqual(['Good One Ltd', 'Typed Badly Ltd', 'Good Two Ltd']);
    expect(result.entities[1]!.aliases).toEqual([]);
    expect(result.report.imported).toBe(3);
    expect(result.report.lines).toBe(14);
  });

  it('reports every other line with its number, field and what was expected', () => {
    const problems = result.report.problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, undefined], [3, undefined], [4, 'id'], [5, 'schema'], [6, 'properties.name'],
      [7, 'properties.alias'], [7, 'properties.country'], [8, 'properties'], [9, 'id'], [10, 'schema'], [11, 'id'],
    ]);
    expect(problems[0]!.message).toMatch(/^not valid JSON \(.+\); expected one JSON object per line$/);
    expect(problems[1]!.message).toBe('expected a JSON object, got an array');
    expect(problems[2]!.message).toBe('missing; every record needs a string id');
    expect(problems[4]!.message).toBe('no name; a Company record needs at least one; record not imported');
    expect(problems[5]!.message).toBe('expected an array of strings, got a string; property ignored');
    expect(problems[6]!.message).toBe('expected an array of strings, got an array holding a number; property ignored');
    expect(problems[8]!.message).toBe('expected a non-empty string, got a number');
    expect(problems[9]!.message).toBe('expected a schema name such as "Company", got "no such <schema>"');
    expect(problems[10]!.message).toBe('duplicate id "good-1", first seen on line 1; this record is not imported');
  });

  it('formats a problem as file:line: field: message', () => {
    expect(formatFtmProblem('list.jsonl', result.report.problems[2]!)).toBe('list.jsonl:4: id: missing; every record needs a string id');
    expect(formatFtmProblem('list.jsonl', result.report.problems[1]!)).toBe('list.jsonl:3: expected a JSON object, got an array');
  });

  it('in strict mode throws one error naming the file and the first problems, and imports nothing', () => {
    let caught: unknown;
    try {
      importFtmText(lines.join('\n'), { ...OPTIONS, strict: true, fileName: 'hostile.ftm.jsonl' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FtmImportError);
    const error = caught as FtmImportError;
    expect(error.problems).toHaveLength(11);
    const messageLines = error.message.split('\n');
    expect(messageLines[0]).toBe('hostile.ftm.jsonl: 11 problems; nothing imported:');
    expect(messageLines[1]).toMatch(/^ {2}hostile\.ftm\.jsonl:2: not valid JSON/);
    expect(messageLines).toHaveLength(12); // the heading, ten problems, and "… and 1 more"
    expect(messageLines[11]).toBe('  … and 1 more');
  });

  it('strict mode accepts a clean file', () => {
    expect(importFtmText(EU_FSF, { ...OPTIONS, strict: true }).entities).toHaveLength(2);
  });

  it('reports a line too long to be a record by its length, without parsing it, and goes on', () => {
    const enormous = company('huge', { name: ['Huge'], notes: ['x'.repeat(5000)] });
    const text = [company('a', { name: ['Before Ltd'] }), enormous, company('b', { name: ['After Ltd'] })].join('\n');
    const { entities, report } = importFtmText(text, { ...OPTIONS, maxLineLength: 1000 });
    expect(entities.map((e) => e.name)).toEqual(['Before Ltd', 'After Ltd']);
    expect(report.problems).toEqual([
      { line: 2, message: `line is ${enormous.length} characters long, longer than any entity record; not imported` },
    ]);
  });

  it('handles a line of many megabytes under the default limit', () => {
    const big = company('big', { name: ['Big Notes Ltd'], notes: ['y'.repeat(3_000_000)] });
    const { entities, report } = importFtmText(`${big}\n`, OPTIONS);
    expect(report.problems).toEqual([]);
    expect(entities[0]!.name).toBe('Big Notes Ltd');
  });
});

describe('line handling', () => {
  it('accepts a byte-order mark, CRLF line breaks and blank lines', () => {
    const text = `\uFEFF${company('a', { name: ['Alpha Ltd'] })}\r\n\r\n${company('b', { name: ['Beta Ltd'] })}\r\n`;
    const { entities, report } = importFtmText(text, OPTIONS);
    expect(entities.map((e) => e.name)).toEqual(['Alpha Ltd', 'Beta Ltd']);
    expect(report).toEqual({ lines: 3, imported: 2, skippedBySchema: {}, problems: [] });
  });

  it('imports from an iterable of lines, numbering them from 1', () => {
    const { entities, report } = importFtmLines(['', '\uFEFFnot json', company('a', { name: ['Alpha Ltd'] })], OPTIONS);
    expect(entities.map((e) => e.id)).toEqual(['os-test:a']);
    expect(report.problems.map((p) => p.line)).toEqual([2]);
  });

  it('refuses a source id that cannot prefix entity ids', () => {
    expect(() => importFtmText('', { sourceId: 'has space' })).toThrow(/sourceId/);
  });
});

describe('lines of other schemata', () => {
  it('are counted by the schema they name, and still reported when cut short or when the key is not the record\'s own', () => {
    const text = [
      '{"id":"p","schema":"Person","properties":{"name":["Cut Short"]',
      '{"id":"c","extra":{"schema":"Person"},"schema" : "Company","properties":{"name":["Nested Key Ltd"]}}',
      '{"id":"a","schema":"Address","properties":{"full":["1 Example Street"]}}',
    ].join('\n');
    const { entities, report } = importFtmText(text, OPTIONS);
    expect(entities.map((e) => e.name)).toEqual(['Nested Key Ltd']);
    expect(report.skippedBySchema).toEqual({ Address: 1 });
    expect(report.problems.map((p) => p.line)).toEqual([1]);
  });

  it('are all parsed and checked in strict mode', () => {
    const text = '{"id":"p","schema":"Person","properties":{"name":["Trailing Comma"],}}';
    expect(importFtmText(text, OPTIONS).report.skippedBySchema).toEqual({ Person: 1 });
    expect(() => importFtmText(text, { ...OPTIONS, strict: true })).toThrow(/:1: not valid JSON/);
  });
});
