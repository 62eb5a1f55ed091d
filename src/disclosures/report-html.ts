// The bidder check as one printable HTML page: summary table, chart, then one section per bidder with its flags
// (each with its chain of evidence, confidence and sources), facilities and their derived risks, links to known
// facilities, changes since the previous disclosure, disclosure quality per clause, alerts, and what is unknown.
// Self-contained (inline CSS and SVG, no scripts, no remote assets); every value from a file or list is escaped and
// only http(s) links are kept. Print to PDF gives a clean document (print styles: no colours needed, no split rows).
// Its words are the locale catalogue's in the report's language.
import { safeHttpUrl } from '../core/safe-url';
import { stageWord, summariseBidder, type BidderCheckReport, type BidderResult, type ReportFlag } from './check-bidders';
import type { FacilityLink } from './match-facilities';
import type { ReportWords } from './report-words';
import { MAP_CSS, worldMapSvg, type WorldShapes } from './world-shapes';
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
th,td{overflow-wrap:break-word}
@media screen and (max-width:640px){body{margin:12px auto;padding:0 8px}table{display:block;overflow-x:auto}}
@media print{body{margin:0;max-width:none;font-size:11pt;color:#000;background:#fff}h2{break-after:avoid}tr,li,.flag{break-inside:avoid}section.bidder{break-before:page}a{text-decoration:none}a[href^="http"]:after{content:" (" attr(href) ")";font-size:9pt;color:#444;word-break:break-all}.sev-flag,.sev-review,.sev-risk{color:#000}}
`;

const SEVERITY_KEYS: Record<ReportFlag['severity'], string> = { flag: 'repSeverityFlag', review: 'repSeverityReview', risk: 'repSeverityRisk' };

function link(text: string, url?: string): string {
  const safe = url ? safeHttpUrl(url) : undefined;
  return safe ? `<a href="${esc(safe)}" rel="noreferrer noopener">${esc(text)}</a>` : esc(text);
}

/** How a disclosed facility is linked to a known one, in words: "linked automatically 0.86", "confirmed by you". */
export function linkTierText(l: Pick<FacilityLink, 'tier' | 'score'>, w: ReportWords): string {
  return w.t(`repLink_${l.tier}`, [l.score.toFixed(2)]);
}

function flagHtml(f: ReportFlag, w: ReportWords): string {
  return `<tr class="flag"><td class="sev sev-${f.severity}">${esc(w.t(SEVERITY_KEYS[f.severity]))}</td><td><strong>${esc(f.title)}</strong>
<ol class="chain">${f.chain.map((s) => `<li>${link(s.text, s.url)}</li>`).join('')}</ol>
<div class="muted">${esc(w.t('repConfidenceWhy', [f.confidence, f.reason]))}</div>
${f.sources.length ? `<div class="muted">${esc(w.t('repSources'))} ${f.sources.map((s) => link(`${s.title}, ${s.version}${s.date ? `, ${s.date}` : ''}`, s.url)).join('; ')}</div>` : ''}</td></tr>`;
}

function bidderHtml(b: BidderResult, index: number, w: ReportWords): string {
  const s = summariseBidder(b, w);
  const h3 = (key: string, subs?: string[]) => `<h3>${esc(w.t(key, subs))}</h3>`;
  const parts = [`<section class="bidder" id="bidder-${index + 1}"><h2>${index + 1}. ${esc(b.name)}</h2><p><strong>${esc(s.verdict)}</strong></p>`];
  parts.push(h3('repFlagsHeading'));
  parts.push(b.flags.length ? `<table><tbody>${b.flags.map((f) => flagHtml(f, w)).join('')}</tbody></table>` : `<p>${esc(w.t('repNoFlags'))}</p>`);
  if (b.disclosure) {
    const d = b.disclosure;
    const imported = d.importedAt.slice(0, 10);
    parts.push(`${h3('repDisclosureHeading')}<p>${esc(d.date ? w.t('repDisclosureDated', [d.supplierName, String(d.version), String(d.versions), d.date, d.fileName, imported]) : w.t('repDisclosureUndated', [d.supplierName, String(d.version), String(d.versions), d.fileName, imported]))}</p>`);
    if (d.changes.length) parts.push(`<p>${esc(w.t('bcChanges', [String(d.version - 1)]))}</p><ul>${d.changes.map((c) => `<li>${esc(describeChange(c, w))}</li>`).join('')}</ul>`);
    const th = (key: string) => `<th>${esc(w.t(key))}</th>`;
    parts.push(`<table><thead><tr>${['repColFacility', 'repColCountry', 'repColStage', 'repColProducts', 'repColKnownAs', 'repColDerived'].map(th).join('')}</tr></thead><tbody>${b.facilities.map((f) => {
      const risks = [
        ...(f.risk.region ? [w.t('repRiskXinjiang')] : []),
        ...f.entityHits.map((h) => w.t(h.confidence === 'high' ? 'repRiskIs' : 'repRiskMayBe', [h.entity.name])),
        ...f.risk.productCountry.map((r) => w.t('repRiskProduct', [r.good, w.country(r.country)])),
        ...f.risk.categories.map((c) => w.t('repRiskCategory', [c.category.label])),
      ];
      const links = f.links.map((l) => `${l.known.sourceLabel}: ${l.known.facility.name}${l.known.facility.osId ? ` (${l.known.facility.osId})` : ''} — ${linkTierText(l, w)}`);
      const muted = (key: string) => `<span class="muted">${esc(w.t(key))}</span>`;
      return `<tr><td>${esc(f.facility.name)}<div class="muted">${esc(f.facility.address)}${f.facility.osId ? ` · OS ID ${esc(f.facility.osId)}` : ''}</div></td><td>${esc(w.country(f.facility.country))}</td><td>${esc(stageWord(f.facility.stage, w))}${f.facility.suppliesTo ? `<div class="muted">${esc(w.t('repSupplies', [f.facility.suppliesTo]))}</div>` : ''}</td><td>${esc(f.facility.products.join(', ') || '—')}</td><td>${links.map(esc).join('<br>') || muted('repNoKnownFacility')}</td><td>${risks.map(esc).join('<br>') || muted('repNoneFound')}</td></tr>`;
    }).join('')}</tbody></table>`);
    if (b.quality) {
      const q = b.quality;
      parts.push(`${h3('repQualityHeading', [q.asOf])}<table><thead><tr><th>${esc(w.t('repColClause'))}</th><th>${esc(w.t('repColPassed'))}</th></tr></thead><tbody>${Object.entries(q.byClause).filter(([, v]) => v.checked > 0).map(([c, v]) => `<tr><td>${esc(w.t(`repClause_${c}`))}</td><td>${esc(w.t('repPassedOf', [String(v.passed), String(v.checked)]))}</td></tr>`).join('')}</tbody></table>`);
      parts.push(q.gaps.length ? `<ul>${q.gaps.map((g) => `<li><strong>${esc(w.t(`repClause_${g.clause}`))}</strong>: ${esc(g.message)}</li>`).join('')}</ul>` : `<p>${esc(w.t('repNoGaps'))}</p>`);
    }
  }
  if (b.alerts) parts.push(`${h3('repAlertsHeading')}${b.alerts.length ? `<ul>${b.alerts.map((a) => `<li>${link(a.title, a.url)} <span class="muted">${esc(a.sourceTitle)}${a.published ? `, ${esc(a.published.slice(0, 10))}` : ''}</span></li>`).join('')}</ul>` : `<p>${esc(w.t('repNoAlerts'))}</p>`}`);
  if (b.unknowns.length) parts.push(`${h3('repUnknownsHeading')}<ul>${b.unknowns.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** The printable page; with the shipped country shapes it has the world map beside the chart. */
export function renderReportHtml(report: BidderCheckReport, w: ReportWords, shapes?: WorldShapes): string {
  const summary = report.bidders.map((b, i) => {
    const s = summariseBidder(b, w);
    const disclosure = b.disclosure ? w.t('bcVersion', [String(b.disclosure.version), b.disclosure.date ?? w.t('bcNotDated')]) : w.t('bcNoDisclosure');
    return `<tr><td><a href="#bidder-${i + 1}">${esc(b.name)}</a></td><td>${esc(disclosure)}</td><td>${b.facilities.length}</td><td>${s.flagged}</td><td>${s.possible}</td><td>${s.derived}</td><td>${b.quality ? s.gaps : '—'}</td><td>${b.alerts ? b.alerts.length : esc(w.t('repNotChecked'))}</td><td>${esc(s.verdict)}</td></tr>`;
  }).join('');
  const th = (key: string) => `<th>${esc(w.t(key))}</th>`;
  const none = w.t('bcNoDisclosure');
  return `<!DOCTYPE html>
<html lang="${esc(w.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(w.t('repPageTitle', [report.asOf]))}</title><style>${CSS}${MAP_CSS}</style></head><body>
<h1>${esc(w.t('bcTitle'))}</h1>
<p class="meta">${esc(w.t('repMeta', [report.generatedAt, report.asOf, w.tn('repBidderCount', report.bidders.length)]))}</p>
<p class="notice">${esc(w.t('repNotice'))}</p>
<h2>${esc(w.t('repSummaryHeading'))}</h2>
<table><thead><tr>${['bcColBidder', 'bcColDisclosure', 'repColFacilities', 'bcColFlags', 'bcColPossible', 'bcColDerived', 'repColGaps', 'repColAlerts', 'repColMeaning'].map(th).join('')}</tr></thead><tbody>${summary}</tbody></table>
${worldMapSvg(report, shapes, w)}
${riskChartSvg(report, w)}
${report.consistency.length ? `<h2>${esc(w.t('repAcrossHeading'))}</h2><ul>${report.consistency.map((c) => `<li>${esc(c.message)}</li>`).join('')}</ul>` : ''}
${report.bidders.map((b, i) => bidderHtml(b, i, w)).join('\n')}
<h2>${esc(w.t('repCheckedHeading'))}</h2>
<table><thead><tr>${['repColList', 'repColVersion', 'repColLoaded'].map(th).join('')}</tr></thead><tbody>${report.dataVersions.map((d) => `<tr><td>${esc(d.title)}${d.partial ? ` <strong>(${esc(w.t('repPartial'))})</strong>` : ''}</td><td>${esc(d.version)}</td><td>${esc(d.loadedAt?.slice(0, 10) ?? '—')}</td></tr>`).join('')}</tbody></table>
<p>${esc(w.t('repDisclosuresUsed', [report.disclosuresUsed.map((d) => `${d.supplier} v${d.version}${d.date ? ` (${d.date})` : ''}, ${d.fileName}`).join('; ') || none]))}</p>
<p>${esc(w.t('repFacilityListsUsed', [report.facilityLists.map((l) => w.tn('repFacilityListEntry', l.facilities, [l.label])).join('; ') || none]))}</p>
<p class="notice">${esc(w.t('repNoInformation'))}</p>
</body></html>
`;
}
