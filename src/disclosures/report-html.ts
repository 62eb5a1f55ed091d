// The bidder check as one printable HTML page: summary table, chart, then one section per bidder with its flags
// (each with its chain of evidence, confidence and sources), facilities and their derived risks, links to known
// facilities, changes since the previous disclosure, disclosure quality per clause, alerts, and what is unknown.
// Self-contained (inline CSS and SVG, no scripts, no remote assets); every value from a file or list is escaped and
// only http(s) links are kept. Print to PDF gives a clean document (print styles: no colours needed, no split rows).
import { countryName } from '../core/countries';
import { safeHttpUrl } from '../core/safe-url';
import { summariseBidder, type BidderCheckReport, type BidderResult, type ReportFlag } from './check-bidders';
import { escapeXml as esc, riskChartSvg } from './risk-chart';
import { describeChange } from './versions';

const CSS = `
:root{color-scheme:light dark;--fg:#1d1f23;--muted:#5a6070;--line:#d5d8de;--flag:#b3261e;--review:#8a5300;--risk:#9a5a00;--bg:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#e7e9ee;--muted:#a5abb8;--line:#3a3f4a;--flag:#ff8a80;--review:#ffcc80;--risk:#ffb74d;--bg:#16181d}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:24px auto;max-width:1000px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
.meta,.muted{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:color-mix(in srgb,var(--line) 35%,transparent)}.sev{font-weight:600;white-space:nowrap}.sev-flag{color:var(--flag)}.sev-review{color:var(--review)}.sev-risk{color:var(--risk)}
ol.chain{margin:2px 0;padding-left:20px}li{margin:1px 0}.notice{border-left:4px solid var(--line);padding:6px 10px;margin:10px 0}
a{color:inherit}
@media print{body{margin:0;max-width:none;font-size:11pt;color:#000;background:#fff}h2{break-after:avoid}tr,li,.flag{break-inside:avoid}section.bidder{break-before:page}a{text-decoration:none}a[href^="http"]:after{content:" (" attr(href) ")";font-size:9pt;color:#444;word-break:break-all}.sev-flag,.sev-review,.sev-risk{color:#000}}
`;

const SEVERITY_LABEL: Record<ReportFlag['severity'], string> = { flag: '⚑ Flagged', review: '? Possible', risk: '⚠ Derived risk' };

function link(text: string, url?: string): string {
  const safe = url ? safeHttpUrl(url) : undefined;
  return safe ? `<a href="${esc(safe)}" rel="noreferrer noopener">${esc(text)}</a>` : esc(text);
}

function flagHtml(f: ReportFlag): string {
  return `<tr class="flag"><td class="sev sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</td><td><strong>${esc(f.title)}</strong>
<ol class="chain">${f.chain.map((s) => `<li>${link(s.text, s.url)}</li>`).join('')}</ol>
<div class="muted">Confidence: ${esc(f.confidence)}. Why: ${esc(f.reason)}</div>
${f.sources.length ? `<div class="muted">Sources: ${f.sources.map((s) => link(`${s.title}, ${s.version}${s.date ? `, ${s.date}` : ''}`, s.url)).join('; ')}</div>` : ''}</td></tr>`;
}

