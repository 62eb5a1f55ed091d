import { describe, expect, it } from 'vitest';
import { contractsFinderAdapter } from '@/src/adapters/contracts-finder';
import { CONTRACTS_FINDER_PAGE, FIND_A_TENDER_PAGE, htmlPage, savedPage } from './pages';

const gb = (value: string) => [{ scheme: 'gb-coh', value }];

describe('Contracts Finder adapter', () => {
  it('reads the awarded notice 05c544dc: buyer, industry CPV code and the five suppliers with Companies House numbers', () => {
    expect(contractsFinderAdapter.read(savedPage(CONTRACTS_FINDER_PAGE))).toEqual({
      portal: 'contracts-finder',
      title: 'NHS National Framework Agreement for the Supply of Adalimumab',
      noticeType: 'Awarded contract',
      buyer: { name: 'NHS England', identifiers: [], country: 'GB', address: '2ND FLOOR, RUTLAND HOUSE, RUNCORN, WA7 2ES' },
      cpv: [{ code8: '33600000', label: 'Pharmaceutical products', main: true }],
      suppliers: [
        { name: 'Abbvie Ltd', identifiers: gb('08004972'), address: 'Abbvie House Vanwall Road, Vanwall Business Park Maidenhead Berks SL6 4UB' },
        { name: 'Amgen Ltd', identifiers: gb('02354269'), address: '240 Cambridge Science Park, Milton Road, Cambridge, CB4 0WD' },
        { name: 'Biogen Idec UK Limited', identifiers: gb('01497267'), address: 'Innovation House, 70 Norden Road, Maidenhead, SL6 4AY' },
        // Printed as "1558756" and "1547204": padded to Companies House's 8 characters.
        { name: 'Mylan', identifiers: gb('01558756'), address: 'Building 4, Trident Place, Hatfield' },
        { name: 'Sandoz Ltd', identifiers: gb('01547204'), address: 'Frimley Business Park Frimley Camberley Surrey GU16 7SR' },
      ],
      countries: ['GB'],
    });
  });

  it('takes the supplier name from the details button when the heading is missing', () => {
    const doc = htmlPage(`<div id="all-content-wrapper"><h1>Chairs</h1>
      <div class="form-opener"><button aria-label="Supplier detail for Chair Makers Ltd">Show</button>
      <div id="supplier_block_0"><dl><dt>Reference</dt><dd><p>DUNS number: 123456789</p></dd>
      <dt>Reference</dt><dd><p>Charity number: 1100001</p></dd></dl></div></div></div>`);
    expect(contractsFinderAdapter.read(doc).suppliers).toEqual([
      {
        name: 'Chair Makers Ltd',
        identifiers: [
          { scheme: 'duns', value: '123456789' },
          { scheme: 'registration', value: 'Charity number: 1100001' },
        ],
      },
    ]);
  });

  it('recognises its notice pages by address and a saved copy by the service name, not a Find a Tender page', () => {
    expect(contractsFinderAdapter.matchesUrl(new URL('https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac'))).toBe(true);
    expect(contractsFinderAdapter.matchesUrl(new URL('https://www.contractsfinder.service.gov.uk/Search'))).toBe(false);
    expect(contractsFinderAdapter.recognisesPage(savedPage(CONTRACTS_FINDER_PAGE))).toBe(true);
    expect(contractsFinderAdapter.recognisesPage(savedPage(FIND_A_TENDER_PAGE))).toBe(false);
  });

  it('returns an empty reading for an empty page', () => {
    expect(contractsFinderAdapter.read(htmlPage(''))).toEqual({ portal: 'contracts-finder', cpv: [], suppliers: [], countries: [] });
  });
});
