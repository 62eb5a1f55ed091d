// Reads UK Contracts Finder notice pages: title, notice type, buyer and its address, the "Industry" CPV codes, and
// the awarded suppliers with their addresses and references (Companies House numbers).
import type { CountryCode, NoticeCpv, NoticeParty, NoticeReading } from '../core/types';
import type { PortalAdapter } from './portal-adapter';
import { countryFromName } from './country-names';
import { parseLabelledCpv } from './cpv-code';
import { buildReading } from './notice-reading';
import { referenceIdentifier } from './party-identifiers';
import { documentTitle, headingsMatching, pageRoot, sectionAfterHeading, visibleLines, visibleText } from './page-dom';

const PORTAL_ID = 'contracts-finder';
const HOSTS = new Set(['www.contractsfinder.service.gov.uk', 'contractsfinder.service.gov.uk']);

/** "Awarded contract - This means that the contract has been awarded to a supplier." */
const NOTICE_TYPE_LINE = /^(.{3,60}?)\s+-\s+This means\b/;

/** The content after an `h4 > strong` label ("Industry", "Address") inside one content block. */
function labelledContent(block: ParentNode, label: RegExp): Element[] {
  const heading = headingsMatching(block, label).find((h) => h.tagName.toUpperCase() === 'H4');
  return heading ? sectionAfterHeading(heading) : [];
}

function industryCodes(root: ParentNode): NoticeCpv[] {
  const codes: NoticeCpv[] = [];
  for (const element of labelledContent(root, /^Industry$/i)) {
    const items = element.matches('li') ? [element] : Array.from(element.querySelectorAll('li'));
    for (const item of items) {
      const cpv = parseLabelledCpv(visibleText(item));
      if (!cpv) continue;
      // Contracts Finder lists the notice's main classification first, then the additional ones.
      const main = codes.length === 0;
      codes.push(cpv.label ? { code8: cpv.code8, label: cpv.label, main } : { code8: cpv.code8, main });
    }
  }
  return codes;
}

/** The content block (`div.content-block`) whose `h3` matches a title. */
function contentBlock(root: ParentNode, title: RegExp): Element | undefined {
  const heading = headingsMatching(root, title).find((h) => h.tagName.toUpperCase() === 'H3');
  return heading?.closest('.content-block') ?? heading?.parentElement ?? undefined;
}

function readBuyer(root: ParentNode): { buyer?: NoticeParty; country?: CountryCode } {
  const name = visibleText(root.querySelector('h2.breadcrumb-description'));
  if (!name) return {};
  const buyer: NoticeParty = { name, identifiers: [] };
  const about = contentBlock(root, /^About the buyer$/i);
  const addressLines = about ? labelledContent(about, /^Address$/i).flatMap((element) => visibleLines(element)) : [];
  const lastLine = addressLines[addressLines.length - 1];
  const country = lastLine ? countryFromName(lastLine) : undefined;
  const streetLines = country ? addressLines.slice(0, -1) : addressLines;
  if (streetLines.length > 0) buyer.address = streetLines.join(', ');
  if (country) buyer.country = country;
  return { buyer, country };
}

/** The supplier's name: the `h4` before its details, or the "Supplier detail for …" label of its button. */
function supplierName(block: Element): string {
  const opener = block.closest('.form-opener');
  const heading = opener?.previousElementSibling;
  if (heading && heading.tagName.toUpperCase() === 'H4') {
    const name = visibleText(heading);
    if (name) return name;
  }
  const label = opener?.querySelector('button[aria-label]')?.getAttribute('aria-label') ?? '';
  return /^Supplier detail for\s+(.+)$/i.exec(label.trim())?.[1] ?? '';
}

/** Definition-list fields of a supplier block: Address, Reference, Supplier is SME?, … */
function definitionFields(block: Element): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const element of Array.from(block.querySelectorAll('dt, dd'))) {
    if (element.tagName.toUpperCase() === 'DT') {
      const label = visibleText(element).toLowerCase();
      current = fields.get(label) ?? [];
      fields.set(label, current);
    } else if (current) {
      current.push(...visibleLines(element));
    }
  }
  return fields;
}

function readSuppliers(root: ParentNode): NoticeParty[] {
  const suppliers: NoticeParty[] = [];
  for (const block of Array.from(root.querySelectorAll('[id^="supplier_block_"]'))) {
    const name = supplierName(block);
    if (!name) continue;
    const fields = definitionFields(block);
    const party: NoticeParty = { name, identifiers: [] };
    const address = (fields.get('address') ?? []).join(', ');
    if (address) party.address = address;
    for (const reference of fields.get('reference') ?? []) {
      const identifier = referenceIdentifier(reference);
      if (identifier) party.identifiers.push(identifier);
    }
    const country = countryFromName((fields.get('country') ?? [])[0] ?? '');
    if (country) party.country = country;
    suppliers.push(party);
  }
  return suppliers;
}

function readContractsFinder(doc: Document): NoticeReading {
  const root = pageRoot(doc);
  if (!root) return buildReading(PORTAL_ID, {});
  const content = root.querySelector('#all-content-wrapper') ?? root;
  const title = visibleText(content.querySelector('h1')) || documentTitle(doc).replace(/\s+-\s+Contracts Finder$/, '');
  const noticeType = Array.from(content.querySelectorAll('#content-block-left p'))
    .map((p) => NOTICE_TYPE_LINE.exec(visibleText(p))?.[1])
    .find(Boolean);
  const { buyer, country } = readBuyer(content);
  const suppliers = readSuppliers(content);
  return buildReading(PORTAL_ID, {
    title,
    noticeType,
    buyer,
    cpv: industryCodes(content),
    suppliers,
    countries: [country, ...suppliers.map((s) => s.country)],
  });
}

export const contractsFinderAdapter: PortalAdapter = {
  id: PORTAL_ID,
  name: 'Contracts Finder',
  matchesUrl: (url) => HOSTS.has(url.hostname) && /^\/Notice\/[^/]+\/?$/i.test(url.pathname),
  recognisesPage: (doc) =>
    visibleText(doc.querySelector('.govuk-header__link--service-name, .govuk-header__service-name')) === 'Contracts Finder' &&
    doc.querySelector('h1') !== null,
  read: readContractsFinder,
};

// Pages to check it on:
// https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac (awarded to 5 suppliers;
//   saved copy in test/fixtures/portal_html)
// https://www.contractsfinder.service.gov.uk/Search/Results (search results: read by the generic reader, not this one)
