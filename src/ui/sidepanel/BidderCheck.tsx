// The side panel's bidder check: bidders from the award page on the tab, a pasted list or a file; the date
// freshness is judged at; the result — a summary per bidder, the chart by country and risk, each flag with its
// chain of evidence, proposed facility links to confirm or reject, what is not known — and the exports
// (printable HTML, CSV, JSON). The report's sentences are the exported report's, in the interface language.
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseBidderList, readBidderFile } from '../../disclosures/bidder-list';
import { summariseBidder, type BidderCheckReport } from '../../disclosures/check-bidders';
import { facilityRef } from '../../disclosures/match-facilities';
import { renderReportCsv, renderReportJson } from '../../disclosures/report-export';
import { linkTierText, renderReportHtml } from '../../disclosures/report-html';
import { riskChartSvg } from '../../disclosures/risk-chart';
import { sendToBackground } from '../../extension/messages';
import { openKnowledgeDb } from '../../kb/db';
import { recordLinkDecision } from '../../kb/disclosures';
import type { TabState } from '../active-tab';
import { biddersOnPage, takeBidderCheckRequest, watchBidderCheckRequests } from '../bidder-check-request';
import { interfaceReportWords } from '../bidder-report-words';
import { formatDate, t, tn } from '../i18n';
import { DisclosureImport } from './DisclosureImport';
import { downloadFile } from '../download-file';
import { useWorldShapes, WorldMap } from './WorldMap';
import './bidder-check.css';

