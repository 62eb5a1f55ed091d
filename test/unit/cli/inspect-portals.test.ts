// `tenderlens inspect` on every portal's fixtures and on the real TED notices: the portal is named and the buyer,
// the codes and every winner are read, as JSON (the full analysis) and in the printed report.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { PageAnalysis } from '@/src/core/types';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

async function inspect(file: string, ...extra: string[]): Promise<PageAnalysis> {
  const io = recordingIo({ cwd: FIXTURES });
  const code = await runCli(['inspect', file, '--json', ...extra], io);
  expect(io.err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(io.out) as PageAnalysis;
}

interface Expected {
  file: string;
  url?: string;
  portal: string;
  buyer: string;
  codes: string[];
  winners: string[];
}

const CASES: Expected[] = [
  { file: 'ted/ted_eforms_can_standard_043489-2024.xml', portal: 'ted', buyer: 'Berliner Verkehrsbetriebe, Bereich Einkauf/ Materialwirtschaft', codes: ['90000000'], winners: ['Dunkel Baustoff-Recycling-Zentrum oHG'] },
  { file: 'ted/ted_eforms_cn_subtype16_497181-2023.xml', portal: 'ted', buyer: 'ΕΘΝΙΚΟΣ ΟΡΓΑΝΙΣΜΟΣ ΦΑΡΜΑΚΩΝ', codes: ['30192800'], winners: [] },
  { file: 'ted/ted_eforms_cn_subtype17_740039-2023.xml', portal: 'ted', buyer: 'MIEJSKIE PRZEDSIĘBIORSTWO KOMUNIKACYJNE SPÓŁKA AKCYJNA W KRAKOWIE', codes: ['34320000'], winners: [] },
  { file: 'ted/ted_r209_F03_award_000163-2021.xml', portal: 'ted', buyer: 'Administração Regional de Saúde do Alentejo, I. P.', codes: ['45215100'], winners: ['Acciona Construcción, S. A.'] },
  { file: 'ted/ted_r209_F03_award_002705-2021.xml', portal: 'ted', buyer: 'Województwo Małopolskie – Urząd Marszałkowski Województwa Małopolskiego', codes: ['09310000'], winners: ['Tauron Sprzedaż Sp. z o.o.'] },
  { file: 'ted/ted_r209_F03_award_006737-2021.xml', portal: 'ted', buyer: 'Γενικό Νοσοκομείο Χαλκιδικής', codes: ['90911200'], winners: ['Ipirotiki Facility Services Ανώνυμος Ιδιωτική Εταιρεία Παροχής Υπηρεσιών Καθαρισμού, Εμπορική και Αντιπροσωπειών'] },
  {
    file: 'portal_html/us_sam_gov_opportunities_v2_search_response.json',
    url: 'https://sam.gov/opp/f90fba9ebf6243ed8290c4ed4603c182/view',
    portal: 'sam-gov',
    buyer: 'VETERANS AFFAIRS, DEPARTMENT OF › NAC FEDERAL SUPPLY SCHEDULE (36F797)',
    codes: ['naics 561320', 'psc Q999'],
    winners: ['CANCER CAREPOINT ASSOCIATES, LLC'],
  },
  { file: 'secop/secop2_opportunity_CO1.NTC.530313.html', portal: 'secop', buyer: 'AGENCIA PARA LA REINCORPORACIÓN Y LA NORMALIZACIÓN', codes: ['unspsc 80111500'], winners: [] },
  { file: 'ocds/co_secop-release_1.json', portal: 'colombia-compra', buyer: 'AGENCIA PARA LA REINCORPORACIÓN Y LA NORMALIZACIÓN', codes: ['unspsc 80111500', 'unspsc 80110000'], winners: [] },
  { file: 'ocds/co_tvec-release_1.json', portal: 'colombia-compra', buyer: 'DEPARTAMENTO ADMINISTRATIVO DE LA FUNCION PUBLICA', codes: [], winners: ['MAKRO SUPERMAYORISTA S.A.S'] },
  { file: 'ocds/py_dncp_release_package.json', portal: 'ocds', buyer: '', codes: [], winners: ['MASTER SOFT SRL'] },
];

function codesOf(analysis: PageAnalysis): string[] {
  return [...analysis.reading.cpv.map((c) => c.code8), ...(analysis.reading.classifications ?? []).map((c) => `${c.scheme} ${c.code}`)];
}

describe('tenderlens inspect on every portal fixture', () => {
  for (const expected of CASES) {
    it(`${expected.file}: ${expected.portal}, buyer, codes and every winner`, async () => {
      const analysis = await inspect(expected.file, ...(expected.url ? ['--url', expected.url] : []));
      expect(analysis.reading.portal).toBe(expected.portal);
      if (expected.buyer) expect(analysis.reading.buyer?.name).toBe(expected.buyer);
      expect(codesOf(analysis)).toEqual(expect.arrayContaining(expected.codes));
      const winners = analysis.reading.suppliers.filter((s) => s.role === 'winner').map((s) => s.name);
      expect(winners).toEqual(expect.arrayContaining(expected.winners));
      if (expected.winners.length === 0) expect(winners).toEqual([]);
      // A winner's name is checked against the lists like a name on a page.
      for (const name of expected.winners) expect(analysis.checked.some((c) => c.kind === 'supplier' && c.label === name)).toBe(true);
      // So is the buyer's.
      if (expected.buyer) expect(analysis.checked.some((c) => c.kind === 'buyer' && c.label === expected.buyer)).toBe(true);
    });
  }

  it('prints the portal, stage, the other codes and each winner with its value', async () => {
    const io = recordingIo({ cwd: FIXTURES });
    expect(await runCli(['inspect', 'ted/ted_r209_F03_award_000163-2021.xml'], io)).toBe(0);
    expect(io.out).toContain('Portal:    TED\n');
    expect(io.out).toContain('Stage:     Result\n');
    expect(io.out).toContain('  Acciona Construcción, S. A. (registration A/81638108, ES) [winner: 148917509.73 EUR]');
    const sam = recordingIo({ cwd: FIXTURES });
    await runCli(['inspect', 'portal_html/us_sam_gov_opportunities_v2_search_response.json', '--url', 'https://sam.gov/opp/f90fba9ebf6243ed8290c4ed4603c182/view'], sam);
    expect(sam.out).toContain('Portal:    SAM.gov\n');
    expect(sam.out).toContain('  NAICS 561320\n      risk categories: none known\n  PSC Q999\n      risk categories: none known\n');
    expect(sam.out).toContain('CANCER CAREPOINT ASSOCIATES, LLC (UEI LPZ2UE7MLNL5, CAGE 135X2) [winner: 5000000 USD (36F79726D0065)]');
  });

  it('refuses XML that is not a TED notice, and XML with entities, saying why', async () => {
    const io = recordingIo({ files: { 'feed.xml': '<?xml version="1.0"?><rss><channel/></rss>', 'bomb.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><TED_EXPORT>&a;</TED_EXPORT>' } });
    expect(await runCli(['inspect', 'feed.xml'], io)).toBe(1);
    expect(io.err).toBe('tenderlens: feed.xml: is XML with root <rss>, not a TED notice (eForms or TED_EXPORT R2.0.9)\n');
    const bomb = recordingIo({ files: { 'bomb.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><TED_EXPORT>&a;</TED_EXPORT>' } });
    expect(await runCli(['inspect', 'bomb.xml'], bomb)).toBe(1);
    expect(bomb.err).toContain('declares a document type or entities');
  });
});

describe('tenderlens inspect: telling data from pages', () => {
  it('reads a TED notice written without an XML declaration as data, and an XHTML page as a page', async () => {
    const { readFileSync } = await import('node:fs');
    const xml = readFileSync(`${FIXTURES}ted/ted_r209_F03_award_000163-2021.xml`, 'utf8').replace(/^<\?xml[^>]*>/, '');
    const io = recordingIo({ files: { 'notice.xml': xml, 'page.xhtml': '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Desks</h1></body></html>' } });
    expect(await runCli(['inspect', 'notice.xml', '--json'], io)).toBe(0);
    expect((JSON.parse(io.out) as PageAnalysis).reading.suppliers.map((s) => s.name)).toEqual(['Acciona Construcción, S. A.']);
    const page = recordingIo({ files: { 'page.xhtml': '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Desks</h1></body></html>' } });
    expect(await runCli(['inspect', 'page.xhtml', '--json'], page)).toBe(0);
    expect((JSON.parse(page.out) as PageAnalysis).reading).toMatchObject({ portal: 'generic', title: 'Desks' });
  });
});

describe('tenderlens inspect on notice data that is not UTF-8', () => {
  it('reads Mexico City’s ISO-8859-1 OCDS package with the buyer’s and suppliers’ accents, and says how it read it', async () => {
    const io = recordingIo({ cwd: FIXTURES });
    expect(await runCli(['inspect', 'ocds/mx_cdmx_release_package_iso-8859-1.json', '--json'], io)).toBe(0);
    expect(io.err).toBe('tenderlens: note: ocds/mx_cdmx_release_package_iso-8859-1.json: not UTF-8; read as Windows-1252 (ISO-8859-1)\n');
    const analysis = JSON.parse(io.out) as PageAnalysis;
    expect(analysis.reading.buyer?.name).toBe('SECRETARÍA DE FINANZAS');
    expect(analysis.reading.suppliers.map((s) => s.name)).toEqual(['COMERCIALIZADORA DE EQUIPOS', 'SERVICIO TÉCNICO A EQUIPOS SOF,', 'Técnicos Verticales de México,']);
    expect(analysis.reading.title).toBe('MANTENIMIENTO A MÁQUINA CORTADORA');
    expect(io.out).not.toContain('\ufffd');
  });
});
