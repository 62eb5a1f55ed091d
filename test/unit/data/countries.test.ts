// Country names, ISO alpha-3 codes and local spellings → ISO 3166-1 alpha-2, as lists and portals write them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCountryCodes, countryName, isCountryCode, toCountryCode } from '@/src/core/countries';
import { readCsvTable } from '@/src/data/csv';

const ilabCsv = readFileSync(new URL('../../../src/data/sources/ilab/ilab_tvpra_goods_2022.csv', import.meta.url), 'utf8');

describe('toCountryCode', () => {
  it('maps every one of the 78 countries of the ILAB goods list', () => {
    const table = readCsvTable(ilabCsv, { fileName: 'ilab_tvpra_goods_2022.csv' });
    const names = [...new Set(table.rows.map((row) => row.get('country')))];
    expect(names).toHaveLength(78);
    const unmapped = names.filter((name) => toCountryCode(name) === undefined);
    expect(unmapped).toEqual([]);
    // Different names never collapse into one code.
    expect(new Set(names.map((name) => toCountryCode(name))).size).toBe(78);
  });

  it.each([
    ['Congo, Democratic Republic of the', 'CD'],
    ['Congo, Republic of the', 'CG'],
    ['Korea, North', 'KP'],
    ['North Korea', 'KP'],
    ['Korea, South', 'KR'],
    ['Burma', 'MM'],
    ['Myanmar', 'MM'],
    ['Turkey (Türkiye)', 'TR'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['Kyrgyz Republic', 'KG'],
    ['Eswatini', 'SZ'],
    ['Taiwan', 'TW'],
    ['The Gambia', 'GM'],
    ['West Bank and the Gaza Strip', 'PS'],
    ['Saint Helena, Ascension, and Tristan da Cunha', 'SH'],
    ['Falkland Islands (Islas Malvinas)', 'FK'],
  ])('reads the ILAB-style name %s as %s', (name, code) => {
    expect(toCountryCode(name)).toBe(code);
  });

  it.each([
    ['DEU', 'DE'],
    ['GRC', 'GR'],
    ['POL', 'PL'],
    ['FRA', 'FR'],
    ['GBR', 'GB'],
    ['ESP', 'ES'],
    ['CHN', 'CN'],
    ['COD', 'CD'],
    ['deu', 'DE'],
  ])('reads the ISO alpha-3 code %s (as eForms writes countries) as %s', (alpha3, code) => {
    expect(toCountryCode(alpha3)).toBe(code);
  });

  it.each([
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['GB', 'GB'],
    ['Great Britain', 'GB'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['Germany', 'DE'],
    ['  germany  ', 'DE'],
    ['Russian Federation', 'RU'],
    ['Viet Nam', 'VN'],
    ['Czech Republic', 'CZ'],
    ['EL', 'GR'],
    ['cn', 'CN'],
  ])('reads the common name or code %s as %s', (name, code) => {
    expect(toCountryCode(name)).toBe(code);
  });

  it.each([
    ['Deutschland', 'DE'],
    ['Ελλάδα', 'GR'],
    ['España', 'ES'],
    ['Polska', 'PL'],
    ['Česká republika', 'CZ'],
    ['Perú', 'PE'],
    ['México', 'MX'],
  ])('reads the local spelling %s as %s', (name, code) => {
    expect(toCountryCode(name)).toBe(code);
  });

  it('gives no code for text that names no single country', () => {
    for (const text of ['', '   ', 'Korea', 'ZZ', 'XYZ', 'Europe', 'Nowhere Republic', 'Region of Europe']) {
      expect(toCountryCode(text), text).toBeUndefined();
    }
  });
});

describe('countryName and the code table', () => {
  it('names codes in English and returns undefined for unknown ones', () => {
    expect(countryName('CD')).toBe('Democratic Republic of the Congo');
    expect(countryName('mm')).toBe('Myanmar');
    expect(countryName('ZZ')).toBeUndefined();
  });

  it('has the 249 ISO 3166-1 codes plus Kosovo, and every name maps back to its code', () => {
    const codes = allCountryCodes();
    expect(codes).toHaveLength(250);
    for (const code of codes) {
      expect(isCountryCode(code)).toBe(true);
      expect(toCountryCode(countryName(code)!), code).toBe(code);
      expect(toCountryCode(code)).toBe(code);
    }
    expect(isCountryCode('cn')).toBe(false);
  });
});

describe('toCountryCode: official long forms and other spellings in the six interface languages', () => {
  it.each([
    ['Volksrepublik China', 'CN'], ['République populaire de Chine', 'CN'], ['Volksrepubliek China', 'CN'],
    ['República Popular China', 'CN'], ['Folkrepubliken Kina', 'CN'], ["People's Republic of China", 'CN'], ['P.R. China', 'CN'],
    ['Türkei', 'TR'], ['Türkiye', 'TR'], ['Republik Türkei', 'TR'], ['Turquie', 'TR'], ['Turkije', 'TR'],
    ['Viet Nam', 'VN'], ['Sozialistische Republik Vietnam', 'VN'], ['Viêt Nam', 'VN'],
    ['Korea, Republic of', 'KR'], ['Republik Korea', 'KR'], ['République de Corée', 'KR'], ['Republiken Korea', 'KR'],
    ['Czechia', 'CZ'], ['Tschechien', 'CZ'], ['Tschechische Republik', 'CZ'], ['République tchèque', 'CZ'], ['República Checa', 'CZ'],
    ["Côte d'Ivoire", 'CI'], ['Côte-d’Ivoire', 'CI'], ['Elfenbeinküste', 'CI'], ['Costa de Marfil', 'CI'], ['Ivoorkust', 'CI'], ['Elfenbenskusten', 'CI'],
    ['Hongkong', 'HK'], ['Russische Föderation', 'RU'], ['Fédération de Russie', 'RU'], ['Estados Unidos de América', 'US'],
    ['Förenta staterna', 'US'], ['Bundesrepublik Deutschland', 'DE'], ['Koninkrijk België', 'BE'], ['Republiek Indonesië', 'ID'],
  ])('"%s" is %s', (name, code) => {
    expect(toCountryCode(name)).toBe(code);
  });

  it('keeps the two Koreas and the two Chinas apart', () => {
    expect(toCountryCode('Demokratische Volksrepublik Korea')).toBe('KP');
    expect(toCountryCode('Republik China')).toBe('TW');
    expect(toCountryCode('Volksrepublik China')).toBe('CN');
  });
});
