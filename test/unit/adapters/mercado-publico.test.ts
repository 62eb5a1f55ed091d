import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { chileanAmount, mercadoPublicoAdapter } from '@/src/adapters/mercado-publico';
import { pickAdapter, readNotice } from '@/src/adapters';
import { htmlPage } from './pages';

const fixture = (name: string) =>
  parseHTML(readFileSync(new URL(`../../fixtures/mercado_publico/${name}`, import.meta.url), 'utf8')).document as unknown as Document;
const FICHA_URL = 'https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=1509-5-L114';
const ACTA_URL = 'https://www.mercadopublico.cl/Procurement/Modules/RFB/StepsProcessAward/PreviewAwardAct.aspx?qs=WD6yac0APV/oCD6hcXhCEEpAbBYHIS+0oTpg3KVZbDk=';

/** One bid row of an acta, in the ids the portal gives it. */
const bid = (item: number, n: number, organisation: string, total: string, state: string) => {
  const q = `grdItemOC_ctl0${item + 1}_ucAward_gvLines_ctl0${n + 1}_gvLines`;
  return `<tr class="cssPRCGridViewRow"><td><span id="${q}_lblOrganization">${organisation}</span></td><td><span id="${q}_lblTotalNetAward">${total}</span></td><td><span id="${q}_lblIsSelected">${state}</span></td></tr>`;
};
const item = (n: number, code: string, description: string, bids: string) => {
  const p = `grdItemOC_ctl0${n + 1}_ucAward`;
  return `<table id="rptBids_"><tr><td><span id="${p}__lblNumber">${n}</span><span id="${p}_lblCodeonu">${code}</span><span id="${p}_lblDescription">${description}</span></td></tr></table><table id="${p}_gvLines">${bids}</table>`;
};

describe('Mercado Público ficha de licitación', () => {
  it('is chosen by the ficha and acta addresses, and by the look of a copy', () => {
    expect(pickAdapter(FICHA_URL, htmlPage(''))).toBe(mercadoPublicoAdapter);
    expect(pickAdapter('https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?qs=abc', htmlPage(''))).toBe(mercadoPublicoAdapter);
    expect(pickAdapter(ACTA_URL, htmlPage(''))).toBe(mercadoPublicoAdapter);
    expect(pickAdapter('https://www.mercadopublico.cl/BuscarLicitacion', htmlPage('')).id).toBe('generic');
    expect(pickAdapter('file:///tmp/ficha.html', fixture('mp_ficha_1509-5-L114.html'))).toBe(mercadoPublicoAdapter);
    expect(pickAdapter('http://127.0.0.1:8080/x', fixture('mp_acta_1509-5-L114.html'))).toBe(mercadoPublicoAdapter);
  });

  it('reads tender 1509-5-L114: code and name, type, state, the buyer with its RUT and address, the items’ UNSPSC codes', () => {
    expect(readNotice(fixture('mp_ficha_1509-5-L114.html'), FICHA_URL)).toEqual({
      portal: 'mercado-publico',
      title: '1509-5-L114 — Insumos Medicos y Medicamentos',
      noticeType: 'Licitación Pública Menor a 100 UTM (L1)',
      stage: 'Adjudicada',
      buyer: {
        name: 'SERVICIO DE SALUD METROPOLITANO NORTE HOSPITAL DE TIL TIL',
        identifiers: [{ scheme: 'registration', value: '61.608.006-7' }],
        country: 'CL',
        address: 'Hospital Til - Til, Daniel Moya 100, Til Til, Región Metropolitana de Santiago',
      },
      cpv: [],
      classifications: [
        { scheme: 'unspsc', code: '42271718', label: 'Accesorios para productos de administración de oxigenoterapia o sus suministros' },
        { scheme: 'unspsc', code: '42311528', label: 'Sistemas de vendajes mojados' },
        { scheme: 'unspsc', code: '51121603', label: 'Nitroglicerina' },
        { scheme: 'unspsc', code: '51131603', label: 'Heparina sódica' },
        { scheme: 'unspsc', code: '51131613', label: 'Dicumarol' },
      ],
      suppliers: [],
      countries: ['CL'],
    });
  });

  it('reads the fields by their Spanish labels when the ids are missing', () => {
    const row = (label: string, value: string) => `<tr><td><span>${label}</span></td><td><span>${value}</span></td></tr>`;
    const doc = htmlPage(`<table>${row('Nombre de la licitación:', 'Compra de resmas')}${row('Tipo de Licitación:', 'Licitación Pública (LE)')}${row('Estado:', 'Publicada')}${row('Razón Social:', 'MUNICIPALIDAD DE EJEMPLO')}${row('RUT:', '69.070.300-9')}</table>`);
    expect(mercadoPublicoAdapter.read(doc)).toMatchObject({
      title: 'Compra de resmas',
      noticeType: 'Licitación Pública (LE)',
      stage: 'Publicada',
      buyer: { name: 'MUNICIPALIDAD DE EJEMPLO', identifiers: [{ scheme: 'registration', value: '69.070.300-9' }], country: 'CL' },
    });
  });

  it('reads a ficha without its items or its buyer section: what is there, nothing invented', () => {
    const doc = htmlPage('<span id="lblNumLicitacion">1-1-L126</span><span id="lblNombreLicitacion">Servicio de aseo</span><span id="lblFicha1Estado">Publicada</span>');
    expect(mercadoPublicoAdapter.read(doc)).toEqual({ portal: 'mercado-publico', title: '1-1-L126 — Servicio de aseo', stage: 'Publicada', cpv: [], suppliers: [], countries: [] });
  });
});

