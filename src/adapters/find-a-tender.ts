// Reads UK Find a Tender notice pages (EU-style forms F01–F25): title, form, buyer, main and additional CPV codes,
// every contractor of every award, and countries. Labels are read from their visible copy ("II.1.2) Main CPV code").
import type { CountryCode, NoticeCpv, NoticeParty, NoticeReading } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { countryFromName, countryFromNutsCode } from './country-names';
import { parseLabelledCpv } from './cpv-code';
import { buildReading } from './notice-reading';
import { registrationIdentifier } from './party-identifiers';
import {
  documentTitle,
  fieldValues,
  readHeadings,
  pageRoot,
  readLabelledSection,
  visibleText,
  type LabelledSection,
} from './page-dom';

const PORTAL_ID = 'find-a-tender';
const HOSTS = new Set(['www.find-tender.service.gov.uk', 'find-tender.service.gov.uk']);

/** "F03: Contract award notice", "UK6: Contract award notice". */
const NOTICE_FORM = /^[A-Z]{1,3}\d{1,2}[A-Za-z]?:\s+\S.{2,120}$/;
/** What a paragraph's raw text (hidden parts included) must contain somewhere to read as a notice form. */
const NOTICE_FORM_START = /[A-Z]{1,3}\d{1,2}[A-Za-z]?:/;
const BUYER_HEADING = /^(?:I\.1\)\s*)?Name and addresses$/i;
const MAIN_CPV_HEADING = /^(?:[IVX]+(?:\.\d+)+\)\s*)?Main CPV code$/i;
const ADDITIONAL_CPV_HEADING = /^(?:[IVX]+(?:\.\d+)+\)\s*)?Additional CPV code\(s\)$/i;
const CONTRACTOR_HEADING = /^(?:V\.2\.3\)\s*)?Name and address of the contractor(?:\/concessionaire)?$/i;
const NUTS_HEADING = /^NUTS codes?$/i;

function cpvCodesUnder(headings: (pattern: RegExp) => Element[], heading: RegExp, main: boolean): NoticeCpv[] {
  const codes: NoticeCpv[] = [];
  for (const h of headings(heading)) {
    for (const line of readLabelledSection(h).lines) {
      const cpv = parseLabelledCpv(line);
      if (cpv) codes.push(cpv.label ? { code8: cpv.code8, label: cpv.label, main } : { code8: cpv.code8, main });
    }
  }
  return codes;
}

/** A party block: name on the first line, address on the next ones, then labelled Country / NUTS / registration. */
function partyFromSection(section: LabelledSection): { party?: NoticeParty; countries: (CountryCode | undefined)[] } {
  const [name, ...addressLines] = section.lines;
  const country = countryFromName(fieldValues(section, /^Country$/i)[0] ?? '');
  const nutsCountries = fieldValues(section, /^(?:NUTS code|Region code)s?$/i).map(countryFromNutsCode);
  if (!name) return { countries: [country, ...nutsCountries] };
  const registration = fieldValues(section, /^National registration number$/i)[0];
  const identifier = registration ? registrationIdentifier(registration, country ?? nutsCountries.find(Boolean)) : undefined;
  const party: NoticeParty = { name, identifiers: identifier ? [identifier] : [] };
  if (country) party.country = country;
  if (addressLines.length > 0) party.address = addressLines.join(', ').replace(/,\s*,/g, ',');
  return { party, countries: [country, ...nutsCountries] };
}

function readFindATender(doc: Document): NoticeReading {
  const root = doc.querySelector('main') ?? pageRoot(doc);
  if (!root) return buildReading(PORTAL_ID, {});
  const title = visibleText(root.querySelector('h1')) || documentTitle(doc).replace(/\s+-\s+Find a Tender$/, '');
  // The first paragraph that reads as a notice form; the paragraphs after it are not read (a long page has thousands).
  let noticeType: string | undefined;
  for (const p of root.querySelectorAll('p')) {
    if (!NOTICE_FORM_START.test(p.textContent ?? '')) continue; // most paragraphs: not read visibly at all
    const text = visibleText(p);
    if (NOTICE_FORM.test(text)) {
      noticeType = text;
      break;
    }
  }

  const countries: (CountryCode | undefined)[] = [];
  const headings = readHeadings(root);
  const buyerHeading = root.querySelector('#contracting_authority-1') ?? headings(BUYER_HEADING)[0];
  const buyerBlock = buyerHeading ? partyFromSection(readLabelledSection(buyerHeading)) : { countries: [] };
  countries.push(...buyerBlock.countries);

  const suppliers: NoticeParty[] = [];
  for (const heading of headings(CONTRACTOR_HEADING)) {
    const block = partyFromSection(readLabelledSection(heading));
    if (block.party) suppliers.push(block.party);
    countries.push(...block.countries);
  }

  for (const heading of headings(NUTS_HEADING)) {
    countries.push(...readLabelledSection(heading).lines.map(countryFromNutsCode));
  }

  return buildReading(PORTAL_ID, {
    title,
    noticeType,
    buyer: buyerBlock.party,
    cpv: [...cpvCodesUnder(headings, MAIN_CPV_HEADING, true), ...cpvCodesUnder(headings, ADDITIONAL_CPV_HEADING, false)],
    suppliers,
    countries,
  });
}

export const findATenderAdapter: PortalAdapter = {
  id: PORTAL_ID,
  name: 'Find a Tender',
  matchesUrl: (url) => HOSTS.has(url.hostname) && /^\/Notice\/[^/]+\/?$/i.test(url.pathname),
  recognisesPage: (doc) =>
    visibleText(doc.querySelector('.govuk-header__link--service-name, .govuk-header__service-name')) === 'Find a Tender' &&
    doc.querySelector('h1') !== null,
  read: readFindATender,
};

// Pages to check it on:
// https://www.find-tender.service.gov.uk/Notice/008624-2023 (F03 award notice, 4 lots, 6 awards; saved copy in
//   test/fixtures/portal_html)
// https://www.find-tender.service.gov.uk/Notice/030223-2022 (the contract notice that preceded it)
// https://www.find-tender.service.gov.uk/Search/Results (search results: read by the generic reader, not this one)
