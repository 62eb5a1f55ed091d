// Hostile FollowTheMoney records: a name of 150,000 characters and an entity with 5,000 aliases are bounded, each
// reported with its line and field, and the rest of the file is imported as usual.
import { describe, expect, it } from 'vitest';
import { formatFtmProblem, importFtmText, MAX_NAME_CHARS } from '@/src/import/ftm';
import { MAX_NAMES_PER_ENTITY } from '@/src/matcher';

const company = (id: string, properties: Record<string, string[]>) => JSON.stringify({ id, schema: 'Company', properties });
const LONG_WORD = 'x'.repeat(150_000);

describe('a name longer than any real name', () => {
  const result = importFtmText(
    [
      company('ok-1', { name: ['Camel Group Co., Ltd.'] }),
      company('long-alias', { name: ['Acme Holdings Ltd'], alias: [`Acme ${LONG_WORD}`] }),
      company('long-name', { name: [LONG_WORD] }),
      company('ok-2', { name: ['Supermax Corporation Berhad'] }),
    ].join('\n'),
    { sourceId: 'hostile' },
  );

  it('is left out with its line and field, and the record keeps its other names', () => {
    expect(result.entities.map((e) => [e.id, e.name, e.aliases])).toEqual([
      ['hostile:ok-1', 'Camel Group Co., Ltd.', []],
      ['hostile:long-alias', 'Acme Holdings Ltd', []],
      ['hostile:ok-2', 'Supermax Corporation Berhad', []],
    ]);
    const problems = result.report.problems.map((p) => formatFtmProblem('list.ftm.jsonl', p));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(new RegExp(`^list\\.ftm\\.jsonl:2: properties\\.alias: "Acme x{55}…" is 150,005 characters long, not a name \\(names have at most ${MAX_NAME_CHARS.toLocaleString('en')}\\); value ignored$`));
    expect(problems[1]).toMatch(/^list\.ftm\.jsonl:3: properties\.name: "x{60}…" is 150,000 characters long/);
    expect(problems[2]).toBe('list.ftm.jsonl:3: properties.name: no name; a Company record needs at least one; record not imported');
  });
});

describe('an entity with more names than the matcher indexes', () => {
  const aliases = Array.from({ length: 5_000 }, (_, k) => `Zelvora Branch ${k} Ltd`);
  const result = importFtmText(company('crowded', { name: ['Zelvora Trading Ltd'], alias: aliases, previousName: ['Old Zelvora Ltd'] }), { sourceId: 'hostile' });

  it(`keeps the name and the first aliases up to ${MAX_NAMES_PER_ENTITY.toLocaleString('en')} names and says so`, () => {
    const [entity] = result.entities;
    expect(entity!.name).toBe('Zelvora Trading Ltd');
    expect(entity!.aliases).toHaveLength(MAX_NAMES_PER_ENTITY - 1);
    expect(entity!.aliases.at(-1)).toBe(`Zelvora Branch ${MAX_NAMES_PER_ENTITY - 2} Ltd`);
    expect(entity!.previousNames).toEqual([]);
    expect(result.report.problems.map((p) => formatFtmProblem('list.ftm.jsonl', p))).toEqual([
      `list.ftm.jsonl:1: properties: 5,002 names, aliases and previous names; an entity is matched by at most ${MAX_NAMES_PER_ENTITY.toLocaleString('en')}, so the first ${MAX_NAMES_PER_ENTITY.toLocaleString('en')} are kept and the rest left out`,
    ]);
  });
});
