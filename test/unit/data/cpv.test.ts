// Reading CPV codes as notices write them, and matching a notice's code to risk categories through the CPV tree.
import { describe, expect, it } from 'vitest';
import { cpvSignificantDigits, isCpvCodeUnder, normaliseCpvCode, riskCategoriesForCpv } from '@/src/core/cpv';
import type { RiskCategory } from '@/src/core/types';

describe('normaliseCpvCode', () => {
  it.each([
    ['33600000', '33600000'],
    ['33600000-6', '33600000'],
    ['33 60 00 00', '33600000'],
    [' 18424300 ', '18424300'],
    ['03000000-1', '03000000'],
  ])('reads %j as %s', (raw, code) => {
    expect(normaliseCpvCode(raw)).toBe(code);
  });

  it.each(['3360000', '336000000', '33600000-66', '33600000-', '3360000A', 'CPV 33600000', '', 'AA01-1'])(
    'rejects %j',
    (raw) => {
      expect(normaliseCpvCode(raw)).toBeUndefined();
    },
  );
});

describe('the CPV tree', () => {
  it('takes the significant digits from the trailing zeros, keeping at least the division', () => {
    expect(cpvSignificantDigits('18424000')).toBe('18424');
    expect(cpvSignificantDigits('30000000')).toBe('30');
    expect(cpvSignificantDigits('03000000')).toBe('03');
    expect(cpvSignificantDigits('31712331')).toBe('31712331');
  });

  it('knows which code lies under which', () => {
    expect(isCpvCodeUnder('18424300', '18424000')).toBe(true);
    expect(isCpvCodeUnder('18424000', '18424300')).toBe(false);
    expect(isCpvCodeUnder('18424000', '18424000')).toBe(true);
    expect(isCpvCodeUnder('18142000', '18141000')).toBe(false);
    expect(isCpvCodeUnder('30213100', '30000000')).toBe(true);
    expect(isCpvCodeUnder('03111000', '30000000')).toBe(false);
  });
});

describe('riskCategoriesForCpv', () => {
  const category = (id: string, cpvCodes: string[]): RiskCategory => ({ id, label: id, cpvCodes, flagIds: [`flag:${id}`] });
  const gloves = category('gloves', ['18424000', '33141420']);
  const garments = category('garments', ['18100000', '18300000']);
  const ict = category('ict', ['30200000', '32000000']);
  const categories = [gloves, garments, ict];
  const ids = (code: string) => riskCategoriesForCpv(code, categories).map((c) => c.id);

  it('matches a notice code that lies under a category code', () => {
    expect(ids('18424300')).toEqual(['gloves']); // disposable gloves under gloves
    expect(ids('30213100')).toEqual(['ict']); // portable computers under computer equipment
    expect(ids('32250000')).toEqual(['ict']); // mobile telephones under division 32
  });

  it('matches a notice code that is the parent of a category code', () => {
    expect(ids('18400000')).toEqual(['gloves']); // special clothing and accessories contains gloves
    expect(ids('33141400')).toEqual(['gloves']); // "wire-cutter and bistoury; surgical gloves"
  });

  it('matches a whole-division notice code against every category inside the division', () => {
    expect(ids('18000000')).toEqual(['gloves', 'garments']);
    expect(ids('33000000')).toEqual(['gloves']);
  });

  it('matches the same code, with or without its check digit', () => {
    expect(ids('18424000-9')).toEqual(['gloves']);
    expect(ids('18 42 40 00')).toEqual(['gloves']);
  });

  it('does not match siblings or unrelated codes', () => {
    expect(ids('18425000')).toEqual([]); // belts, beside gloves
    expect(ids('18200000')).toEqual([]); // outerwear, beside occupational clothing and garments
    expect(ids('45000000')).toEqual([]);
    expect(ids('30100000')).toEqual([]); // office machinery, beside computer equipment
  });

  it('returns nothing for a malformed code', () => {
    expect(ids('18')).toEqual([]);
    expect(ids('not a code')).toEqual([]);
  });
});
