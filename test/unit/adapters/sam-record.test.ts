import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buyerPath, readSamRecord, samLatestVersionId } from '@/src/adapters/sam-record';
import { samGovAdapter, samRecordUrl } from '@/src/adapters/sam-gov';

const response = JSON.parse(readFileSync(new URL('../../fixtures/portal_html/us_sam_gov_opportunities_v2_search_response.json', import.meta.url), 'utf8')) as {
  opportunitiesData: Record<string, unknown>[];
};
const AWARD_ID = 'f90fba9ebf6243ed8290c4ed4603c182';
const pageOf = (id: string) => new URL(`https://sam.gov/opp/${id}/view`);

describe('SAM.gov opportunity records', () => {
  it('reads the award notice the page names: awardee with UEI and CAGE, NAICS, PSC, the organisation path as buyer', () => {
    expect(readSamRecord(response, pageOf(AWARD_ID))).toEqual({
      portal: 'sam-gov',
      title: 'Q999--Cancer CarePoint Associates, LLC',
      noticeType: 'Award Notice',
      stage: 'Active',
      buyer: { name: 'VETERANS AFFAIRS, DEPARTMENT OF › NAC FEDERAL SUPPLY SCHEDULE (36F797)', identifiers: [], country: 'US' },
      cpv: [],
      classifications: [
        { scheme: 'naics', code: '561320' },
        { scheme: 'psc', code: 'Q999' },
      ],
      suppliers: [
        {
          name: 'CANCER CAREPOINT ASSOCIATES, LLC',
          identifiers: [
            { scheme: 'uei', value: 'LPZ2UE7MLNL5' },
            { scheme: 'cage', value: '135X2' },
          ],
          // The API writes the state ("GA") where the country's name belongs: no country is read from it.
          address: 'ATLANTA, GA, 30329',
          role: 'winner',
          values: [{ amount: 5000000, currency: 'USD', lot: '36F79726D0065' }],
        },
      ],
      countries: ['US'],
    });
  });

  it('reads a solicitation with its NAICS and PSC and no awardee', () => {
    const reading = readSamRecord(response, pageOf('fc82b63eeaa740d582bb8f72e06cd4f2'));
    expect(reading).toMatchObject({ noticeType: 'Solicitation', classifications: [{ scheme: 'naics', code: '336611' }, { scheme: 'psc', code: 'J999' }], suppliers: [] });
    expect(reading.buyer?.name).toBe('DEPT OF DEFENSE › DEPT OF THE NAVY › NAVSUP › NAVSUP GLOBAL LOGISTICS SUPPORT › NAVSUP FLC YOKOSUKA › NAVSUP FLT LOG CTR YOKOSUKA');
  });

  it('reads a whole response without a page address as search results: every awardee and code', () => {
    const reading = readSamRecord(response);
    expect(reading.noticeType).toBe('Search results (10 notices)');
    expect(reading.suppliers.map((s) => s.name)).toEqual(['CANCER CAREPOINT ASSOCIATES, LLC']);
    expect(reading.classifications?.filter((c) => c.scheme === 'naics')).toHaveLength(9);
  });

  it('honours the page record flags: cancelled, archived, and an amendment that points to its latest version', () => {
    const record = response.opportunitiesData.find((r) => r.noticeId === AWARD_ID)!;
    expect(readSamRecord({ data2: record, cancelled: true, archived: false, latest: true }).stage).toBe('Cancelled');
    expect(readSamRecord({ data2: record, cancelled: false, archived: true }).stage).toBe('Archived');
    const amended = { data2: record, latest: false, related: { opportunityId: 'FD05CE5247FB4BC1B86E1CE4691BB74B' } };
    expect(readSamRecord(amended).stage).toBe('Superseded by a later amendment');
    expect(samLatestVersionId(amended)).toBe('fd05ce5247fb4bc1b86e1ce4691bb74b');
    expect(samGovAdapter.twin?.newerVersion?.(amended, pageOf(AWARD_ID))).toBe('https://sam.gov/api/prod/opps/v2/opportunities/fd05ce5247fb4bc1b86e1ce4691bb74b');
    expect(samLatestVersionId({ data2: record, latest: true })).toBeUndefined();
  });

  it('finds the record a page loads, also under a local copy prefix', () => {
    expect(samRecordUrl(pageOf(AWARD_ID))).toBe(`https://sam.gov/api/prod/opps/v2/opportunities/${AWARD_ID}`);
    expect(samRecordUrl(new URL(`http://127.0.0.1:9/sam/opp/${AWARD_ID}/view`))).toBe(`http://127.0.0.1:9/sam/api/prod/opps/v2/opportunities/${AWARD_ID}`);
    expect(samGovAdapter.matchesUrl(new URL(`https://sam.gov/workspace/contract/opp/${AWARD_ID}/view`))).toBe(true);
    expect(samGovAdapter.matchesUrl(new URL('https://sam.gov/search/?index=opp'))).toBe(false);
    expect(buyerPath('A.A.B')).toBe('A › B');
  });
});
