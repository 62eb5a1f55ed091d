// Page analysis helpers: where a CPV code is printed, and how a category's evidence is told.
import { describe, expect, it } from 'vitest';
import { describeProductFlags, findCpvAnchors } from '../../../src/core/analyse-page';
import type { Flag } from '../../../src/core/types';

const slice = (text: string, code: string) => findCpvAnchors(text, code).map((a) => text.slice(a.start, a.end));

describe('findCpvAnchors', () => {
  it('covers the code with its check digit and the label after it, up to the end of the line', () => {
    expect(slice('Main CPV code\n33600000 - Pharmaceutical products\nType', '33600000')).toEqual(['33600000 - Pharmaceutical products']);
    expect(slice('CPV 33600000-6 – Pharmaceutical products', '33600000')).toEqual(['33600000-6 – Pharmaceutical products']);
  });

  it('stops at the code when a label comes before it (Contracts Finder writes "Label - code")', () => {
    expect(slice('Pharmaceutical products - 33600000\nLocation', '33600000')).toEqual(['33600000']);
  });

  it('never matches inside a longer number', () => {
    expect(slice('Ref 1336000001 and 336000009', '33600000')).toEqual([]);
    expect(slice('tel 0033600000', '33600000')).toEqual([]);
  });
});

describe('describeProductFlags', () => {
  const flag = (product: string, type: Flag['type'], country?: string): Flag => ({
    id: `${product}:${type}:${country}`, sourceId: 's', listVersion: '1', type, product, ...(country ? { country } : {}), evidenceUrl: 'https://example.org',
  });

  it('groups by product and labour type, with country names', () => {
    expect(describeProductFlags([flag('Gloves', 'forced_labour', 'CN'), flag('Rubber Gloves', 'forced_labour', 'MY'), flag('Rubber Gloves', 'child_labour', 'MY')])).toBe(
      'Gloves: forced labour in China. Rubber Gloves: forced labour in Malaysia; child labour in Malaysia.',
    );
  });

  it('says how many products it left out', () => {
    const many = Array.from({ length: 8 }, (_, i) => flag(`Good ${i}`, 'child_labour', 'IN'));
    expect(describeProductFlags(many, 6)).toMatch(/And 2 more listed products\.$/);
  });
});