export function BidderCheck({ tab }: { tab: TabState }) {
  const [bidders, setBidders] = useState('');
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [report, setReport] = useState<BidderCheckReport | undefined>();
  const [state, setState] = useState<{ step: 'idle' | 'running' } | { step: 'failed'; message: string }>({ step: 'idle' });
  const fromPage = biddersOnPage(tab);
  const tabId = tab.state === 'ready' ? tab.tabId : undefined;
  const section = useRef<HTMLElement>(null);
  const biddersField = useRef<HTMLTextAreaElement>(null);
  // Asked for from the popup: the page's bidders are filled in and the check is brought into view, its field focused.
  useEffect(() => {
    if (tabId === undefined || fromPage.length === 0) return;
    const answer = () => void takeBidderCheckRequest(tabId).then((asked) => {
      if (!asked) return;
      setBidders(fromPage.join('\n'));
      section.current?.scrollIntoView({ block: 'start' });
      biddersField.current?.focus();
    });
    answer();
    return watchBidderCheckRequests(answer);
  }, [tabId, fromPage.join('\n')]);
  const shapes = useWorldShapes();
  useEffect(() => {
    if (fromPage.length > 0 && bidders === '') setBidders(fromPage.join('\n'));
  }, [fromPage.join('\n')]);

  const run = async () => {
    const names = parseBidderList(bidders, false).map((b) => b.name);
    if (names.length === 0) return setState({ step: 'failed', message: t('bcNoBidders') });
    setState({ step: 'running' });
    try {
      setReport(await sendToBackground({ type: 'check-bidders', bidders: names, asOf }));
      setState({ step: 'idle' });
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const decide = async (ref: string, knownId: string, verdict: 'confirmed' | 'rejected') => {
    await recordLinkDecision(openKnowledgeDb(), { facilityRef: ref, knownId, verdict });
    await run();
  };

  const stamp = report ? report.generatedAt.slice(0, 10) : '';
  const words = interfaceReportWords();
  return (
    <section class="bc" aria-labelledby="bc-title" ref={section}>
      <h2 id="bc-title">{t('bcTitle')}</h2>
      <DisclosureImport onChanged={() => report && void run()} />
      <form class="bc-form" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label class="bc-field">
          <span>{t('bcBiddersLabel')}</span>
          <textarea ref={biddersField} rows={4} value={bidders} onInput={(e) => setBidders((e.target as HTMLTextAreaElement).value)} />
        </label>
        {fromPage.length > 0 && <button type="button" class="link" onClick={() => setBidders(fromPage.join('\n'))}>{tn('bcUsePage', fromPage.length)}</button>}
        <label class="bc-field">
          <span>{t('bcBiddersFile')}</span>
          <input type="file" accept=".txt,.csv" onChange={async (e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) setBidders(readBidderFile(file.name, new Uint8Array(await file.arrayBuffer())).map((b) => b.name).join('\n'));
          }} />
        </label>
        <label class="bc-field bc-inline">
          <span>{t('bcAsOf')}</span>
          <input type="date" value={asOf} required onInput={(e) => setAsOf((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={state.step === 'running'}>{state.step === 'running' ? t('bcRunning') : t('bcRun')}</button>
      </form>
      {state.step === 'failed' && <p role="alert" class="error">{state.message}</p>}
      {report && (
        <div class="bc-report" aria-live="polite">
          <p class="bc-exports">{t('bcExport')}{' '}
            <button type="button" class="link" onClick={() => downloadFile(`bidder-check-${stamp}.html`, renderReportHtml(report, words, shapes), 'text/html')}>{t('bcExportHtml')}</button>{' · '}
            <button type="button" class="link" onClick={() => downloadFile(`bidder-check-${stamp}.csv`, renderReportCsv(report, words), 'text/csv')}>{t('bcFileCsv')}</button>{' · '}
            <button type="button" class="link" onClick={() => downloadFile(`bidder-check-${stamp}.json`, renderReportJson(report), 'application/json')}>{t('bcFileJson')}</button>
          </p>
          <div class="bc-scroll"><table class="bc-summary">
            <thead><tr><th>{t('bcColBidder')}</th><th>{t('bcColDisclosure')}</th><th>{t('bcColFlags')}</th><th>{t('bcColPossible')}</th><th>{t('bcColDerived')}</th><th>{t('bcColGaps')}</th></tr></thead>
            <tbody>{report.bidders.map((b) => {
              const s = summariseBidder(b, words);
              return <tr key={b.name}><td>{b.name}</td><td>{b.disclosure ? t('bcVersion', [String(b.disclosure.version), b.disclosure.date ? formatDate(b.disclosure.date) : t('bcNotDated')]) : t('bcNoDisclosure')}</td><td>{s.flagged}</td><td>{s.possible}</td><td>{s.derived}</td><td>{b.quality ? s.gaps : '—'}</td></tr>;
            })}</tbody>
          </table></div>
          <WorldMap report={report} shapes={shapes} words={words} />
          {/* The chart is shown as a picture: its SVG never becomes part of the page's own markup. */}
          <ChartPicture svg={riskChartSvg(report, words)} />
          {report.bidders.map((b) => (
            <details key={b.name} class="bc-bidder" open={b.flags.some((f) => f.severity === 'flag')}>
              <summary><strong>{b.name}</strong>: {summariseBidder(b, words).verdict}</summary>
              <ul class="bc-flags">{b.flags.map((f, i) => (
                <li key={i} class={`bc-sev-${f.severity}`}>
                  <strong>{f.title}</strong>
                  <ol class="bc-chain">{f.chain.map((c, j) => <li key={j}>{c.text}</li>)}</ol>
                  <span class="bc-muted">{words.t('repConfidenceWhy', [f.confidence, f.reason])}</span>
                </li>
              ))}</ul>
              {b.disclosure && b.facilities.flatMap((fr) => fr.links.filter((l) => l.tier === 'likely' || l.tier === 'possible' || l.tier === 'automatic').map((l) => {
                const ref = facilityRef(b.disclosure!.supplierKey, fr.facility);
                return (
                  <p key={`${ref}|${l.known.id}`} class="bc-link">
                    {t('bcLinkProposed', [fr.facility.name, `${l.known.facility.name} (${l.known.sourceLabel})`, linkTierText(l, words)])}{' '}
                    <button type="button" onClick={() => void decide(ref, l.known.id, 'confirmed')}>{t('bcConfirm')}</button>{' '}
                    <button type="button" onClick={() => void decide(ref, l.known.id, 'rejected')}>{t('bcReject')}</button>
                  </p>
                );
              }))}
              {b.quality && b.quality.gaps.length > 0 && <ul class="bc-gaps">{b.quality.gaps.map((g, i) => <li key={i}>{t(`repClause_${g.clause}`)}: {g.message}</li>)}</ul>}
              {b.unknowns.length > 0 && <ul class="bc-unknowns">{b.unknowns.map((u, i) => <li key={i}>{u}</li>)}</ul>}
            </details>
          ))}
          <p class="bc-muted">{t('bcCheckedAgainst', [report.dataVersions.map((d) => `${d.title} (${d.partial ? t('repEditionPartial', [d.version]) : d.version})`).join('; ')])}</p>
        </div>
      )}
    </section>
  );
}

/** An SVG chart as an image: no markup is written into the panel, and scripts in an image never run. */
function ChartPicture({ svg }: { svg: string }) {
  if (!svg) return null;
  return (
    <div class="bc-chart">
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('bcChartAlt')} style={{ maxWidth: '100%' }} />
    </div>
  );
}
