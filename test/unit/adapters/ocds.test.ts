import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readOcds } from '@/src/adapters/ocds';

const ocds = (file: string) => readOcds(JSON.parse(readFileSync(new URL(`../../fixtures/ocds/${file}`, import.meta.url), 'utf8')));

describe('OCDS data', () => {
  it('reads an award repeated in several releases of one process from its latest release only (Mexico City)', () => {
    const reading = readOcds(JSON.parse(readFileSync(new URL('../../fixtures/ocds/mx_cdmx_release_package_iso-8859-1.json', import.meta.url), 'latin1')));
    const winner = reading?.suppliers.find((s) => s.role === 'winner');
    expect(winner?.name).toBe('COMERCIALIZADORA DE EQUIPOS');
    // The earlier releases carry the award at 0 in no currency, before its value was known.
    expect(winner?.values).toEqual([{ amount: 193817.35, currency: 'MXN', lot: '1' }]);
  });

  it('reads a SECOP II release: buyer, UNSPSC items normalised, no supplier where the release names none', () => {
    expect(ocds('co_secop-release_1.json')).toMatchObject({
      portal: 'colombia-compra',
      title: 'PRESTACIÓN DE SERVICIOS PROFESIONALES - APOYO A LA GESTIÓN - JULIAN DAVID LOPEZ AMU - ARN CUNDINAMARCA - BOYACA',
      stage: 'active',
      buyer: { name: 'AGENCIA PARA LA REINCORPORACIÓN Y LA NORMALIZACIÓN' },
      cpv: [],
      classifications: [
        { scheme: 'unspsc', code: '80111500', label: 'Desarrollo de recursos humanos' },
        { scheme: 'unspsc', code: '80110000', label: 'Servicios de recursos humanos' },
      ],
      suppliers: [],
    });
  });

  it('reads the supplier of a Tienda Virtual release as its winner, with the award value', () => {
    expect(ocds('co_tvec-release_1.json')?.suppliers).toEqual([
      { name: 'MAKRO SUPERMAYORISTA S.A.S', identifiers: [], country: 'CO', address: 'Bogotá, D.C.', role: 'winner', values: [{ amount: 7000000, currency: 'COP', lot: '23117' }] },
    ]);
  });

  it('keeps no personal id card as a company identifier (SECOP I contract with a person)', () => {
    const reading = ocds('co_secop2-release_1.json')!;
    expect(reading.classifications).toEqual([
      { scheme: 'unspsc', code: '80111600', label: 'Servicios de personal temporal' },
      { scheme: 'unspsc', code: '80110000', label: 'Servicios de recursos humanos' },
    ]);
    expect(reading.suppliers).toEqual([expect.objectContaining({ name: 'RUBEN LIBARDO MENESES SOLARTE', identifiers: [], role: 'winner' })]);
  });

  it('reads a record package by its compiled releases (Mexico federal) and a release package (Paraguay)', () => {
    const mexico = ocds('mx_federal_record_package.json')!;
    expect(mexico.suppliers.length).toBeGreaterThan(0);
    expect(mexico.suppliers.every((s) => s.role === 'winner')).toBe(true);
    expect(ocds('py_dncp_release_package.json')?.suppliers.map((s) => s.name)).toContain('MASTER SOFT SRL');
  });

  it('reads the 147 Contracts Finder award releases: CPV codes from tender.classification, every supplier', () => {
    const reading = ocds('uk_contracts_finder_award_releases.json')!;
    expect(reading.portal).toBe('contracts-finder');
    expect(reading.noticeType).toBe('OCDS data (147 releases of 141 processes)');
    expect(reading.cpv.map((c) => c.code8)).toContain('63712400');
    expect(reading.suppliers.length).toBeGreaterThan(200);
  });

  it('says nothing about JSON that is not OCDS', () => {
    expect(readOcds({ entities: [] })).toBeUndefined();
    expect(readOcds([1, 2])).toBeUndefined();
  });
});
