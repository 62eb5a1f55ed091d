import { describe, expect, it } from 'vitest';
import { companiesHouseNumber, referenceIdentifier, registrationIdentifier } from '@/src/adapters/party-identifiers';

describe('party identifiers', () => {
  it('pads Companies House numbers to 8 characters and keeps prefixed ones', () => {
    expect(companiesHouseNumber('2354269')).toBe('02354269');
    expect(companiesHouseNumber(' 08004972 ')).toBe('08004972');
    expect(companiesHouseNumber('sc123456')).toBe('SC123456');
    expect(companiesHouseNumber('0')).toBeUndefined();
    expect(companiesHouseNumber('123456789')).toBeUndefined();
    expect(companiesHouseNumber('HRB 12345')).toBeUndefined();
  });

  it('reads a national registration number as Companies House only for UK parties', () => {
    expect(registrationIdentifier('2182135', 'GB')).toEqual({ scheme: 'gb-coh', value: '02182135' });
    expect(registrationIdentifier('2182135', 'IE')).toEqual({ scheme: 'registration', value: '2182135' });
    expect(registrationIdentifier('Charity 1234', 'GB')).toEqual({ scheme: 'registration', value: 'Charity 1234' });
    expect(registrationIdentifier('  ', 'GB')).toBeUndefined();
  });

  it('reads labelled references', () => {
    expect(referenceIdentifier('Companies House number: 1558756')).toEqual({ scheme: 'gb-coh', value: '01558756' });
    expect(referenceIdentifier('DUNS number: 12-345-6789')).toEqual({ scheme: 'duns', value: '123456789' });
    expect(referenceIdentifier('Companies House number: not known')).toBeUndefined();
    expect(referenceIdentifier('Charity number: 1100001')).toEqual({ scheme: 'registration', value: 'Charity number: 1100001' });
    expect(referenceIdentifier('')).toBeUndefined();
  });
});
