import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { secopAdapter } from '@/src/adapters/secop';
import { pickAdapter } from '@/src/adapters';
import { htmlPage } from './pages';

const PAGE_URL = 'https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.530313&isFromPublicArea=True&isModal=true&asPopupView=true';
const page = () =>
  parseHTML(readFileSync(new URL('../../fixtures/secop/secop2_opportunity_CO1.NTC.530313.html', import.meta.url), 'utf8')).document as unknown as Document;

describe('SECOP II process page', () => {
  it('reads the process built from release CO1.BDOS.530558: buyer, procedure, state, UNSPSC code', () => {
    const doc = page();
    expect(pickAdapter(PAGE_URL, doc)).toBe(secopAdapter);
    expect(pickAdapter('http://127.0.0.1:8080/secop/x', doc)).toBe(secopAdapter);
    expect(secopAdapter.read(doc)).toEqual({
      portal: 'secop',
      title: 'PRESTACIÓN DE SERVICIOS PROFESIONALES - APOYO A LA GESTIÓN - JULIAN DAVID LOPEZ AMU - ARN CUNDINAMARCA - BOYACA',
      noticeType: 'Contratación directa',
      stage: 'active',
      buyer: { name: 'AGENCIA PARA LA REINCORPORACIÓN Y LA NORMALIZACIÓN', identifiers: [], country: 'CO' },
      cpv: [],
      classifications: [{ scheme: 'unspsc', code: '80111500', label: 'Desarrollo de recursos humanos' }],
      suppliers: [],
      countries: ['CO'],
    });
  });

  it('reads awarded suppliers by their labels, in Spanish or English, with NIT and value', () => {
    const row = (label: string, value: string) => `<tr><td class="Label"><span data-sentencecode="x">${label}</span></td><td class="Field">${value}</td></tr>`;
    const doc = htmlPage(`<fieldset id="fdsRequestSummaryInfo"><table>
      ${row('Proveedor adjudicado', 'CONALCREDITOS – CONALCENTER BPO')}${row('NIT', '900.123.456-7')}${row('Valor adjudicado', '7.000.000 COP')}
      ${row('Awarded supplier', 'MAKRO SUPERMAYORISTA S.A.S')}</table></fieldset>`);
    expect(secopAdapter.read(doc).suppliers).toEqual([
      { name: 'CONALCREDITOS – CONALCENTER BPO', identifiers: [{ scheme: 'registration', value: '900.123.456-7' }], role: 'winner', values: [{ amount: 7000000, currency: 'COP' }] },
      { name: 'MAKRO SUPERMAYORISTA S.A.S', identifiers: [], role: 'winner' },
    ]);
  });
});
