import { describe, expect, it } from 'vitest';
import { findCpvCodesInText } from '@/src/adapters/cpv-in-text';

describe('findCpvCodesInText', () => {
  it('accepts a code where the word CPV governs it, on its line or in a heading above a list of codes', () => {
    expect(findCpvCodesInText('CPV: 33600000')).toEqual([{ code8: '33600000', main: false }]);
    expect(findCpvCodesInText('CPV codes: 33600000-6, 33690000-3 Various medicinal products')).toEqual([
      { code8: '33600000', main: false },
      { code8: '33690000', label: 'Various medicinal products', main: false },
    ]);
    expect(findCpvCodesInText('Main CPV code\n33600000 - Pharmaceutical products\nAdditional CPV codes\n33690000 - Various medicinal products')).toEqual([
      { code8: '33600000', label: 'Pharmaceutical products', main: true },
      { code8: '33690000', label: 'Various medicinal products', main: false },
    ]);
  });

  it('accepts a code printed with its label, before or after it', () => {
    expect(findCpvCodesInText('Industry\nPharmaceutical products - 33600000')).toEqual([
      { code8: '33600000', label: 'Pharmaceutical products', main: false },
    ]);
    expect(findCpvCodesInText('18113000-4\tIndustrial clothing')).toEqual([{ code8: '18113000', label: 'Industrial clothing', main: false }]);
    expect(findCpvCodesInText('18113000-4 Industrial clothing')).toEqual([{ code8: '18113000', label: 'Industrial clothing', main: false }]);
  });

  it('trusts a wrong check digit only where CPV is named', () => {
    expect(findCpvCodesInText('33600000-8 Pharmaceutical products')).toEqual([]);
    expect(findCpvCodesInText('33600000-8 - Pharmaceutical products')).toEqual([]);
    expect(findCpvCodesInText('CPV 42100000-0')).toEqual([{ code8: '42100000', main: false }]);
  });

  it('rejects numbers that are not CPV codes or lack context', () => {
    const notCodes = [
      'Tel: 33600000 - reception', 'Fax: 45000000 - office', 'Call 33600000', 'Some text 33600000 more', '20230314 - Date',
      '12345678 - Label', 'ref33600000 - x', '33600000x - y', '33600000-80 - z', '1.33600000 - a', 'ABC-33600000 - b',
      'Order no 33600000 - Drugs', 'VAT 33600000 - Example', 'Industrial clothing\t18113000', '336000001 - Long',
    ];
    for (const text of notCodes) expect(findCpvCodesInText(text), text).toEqual([]);
  });

  it('stops a heading from governing lines after an unrelated paragraph', () => {
    expect(findCpvCodesInText('CPV codes\nWe are closed on public holidays, see the list below.\n33600000')).toEqual([]);
  });

  it('lists each code once and stays fast on a page that repeats a code', () => {
    const repeated = 'CPV 33600000 - Drugs; '.repeat(200_000);
    const started = Date.now();
    expect(findCpvCodesInText(repeated)).toEqual([{ code8: '33600000', label: 'Drugs', main: false }]);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
