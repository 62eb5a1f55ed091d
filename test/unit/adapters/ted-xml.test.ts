import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { readTedXml } from '@/src/adapters/ted-xml';
import { parseSafeXml, UnsafeXmlError } from '@/src/adapters/xml-tree';
import { tedAdapter, tedXmlUrl, listedPublicationNumbers } from '@/src/adapters/ted';
import { htmlPage } from './pages';

const parser = new DOMParser() as unknown as { parseFromString(text: string, type: string): Document };
const notice = (file: string) => readTedXml(parseSafeXml(readFileSync(new URL(`../../fixtures/ted/${file}`, import.meta.url), 'utf8'), parser));

describe('TED notice XML', () => {
  it('reads the eForms result notice 043489-2024: buyer by ContractingParty, the winner through LotResult, ISO-3 country as alpha-2', () => {
    expect(notice('ted_eforms_can_standard_043489-2024.xml')).toEqual({
      portal: 'ted',
      title: 'Entsorgungsleistungen Schwarzabdichtung Bauvorhaben Senefelder Platz',
      noticeType: 'Contract award notice',
      stage: 'Result',
      buyer: {
        name: 'Berliner Verkehrsbetriebe, Bereich Einkauf/ Materialwirtschaft',
        identifiers: [{ scheme: 'registration', value: '0204:11-2000016000-38' }],
        country: 'DE',
        address: 'Holzmarktstraße 15-17, 10179, Berlin',
      },
      cpv: [{ code8: '90000000', main: true }],
      suppliers: [
        {
          name: 'Dunkel Baustoff-Recycling-Zentrum oHG',
          identifiers: [{ scheme: 'vat', value: 'DE176071460' }],
          country: 'DE',
          address: 'Berliner Str. 4, 16727, Velten',
          role: 'winner',
        },
      ],
      countries: ['DE'],
    });
  });

  it('reads eForms contract notices (Greek, Polish) with their buyer and CPV code and no winner', () => {
    const greek = notice('ted_eforms_cn_subtype16_497181-2023.xml');
    expect(greek).toMatchObject({ noticeType: 'Contract notice', stage: 'Competition', buyer: { name: 'ΕΘΝΙΚΟΣ ΟΡΓΑΝΙΣΜΟΣ ΦΑΡΜΑΚΩΝ', country: 'GR' }, cpv: [{ code8: '30192800', main: true }], suppliers: [] });
    // The publisher wrote the organisation's name in its company-number field: no identifier is made of it.
    expect(greek.buyer?.identifiers).toEqual([]);
    const polish = notice('ted_eforms_cn_subtype17_740039-2023.xml');
    expect(polish).toMatchObject({ buyer: { name: 'MIEJSKIE PRZEDSIĘBIORSTWO KOMUNIKACYJNE SPÓŁKA AKCYJNA W KRAKOWIE', country: 'PL' }, cpv: [{ code8: '34320000', main: true }], suppliers: [] });
  });

  it('reads legacy F03 award 000163-2021: a Spanish winner of a Portuguese contract, with its awarded value', () => {
    expect(notice('ted_r209_F03_award_000163-2021.xml')).toMatchObject({
      title: 'Empreitada de construção do novo Hospital Central do Alentejo',
      noticeType: 'F03: Contract award notice',
      stage: 'Result',
      buyer: { name: 'Administração Regional de Saúde do Alentejo, I. P.', country: 'PT' },
      cpv: [{ code8: '45215100', main: true }],
      suppliers: [{ name: 'Acciona Construcción, S. A.', country: 'ES', role: 'winner', values: [{ amount: 148917509.73, currency: 'EUR' }] }],
      countries: ['PT', 'ES'],
    });
  });

  it('reads the other legacy awards (Polish and Greek) with one winner each', () => {
    expect(notice('ted_r209_F03_award_002705-2021.xml').suppliers.map((s) => s.name)).toEqual(['Tauron Sprzedaż Sp. z o.o.']);
    expect(notice('ted_r209_F03_award_006737-2021.xml').suppliers.map((s) => [s.name.slice(0, 27), s.country])).toEqual([['Ipirotiki Facility Services', 'GR']]);
  });

  it('reads only the ORIGINAL form of a legacy notice, so a translated copy does not count its winner twice', () => {
    const xml = readFileSync(new URL('../../fixtures/ted/ted_r209_F03_award_000163-2021.xml', import.meta.url), 'utf8');
    const original = /<F03_2014 CATEGORY="ORIGINAL"[\s\S]*?<\/F03_2014>/.exec(xml)![0];
    const translation = original.replace('CATEGORY="ORIGINAL"', 'CATEGORY="TRANSLATION"').replace('LG="PT"', 'LG="EN"').replace('Acciona Construcción, S. A.', 'Acciona Construction SA');
    // The translation comes first, as it may in a real export.
    const withTranslation = xml.replace('<FORM_SECTION>', `<FORM_SECTION>${translation}`);
    const reading = readTedXml(parseSafeXml(withTranslation, parser));
    expect(reading.suppliers.map((s) => s.name)).toEqual(['Acciona Construcción, S. A.']);
  });

  it('refuses XML that declares entities (no expansion, no external entities)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><TED_EXPORT>&x;</TED_EXPORT>';
    expect(() => parseSafeXml(bomb, parser)).toThrow(UnsafeXmlError);
  });
});

describe('TED pages', () => {
  it('finds the XML twin of a notice page, on the page own origin', () => {
    expect(tedXmlUrl(new URL('https://ted.europa.eu/de/notice/-/detail/43489-2024'))).toBe('https://ted.europa.eu/en/notice/43489-2024/xml');
    expect(tedXmlUrl(new URL('http://127.0.0.1:8080/ted/en/notice/-/detail/043489-2024'))).toBe('http://127.0.0.1:8080/ted/en/notice/043489-2024/xml');
    expect(tedXmlUrl(new URL('https://ted.europa.eu/en/search/result?FT=x'))).toBeUndefined();
    expect(tedAdapter.matchesUrl(new URL('https://ted.europa.eu/en/notice/-/detail/43489-2024'))).toBe(true);
    expect(tedAdapter.matchesUrl(new URL('https://ted.europa.eu/en/search/result'))).toBe(true);
    expect(tedAdapter.matchesUrl(new URL('https://ted.europa.eu/en/about'))).toBe(false);
  });

  it('lists the notices a search-results page links to', () => {
    const page = htmlPage(`<h1>Search results</h1><a href="/en/notice/-/detail/67623-2022">67623-2022</a>
      <a href="/en/notice/-/detail/67624-2022">67624-2022</a><a href="/en/notice/-/detail/67623-2022">again</a>`);
    expect(listedPublicationNumbers(page)).toEqual(['67623-2022', '67624-2022']);
    expect(tedAdapter.read(page).noticeType).toBe('Search results (2 notices)');
  });
});
