import { describe, expect, it } from 'vitest';
import { classification, normaliseNaics, normalisePsc, normaliseUnspsc } from '@/src/adapters/classification-codes';

describe('product and service codes', () => {
  it('writes UNSPSC codes as 8-digit commodities, whatever form the portal printed', () => {
    expect(normaliseUnspsc('V1.81111800')).toBe('81111800');
    expect(normaliseUnspsc('1.80111500')).toBe('80111500');
    expect(normaliseUnspsc('801116')).toBe('80111600');
    expect(normaliseUnspsc('8011')).toBe('80110000');
    expect(normaliseUnspsc('1.8011000')).toBe('80110000');
    expect(normaliseUnspsc('43211500')).toBe('43211500');
  });

  it('leaves out what is not a UNSPSC code', () => {
    expect(normaliseUnspsc('')).toBeUndefined();
    expect(normaliseUnspsc('05111500')).toBeUndefined(); // no segment 05
    expect(normaliseUnspsc('801')).toBeUndefined();
    expect(normaliseUnspsc('HORNO')).toBeUndefined();
  });

  it('reads NAICS (2–6 digits of a real sector) and PSC (4 digits, or a letter and 3 characters)', () => {
    expect(normaliseNaics('561320')).toBe('561320');
    expect(normaliseNaics('33')).toBe('33');
    expect(normaliseNaics('991234')).toBeUndefined();
    expect(normalisePsc('5850')).toBe('5850');
    expect(normalisePsc('q999')).toBe('Q999');
    expect(normalisePsc('Z2AA')).toBe('Z2AA');
    expect(normalisePsc('Q99')).toBeUndefined();
    expect(classification('unspsc', 'V1.81111800', ' Ingeniería  de software ')).toEqual({ scheme: 'unspsc', code: '81111800', label: 'Ingeniería de software' });
  });
});
