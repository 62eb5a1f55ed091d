import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buyerPath, readSamRecord, samLatestVersionId } from '@/src/adapters/sam-record';
import { samGovAdapter, samRecordUrl } from '@/src/adapters/sam-gov';

const response = JSON.parse(readFileSync(new URL('../../fixtures/portal_html/us_sam_gov_opportunities_v2_search_response.json', import.meta.url), 'utf8')) as {
  opportunitiesData: Record<string, unknown>[];
};
const AWARD_ID = 'f90fba9ebf6243ed8290c4ed4603c182';
/** The day the saved response was retrieved (its records were posted up to 2026-02-02). */
const RETRIEVED = new Date('2026-02-02T12:00:00Z');
const pageOf = (id: string) => new URL(`https://sam.gov/opp/${id}/view`);

describe('SAM.gov opportunity records', () => {
  it('reads the award notice the page names: awardee with UEI and CAGE, NAICS, PSC, the organisation path as buyer', () => {
    expect(readSamRecord(response, pageOf(AWARD_ID), RETRIEVED)).toEqual({
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

  it('reads every field it uses from where the real public response has it', () => {
    const at = (record: unknown, path: string) => path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), record);
    const records = response.opportunitiesData as unknown[];
    const award = records.find((r) => at(r, 'noticeId') === AWARD_ID);
    for (const path of ['title', 'type', 'fullParentPathName', 'naicsCode', 'classificationCode', 'active', 'archiveDate', 'officeAddress.countryCode',
      'award.number', 'award.amount', 'award.awardee.name', 'award.awardee.ueiSAM', 'award.awardee.cageCode', 'award.awardee.location.city.name',
      'award.awardee.location.state.name', 'award.awardee.location.zip']) {
      expect(at(award, path), path).toEqual(expect.any(String));
    }
    expect(at(award, 'naicsCodes')).toEqual(['561320']);
    // Each of the ten records: its organisation path as buyer, its NAICS and PSC as the record writes them.
    for (const record of records) {
      const reading = readSamRecord(record, undefined, RETRIEVED);
      expect(reading.buyer?.name.split(' › ')[0]).toBe(String(at(record, 'fullParentPathName')).split('.')[0]);
      expect(reading.classifications).toEqual([{ scheme: 'naics', code: at(record, 'naicsCode') }, { scheme: 'psc', code: at(record, 'classificationCode') }]);
      expect(reading.noticeType).toBe(at(record, 'type'));
      expect(reading.stage).toBe('Active');
    }
  });

  it('says a notice is archived once its archive date has passed (the public record has no other sign of it)', () => {
    expect(readSamRecord(response, pageOf(AWARD_ID), new Date('2026-04-03T12:00:00Z')).stage).toBe('Active');
    expect(readSamRecord(response, pageOf(AWARD_ID), new Date('2026-04-04T00:00:00Z')).stage).toBe('Archived on 2026-04-03');
    // The Forest Service's notice stays open until 2032.
    expect(readSamRecord(response, pageOf('f85ff581f08d4d408ae0214beb569d95'), new Date('2026-12-03')).stage).toBe('Active');
  });

  it('reads the place of performance’s country (a Navy order delivered in Chinhae, Korea)', () => {
    const reading = readSamRecord(response, pageOf('fc82b63eeaa740d582bb8f72e06cd4f2'), RETRIEVED);
    expect(reading.countries).toEqual(['US', 'KR']);
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
