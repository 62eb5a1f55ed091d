// Reads Chile's Mercado Público tender pages, which are server-rendered ASP.NET pages whose fields carry stable ids:
// - the ficha de licitación (`/Procurement/Modules/RFB/DetailsAcquisition.aspx?qs=…` or `?idlicitacion=…`): code
//   (`lblNumLicitacion`), name (`lblNombreLicitacion`, `lblFicha1Nombre`), type (`lblFicha1Tipo`), state
//   (`lblFicha1Estado`), buyer (`lnkFicha2Razon`/`lblFicha2Razon`, its RUT `lblFicha2RUT`, unit `lblFicha2Unidad`,
//   address `lblFicha2Direccion`/`Comuna`/`Region`) and the line items (`grvProducto_ctlNN_lblCategoria` is the
//   item's UNSPSC code, `_lblProducto` its name, `_lblDescripcion` the buyer's words);
// - the acta de adjudicación it links to (`/Procurement/Modules/RFB/StepsProcessAward/PreviewAwardAct.aspx?qs=…`):
//   per line item (`grdItemOC_ctlNN_ucAward_…`: number, UNSPSC code `lblCodeonu`, description) every bid
//   (`…_gvLines_ctlMM_gvLines_lblOrganization` = "RUT NAME", unit price, awarded quantity, total awarded, and
//   "Adjudicada" when it won). Winners are per line item: a supplier that won several items is one winner with one
//   value per item.
// Fields are read by those ids, and by their Spanish labels when an id is missing. RUTs count only with a valid check
// digit. The portal's documented JSON API (api.mercadopublico.cl/servicios/v1/publico/licitaciones.json, fields
// `Comprador.NombreOrganismo`, `Items.Listado[].CodigoProducto`, `Adjudicacion.RutProveedor`) needs a personal
// ticket and lives on another origin, so a content script cannot read it: the pages' own markup is read instead.
import type { NoticeClassification, NoticeParty, NoticeReading, NoticeValue } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { classification } from './classification-codes';
import { chileanRut, leadingRut } from './national-numbers';
import { buildReading } from './notice-reading';
import { documentTitle, pageRoot, visibleText } from './page-dom';

const PORTAL_ID = 'mercado-publico';
const HOSTS = new Set(['www.mercadopublico.cl', 'mercadopublico.cl']);
const FICHA_PATH = /\/Procurement\/Modules\/RFB\/DetailsAcquisition\.aspx$/i;
const ACTA_PATH = /\/Procurement\/Modules\/RFB\/StepsProcessAward\/PreviewAwardAct\.aspx$/i;
/** More line items than any real tender has; the rest of a hostile page is not read. */
const MAX_ITEMS = 1000;
const MAX_BIDS_PER_ITEM = 200;

/** Spanish labels the ficha prints before its values, for when an id is missing. */
const LABELS = {
  title: /^nombre(?: de la licitaci[oó]n)?$/i,
  type: /^tipo(?: de licitaci[oó]n)?$/i,
  state: /^estado$/i,
  buyer: /^(?:raz[oó]n social|organismo(?: demandante| comprador)?|instituci[oó]n)$/i,
  buyerRut: /^rut$/i,
};

function byId(doc: Document, ...ids: string[]): string {
  for (const id of ids) {
    const text = visibleText(doc.getElementById(id));
    if (text) return text;
  }
  return '';
}

/** The value printed after a label ("Estado:" followed by its value), by the label's text. */
function byLabel(root: Element, pattern: RegExp): string {
  for (const label of Array.from(root.querySelectorAll('span, td, th, dt, label, strong, b')).slice(0, 5000)) {
    if (label.children.length > 0) continue;
    const text = visibleText(label).replace(/:\s*$/, '').trim();
    if (text.length > 40 || !pattern.test(text)) continue;
    const next = label.nextElementSibling ?? label.parentElement?.nextElementSibling ?? null;
    const value = visibleText(next);
    if (value) return value;
  }
  return '';
}

