// Reads Belgium's e-Procurement publication workspaces (www.publicprocurement.be/publication-workspaces/{id}/…), in
// French, Dutch, German or English. The page is a single-page app rendered in the browser over a JSON API
// (`/api/sea/…` search, `/api/dos/…` dossiers). That API answers only requests carrying the app's own bearer token,
// which the app gets from the portal's login server and keeps in its memory; a content script's same-origin request
// carries cookies, not that token, and taking the token from the app would be impersonating it. So this reader
// reads what the rendered page shows: its labelled fields (a label in a `dt`, `th` or an element whose class says
// "label", its value in the next element), by the labels' words in the four languages. It reads the title, buyer
// with its enterprise number, notice type and status, main and additional CPV codes, and each lot's winner (and
// the other tenderers when listed) with enterprise number (check digits verified), country and awarded value.
import type { CountryCode, NoticeCpv, NoticeParty, NoticeReading, NoticeValue } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { countryFromName } from './country-names';
import { parseLabelledCpv } from './cpv-code';
import { belgianEnterpriseNumber } from './national-numbers';
import { buildReading } from './notice-reading';
import { documentTitle, pageRoot, visibleText } from './page-dom';

const PORTAL_ID = 'belgium-eprocurement';
const HOSTS = new Set(['www.publicprocurement.be', 'publicprocurement.be']);
/** "/publication-workspaces/{id}/general", also under a language prefix ("/fr/publication-workspaces/…"). */
const WORKSPACE_PATH = /^(?:\/[a-z]{2})?\/publication-workspaces\/[^/]+(?:\/[^/]*)*$/i;
/** More labelled fields than any notice has; the rest of a hostile page is not read. */
const MAX_FIELDS = 5000;

/** Labels in French, Dutch, German and English, by field. */
const LABELS = {
  title: /^(?:titre(?: du march[ée])?|intitul[ée](?: du march[ée])?|titel(?: van de opdracht)?|naam van de opdracht|bezeichnung(?: des auftrags)?|titel des auftrags|title)$/i,
  buyer: /^(?:pouvoir adjudicateur|entit[ée] adjudicatrice|acheteur|aanbestedende (?:overheid|dienst|entiteit)|koper|[öo]ffentlicher auftraggeber|auftraggeber|k[äa]ufer|contracting (?:authority|entity)|buyer|organisation|organisatie)$/i,
  enterpriseNumber: /^(?:num[ée]ro d'entreprise|num[ée]ro (?:bce|de tva)|ondernemingsnummer|kbo-nummer|btw-nummer|unternehmensnummer|mwst-nummer|enterprise number|company number|vat number|national registration number)$/i,
  noticeType: /^(?:type d'avis|type de publication|soort (?:bericht|aankondiging)|type (?:bericht|publicatie)|art der bekanntmachung|bekanntmachungsart|notice type|type of notice)$/i,
  status: /^(?:statut|[ée]tat|status)$/i,
  mainCpv: /^(?:code cpv principal|cpv principal|hoofd-?cpv(?:-code)?|haupt-cpv(?:-code)?|main cpv(?: code)?)$/i,
  extraCpv: /^(?:codes? cpv (?:suppl[ée]mentaires?|compl[ée]mentaires?)|aanvullende cpv-codes?|zus[äa]tzliche cpv-codes?|additional cpv codes?)$/i,
  lot: /^(?:lot|perceel|los)$/i,
  winner: /^(?:attributaire|adjudicataire|titulaire|opdrachtnemer|gegunde (?:inschrijver|onderneming)|auftragnehmer|zuschlagsempf[äa]nger|winner|contractor|awarded to)$/i,
  tenderer: /^(?:soumissionnaires?|inschrijvers?|bieter|tenderers?)$/i,
  country: /^(?:pays|land|country)$/i,
  value: /^(?:valeur(?: du march[ée]| attribu[ée]e)?|montant(?: attribu[ée])?|(?:gegunde |totale )?waarde|bedrag|(?:auftrags)?wert|gesamtwert|value|awarded value|contract value)$/i,
};

interface Field {
  label: string;
  values: string[];
}

function cleanLabel(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').replace(/\s*[:*]\s*$/, '').trim();
}

/** The lines of a value element: each list item apart, else the whole text. */
function valueLines(element: Element): string[] {
  const items = Array.from(element.querySelectorAll('li')).map((li) => visibleText(li)).filter(Boolean);
  if (items.length > 0) return items;
  const text = visibleText(element);
  return text ? [text] : [];
}

/** Every labelled field of the page in document order: `dt`/`dd`, `th`/`td`, and "label" class/next element pairs. */
function labelledFields(root: Element): Field[] {
  const fields: Field[] = [];
  const labels = Array.from(root.querySelectorAll('dt, th, [class*="label" i]')).slice(0, MAX_FIELDS);
  for (const label of labels) {
    const value = label.nextElementSibling;
    if (!value || value.matches('dt, th')) continue;
    const text = cleanLabel(visibleText(label));
    if (text === '' || text.length > 80) continue;
    fields.push({ label: text, values: valueLines(value) });
  }
  return fields;
}

/** "1 234 567,89 EUR", "€ 250.000,00", "250000 EUR", "EUR 1,234,567.89": the later of "." and "," is the decimal mark. */
export function belgianAmount(text: string): NoticeValue | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').slice(0, 100);
  const match = /\d[\d.,]*/.exec(compact);
  if (!match) return undefined;
  let number = match[0].replace(/[.,]+$/, '');
  const lastComma = number.lastIndexOf(',');
  const lastDot = number.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    number = lastComma > lastDot ? number.replace(/\./g, '').replace(',', '.') : number.replace(/,/g, '');
  } else if (lastComma >= 0) {
    number = /^\d{1,3}(?:,\d{3}){2,}$/.test(number) ? number.replace(/,/g, '') : number.replace(',', '.');
  } else if (lastDot >= 0 && /^\d{1,3}(?:\.\d{3})+$/.test(number)) {
    number = number.replace(/\./g, '');
  }
  const amount = Number(number);
  if (!Number.isFinite(amount) || amount <= 0) return undefined;
  const currency = /EUR|€/i.test(compact) ? 'EUR' : /USD|\$/i.test(compact) ? 'USD' : /GBP|£/i.test(compact) ? 'GBP' : undefined;
  return currency ? { amount, currency } : { amount };
}

