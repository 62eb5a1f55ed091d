import { describe, expect, it } from 'vitest';
import { findATenderAdapter } from '@/src/adapters/find-a-tender';
import { FIND_A_TENDER_PAGE, htmlPage, savedPage } from './pages';

const gb = (value: string) => [{ scheme: 'gb-coh', value }];

describe('Find a Tender adapter', () => {
  it('reads the whole award notice 008624-2023: buyer, main CPV code, all six contractors, countries', () => {
    expect(findATenderAdapter.read(savedPage(FIND_A_TENDER_PAGE))).toEqual({
      portal: 'find-a-tender',
      title: 'National Framework Agreement for Adalimumab Injection 1 April 2023',
      noticeType: 'F03: Contract award notice',
      buyer: {
        name: 'NHS England',
        identifiers: [],
        country: 'GB',
        address: 'Quarry House, Quarry Hill, Leeds, LS2 7UE',
      },
      // Main code II.1.2 and the same code again as every lot's additional code II.2.2: listed once, as main.
      cpv: [{ code8: '33600000', label: 'Pharmaceutical products', main: true }],
      suppliers: [
        { name: 'Amgen Ltd', identifiers: gb('02354269'), country: 'GB', address: '216 Science Park Milton Road, Cambridge, CB4 0WA' },
        { name: 'Sandoz Ltd', identifiers: gb('01547204'), country: 'GB', address: 'Park View, Riverside Way, Watchmoor Park, Camberley, Surrey., GU15 3YL' },
        { name: 'Biogen', identifiers: gb('01497267'), country: 'GB', address: 'Innovation House 70 Norden Road, Maidenhead Berkshire, SL6 4AY' },
        { name: 'Abbvie Ltd', identifiers: gb('08004972'), country: 'GB', address: 'Abbvie House, Vanwall Business Park, Vanwall Road, Maidenhead, Berks., SL6 4UB' },
        { name: 'Fresenius Kabi Limited', identifiers: gb('02182135'), country: 'GB', address: 'Cestrian Court, Eastgate Way, Manor Park, Runcorn, Cheshire, WA7 1NT' },
        { name: 'Celltrion Healthcare United Kingdom Limited', identifiers: gb('11685363'), country: 'GB', address: 'The Switch ,1-7 The Grove, Slough, SL1 1QP' },
      ],
      countries: ['GB'],
    });
  });

  it('reads labels from their visible copy, not the screen-reader copy', () => {
    const doc = htmlPage(`<main><h1>Desks</h1>
      <h4><span class="aria-only">two.1.2) Main CPV code</span><span aria-hidden="true">II.1.2) Main CPV code</span></h4>
      <ul class="govuk-list--bullet"><li>39121100 - Desks</li></ul>
      <h4><span class="aria-only">two.2.2) Additional CPV code(s)</span><span aria-hidden="true">II.2.2) Additional CPV code(s)</span></h4>
      <ul><li>39130000 - Office furniture</li><li>39121100 - Desks</li></ul></main>`);
    expect(findATenderAdapter.read(doc).cpv).toEqual([
      { code8: '39121100', label: 'Desks', main: true },
      { code8: '39130000', label: 'Office furniture', main: false },
    ]);
  });

  it('keeps a registration number as a national registration when the contractor is not in the UK', () => {
    const doc = htmlPage(`<main><h1>Gloves</h1>
      <h4>V.2.3) Name and address of the contractor</h4>
      <p class="govuk-body">Handschuh GmbH</p><p class="govuk-body">Hauptstrasse 1</p><p class="govuk-body">Berlin</p>
      <h5>Country</h5><p class="govuk-body">Germany</p>
      <h5>NUTS code</h5><ul><li>DE30 - Berlin</li></ul>
      <h5>National registration number</h5><p class="govuk-body">HRB 12345</p>
      <h4>V.2.3) Name and address of the contractor</h4>
      <p class="govuk-body">Handschuh GmbH</p><p class="govuk-body">Hauptstrasse 1</p>
      <h5>Country</h5><p class="govuk-body">Germany</p>
      <h5>National registration number</h5><p class="govuk-body">HRB 12345</p></main>`);
    const reading = findATenderAdapter.read(doc);
    expect(reading.suppliers).toEqual([
      { name: 'Handschuh GmbH', identifiers: [{ scheme: 'registration', value: 'HRB 12345' }], country: 'DE', address: 'Hauptstrasse 1, Berlin' },
    ]);
    expect(reading.countries).toEqual(['DE']);
  });

  it('recognises its notice pages by address and a saved copy by the GOV.UK service name', () => {
    expect(findATenderAdapter.matchesUrl(new URL('https://www.find-tender.service.gov.uk/Notice/008624-2023'))).toBe(true);
    expect(findATenderAdapter.matchesUrl(new URL('https://www.find-tender.service.gov.uk/Search/Results'))).toBe(false);
    expect(findATenderAdapter.matchesUrl(new URL('https://find-tender.example.com/Notice/008624-2023'))).toBe(false);
    expect(findATenderAdapter.recognisesPage(savedPage(FIND_A_TENDER_PAGE))).toBe(true);
    expect(findATenderAdapter.recognisesPage(htmlPage('<h1>Find a Tender</h1>'))).toBe(false);
  });

  it('returns an empty reading for an empty or unrelated page', () => {
    expect(findATenderAdapter.read(htmlPage(''))).toEqual({ portal: 'find-a-tender', cpv: [], suppliers: [], countries: [] });
    expect(findATenderAdapter.read(htmlPage('<p>Nothing here</p><h4>V.2.3) Name and address of the contractor</h4>'))).toEqual({
      portal: 'find-a-tender',
      cpv: [],
      suppliers: [],
      countries: [],
    });
  });
});