/** "1.434", "$ 28.680", "1.503.000.000,5": dots group thousands, a comma starts the decimals. */
export function chileanAmount(text: string): number | undefined {
  const match = /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?/.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  const amount = Number(`${match[1]!.replace(/\./g, '')}${match[2] ? `.${match[2]}` : ''}`);
  return Number.isFinite(amount) ? amount : undefined;
}

/** The ISO currency of the names and symbols the portal prints; undefined for units with none (UTM). */
function currencyCode(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' ) return undefined;
  if (/^(?:clp|\$|peso(?:s)? chileno(?:s)?)$/.test(t)) return 'CLP';
  if (/^(?:usd|us\$|d[oó]lar(?:es)?(?: americano(?:s)?)?)$/.test(t)) return 'USD';
  if (/^(?:eur|€|euro(?:s)?)$/.test(t)) return 'EUR';
  if (/^(?:uf|clf|unidad(?:es)? de fomento)$/.test(t)) return 'CLF';
  return undefined;
}

function readFicha(doc: Document, root: Element): NoticeReading {
  const code = byId(doc, 'lblNumLicitacion');
  const name = byId(doc, 'lblNombreLicitacion', 'lblFicha1Nombre') || byLabel(root, LABELS.title);
  const buyerName = byId(doc, 'lnkFicha2Razon', 'lblFicha2Razon') || byLabel(root, LABELS.buyer);
  const buyerRut = chileanRut(byId(doc, 'lblFicha2RUT', 'lblFicha2Rut') || byLabel(root, LABELS.buyerRut));
  const address = ['lblFicha2Direccion', 'lblFicha2Comuna', 'lblFicha2Region'].map((id) => byId(doc, id)).filter(Boolean).join(', ');
  const unit = byId(doc, 'lblFicha2Unidad');

  const classifications: NoticeClassification[] = [];
  for (const codeCell of Array.from(doc.querySelectorAll('[id^="grvProducto_ctl"][id$="_lblCategoria"]')).slice(0, MAX_ITEMS)) {
    const prefix = codeCell.id.slice(0, -'_lblCategoria'.length);
    const item = classification('unspsc', visibleText(codeCell), visibleText(doc.getElementById(`${prefix}_lblProducto`)));
    if (item) classifications.push(item);
  }

  const buyer: NoticeParty | undefined = buyerName
    ? { name: buyerName, identifiers: buyerRut ? [buyerRut] : [], country: 'CL', ...(address || unit ? { address: [unit, address].filter(Boolean).join(', ') } : {}) }
    : undefined;
  return buildReading(PORTAL_ID, {
    title: [code, name].filter(Boolean).join(' — ') || documentTitle(doc),
    noticeType: byId(doc, 'lblFicha1Tipo') || byLabel(root, LABELS.type),
    stage: byId(doc, 'lblFicha1Estado') || byLabel(root, LABELS.state),
    buyer,
    classifications,
    countries: buyer ? ['CL'] : [],
  });
}

/** Every bid of one line item of the acta, with the item's name for the winners' values. */
function readItemBids(doc: Document, prefix: string, itemName: string, currency: string | undefined): NoticeParty[] {
  const parties: NoticeParty[] = [];
  const bids = Array.from(doc.querySelectorAll(`[id^="${prefix}_gvLines_ctl"][id$="_gvLines_lblOrganization"]`)).slice(0, MAX_BIDS_PER_ITEM);
  for (const organisation of bids) {
    const row = organisation.closest('tr') ?? organisation.parentElement;
    const cell = (suffix: string) => visibleText(row?.querySelector(`[id$="${suffix}"]`) ?? null);
    const { rut, rest } = leadingRut(visibleText(organisation));
    // Foreign bidders without a RUT are printed "TMI 12345 NK NAME": the code is kept out of the name.
    const name = rest.replace(/^TMI\s+\d+\s+NK\s+/i, '').trim();
    if (!name) continue;
    const selected = cell('_lblIsSelected') || visibleText(row);
    const won = /(?:^|\s)adjudicad[ao](?:\s|$)/i.test(selected) && !/\bno\s+adjudicad[ao]\b/i.test(selected);
    // A RUT is a Chilean tax registration: its holder is registered in Chile.
    const party: NoticeParty = { name, identifiers: rut ? [rut] : [], ...(rut ? { country: 'CL' } : {}), role: won ? 'winner' : 'bidder' };
    const total = chileanAmount(cell('_lblTotalNetAward'));
    if (won && total !== undefined && total > 0) {
      const value: NoticeValue = { amount: total, lot: itemName };
      const code = currencyCode(cell('_lblSymbol')) ?? currency;
      if (code) value.currency = code;
      party.values = [value];
    }
    parties.push(party);
  }
  return parties;
}

