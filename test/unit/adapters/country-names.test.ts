import { describe, expect, it } from 'vitest';
import { countryFromName, countryFromNutsCode } from '@/src/adapters/country-names';

describe('country names', () => {
  it('maps printed names, UK nations and common variants to ISO alpha-2', () => {
    const cases: [string, string][] = [
      ['United Kingdom', 'GB'], ['England', 'GB'], ['  northern   ireland ', 'GB'], ['Germany', 'DE'], ['China', 'CN'],
      ['Côte d’Ivoire', 'CI'], ["Cote d'Ivoire", 'CI'], ['Türkiye', 'TR'], ['Turkey', 'TR'], ['United States of America', 'US'],
      ['Bosnia and Herzegovina', 'BA'], ['Viet Nam', 'VN'], ['UK', 'GB'], ['USA', 'US'],
    ];
    for (const [name, code] of cases) expect(countryFromName(name), name).toBe(code);
  });

  it('does not invent countries', () => {
    for (const name of ['Hatfield', 'European Union', 'No', 'In', 'Can', '', 'x'.repeat(500)]) {
      expect(countryFromName(name), name).toBeUndefined();
    }
  });

  it('reads the country of NUTS codes, including the UK and EL prefixes', () => {
    expect(countryFromNutsCode('UK - United Kingdom')).toBe('GB');
    expect(countryFromNutsCode('UKI3 - Inner London - West')).toBe('GB');
    expect(countryFromNutsCode('EL30')).toBe('GR');
    expect(countryFromNutsCode('DE300')).toBe('DE');
    expect(countryFromNutsCode('SL6 4AY')).toBeUndefined();
    expect(countryFromNutsCode('ZZ - nowhere')).toBeUndefined();
    expect(countryFromNutsCode('Please refer to Document No. 03')).toBeUndefined();
  });
});
