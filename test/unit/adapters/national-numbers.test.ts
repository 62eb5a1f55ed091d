import { describe, expect, it } from 'vitest';
import { belgianEnterpriseNumber, chileanRut, formatEnterpriseNumber, leadingRut } from '@/src/adapters/national-numbers';

describe('Belgian enterprise numbers (KBO/BCE)', () => {
  it('reads the printed forms into the VAT identifier when the check digits agree', () => {
    // 0417.497.106: 97 - (4174971 mod 97) = 6.
    for (const text of ['0417.497.106', '0417 497 106', 'BE 0417.497.106', 'BE0417497106', 'be0417497106', '417.497.106']) {
      expect(belgianEnterpriseNumber(text)).toEqual({ scheme: 'vat', value: 'BE0417497106' });
    }
    expect(formatEnterpriseNumber('BE0417497106')).toBe('0417.497.106');
  });

  it('refuses a wrong check digit, other lengths, an all-zero body and long text', () => {
    for (const text of ['0417.497.107', '0417.497.10', '04174971066', '0000.000.097', 'BE 0417.497.106 and more text', '']) {
      expect(belgianEnterpriseNumber(text)).toBeUndefined();
    }
  });
});

describe('Chilean RUT', () => {
  it('reads a RUT with its check digit, with or without dots, and writes it the Chilean way', () => {
    expect(chileanRut('76.012.551-2')).toEqual({ scheme: 'registration', value: '76.012.551-2' });
    expect(chileanRut('76012551-2')).toEqual({ scheme: 'registration', value: '76.012.551-2' });
    expect(chileanRut('61.608.006-7')).toEqual({ scheme: 'registration', value: '61.608.006-7' });
    // A check digit of 10 is written K.
    expect(chileanRut('10.000.013-k')).toEqual({ scheme: 'registration', value: '10.000.013-K' });
  });

  it('refuses a wrong check digit and numbers without the hyphen before it', () => {
    for (const text of ['76.012.551-3', '760125512', '76.012.551', 'K-1', '1234567890-1', '']) expect(chileanRut(text)).toBeUndefined();
  });

  it('splits a bidder line into its RUT and name; a RUT with a wrong check digit is dropped, not kept as a name', () => {
    expect(leadingRut('76.012.551-2 IMPORTADORA MEGA MARKET LIMITADA')).toEqual({ rut: { scheme: 'registration', value: '76.012.551-2' }, rest: 'IMPORTADORA MEGA MARKET LIMITADA' });
    expect(leadingRut('76.012.551-9 IMPORTADORA MEGA MARKET LIMITADA')).toEqual({ rest: 'IMPORTADORA MEGA MARKET LIMITADA' });
    expect(leadingRut('Camel Group Co., Ltd.')).toEqual({ rest: 'Camel Group Co., Ltd.' });
  });
});