function cpvCodes(fields: readonly Field[], pattern: RegExp, main: boolean): NoticeCpv[] {
  const codes: NoticeCpv[] = [];
  for (const field of fields.filter((f) => pattern.test(f.label))) {
    for (const line of field.values) {
      const cpv = parseLabelledCpv(line);
      if (cpv) codes.push(cpv.label ? { code8: cpv.code8, label: cpv.label, main } : { code8: cpv.code8, main });
    }
  }
  return codes;
}

/** A winner or tenderer field and the details that follow it, up to the next party or lot. */
function partiesOf(fields: readonly Field[], countries: (CountryCode | undefined)[]): NoticeParty[] {
  const parties: NoticeParty[] = [];
  let lot: string | undefined;
  for (const [i, field] of fields.entries()) {
    if (LABELS.lot.test(field.label)) lot = field.values[0]?.slice(0, 200);
    const role = LABELS.winner.test(field.label) ? 'winner' : LABELS.tenderer.test(field.label) ? 'bidder' : undefined;
    if (!role) continue;
    const names = role === 'winner' ? field.values.slice(0, 1) : field.values.slice(0, 50);
    const details = fields.slice(i + 1, i + 8);
    const end = details.findIndex((f) => LABELS.winner.test(f.label) || LABELS.tenderer.test(f.label) || LABELS.lot.test(f.label));
    const own = role === 'winner' ? (end === -1 ? details : details.slice(0, end)) : [];
    const number = own.find((f) => LABELS.enterpriseNumber.test(f.label))?.values[0];
    const identifier = number ? belgianEnterpriseNumber(number) : undefined;
    const country = countryFromName(own.find((f) => LABELS.country.test(f.label))?.values[0] ?? '');
    const valueText = own.find((f) => LABELS.value.test(f.label))?.values[0];
    const value = valueText ? belgianAmount(valueText) : undefined;
    for (const name of names) {
      const party: NoticeParty = { name: name.slice(0, 300), identifiers: identifier ? [identifier] : [], role };
      const partyCountry = country ?? (identifier ? 'BE' : undefined);
      if (partyCountry) party.country = partyCountry;
      if (value) party.values = [lot ? { ...value, lot } : value];
      parties.push(party);
    }
    countries.push(country);
  }
  return parties;
}

function readBelgianWorkspace(doc: Document): NoticeReading {
  const root = doc.querySelector('main') ?? pageRoot(doc);
  if (!root) return buildReading(PORTAL_ID, {});
  const fields = labelledFields(root);
  const first = (pattern: RegExp) => fields.find((f) => pattern.test(f.label))?.values[0] ?? '';

  // The buyer's own details come before the first lot or winner.
  const firstParty = fields.findIndex((f) => LABELS.winner.test(f.label) || LABELS.tenderer.test(f.label) || LABELS.lot.test(f.label));
  const buyerFields = firstParty === -1 ? fields : fields.slice(0, firstParty);
  const buyerName = buyerFields.find((f) => LABELS.buyer.test(f.label))?.values[0];
  const buyerNumber = buyerFields.find((f) => LABELS.enterpriseNumber.test(f.label))?.values[0];
  const buyerId = buyerNumber ? belgianEnterpriseNumber(buyerNumber) : undefined;
  const buyerCountry = countryFromName(buyerFields.find((f) => LABELS.country.test(f.label))?.values[0] ?? '') ?? 'BE';

  const countries: (CountryCode | undefined)[] = buyerName ? [buyerCountry] : [];
  const suppliers = partiesOf(fields, countries);
  return buildReading(PORTAL_ID, {
    title: visibleText(root.querySelector('h1')) || first(LABELS.title) || documentTitle(doc),
    noticeType: first(LABELS.noticeType),
    stage: first(LABELS.status),
    ...(buyerName ? { buyer: { name: buyerName.slice(0, 300), identifiers: buyerId ? [buyerId] : [], country: buyerCountry } } : {}),
    cpv: [...cpvCodes(fields, LABELS.mainCpv, true), ...cpvCodes(fields, LABELS.extraCpv, false)],
    suppliers,
    countries,
  });
}

export const belgiumEprocurementAdapter: PortalAdapter = {
  id: PORTAL_ID,
  name: 'Belgian e-Procurement',
  matchesUrl: (url) => HOSTS.has(url.hostname) && WORKSPACE_PATH.test(url.pathname),
  recognisesPage: () => false,
  read: readBelgianWorkspace,
};

// Pages to check it on (real workspaces; the "general" tab shows the notice, "documents" its files, among them the
// notice's eForms XML, which has no stable address a content script could fetch):
// https://www.publicprocurement.be/publication-workspaces/cde195bc-c647-4792-8859-19a853a0339b/general
// https://www.publicprocurement.be/publication-workspaces/c20e76bf-b6d8-42fd-bea0-2c8c1b3bede5/general
// https://www.publicprocurement.be/publication-workspaces/6ef05f03-6dd2-46da-9838-208ed14f9fff/general
// https://www.publicprocurement.be/publication-workspaces (search: read by the generic reader)
// The fixtures in test/fixtures/belgium are built, not saved (no saved page exists); see their SOURCE.md.