function readActa(doc: Document): NoticeReading {
  const currency = currencyCode(byId(doc, 'lblCurrencyShow'));
  const classifications: NoticeClassification[] = [];
  const suppliers: NoticeParty[] = [];
  for (const numberCell of Array.from(doc.querySelectorAll('[id^="grdItemOC_ctl"][id$="_ucAward__lblNumber"]')).slice(0, MAX_ITEMS)) {
    const prefix = numberCell.id.slice(0, -'__lblNumber'.length);
    const description = visibleText(doc.getElementById(`${prefix}_lblDescription`));
    const code = classification('unspsc', visibleText(doc.getElementById(`${prefix}_lblCodeonu`)));
    if (code) classifications.push(code);
    const itemName = [`Ítem ${visibleText(numberCell).replace(/[^\dA-Za-z]+$/, '')}`, description].filter(Boolean).join(': ').slice(0, 200);
    suppliers.push(...readItemBids(doc, prefix, itemName, currency));
  }
  // Suppliers are listed once: winners first, then the other bidders; a bidder that won any item is a winner.
  const winnersFirst = [...suppliers.filter((s) => s.role === 'winner'), ...suppliers.filter((s) => s.role !== 'winner')];
  return buildReading(PORTAL_ID, {
    title: byId(doc, 'lblNameShow') || documentTitle(doc),
    noticeType: 'Acta de adjudicación',
    stage: suppliers.some((s) => s.role === 'winner') ? 'Adjudicada' : '',
    classifications,
    suppliers: winnersFirst,
    countries: ['CL'],
  });
}

function isActa(doc: Document): boolean {
  return doc.querySelector('[id^="grdItemOC_ctl"][id$="_ucAward__lblNumber"]') !== null;
}

function readMercadoPublico(doc: Document): NoticeReading {
  const root = pageRoot(doc);
  if (!root) return buildReading(PORTAL_ID, {});
  return isActa(doc) ? readActa(doc) : readFicha(doc, root);
}

export const mercadoPublicoAdapter: PortalAdapter = {
  id: PORTAL_ID,
  name: 'Mercado Público',
  matchesUrl: (url) => HOSTS.has(url.hostname) && (FICHA_PATH.test(url.pathname) || ACTA_PATH.test(url.pathname)),
  recognisesPage: (doc) =>
    isActa(doc) || (doc.getElementById('lblNumLicitacion') !== null && (doc.getElementById('grvProducto') !== null || doc.getElementById('lblFicha1Tipo') !== null)),
  read: readMercadoPublico,
};

// Pages to check it on:
// https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=1509-5-L114 (the
//   tender of the API documentation's example: Hospital de Til Til, 6 items, 4 awarded; the ficha and acta fixtures
//   named after it in test/fixtures/mercado_publico are built from its API record)
// https://www.mercadopublico.cl/Procurement/Modules/RFB/StepsProcessAward/PreviewAwardAct.aspx?qs=WD6yac0APV/oCD6hcXhCEEpAbBYHIS+0oTpg3KVZbDk=
//   (its acta de adjudicación, as the API's `Adjudicacion.UrlActa` gives it)
// https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=761984-16-LR20
// https://www.mercadopublico.cl/BuscarLicitacion (search: read by the generic reader)