function bidderHtml(b: BidderResult, index: number): string {
  const s = summariseBidder(b);
  const parts = [`<section class="bidder" id="bidder-${index + 1}"><h2>${index + 1}. ${esc(b.name)}</h2><p><strong>${esc(s.verdict)}</strong></p>`];
  parts.push('<h3>Flags and risks</h3>');
  parts.push(b.flags.length ? `<table><tbody>${b.flags.map(flagHtml).join('')}</tbody></table>` : '<p>No flag, possible match or derived risk was found on the lists checked. No information is not the same as no risk.</p>');
  if (b.disclosure) {
    const d = b.disclosure;
    parts.push(`<h3>Disclosure</h3><p>${esc(d.supplierName)}, version ${d.version} of ${d.versions}${d.date ? `, dated ${esc(d.date)}` : ', not dated'} (file ${esc(d.fileName)}, imported ${esc(d.importedAt.slice(0, 10))}).</p>`);
    if (d.changes.length) parts.push(`<p>Changes since version ${d.version - 1}:</p><ul>${d.changes.map((c) => `<li>${esc(describeChange(c))}</li>`).join('')}</ul>`);
    parts.push(`<table><thead><tr><th>Facility</th><th>Country</th><th>Stage</th><th>Products</th><th>Known as</th><th>Derived risks</th></tr></thead><tbody>${b.facilities.map((f) => {
      const risks = [
        ...(f.risk.region ? ['Xinjiang (UFLPA)'] : []),
        ...f.entityHits.map((h) => `${h.confidence === 'high' ? 'is' : 'may be'} ${h.entity.name}`),
        ...f.risk.productCountry.map((r) => `${r.good} from ${r.country} (ILAB)`),
        ...f.risk.categories.map((c) => `category: ${c.category.label}`),
      ];
      const links = f.links.map((l) => `${l.known.sourceLabel}: ${l.known.facility.name}${l.known.facility.osId ? ` (${l.known.facility.osId})` : ''} — ${l.tier === 'automatic' ? 'linked automatically' : l.tier === 'exact' ? 'exact' : l.tier === 'confirmed' ? 'confirmed by you' : `${l.tier}, to review`} ${l.score.toFixed(2)}`);
      return `<tr><td>${esc(f.facility.name)}<div class="muted">${esc(f.facility.address)}${f.facility.osId ? ` · OS ID ${esc(f.facility.osId)}` : ''}</div></td><td>${esc(countryName(f.facility.country) ?? f.facility.country)}</td><td>${esc(f.facility.stage?.replace('-', ' ') ?? '—')}${f.facility.suppliesTo ? `<div class="muted">supplies ${esc(f.facility.suppliesTo)}</div>` : ''}</td><td>${esc(f.facility.products.join(', ') || '—')}</td><td>${links.map(esc).join('<br>') || '<span class="muted">no known facility</span>'}</td><td>${risks.map(esc).join('<br>') || '<span class="muted">none found</span>'}</td></tr>`;
    }).join('')}</tbody></table>`);
    if (b.quality) {
      const q = b.quality;
      parts.push(`<h3>Disclosure quality (as of ${esc(q.asOf)})</h3><table><thead><tr><th>Clause</th><th>Checks passed</th></tr></thead><tbody>${Object.entries(q.byClause).filter(([, v]) => v.checked > 0).map(([c, v]) => `<tr><td>${esc(c)}</td><td>${v.passed} of ${v.checked}</td></tr>`).join('')}</tbody></table>`);
      parts.push(q.gaps.length ? `<ul>${q.gaps.map((g) => `<li><strong>${esc(g.clause)}</strong>: ${esc(g.message)}</li>`).join('')}</ul>` : '<p>No gap found in the fields checked.</p>');
    }
  }
  if (b.alerts) parts.push(`<h3>Recent alerts</h3>${b.alerts.length ? `<ul>${b.alerts.map((a) => `<li>${link(a.title, a.url)} <span class="muted">${esc(a.sourceTitle)}${a.published ? `, ${esc(a.published.slice(0, 10))}` : ''}</span></li>`).join('')}</ul>` : '<p>No alert names this bidder or its flagged facilities in the feeds read.</p>'}`);
  if (b.unknowns.length) parts.push(`<h3>What is not known</h3><ul>${b.unknowns.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}

export function renderReportHtml(report: BidderCheckReport): string {
  const summary = report.bidders.map((b, i) => {
    const s = summariseBidder(b);
    return `<tr><td><a href="#bidder-${i + 1}">${esc(b.name)}</a></td><td>${b.disclosure ? `v${b.disclosure.version}${b.disclosure.date ? `, ${esc(b.disclosure.date)}` : ''}` : 'none'}</td><td>${b.facilities.length}</td><td>${s.flagged}</td><td>${s.possible}</td><td>${s.derived}</td><td>${b.quality ? s.gaps : '—'}</td><td>${b.alerts ? b.alerts.length : 'not checked'}</td><td>${esc(s.verdict)}</td></tr>`;
  }).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Bidder check — ${esc(report.asOf)}</title><style>${CSS}</style></head><body>
<h1>Bidder check</h1>
<p class="meta">Generated ${esc(report.generatedAt)} · freshness judged as of ${esc(report.asOf)} · ${report.bidders.length} bidder${report.bidders.length === 1 ? '' : 's'}</p>
<p class="notice">Each flag shows its chain of evidence and its confidence. “Derived risk” comes from a facility's products and country, not from anything known about the facility itself. Nothing in this report says “no risk”: it says what was checked, against which list versions, and what is not known.</p>
<h2>Summary</h2>
<table><thead><tr><th>Bidder</th><th>Disclosure</th><th>Facilities</th><th>Flags</th><th>Possible</th><th>Derived risks</th><th>Disclosure gaps</th><th>Alerts</th><th>What it means</th></tr></thead><tbody>${summary}</tbody></table>
${riskChartSvg(report)}
${report.consistency.length ? `<h2>Across bidders</h2><ul>${report.consistency.map((c) => `<li>${esc(c.message)}</li>`).join('')}</ul>` : ''}
${report.bidders.map(bidderHtml).join('\n')}
<h2>What was checked</h2>
<table><thead><tr><th>List</th><th>Version</th><th>Loaded</th></tr></thead><tbody>${report.dataVersions.map((d) => `<tr><td>${esc(d.title)}${d.partial ? ' <strong>(partial)</strong>' : ''}</td><td>${esc(d.version)}</td><td>${esc(d.loadedAt?.slice(0, 10) ?? '—')}</td></tr>`).join('')}</tbody></table>
<p>Disclosures: ${report.disclosuresUsed.map((d) => esc(`${d.supplier} v${d.version}${d.date ? ` (${d.date})` : ''}, ${d.fileName}`)).join('; ') || 'none'}.</p>
<p>Facility lists: ${report.facilityLists.map((l) => esc(`${l.label} (${l.facilities} facilities)`)).join('; ') || 'none'}.</p>
<p class="notice">No information is not the same as no risk.</p>
</body></html>
`;
}
