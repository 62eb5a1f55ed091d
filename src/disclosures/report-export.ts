// The bidder check as CSV (one row per finding: flags, derived risks, quality gaps and unknowns, each with its
// bidder, facility, evidence chain, confidence and sources; the report's date and data versions in leading comment
// rows) and as JSON (the whole report, with a format version). Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe. The column names, kinds and comment rows stay English (a file for the record); the
// findings' own sentences are in the report's language. Pure.
import Papa from 'papaparse';
import { summariseBidder, type BidderCheckReport } from './check-bidders';
import type { ReportWords } from './report-words';
import { referenceOfId, withEntityReferences, type ReferenceOf } from '../publish/entity-references';

export const REPORT_JSON_FORMAT = 'tenderlens-bidder-check/1';

/** A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) is kept as text. */
function cell(value: string | number): string {
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function renderReportCsv(report: BidderCheckReport, w: ReportWords): string {
  const header = ['bidder', 'kind', 'severity', 'facility', 'country', 'title', 'evidence_chain', 'confidence', 'reason', 'sources'];
  const rows: string[][] = [];
  for (const b of report.bidders) {
    const s = summariseBidder(b, w);
    rows.push([b.name, 'summary', '', '', '', s.verdict, '', '', `flags ${s.flagged}; possible ${s.possible}; derived risks ${s.derived}; disclosure gaps ${b.quality ? s.gaps : 'no disclosure'}; alerts ${b.alerts ? b.alerts.length : 'not checked'}`, '']);
    for (const f of b.flags) {
      const facility = f.chain.find((c) => c.kind === 'facility')?.text ?? '';
      const fac = b.facilities.find((x) => facility.startsWith(`${x.facility.name},`));
      rows.push([b.name, 'flag', f.severity, fac?.facility.name ?? '', fac?.facility.country ?? '', f.title, f.chain.map((c) => c.text).join(' → '), f.confidence, f.reason, f.sources.map((x) => `${x.title} ${x.version} <${x.url}>`).join('; ')]);
    }
    for (const g of b.quality?.gaps ?? []) {
      const fac = b.facilities.find((x) => x.facility.name === g.facility);
      rows.push([b.name, `quality:${g.clause}`, g.kind, g.facility ?? '', fac?.facility.country ?? '', g.message, '', '', '', '']);
    }
    for (const u of b.unknowns) rows.push([b.name, 'unknown', '', '', '', u, '', '', '', '']);
  }
  for (const c of report.consistency) rows.push([c.bidders.join(' / '), 'consistency', '', c.facilityName, '', c.message, '', '', '', '']);
  const meta = [
    `# TenderLens bidder check, generated ${report.generatedAt}, freshness as of ${report.asOf}`,
    `# lists: ${report.dataVersions.map((d) => `${d.title} ${d.version}${d.partial ? ' (partial)' : ''}`).join('; ')}`,
    `# disclosures: ${report.disclosuresUsed.map((d) => `${d.supplier} v${d.version}${d.date ? ` ${d.date}` : ''}`).join('; ') || 'none'}`,
    '# no information is not the same as no risk',
  ];
  return `${meta.join('\r\n')}\r\n${Papa.unparse({ fields: header, data: rows.map((r) => r.map(cell)) }, { newline: '\r\n' })}\r\n`;
}

/** The report as JSON, every entity named by its own FollowTheMoney id with its list beside it. */
export function renderReportJson(report: BidderCheckReport, referenceOf: ReferenceOf = referenceOfId): string {
  return `${JSON.stringify(withEntityReferences({ format: REPORT_JSON_FORMAT, ...report }, referenceOf), null, 2)}\n`;
}
