// `tenderlens inspect` on the Belgian e-Procurement and Mercado Público fixtures: the portal is named, and the buyer,
// the codes and every winner are read; a winner on a shipped list is found as such.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { PageAnalysis } from '@/src/core/types';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

async function inspect(file: string, ...extra: string[]): Promise<{ analysis: PageAnalysis; report: string }> {
  const json = recordingIo({ cwd: FIXTURES });
  expect(await runCli(['inspect', file, '--json', ...extra], json)).toBe(0);
  expect(json.err).toBe('');
  const text = recordingIo({ cwd: FIXTURES });
  expect(await runCli(['inspect', file, ...extra], text)).toBe(0);
  return { analysis: JSON.parse(json.out) as PageAnalysis, report: text.out };
}

const winners = (a: PageAnalysis) => a.reading.suppliers.filter((s) => s.role === 'winner').map((s) => s.name);
const codes = (a: PageAnalysis) => [...a.reading.cpv.map((c) => c.code8), ...(a.reading.classifications ?? []).map((c) => `${c.scheme} ${c.code}`)];

describe('tenderlens inspect on the Belgian e-Procurement fixtures', () => {
  it('French award notice: portal, buyer, CPV codes, both winners; the listed winner is found', async () => {
    const { analysis, report } = await inspect('belgium/be_award_fr_illustrative.html');
    expect(analysis.reading.portal).toBe('belgium-eprocurement');
    expect(report).toContain('Portal:    Belgian e-Procurement\n');
    expect(analysis.reading.buyer?.name).toBe('Régie communale autonome de Val-Mosan');
    expect(codes(analysis)).toEqual(['09331200', '45261215', '09332000']);
    expect(winners(analysis)).toEqual(['Hoshine Silicon Industry (Shanshan) Co., Ltd', 'Solartech Wallonie SA']);
    expect(report).toContain('Solartech Wallonie SA (VAT BE0834567808, BE) [winner: 188240.5 EUR (Lot 2 : Pose et raccordement)]');
    expect(analysis.findings.some((f) => f.kind === 'flagged-entity' && f.title.startsWith('Hoshine Silicon Industry'))).toBe(true);
  });

  it('Dutch award notice: portal, buyer, CPV codes, both winners', async () => {
    const { analysis } = await inspect('belgium/be_award_nl_illustrative.html');
    expect(analysis.reading).toMatchObject({ portal: 'belgium-eprocurement', buyer: { name: 'Autonoom Gemeentebedrijf Scheldevallei' } });
    expect(codes(analysis)).toEqual(['31440000', '31431000']);
    expect(winners(analysis)).toEqual(['Camel Group Co., Ltd.', 'Batterijcentrale Vlaanderen NV']);
    expect(analysis.findings.some((f) => f.kind === 'flagged-entity' && f.title.startsWith('Camel Group'))).toBe(true);
  });
});

describe('tenderlens inspect on the Mercado Público fixtures', () => {
  it('ficha of 1509-5-L114: portal, buyer with RUT, the items’ UNSPSC codes; a ficha names no winners', async () => {
    const { analysis, report } = await inspect('mercado_publico/mp_ficha_1509-5-L114.html');
    expect(report).toContain('Portal:    Mercado Público\n');
    expect(analysis.reading.buyer).toMatchObject({ name: 'SERVICIO DE SALUD METROPOLITANO NORTE HOSPITAL DE TIL TIL', identifiers: [{ scheme: 'registration', value: '61.608.006-7' }] });
    expect(codes(analysis)).toEqual(['unspsc 42271718', 'unspsc 42311528', 'unspsc 51121603', 'unspsc 51131603', 'unspsc 51131613']);
    expect(winners(analysis)).toEqual([]);
  });

  it('acta of 1509-5-L114: every winner with its RUT and item value', async () => {
    const { analysis, report } = await inspect('mercado_publico/mp_acta_1509-5-L114.html');
    expect(winners(analysis)).toEqual(['IMPORTADORA MEGA MARKET LIMITADA', 'FARMACEUTICA CARIBEAN SPA', 'INVERSIONES PMG S A', 'FARMACEUTICA SANTIAGO LIMITADA']);
    expect(report).toContain('IMPORTADORA MEGA MARKET LIMITADA (registration 76.012.551-2, CL) [winner: 20000 CLP (Ítem 2: SONDA P/ OXIGENO ADULTO ( NARICERA).)]');
    for (const name of winners(analysis)) expect(analysis.checked.some((c) => c.kind === 'supplier' && c.label === name)).toBe(true);
  });

  it('acta with items won by two suppliers: each winner once, with every item it won; the listed one is found', async () => {
    const { analysis, report } = await inspect('mercado_publico/mp_acta_two_suppliers_illustrative.html');
    expect(winners(analysis)).toEqual(['Camel Group Co., Ltd.', 'COMERCIAL ANDES BATERIAS SPA']);
    expect(report).toContain('Camel Group Co., Ltd. [winner: 2900000 CLP (Ítem 1: BATERIA 12V 100AH PARA AMBULANCIA); 2940000 CLP (Ítem 2: BATERIA 12V 70AH PARA CAMIONETA); 276000 CLP (Ítem 5: BATERIA 6V 12AH PARA DESFIBRILADOR)]');
    expect(analysis.findings.some((f) => f.kind === 'flagged-entity' && f.title.startsWith('Camel Group'))).toBe(true);
  });
});
