// Reads a TED notice's XML, the machine-readable twin of the client-rendered TED page, in both of its formats:
// eForms (UBL: organisations by ORG id, the buyer through cac:ContractingParty, winners through efac:LotResult →
// efac:LotTender → efac:TenderingParty → efac:Tenderer → efac:Organization, ISO 3166 alpha-3 countries) and the
// legacy R2.0.9 TED_EXPORT forms, of which only the CATEGORY="ORIGINAL" form is read (the translations repeat it).
import type { CountryCode, NoticeCpv, NoticeParty, NoticeReading, NoticeValue } from '../core/types';
import { toCountryCode } from '../core/countries';
import { isCpvShaped } from './cpv-code';
import { buildReading } from './notice-reading';
import { companyIdentifier } from './party-identifiers';
import { child, children, descendants, localNameOf, textOf } from './xml-tree';

export const TED_PORTAL_ID = 'ted';

/** eForms notice types (BT-02) in words. */
const EFORMS_NOTICE_TYPES: Record<string, string> = {
  'pin-only': 'Prior information notice',
  'pin-buyer': 'Prior information notice (buyer profile)',
  'pin-rtl': 'Prior information notice (shortening time limits)',
  'pin-tran': 'Prior information notice (public passenger transport)',
  'pin-cfc-standard': 'Prior information notice used as a call for competition',
  'pin-cfc-social': 'Prior information notice used as a call for competition (social services)',
  'qu-sy': 'Qualification system notice',
  'cn-standard': 'Contract notice',
  'cn-social': 'Contract notice (social and other specific services)',
  'cn-desg': 'Design contest notice',
  'subco': 'Subcontracting notice',
  'veat': 'Voluntary ex-ante transparency notice',
  'can-standard': 'Contract award notice',
  'can-social': 'Contract award notice (social and other specific services)',
  'can-desg': 'Design contest result notice',
  'can-tran': 'Contract award notice (public passenger transport)',
  'can-modif': 'Contract modification notice',
  'corr': 'Change notice',
  'compl': 'Contract completion notice',
};

/** eForms form types (the NoticeTypeCode's list name) as the stage of the procedure. */
const EFORMS_STAGES: Record<string, string> = {
  planning: 'Planning',
  competition: 'Competition',
  'dir-awa-pre': 'Direct award announced',
  result: 'Result',
  'cont-modif': 'Contract modification',
  change: 'Change',
  completion: 'Completion',
};

/** Legacy forms by the stage they belong to. */
const LEGACY_STAGES: Record<string, string> = {
  F01: 'Planning', F04: 'Planning', F16: 'Planning',
  F02: 'Competition', F05: 'Competition', F07: 'Competition', F12: 'Competition', F17: 'Competition', F21: 'Competition',
  F22: 'Competition', F23: 'Competition', F24: 'Competition',
  F03: 'Result', F06: 'Result', F13: 'Result', F15: 'Result', F18: 'Result', F25: 'Result',
  F14: 'Change', F20: 'Contract modification',
};

function country(code: string): CountryCode | undefined {
  return code ? toCountryCode(code) : undefined;
}

function amount(element: Element | undefined, lot?: string): NoticeValue | undefined {
  if (!element) return undefined;
  const value = Number(textOf(element));
  if (!Number.isFinite(value) || textOf(element) === '') return undefined;
  const currency = element.getAttribute('currencyID') ?? element.getAttribute('CURRENCY') ?? undefined;
  return { amount: value, ...(currency ? { currency } : {}), ...(lot ? { lot } : {}) };
}

function cpvOf(element: Element | undefined, main: boolean): NoticeCpv | undefined {
  const code = element ? (element.getAttribute('CODE') ?? textOf(element)).replace(/-\d$/, '') : '';
  return isCpvShaped(code) ? { code8: code, main } : undefined;
}

// ---- eForms ------------------------------------------------------------------------------------------------

interface EformsOrganisation {
  party: NoticeParty;
}

