import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { belgianAmount, belgiumEprocurementAdapter } from '@/src/adapters/belgium-eprocurement';
import { pickAdapter, readNotice } from '@/src/adapters';
import { htmlPage } from './pages';

const fixture = (name: string) =>
  parseHTML(readFileSync(new URL(`../../fixtures/belgium/${name}`, import.meta.url), 'utf8')).document as unknown as Document;
const WORKSPACE = 'https://www.publicprocurement.be/publication-workspaces/cde195bc-c647-4792-8859-19a853a0339b/general';

/** A rendered workspace with the given label/value pairs, in the fixtures' markup. */
const workspace = (title: string, ...sections: [string, string][][]) =>
  htmlPage(
    `<main><h1>${title}</h1>${sections
      .map((pairs) => `<section><dl>${pairs.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('')}</dl></section>`)
      .join('')}</main>`,
  );

describe('Belgian e-Procurement publication workspace', () => {
  it('is chosen by the workspace address, in any language prefix, and by a copy declaring that address', () => {
    const doc = fixture('be_award_fr_illustrative.html');
    expect(pickAdapter(WORKSPACE, htmlPage(''))).toBe(belgiumEprocurementAdapter);
    expect(pickAdapter('https://www.publicprocurement.be/nl/publication-workspaces/cde195bc-c647-4792-8859-19a853a0339b/documents', htmlPage(''))).toBe(belgiumEprocurementAdapter);
    expect(pickAdapter('http://127.0.0.1:8080/publication-workspaces/7d2c4e1a/general', doc)).toBe(belgiumEprocurementAdapter);
    // The search page and other sites are not workspaces.
    expect(pickAdapter('https://www.publicprocurement.be/publication-workspaces', htmlPage('')).id).toBe('generic');
    expect(pickAdapter('https://www.publicprocurement.be.example.com/publication-workspaces/x/general', htmlPage('')).id).toBe('generic');
  });

  it('reads the French award notice: buyer with enterprise number, type, status, CPV codes, each lot winner and the tenderers', () => {
    expect(readNotice(fixture('be_award_fr_illustrative.html'), 'file:///be_award_fr_illustrative.html')).toEqual({
      portal: 'belgium-eprocurement',
      title: 'Fourniture et pose de panneaux photovoltaïques sur les bâtiments communaux',
      noticeType: "Avis d'attribution de marché",
      stage: 'Attribué',
      buyer: { name: 'Régie communale autonome de Val-Mosan', identifiers: [{ scheme: 'vat', value: 'BE0712345630' }], country: 'BE' },
      cpv: [
        { code8: '09331200', label: 'Modules solaires photovoltaïques', main: true },
        { code8: '45261215', label: 'Travaux de couverture de panneaux solaires', main: false },
        { code8: '09332000', label: 'Installation solaire', main: false },
      ],
      suppliers: [
        { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', identifiers: [], country: 'CN', role: 'winner', values: [{ amount: 412560, currency: 'EUR', lot: 'Lot 1 : Modules photovoltaïques' }] },
        { name: 'Solartech Wallonie SA', identifiers: [{ scheme: 'vat', value: 'BE0834567808' }], country: 'BE', role: 'winner', values: [{ amount: 188240.5, currency: 'EUR', lot: 'Lot 2 : Pose et raccordement' }] },
        { name: 'Énergies Mosanes SRL', identifiers: [], role: 'bidder' },
      ],
      countries: ['BE', 'CN'],
    });
  });

  it('reads the Dutch award notice with the Dutch labels', () => {
    const reading = readNotice(fixture('be_award_nl_illustrative.html'), 'file:///be_award_nl_illustrative.html');
    expect(reading).toMatchObject({
      portal: 'belgium-eprocurement',
      noticeType: 'Aankondiging van gegunde opdracht',
      stage: 'Gegund',
      buyer: { name: 'Autonoom Gemeentebedrijf Scheldevallei', identifiers: [{ scheme: 'vat', value: 'BE0698765432' }], country: 'BE' },
      cpv: [{ code8: '31440000', label: 'Batterijen', main: true }, { code8: '31431000', label: "Loodaccu's", main: false }],
    });
    expect(reading.suppliers).toEqual([
      { name: 'Camel Group Co., Ltd.', identifiers: [], country: 'CN', role: 'winner', values: [{ amount: 96480, currency: 'EUR', lot: 'Perceel 1: Tractiebatterijen voor veegmachines' }] },
      { name: 'Batterijcentrale Vlaanderen NV', identifiers: [{ scheme: 'vat', value: 'BE0745612373' }], country: 'BE', role: 'winner', values: [{ amount: 31275, currency: 'EUR', lot: 'Perceel 2: Startbatterijen' }] },
    ]);
  });

  it('reads the German and English labels too', () => {
    const german = workspace(
      'Lieferung von Streusalz',
      [['Öffentlicher Auftraggeber', 'Gemeinde Beispielkirchen'], ['Unternehmensnummer', '0812.398.754'], ['Art der Bekanntmachung', 'Bekanntmachung vergebener Aufträge'], ['Status', 'Vergeben'], ['Haupt-CPV-Code', '34927100 - Streusalz']],
      [['Los', 'Los 1'], ['Auftragnehmer', 'Salzhandel Ostbelgien AG'], ['Unternehmensnummer', 'BE 0712.345.630'], ['Land', 'Belgien'], ['Auftragswert', '45.000,00 EUR']],
    );
    expect(belgiumEprocurementAdapter.read(german)).toMatchObject({
      buyer: { name: 'Gemeinde Beispielkirchen', identifiers: [{ scheme: 'vat', value: 'BE0812398754' }] },
      noticeType: 'Bekanntmachung vergebener Aufträge',
      stage: 'Vergeben',
      cpv: [{ code8: '34927100', label: 'Streusalz', main: true }],
      suppliers: [{ name: 'Salzhandel Ostbelgien AG', identifiers: [{ scheme: 'vat', value: 'BE0712345630' }], country: 'BE', role: 'winner', values: [{ amount: 45000, currency: 'EUR', lot: 'Los 1' }] }],
    });
    const english = workspace(
      'Cleaning services',
      [['Contracting authority', 'Example Intermunicipal Association'], ['Notice type', 'Contract award notice'], ['Main CPV code', '90910000 - Cleaning services']],
      [['Winner', 'Shine Cleaning BV'], ['Enterprise number', '0745.612.373'], ['Country', 'Belgium'], ['Value', 'EUR 1,234,567.89']],
    );
    expect(belgiumEprocurementAdapter.read(english)).toMatchObject({
      buyer: { name: 'Example Intermunicipal Association', country: 'BE' },
      noticeType: 'Contract award notice',
      cpv: [{ code8: '90910000', main: true }],
      suppliers: [{ name: 'Shine Cleaning BV', identifiers: [{ scheme: 'vat', value: 'BE0745612373' }], role: 'winner', values: [{ amount: 1234567.89, currency: 'EUR' }] }],
    });
  });

  it('reads a notice without an award section: buyer and codes, no suppliers (not "no winner")', () => {
    const doc = workspace('Travaux de voirie', [['Pouvoir adjudicateur', 'Ville de Exemple'], ["Type d'avis", 'Avis de marché'], ['Code CPV principal', '45233140 - Travaux routiers']]);
    expect(belgiumEprocurementAdapter.read(doc)).toEqual({
      portal: 'belgium-eprocurement',
      title: 'Travaux de voirie',
      noticeType: 'Avis de marché',
      buyer: { name: 'Ville de Exemple', identifiers: [], country: 'BE' },
      cpv: [{ code8: '45233140', label: 'Travaux routiers', main: true }],
      suppliers: [],
      countries: ['BE'],
    });
    expect(belgiumEprocurementAdapter.read(htmlPage(''))).toEqual({ portal: 'belgium-eprocurement', cpv: [], suppliers: [], countries: [] });
  });

  it('treats hostile values as text: markup stays text, a wrong enterprise number is no identifier, a text is no value', () => {
    const doc = workspace(
      'x',
      [['Pouvoir adjudicateur', '&lt;img src=x onerror=alert(1)&gt; Ville'], ["Numéro d'entreprise", '0712.345.631']],
      [['Attributaire', '<b>Société</b> <script>steal()</script>Anonyme'], ["Numéro d'entreprise", 'BE0834567809'], ['Pays', 'No'], ['Valeur du marché', 'à convenir']],
    );
    const reading = belgiumEprocurementAdapter.read(doc);
    expect(reading.buyer).toEqual({ name: '<img src=x onerror=alert(1)> Ville', identifiers: [], country: 'BE' });
    expect(reading.suppliers).toEqual([{ name: 'Société Anonyme', identifiers: [], role: 'winner' }]);
    // Thousands of fields are read up to a bound, without error.
    const many = workspace('y', Array.from({ length: 6000 }, (_, i) => ['Attributaire', `Firme ${i}`] as [string, string]));
    expect(belgiumEprocurementAdapter.read(many).suppliers.length).toBeLessThanOrEqual(500);
  });
});

describe('amounts as Belgian notices print them', () => {
  it('reads comma and dot decimals and thousands', () => {
    expect(belgianAmount('412 560,00 EUR')).toEqual({ amount: 412560, currency: 'EUR' });
    expect(belgianAmount('€ 188.240,50')).toEqual({ amount: 188240.5, currency: 'EUR' });
    expect(belgianAmount('250.000 €')).toEqual({ amount: 250000, currency: 'EUR' });
    expect(belgianAmount('EUR 1,234,567.89')).toEqual({ amount: 1234567.89, currency: 'EUR' });
    expect(belgianAmount('1234,5')).toEqual({ amount: 1234.5 });
    expect(belgianAmount('0,00 EUR')).toBeUndefined();
    expect(belgianAmount('sur demande')).toBeUndefined();
  });
});
