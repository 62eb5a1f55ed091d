// Hostile entity names against the compiler and the scanner: a name holding one enormous word, and one entity
// with a huge number of names. Neither may stop the other entities from being found, nor cost more than time in
// proportion to its size.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, MAX_NAMES_PER_ENTITY, type MatcherEntity } from '@/src/matcher';

const entity = (id: string, name: string, aliases: string[] = []): MatcherEntity => ({
  id, name, aliases, weakAliases: [], previousNames: [], identifiers: [], countries: [],
});
const CAMEL = entity('camel', 'Camel Group Co., Ltd.');
const PAGE = 'Awarded to Camel Group Co., Ltd. of Xiangyang.';

describe('a name with a 150,000-character word', () => {
  const longWord = 'x'.repeat(150_000);

  it('compiles (the word once overflowed the stack) and every other entity is still found', () => {
    const matcher = compileMatcher([entity('long', `Acme ${longWord} Holdings Ltd`), CAMEL]);
    expect(findMentions(matcher, PAGE).map((m) => [m.entityId, m.text])).toEqual([['camel', 'Camel Group Co., Ltd.']]);
  });

  it('in a page, is read past like any other word', () => {
    const matcher = compileMatcher([CAMEL]);
    const mentions = findMentions(matcher, `${longWord} Ltd. ${longWord}Ltd ${PAGE} ${longWord}`);
    expect(mentions.map((m) => m.text)).toEqual(['Camel Group Co., Ltd.']);
  });
});

describe('one entity with 200,000 names', () => {
  // Each new spelling used to be compared with every earlier one of its entity: 100,000 names took 26.7 s,
  // 200,000 about four times that. Indexed by hash and capped, they take a fraction of a second.
  const names = Array.from({ length: 200_000 }, (_, k) => `Zelvora Trading Branch ${k} Co., Ltd.`);
  const crowded = entity('crowded', 'Zelvora Trading Co., Ltd.', names);

  it(`compiles in linear time, indexes its first ${MAX_NAMES_PER_ENTITY.toLocaleString('en')} names, and the others are still found`, { timeout: 10_000 }, () => {
    const matcher = compileMatcher([crowded, CAMEL]);
    const found = (text: string) => findMentions(matcher, text).map((m) => `${m.entityId}: ${m.matchedName}`);
    expect(found(PAGE)).toEqual(['camel: Camel Group Co., Ltd.']);
    expect(found('Awarded to Zelvora Trading Branch 998 Co., Ltd.')).toEqual(['crowded: Zelvora Trading Branch 998 Co., Ltd.']);
    expect(found('Awarded to Zelvora Trading Branch 150000 Co., Ltd.')).not.toContain('crowded: Zelvora Trading Branch 150000 Co., Ltd.');
  });

  it('indexes the same spellings through the hash table as one by one (duplicates left out once)', () => {
    const repeated = entity('repeated', 'Zelvora Trading Co., Ltd.', [
      ...Array.from({ length: 40 }, (_, k) => `Zelvora Branch ${k % 20} Limited`),
      'Zelvora Trading Company Limited',
    ]);
    const matcher = compileMatcher([repeated]);
    // 20 distinct branch cores plus the name's core ("Zelvora Trading", which its alias repeats).
    expect(matcher.patEntity.length).toBe(21);
  });
});
