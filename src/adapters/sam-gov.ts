// Reads SAM.gov contract opportunity and award pages (`/opp/{id}/view`). The page is an Angular app; the notice is
// read from the record the page itself loads (`/api/prod/opps/v2/opportunities/{id}`, same origin, see
// sam-record.ts), following an amendment to its latest version.
import type { PortalAdapter } from './portal-adapter';
import { buildReading } from './notice-reading';
import { documentTitle, visibleText } from './page-dom';
import { readSamRecord, SAM_PORTAL_ID, samLatestVersionId, samNoticeId } from './sam-record';

const HOSTS = new Set(['sam.gov', 'www.sam.gov']);

/** The record an opportunity page loads, on the page's own origin (a local copy keeps its path prefix). */
export function samRecordUrl(pageUrl: URL, id = samNoticeId(pageUrl)): string | undefined {
  if (!id) return undefined;
  const prefix = /^(.*?)(?:\/workspace\/contract)?\/opp\//.exec(pageUrl.pathname)?.[1] ?? '';
  return `${pageUrl.origin}${prefix}/api/prod/opps/v2/opportunities/${id}`;
}

export const samGovAdapter: PortalAdapter = {
  id: SAM_PORTAL_ID,
  name: 'SAM.gov',
  matchesUrl: (url) => HOSTS.has(url.hostname) && samNoticeId(url) !== undefined,
  recognisesPage: () => false,
  read: (doc) => buildReading(SAM_PORTAL_ID, { title: visibleText(doc.querySelector('h1')) || documentTitle(doc) }),
  twin: {
    format: 'json',
    url: (pageUrl) => samRecordUrl(pageUrl),
    read: (record, pageUrl) => readSamRecord(record, pageUrl),
    newerVersion: (record, pageUrl) => {
      const latest = samLatestVersionId(record);
      return latest ? samRecordUrl(pageUrl, latest) : undefined;
    },
  },
};

// Pages to check it on:
// https://sam.gov/opp/f90fba9ebf6243ed8290c4ed4603c182/view (award notice to Cancer CarePoint Associates, LLC, with
//   UEI and CAGE; its record is in test/fixtures/portal_html)
// https://sam.gov/opp/fc82b63eeaa740d582bb8f72e06cd4f2/view (a solicitation: NAICS 336611, PSC J999)
// https://sam.gov/search/?index=opp (search results: read by the generic reader)
