// Identifiers: validators with valid and invalid check digits or formats, and identifier matches in page text.
import { describe, expect, it } from 'vitest';
import {
  canonicalIdentifier, compileMatcher, findMentions, isValidCage, isValidDuns, isValidEuVat, isValidLei, isValidOsId,
  isValidUei, isValidUkCompanyNumber,
} from '@/src/matcher';
import { entity } from './entity-fixtures';

describe('identifier validators', () => {
  it('LEI: ISO 17442 mod-97 check digits', () => {
    expect(isValidLei('7LTWFZYICNSX8D621K86')).toBe(true);
    expect(isValidLei('529900T8BM49AURSDO55')).toBe(true);
    expect(isValidLei('7LTWFZYICNSX8D621K87')).toBe(false); // one check digit off
    expect(isValidLei('7LTWFZYICNSX8D621K8')).toBe(false); // 19 characters
    expect(isValidLei('7LTWFZYICNSX8D621KAB')).toBe(false); // check digits must be digits
  });
  it('EU VAT: country prefix and that country\'s format', () => {
    expect(isValidEuVat('DE136695976')).toBe(true);
    expect(isValidEuVat('NL123456789B01')).toBe(true);
    expect(isValidEuVat('ATU12345678')).toBe(true);
    expect(isValidEuVat('DE13669597')).toBe(false);
    expect(isValidEuVat('NL123456789X01')).toBe(false);
    expect(isValidEuVat('US123456789')).toBe(false);
    expect(canonicalIdentifier('vat', 'GR 094 014 201')).toBe('EL094014201');
  });
  it('UK company numbers: 8 characters, bare 7 digits padded', () => {
    expect(isValidUkCompanyNumber('02354269')).toBe(true);
    expect(isValidUkCompanyNumber('SC123456')).toBe(true);
    expect(isValidUkCompanyNumber('2354269')).toBe(false);
    expect(isValidUkCompanyNumber('XX123456')).toBe(false);
    expect(canonicalIdentifier('gb-coh', '2354269')).toBe('02354269');
  });
  it('UEI, CAGE, DUNS and Open Supply Hub IDs', () => {
    expect(isValidUei('M52TNV23BGX4')).toBe(true);
    expect(isValidUei('M52TNV23BGXO')).toBe(false); // no letter O
    expect(isValidUei('052TNV23BGX4')).toBe(false); // no leading zero
    expect(isValidCage('1ABC5')).toBe(true);
    expect(isValidCage('1ABI5')).toBe(false);
    expect(isValidDuns('123456789')).toBe(true);
    expect(isValidDuns('12345678')).toBe(false);
    expect(canonicalIdentifier('duns', '12-345-6789')).toBe('123456789');
    expect(isValidOsId('BD2021113R7R87P')).toBe(true);
    expect(isValidOsId('BD2021413R7R87P')).toBe(false); // day 413
    expect(isValidOsId('BD20211R7R87P')).toBe(false);
  });
});

describe('identifiers in page text', () => {
  const matcher = compileMatcher([
    entity('amgen-ltd', 'Amgen Limited', { identifiers: [{ scheme: 'gb-coh', value: '02354269' }] }),
    entity('db', 'Deutsche Bank AG', { identifiers: [{ scheme: 'lei', value: '7LTWFZYICNSX8D621K86' }, { scheme: 'vat', value: 'DE 811 128 135' }] }),
    entity('zala', 'ZALA AERO GROUP', { identifiers: [{ scheme: 'uei', value: 'M52TNV23BGX4' }, { scheme: 'duns', value: '12-345-6789' }] }),
    entity('factory', 'Example Knit Composite', { identifiers: [{ scheme: 'os-id', value: 'BD2021113R7R87P' }] }),
    entity('bad-lei', 'Broken Check Digit Holdings', { identifiers: [{ scheme: 'lei', value: '7LTWFZYICNSX8D621K87' }] }),
  ]);
  const ids = (text: string) => findMentions(matcher, text).filter((m) => m.nameKind === 'identifier');

  it('finds an LEI even when the page names the company differently: high confidence', () => {
    const [mention] = ids('Awarded to DB Frankfurt (LEI 7LTWFZYICNSX8D621K86).');
    expect(mention).toMatchObject({ entityId: 'db', text: '7LTWFZYICNSX8D621K86', confidence: 'high', rule: 'identifier:lei' });
    expect(mention!.reason).toContain('LEI');
  });
  it('does not index identifiers that fail their check', () => {
    expect(ids('LEI 7LTWFZYICNSX8D621K87')).toEqual([]);
  });
  it('reads a bare 7-digit company number as the 8-digit one, high when labelled', () => {
    const [mention] = ids('National registration number\n2354269');
    expect(mention).toMatchObject({ entityId: 'amgen-ltd', text: '2354269', matchedName: '02354269', confidence: 'high', rule: 'identifier:gb-coh' });
  });
  it('reads labels in the portals\' languages: ИНН, NIP, Nr., numéro', () => {
    for (const text of ['ИНН 02354269', 'NIP: 02354269', 'Handelsregister Nr. 02354269', 'numéro 02354269', '统一社会信用代码：02354269']) {
      expect(ids(text), text).toMatchObject([{ entityId: 'amgen-ltd', confidence: 'high' }]);
    }
  });
  it('keeps plain numbers without a label at review', () => {
    const [mention] = ids('Lot total 02354269 units');
    expect(mention).toMatchObject({ entityId: 'amgen-ltd', confidence: 'review' });
  });
  it('joins VAT numbers and DUNS written in groups', () => {
    expect(ids('VAT: DE 811 128 135')).toMatchObject([{ entityId: 'db', text: 'DE 811 128 135', rule: 'identifier:vat', confidence: 'high' }]);
    expect(ids('D-U-N-S 12-345-6789')).toMatchObject([{ entityId: 'zala', text: '12-345-6789', rule: 'identifier:duns', confidence: 'high' }]);
  });
  it('finds UEI and OS ID, but not inside longer codes', () => {
    expect(ids('UEI M52TNV23BGX4; facility BD2021113R7R87P').map((m) => m.entityId)).toEqual(['zala', 'factory']);
    expect(ids('ref XM52TNV23BGX4 and BD2021113R7R87PX')).toEqual([]);
  });
});