function eformsOrganisations(root: Element): Map<string, EformsOrganisation> {
  const byId = new Map<string, EformsOrganisation>();
  for (const organisation of descendants(root, 'Organization')) {
    const company = child(organisation, 'Company');
    const id = textOf(child(company, 'PartyIdentification', 'ID'));
    const name = textOf(child(company, 'PartyName', 'Name'));
    if (!id || !name) continue;
    const address = child(company, 'PostalAddress');
    const countryCode = country(textOf(child(address, 'Country', 'IdentificationCode')));
    const companyId = textOf(child(company, 'PartyLegalEntity', 'CompanyID'));
    const identifier = companyId ? companyIdentifier(companyId, countryCode) : undefined;
    const addressText = [textOf(child(address, 'StreetName')), textOf(child(address, 'PostalZone')), textOf(child(address, 'CityName'))]
      .filter(Boolean)
      .join(', ');
    const party: NoticeParty = { name, identifiers: identifier ? [identifier] : [] };
    if (countryCode) party.country = countryCode;
    if (addressText) party.address = addressText;
    byId.set(id, { party });
  }
  return byId;
}

/** Text of a child by local name, keyed by its `cbc:ID` (LotTender, TenderingParty, …). */
function byOwnId(elements: readonly Element[]): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const element of elements) {
    const id = textOf(child(element, 'ID'));
    if (id && !map.has(id)) map.set(id, element);
  }
  return map;
}

function eformsCpv(root: Element): NoticeCpv[] {
  const codes: NoticeCpv[] = [];
  const projects = [child(root, 'ProcurementProject'), ...children(root, 'ProcurementProjectLot').map((lot) => child(lot, 'ProcurementProject'))];
  for (const project of projects) {
    const main = cpvOf(child(project, 'MainCommodityClassification', 'ItemClassificationCode'), project === projects[0]);
    if (main) codes.push(main);
    for (const additional of children(project, 'AdditionalCommodityClassification')) {
      const code = cpvOf(child(additional, 'ItemClassificationCode'), false);
      if (code) codes.push(code);
    }
  }
  return codes;
}

function readEforms(root: Element): NoticeReading {
  const organisations = eformsOrganisations(root);
  const typeCode = child(root, 'NoticeTypeCode');
  const type = textOf(typeCode);
  const buyerId = textOf(child(root, 'ContractingParty', 'Party', 'PartyIdentification', 'ID'));
  const buyer = organisations.get(buyerId)?.party;

  const result = descendants(root, 'NoticeResult')[0];
  const lotTenders = byOwnId(children(result, 'LotTender'));
  const tenderingParties = byOwnId(children(result, 'TenderingParty'));

  const partiesOfTender = (tender: Element | undefined): NoticeParty[] => {
    const partyId = textOf(child(tender, 'TenderingParty', 'ID'));
    const tenderers = children(tenderingParties.get(partyId), 'Tenderer');
    return tenderers.map((t) => organisations.get(textOf(child(t, 'ID')))?.party).filter((p): p is NoticeParty => !!p);
  };

  const suppliers: NoticeParty[] = [];
  const winningTenders = new Set<string>();
  for (const lotResult of children(result, 'LotResult')) {
    if (textOf(child(lotResult, 'TenderResultCode')) !== 'selec-w') continue;
    const lot = textOf(child(lotResult, 'TenderLot', 'ID')) || undefined;
    for (const ref of children(lotResult, 'LotTender')) {
      const tenderId = textOf(child(ref, 'ID'));
      winningTenders.add(tenderId);
      const tender = lotTenders.get(tenderId);
      const value = amount(child(tender, 'LegalMonetaryTotal', 'PayableAmount'), lot);
      for (const party of partiesOfTender(tender)) suppliers.push({ ...party, role: 'winner', ...(value ? { values: [value] } : {}) });
    }
  }
  // Tenders the notice lists without a winning result: their tenderers bid.
  for (const [tenderId, tender] of lotTenders) {
    if (winningTenders.has(tenderId)) continue;
    const lot = textOf(child(tender, 'TenderLot', 'ID')) || undefined;
    const value = amount(child(tender, 'LegalMonetaryTotal', 'PayableAmount'), lot);
    for (const party of partiesOfTender(tender)) suppliers.push({ ...party, role: 'bidder', ...(value ? { values: [value] } : {}) });
  }

  const performance = descendants(child(root, 'ProcurementProject'), 'RealizedLocation').map((l) => country(textOf(child(l, 'Address', 'Country', 'IdentificationCode'))));
  return buildReading(TED_PORTAL_ID, {
    title: textOf(child(root, 'ProcurementProject', 'Name')),
    noticeType: EFORMS_NOTICE_TYPES[type] ?? type,
    stage: EFORMS_STAGES[typeCode?.getAttribute('listName') ?? ''],
    buyer,
    cpv: eformsCpv(root),
    suppliers,
    countries: [buyer?.country, ...performance, ...suppliers.map((s) => s.country)],
  });
}

