// Prints a page analysis for people: what was read from the notice (portal, title, buyer, CPV codes with their
// risk categories, suppliers with identifiers), then each finding with its reason and sources.
import { portalName } from '../adapters';
import type { CheckedItem, EntityIdentifier, Finding, FindingSource, NoticeParty, PageAnalysis } from '../core/types';

export const NO_FINDINGS_MESSAGE = 'No known risks found. No information is not the same as no risk.';

const SCHEME_NAMES: Record<EntityIdentifier['scheme'], string> = {
  'lei': 'LEI',
  'vat': 'VAT',
  'gb-coh': 'Companies House',
  'uei': 'UEI',
  'cage': 'CAGE',
  'duns': 'DUNS',
  'os-id': 'OS ID',
  'registration': 'registration',
};

/** Page text is untrusted: control characters (terminal escapes included) are shown as spaces. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

function describeParty(party: NoticeParty): string {
  const details = [
    ...party.identifiers.map((id) => `${SCHEME_NAMES[id.scheme] ?? id.scheme} ${id.value}`),
    party.country,
  ].filter(Boolean);
  const values = (party.values ?? []).map((v) => `${v.amount}${v.currency ? ` ${v.currency}` : ''}${v.lot ? ` (${v.lot})` : ''}`);
  const role = party.role ? ` [${party.role}${values.length ? `: ${values.join('; ')}` : ''}]` : '';
  return safe(`${party.name}${details.length ? ` (${details.join(', ')})` : ''}${role}`);
}

function describeSource(source: FindingSource): string {
  const when = [source.version && `version ${source.version}`, source.date && `listed ${source.date}`].filter(Boolean).join(', ');
  const partial = source.partial ? ' [partial list loaded]' : '';
  return safe(`${source.title} — ${source.publisher}${when ? ` (${when})` : ''}${partial} ${source.url}`);
}

const SEVERITY_TAGS: Record<Finding['severity'], string> = { flag: 'FLAG', review: 'REVIEW' };

function describeFinding(finding: Finding): string[] {
  const lines = [`  [${SEVERITY_TAGS[finding.severity]}] ${safe(finding.title)} — ${safe(finding.detail)}`];
  if (finding.reason) lines.push(`      why: ${safe(finding.reason)}`);
  for (const source of finding.sources) lines.push(`      source: ${describeSource(source)}`);
  if (finding.sources.length === 0) lines.push('      source: (none recorded)');
  return lines;
}

function findingsAbout(item: CheckedItem | undefined, findings: readonly Finding[]): Finding[] {
  if (!item) return [];
  return item.findingIds.map((id) => findings.find((f) => f.id === id)).filter((f): f is Finding => f !== undefined);
}

export function formatAnalysis(analysis: PageAnalysis): string {
  const { reading, findings, summary } = analysis;
  const lines: string[] = [];
  lines.push(`Page:      ${safe(analysis.url)}`);
  lines.push(`Portal:    ${safe(portalName(reading.portal))}`);
  lines.push(`Title:     ${reading.title ? safe(reading.title) : '(none found)'}`);
  if (reading.noticeType) lines.push(`Notice:    ${safe(reading.noticeType)}`);
  if (reading.stage) lines.push(`Stage:     ${safe(reading.stage)}`);
  const buyerItem = reading.buyer && analysis.checked.find((c) => c.kind === 'buyer' && c.label === reading.buyer?.name);
  const buyerFlags = findingsAbout(buyerItem, findings).map((f) => `${f.severity === 'flag' ? 'FLAG' : 'possible match'}: ${safe(f.title)}`);
  lines.push(`Buyer:     ${reading.buyer ? `${describeParty(reading.buyer)}${buyerFlags.length ? ` — ${buyerFlags.join('; ')}` : ''}` : '(none found)'}`);
  if (reading.buyer?.address) lines.push(`           ${safe(reading.buyer.address)}`);
  if (reading.countries.length > 0) lines.push(`Countries: ${reading.countries.join(', ')}`);

  const checkedCpv = analysis.checked.filter((c) => c.kind === 'cpv');
  lines.push('', `CPV codes (${reading.cpv.length}):`);
  if (reading.cpv.length === 0) lines.push('  (none found)');
  for (const cpv of reading.cpv) {
    const item = checkedCpv.find((c) => c.label === cpv.code8 || c.label.startsWith(`${cpv.code8} `));
    const categories = findingsAbout(item, findings).map((f) => safe(f.title));
    lines.push(`  ${cpv.code8}${cpv.label ? ` ${safe(cpv.label)}` : ''}${cpv.main ? ' (main)' : ''}`);
    lines.push(`      risk categories: ${categories.length ? categories.join('; ') : 'none known'}`);
  }

  const otherCodes = reading.classifications ?? [];
  if (otherCodes.length > 0) {
    lines.push('', `Other codes (${otherCodes.length}):`);
    for (const c of otherCodes) {
      const categories = findings.filter((f) => f.classificationCodes?.some((m) => m.scheme === c.scheme && m.code === c.code)).map((f) => safe(f.title));
      lines.push(`  ${c.scheme.toUpperCase()} ${c.code}${c.label ? ` ${safe(c.label)}` : ''}`);
      lines.push(`      risk categories: ${categories.length ? categories.join('; ') : c.scheme === 'cpc' ? 'none known (CPC codes are not mapped)' : 'none known'}`);
    }
  }

  const listed = reading.listedNotices ?? [];
  if (listed.length > 0) {
    lines.push('', `Listed notices (${listed.length}):`);
    for (const n of listed) {
      lines.push(`  ${safe(n.number)}${n.published ? ` (${n.published})` : ''}${n.title ? ` ${safe(n.title)}` : ''}`);
      if (n.readFrom === 'listing') {
        lines.push('      only listed: its title, buyer, codes and winners are in its own notice (read it with inspect)');
        continue;
      }
      if (n.noticeType) lines.push(`      type: ${safe(n.noticeType)}`);
      if (n.buyer) lines.push(`      buyer: ${safe(n.buyer)}${n.countries.length ? ` (${n.countries.join(', ')})` : ''}`);
      if (n.cpv.length) lines.push(`      CPV: ${n.cpv.join(', ')}`);
      if (n.winners.length) lines.push(`      winners: ${n.winners.map(safe).join('; ')}`);
    }
  }

  const checkedSuppliers = analysis.checked.filter((c) => c.kind === 'supplier');
  lines.push('', `Suppliers (${reading.suppliers.length}):`);
  if (reading.suppliers.length === 0) lines.push('  (none read from the notice; supplier names in the page text are still matched)');
  for (const supplier of reading.suppliers) {
    const item = checkedSuppliers.find((c) => c.label === supplier.name);
    const flags = findingsAbout(item, findings).map((f) => `${f.severity === 'flag' ? 'FLAG' : 'possible match'}: ${safe(f.title)}`);
    lines.push(`  ${describeParty(supplier)}${flags.length ? ` — ${flags.join('; ')}` : ''}`);
  }

  lines.push(
    '',
    `Findings: ${summary.flagged} flagged, ${summary.review} to review, ${summary.categories} high-risk ${summary.categories === 1 ? 'category' : 'categories'}`,
  );
  if (findings.length === 0) lines.push(NO_FINDINGS_MESSAGE);
  for (const finding of findings) lines.push(...describeFinding(finding));
  const consulted = (analysis.consulted ?? []).map((s) => `${safe(s.title)} (${safe(s.version)}${s.partial ? ', partial' : ''})`);
  if (consulted.length) lines.push('', `Checked against: ${consulted.join('; ')}`);
  return `${lines.join('\n')}\n`;
}