describe('Mercado Público acta de adjudicación', () => {
  it('reads the four winners of 1509-5-L114, each with its RUT and the value of the item it won', () => {
    const reading = readNotice(fixture('mp_acta_1509-5-L114.html'), ACTA_URL);
    expect(reading).toMatchObject({ portal: 'mercado-publico', title: 'Insumos Medicos y Medicamentos', noticeType: 'Acta de adjudicación', stage: 'Adjudicada', countries: ['CL'] });
    expect(reading.classifications?.map((c) => c.code)).toEqual(['42271718', '42311528', '51121603', '51131603', '51131613']);
    expect(reading.suppliers).toEqual([
      { name: 'IMPORTADORA MEGA MARKET LIMITADA', identifiers: [{ scheme: 'registration', value: '76.012.551-2' }], country: 'CL', role: 'winner', values: [{ amount: 20000, currency: 'CLP', lot: 'Ítem 2: SONDA P/ OXIGENO ADULTO ( NARICERA).' }] },
      { name: 'FARMACEUTICA CARIBEAN SPA', identifiers: [{ scheme: 'registration', value: '76.830.090-9' }], country: 'CL', role: 'winner', values: [{ amount: 28680, currency: 'CLP', lot: 'Ítem 3: VENDA ENYESADA 12 CM ANCHO.' }] },
      { name: 'INVERSIONES PMG S A', identifiers: [{ scheme: 'registration', value: '99.541.890-8' }], country: 'CL', role: 'winner', values: [{ amount: 82500, currency: 'CLP', lot: 'Ítem 5: HEPARINA SODICA FAM 25.000 U.I/5ML.' }] },
      { name: 'FARMACEUTICA SANTIAGO LIMITADA', identifiers: [{ scheme: 'registration', value: '78.307.040-5' }], country: 'CL', role: 'winner', values: [{ amount: 12000, currency: 'CLP', lot: 'Ítem 6: ACENOCUMAROL CM 4 MG COMPRIMIDO BLISTER RANURADO' }] },
    ]);
  });

  it('lists a supplier that won several items once, with each item it won; its lost bids add nothing', () => {
    const reading = readNotice(fixture('mp_acta_two_suppliers_illustrative.html'), ACTA_URL);
    expect(reading.suppliers).toEqual([
      {
        name: 'Camel Group Co., Ltd.',
        identifiers: [],
        role: 'winner',
        values: [
          { amount: 2900000, currency: 'CLP', lot: 'Ítem 1: BATERIA 12V 100AH PARA AMBULANCIA' },
          { amount: 2940000, currency: 'CLP', lot: 'Ítem 2: BATERIA 12V 70AH PARA CAMIONETA' },
          { amount: 276000, currency: 'CLP', lot: 'Ítem 5: BATERIA 6V 12AH PARA DESFIBRILADOR' },
        ],
      },
      {
        name: 'COMERCIAL ANDES BATERIAS SPA',
        identifiers: [{ scheme: 'registration', value: '76.543.210-3' }],
        country: 'CL',
        role: 'winner',
        values: [
          { amount: 1075000, currency: 'CLP', lot: 'Ítem 3: BATERIA DE RESPALDO UPS 12V 9AH' },
          { amount: 649900, currency: 'CLP', lot: 'Ítem 4: CARGADOR DE BATERIAS 12V 10A' },
        ],
      },
    ]);
    expect(reading.classifications).toEqual([{ scheme: 'unspsc', code: '26111701' }, { scheme: 'unspsc', code: '26111704' }]);
  });

  it('keeps losing bidders as bidders, drops a RUT with a wrong check digit, and reads markup as text', () => {
    const doc = htmlPage(
      item(1, '4227', 'Ítem &lt;script&gt;', bid(1, 1, '76.012.551-9 <b>PROVEEDOR</b> UNO', '1.000', 'Adjudicada') + bid(1, 2, '76.830.090-9 PROVEEDOR DOS', '0', 'No Adjudicada')) +
        item(2, 'not a code', 'Otro', bid(2, 1, '', '5', 'Adjudicada')),
    );
    const reading = mercadoPublicoAdapter.read(doc);
    expect(reading.suppliers).toEqual([
      { name: 'PROVEEDOR UNO', identifiers: [], role: 'winner', values: [{ amount: 1000, lot: 'Ítem 1: Ítem <script>' }] },
      { name: 'PROVEEDOR DOS', identifiers: [{ scheme: 'registration', value: '76.830.090-9' }], country: 'CL', role: 'bidder' },
    ]);
    // "4227" is a UNSPSC family, written as its 8-digit form; a code that is no code is left out.
    expect(reading.classifications).toEqual([{ scheme: 'unspsc', code: '42270000' }]);
  });
});

describe('amounts as Mercado Público prints them', () => {
  it('reads dots as thousands and a comma as the decimal mark', () => {
    expect(chileanAmount('28.680')).toBe(28680);
    expect(chileanAmount('$ 1.503.000.000')).toBe(1503000000);
    expect(chileanAmount('1.434,5')).toBe(1434.5);
    expect(chileanAmount('200')).toBe(200);
    expect(chileanAmount('sin monto')).toBeUndefined();
  });
});
