// Reads SECOP II process pages (community.secop.gov.co/Public/Tendering/OpportunityDetail/…). Each row of the
// detail tables holds a label, which carries a `data-sentencecode` attribute, and its value in the next cell; row
// ids name the field (`fdsRequestSummaryInfo_tblDetail_trRowName`). Fields are read by those ids first, then by
// their labels in Spanish or English. UNSPSC codes are printed as "V1.81111800"; awarded suppliers by name and NIT.
import type { NoticeClassification, NoticeParty, NoticeReading, NoticeValue } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { classification } from './classification-codes';
import { buildReading } from './notice-reading';
import { documentTitle, pageRoot, visibleText } from './page-dom';

const PORTAL_ID = 'secop';
const HOSTS = new Set(['community.secop.gov.co', 'www.secop.gov.co']);
/** "V1.80111500", perhaps followed by its label ("V1.80111500 - Desarrollo de recursos humanos"). */
const UNSPSC_IN_TEXT = /\bV1\.(\d{8})\b(?:\s*[-\u2013]\s*([^\n\t]+?)\s*(?=$|\bV1\.))?/g;

/** Row ids of the request summary, by field. */
const ROW_IDS = {
  buyer: 'fdsRequestSummaryInfo_tblDetail_trRowBuyer',
  reference: 'fdsRequestSummaryInfo_tblDetail_trRowRef',
  title: 'fdsRequestSummaryInfo_tblDetail_trRowName',
  procedure: 'fdsRequestSummaryInfo_tblDetail_trRowProcedureType',
  phase: 'fdsRequestSummaryInfo_tblDetail_trRowPhase',
  state: 'fdsRequestSummaryInfo_tblDetail_trRowState',
};

/** Field labels as the page prints them, in Spanish and English. */
const LABELS = {
  buyer: /^(?:entidad(?: estatal)?|state entity|buyer)$/i,
  title: /^(?:objeto|nombre del proceso|título|object|process name|title)$/i,
  procedure: /^(?:tipo de proceso|modalidad(?: de contratación)?|procedure type|type of process)$/i,
  phase: /^(?:fase|phase)$/i,
  state: /^(?:estado|state|status)$/i,
  unspsc: /^(?:código unspsc|clasificación unspsc|unspsc(?: code)?|categoría principal|main category)$/i,
  supplier: /^(?:proveedor(?: adjudicado)?|nombre del proveedor|contratista|awarded supplier|supplier)$/i,
  supplierId: /^(?:nit|nit del proveedor|documento del proveedor|supplier id|tax id)$/i,
  value: /^(?:valor adjudicado|valor del contrato|awarded value|contract value)$/i,
};

function cleanLabel(text: string): string {
  return text.replace(/[:*]\s*$/, '').trim();
}

/** Each labelled row: the label's text and the visible text of the cell after the label's cell. */
function labelledValues(root: ParentNode): { label: string; value: string; row: Element | null }[] {
  const rows: { label: string; value: string; row: Element | null }[] = [];
  for (const label of Array.from(root.querySelectorAll('[data-sentencecode]'))) {
    const cell = label.closest('td, th, .Label, div');
    const valueCell = cell?.nextElementSibling;
    if (!valueCell) continue;
    rows.push({ label: cleanLabel(visibleText(label)), value: visibleText(valueCell), row: label.closest('tr') });
  }
  return rows;
}

function valueOfRow(doc: Document, rowId: string): string {
  const row = doc.getElementById(rowId);
  if (!row) return '';
  const company = row.querySelector('.CompanyFullName');
  if (company) return visibleText(company);
  const cells = Array.from(row.querySelectorAll('td'));
  return visibleText(cells[cells.length - 1] ?? null);
}

function money(text: string): NoticeValue | undefined {
  // "12.326.533 COP": dots group thousands, a comma starts the decimals.
  const match = /^([\d.]+(?:,\d+)?)\s*([A-Z]{3})?$/.exec(text.replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const amount = Number(match[1]!.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(amount) ? { amount, ...(match[2] ? { currency: match[2] } : {}) } : undefined;
}

function readSecop(doc: Document): NoticeReading {
  const root = pageRoot(doc);
  if (!root) return buildReading(PORTAL_ID, {});
  const rows = labelledValues(root);
  const byLabel = (pattern: RegExp) => rows.filter((r) => pattern.test(r.label)).map((r) => r.value).filter(Boolean);
  const field = (id: string, pattern: RegExp) => valueOfRow(doc, id) || byLabel(pattern)[0] || '';

  const buyerName = field(ROW_IDS.buyer, LABELS.buyer);
  const classifications: NoticeClassification[] = [];
  // Labelled cells first, whose label runs to the end of the cell; then any code elsewhere in the page, bare.
  for (const [text, labelled] of [...byLabel(LABELS.unspsc).map((t) => [t, true] as const), [visibleText(root), false] as const]) {
    for (const match of text.matchAll(UNSPSC_IN_TEXT)) {
      const code = classification('unspsc', match[1]!, labelled ? match[2] : undefined);
      if (code) classifications.push(code);
    }
  }

  // Each awarded supplier row may be followed by its NIT and its value, in the same table.
  const suppliers: NoticeParty[] = [];
  for (const [i, row] of rows.entries()) {
    if (!LABELS.supplier.test(row.label) || !row.value) continue;
    const party: NoticeParty = { name: row.value, identifiers: [], role: 'winner' };
    for (const next of rows.slice(i + 1, i + 4)) {
      if (LABELS.supplier.test(next.label)) break;
      if (LABELS.supplierId.test(next.label) && /\d/.test(next.value)) party.identifiers.push({ scheme: 'registration', value: next.value.replace(/\s+/g, '') });
      const value = LABELS.value.test(next.label) ? money(next.value) : undefined;
      if (value) party.values = [value];
    }
    suppliers.push(party);
  }

  const phase = field(ROW_IDS.phase, LABELS.phase);
  const state = field(ROW_IDS.state, LABELS.state);
  return buildReading(PORTAL_ID, {
    title: field(ROW_IDS.title, LABELS.title) || visibleText(doc.querySelector('h1')) || documentTitle(doc),
    noticeType: field(ROW_IDS.procedure, LABELS.procedure),
    stage: [phase, state].filter(Boolean).join(' — '),
    ...(buyerName ? { buyer: { name: buyerName, identifiers: [], country: 'CO' } } : {}),
    classifications,
    suppliers,
    countries: buyerName || suppliers.length ? ['CO'] : [],
  });
}

export const secopAdapter: PortalAdapter = {
  id: PORTAL_ID,
  name: 'SECOP II',
  matchesUrl: (url) => HOSTS.has(url.hostname) && /\/Public\/Tendering\/OpportunityDetail\//i.test(url.pathname),
  recognisesPage: (doc) => doc.getElementById('fdsRequestSummaryInfo') !== null && doc.querySelector('[data-sentencecode]') !== null,
  read: readSecop,
};

// Pages to check it on:
// https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.530313&isFromPublicArea=True&isModal=true&asPopupView=true
//   (ARN direct contract; the fixture in test/fixtures/secop is built from its OCDS release)
// https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.266835&isFromPublicArea=True&isModal=true&asPopupView=true
// https://community.secop.gov.co/Public/Tendering/ContractNoticeManagement/Index (search: read by the generic reader)
