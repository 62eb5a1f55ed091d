// The name automaton: word boundaries, leftmost-longest, overlaps, offsets into the original text, CJK runs.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '@/src/matcher';
import { entity } from './entity-fixtures';

describe('name automaton', () => {
  const matcher = compileMatcher([
    entity('amgen', 'Amgen Inc.'),
    entity('gcl-short', 'Xinjiang GCL New Energy'),
    entity('gcl-long', 'Xinjiang GCL New Energy Material Technology Co., Ltd.'),
    entity('energy-material', 'Energy Material Technology Partners'),
    entity('east-hope', 'Xinjiang East Hope&Nonferrous Metals Co., Ltd.'),
    entity('camel-cn', '骆驼集团股份有限公司'),
  ]);
  const hits = (text: string) => findMentions(matcher, text).map((m) => [m.entityId, m.text]);

  it('respects word boundaries: "Amgen" does not match inside "Pamgenix" or "Amgenics"', () => {
    expect(hits('Pamgenix and Amgenics are not Amgen.')).toEqual([['amgen', 'Amgen']]);
  });
  it('prefers the leftmost, then the longest match', () => {
    expect(hits('Xinjiang GCL New Energy Material Technology Co., Ltd.')).toEqual([
      ['gcl-long', 'Xinjiang GCL New Energy Material Technology Co., Ltd.'],
    ]);
    expect(hits('Xinjiang GCL New Energy Materials')).toEqual([['gcl-short', 'Xinjiang GCL New Energy']]);
  });
  it('does not report a match overlapping an earlier one', () => {
    // "Energy Material Technology Partners" starts inside the longer GCL name, which wins.
    expect(hits('Xinjiang GCL New Energy Material Technology Partners').map(([id]) => id)).not.toContain('energy-material');
  });
  it('never joins names across lines or blocks', () => {
    expect(hits('Xinjiang GCL\nNew Energy')).toEqual([]);
  });
  it('gives UTF-16 offsets into the original text, whatever the normalisation changed', () => {
    const text = '🙂 Ｘｉｎｊｉａｎｇ  East Hope & Nonferrous Metals CO.,LTD!';
    const [mention] = findMentions(matcher, text);
    expect(mention).toBeDefined();
    expect(text.slice(mention!.start, mention!.end)).toBe(mention!.text);
    expect(mention!.text).toBe('Ｘｉｎｊｉａｎｇ  East Hope & Nonferrous Metals CO.,LTD');
  });
  it('matches CJK names as character runs, with offsets', () => {
    const text = '中标供应商：骆驼集团股份有限公司（湖北）';
    const [mention] = findMentions(matcher, text);
    expect(mention).toMatchObject({ entityId: 'camel-cn', text: '骆驼集团股份有限公司', start: 6, end: 16 });
  });
  it('finds nothing in text without any listed word (the common case)', () => {
    expect(hits('The contracting authority awarded the framework for adalimumab injections to five suppliers.')).toEqual([]);
  });
});