// ---- R2.0.9 ------------------------------------------------------------------------------------------------

function legacyParty(address: Element | undefined, role?: NoticeParty['role']): NoticeParty | undefined {
  const name = textOf(child(address, 'OFFICIALNAME'));
  if (!name) return undefined;
  const countryCode = country(child(address, 'COUNTRY')?.getAttribute('VALUE') ?? '');
  const nationalId = textOf(child(address, 'NATIONALID'));
  const identifier = nationalId ? companyIdentifier(nationalId, countryCode) : undefined;
  const addressText = [textOf(child(address, 'ADDRESS')), textOf(child(address, 'POSTAL_CODE')), textOf(child(address, 'TOWN'))].filter(Boolean).join(', ');
  const party: NoticeParty = { name, identifiers: identifier ? [identifier] : [] };
  if (countryCode) party.country = countryCode;
  if (addressText) party.address = addressText;
  if (role) party.role = role;
  return party;
}

function readLegacy(root: Element): NoticeReading {
  const forms = Array.from(child(root, 'FORM_SECTION')?.children ?? []);
  const form = forms.find((f) => f.getAttribute('CATEGORY') === 'ORIGINAL') ?? forms[0];
  const formCode = form?.getAttribute('FORM') ?? localNameOf(form ?? root).replace(/_\d{4}$/, '');
  const object = child(form, 'OBJECT_CONTRACT');
  const buyer = legacyParty(child(form, 'CONTRACTING_BODY', 'ADDRESS_CONTRACTING_BODY'));

  const cpv: NoticeCpv[] = [];
  const main = cpvOf(child(object, 'CPV_MAIN', 'CPV_CODE'), true);
  if (main) cpv.push(main);
  for (const additional of descendants(object, 'CPV_ADDITIONAL')) {
    const code = cpvOf(child(additional, 'CPV_CODE'), false);
    if (code) cpv.push(code);
  }

  const suppliers: NoticeParty[] = [];
  for (const award of children(form, 'AWARD_CONTRACT')) {
    const lot = textOf(child(award, 'LOT_NO')) || undefined;
    const awarded = child(award, 'AWARDED_CONTRACT');
    const value = amount(child(awarded, 'VALUES', 'VAL_TOTAL'), lot);
    for (const contractor of descendants(awarded, 'CONTRACTOR')) {
      const party = legacyParty(child(contractor, 'ADDRESS_CONTRACTOR'), 'winner');
      if (party) suppliers.push(value ? { ...party, values: [value] } : party);
    }
  }
  const documentType = textOf(descendants(child(root, 'CODED_DATA_SECTION'), 'TD_DOCUMENT_TYPE')[0]);
  return buildReading(TED_PORTAL_ID, {
    title: textOf(child(object, 'TITLE')),
    noticeType: documentType ? `${formCode}: ${documentType}` : formCode,
    stage: LEGACY_STAGES[formCode],
    buyer,
    cpv,
    suppliers,
    countries: [buyer?.country, ...suppliers.map((s) => s.country)],
  });
}

/** True for a TED notice's XML root: an eForms UBL notice or a legacy TED_EXPORT. */
export function isTedNoticeRoot(root: Element | null | undefined): boolean {
  if (!root) return false;
  const name = localNameOf(root);
  return name === 'TED_EXPORT' || ((name === 'ContractNotice' || name === 'ContractAwardNotice' || name === 'PriorInformationNotice') && child(root, 'NoticeTypeCode') !== undefined);
}

/** Reads a parsed TED notice (eForms or R2.0.9). Fields it cannot find are left out; it never throws on content. */
export function readTedXml(doc: Document): NoticeReading {
  const root = doc.documentElement;
  if (!root || !isTedNoticeRoot(root)) return buildReading(TED_PORTAL_ID, {});
  return localNameOf(root) === 'TED_EXPORT' ? readLegacy(root) : readEforms(root);
}
