import { describe, expect, it } from 'vitest';
import { cpvCheckDigit, isCpvShaped, parseLabelledCpv } from '@/src/adapters/cpv-code';

describe('CPV code shape and check digit', () => {
  it('accepts codes of CPV 2008 and rejects numbers outside its divisions or hierarchy', () => {
    for (const code of ['03000000', '18113000', '30191400', '33600000', '33690000', '45000000', '98500000']) {
      expect(isCpvShaped(code), code).toBe(true);
    }
    // Division 02 and 20 do not exist; 33600100 has a digit after a zero; wrong lengths and non-digits.
    for (const code of ['02079460', '20230314', '33600100', '3360000', '336000000', '3360000a', '']) {
      expect(isCpvShaped(code), code).toBe(false);
    }
  });

  it('computes the check digit published with CPV 2008 codes', () => {
    // Pairs from the CPV 2008 main vocabulary (Regulation (EC) No 213/2008).
    const official: [string, number][] = [
      ['03000000', 1], ['03111900', 1], ['18113000', 4], ['18114000', 1], ['30191400', 8], ['33600000', 6], ['33690000', 3],
    ];
    for (const [code, check] of official) expect(cpvCheckDigit(code), code).toBe(check);
    // Some blocks kept other digits: the formula does not give the published 09100000-0 ("Fuels").
    expect(cpvCheckDigit('09100000')).not.toBe(0);
  });
});

describe('parseLabelledCpv', () => {
  it('reads a code with its label in either order, with or without check digit', () => {
    expect(parseLabelledCpv('33600000 - Pharmaceutical products')).toEqual({ code8: '33600000', label: 'Pharmaceutical products' });
    expect(parseLabelledCpv('Pharmaceutical products - 33600000')).toEqual({ code8: '33600000', label: 'Pharmaceutical products' });
    expect(parseLabelledCpv('  33600000-6   Pharmaceutical\n products ')).toEqual({ code8: '33600000', checkDigit: 6, label: 'Pharmaceutical products' });
    expect(parseLabelledCpv('33600000')).toEqual({ code8: '33600000' });
    expect(parseLabelledCpv('33600000 – 1234')).toEqual({ code8: '33600000' });
  });

  it('rejects items without a CPV-shaped code', () => {
    expect(parseLabelledCpv('UK - United Kingdom')).toBeUndefined();
    expect(parseLabelledCpv('12345678 - Something')).toBeUndefined();
    expect(parseLabelledCpv('Lot 2 - CM/PHR/22/5660/02')).toBeUndefined();
    expect(parseLabelledCpv('')).toBeUndefined();
  });
});
