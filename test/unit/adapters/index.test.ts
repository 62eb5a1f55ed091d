import { describe, expect, it } from 'vitest';
import { pickAdapter, readNotice, readNoticeInSlices } from '@/src/adapters';
import { CONTRACTS_FINDER_PAGE, FIND_A_TENDER_PAGE, htmlPage, savedPage } from './pages';

describe('pickAdapter', () => {
  const fat = savedPage(FIND_A_TENDER_PAGE);
  const cf = savedPage(CONTRACTS_FINDER_PAGE);

  it('chooses by the address of a live portal page', () => {
    expect(pickAdapter('https://www.find-tender.service.gov.uk/Notice/008624-2023', htmlPage('')).id).toBe('find-a-tender');
    expect(pickAdapter('https://www.contractsfinder.service.gov.uk/Notice/05c544dc-9e6f-452d-87c1-bf00f3ce73ac', htmlPage('')).id).toBe('contracts-finder');
    expect(pickAdapter('https://www.find-tender.service.gov.uk/Search/Results', fat).id).toBe('generic');
  });

  it('recognises saved copies opened from a file or a local server by their look', () => {
    expect(pickAdapter('file:///tmp/notice.html', fat).id).toBe('find-a-tender');
    expect(pickAdapter('http://127.0.0.1:8123/cf.html', cf).id).toBe('contracts-finder');
    expect(pickAdapter('not a url', cf).id).toBe('contracts-finder');
    expect(pickAdapter('file:///tmp/other.html', htmlPage('<h1>Hello</h1>')).id).toBe('generic');
  });

  it('recognises a local copy by the canonical address it declares', () => {
    const doc = htmlPage('<h1>Notice</h1>', '<link rel="canonical" href="https://www.find-tender.service.gov.uk/Notice/008624-2023">');
    expect(pickAdapter('http://localhost:3000/x.html', doc).id).toBe('find-a-tender');
  });

  it('does not let a page on another site claim to be a portal', () => {
    expect(pickAdapter('https://example.com/copy.html', fat).id).toBe('generic');
  });
});

describe('readNotice', () => {
  it('reads a saved Find a Tender page as Find a Tender', () => {
    const reading = readNotice(savedPage(FIND_A_TENDER_PAGE), 'file:///tmp/notice.html');
    expect(reading.portal).toBe('find-a-tender');
    expect(reading.buyer?.name).toBe('NHS England');
    expect(reading.suppliers).toHaveLength(6);
  });

  it('falls back to the codes in the text when a portal page has no CPV list where expected', () => {
    const doc = htmlPage('<main><h1>New format</h1><p>Main CPV code: 33600000 - Pharmaceutical products</p></main>');
    expect(readNotice(doc, 'https://www.find-tender.service.gov.uk/Notice/000001-2025')).toEqual({
      portal: 'find-a-tender',
      title: 'New format',
      cpv: [{ code8: '33600000', label: 'Pharmaceutical products', main: true }],
      suppliers: [],
      countries: [],
    });
  });

  it('does not crash on empty or hostile documents', () => {
    expect(readNotice(htmlPage(''), '')).toEqual({ portal: 'generic', cpv: [], suppliers: [], countries: [] });
    const hostile = htmlPage('<h1><script>CPV 33600000</script></h1><div id="supplier_block_0"><dl><dt></dt></dl></div>');
    expect(readNotice(hostile, 'https://www.contractsfinder.service.gov.uk/Notice/x').cpv).toEqual([]);
  });
});

describe('readNoticeInSlices', () => {
  const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  it('reads what readNotice reads, on the saved pages and by every reader they are read with', async () => {
    const cases: Array<[string, Document]> = [
      ['file:///tmp/notice.html', savedPage(FIND_A_TENDER_PAGE)],
      ['http://127.0.0.1:8123/cf.html', savedPage(CONTRACTS_FINDER_PAGE)],
      ['https://example.com/copy.html', savedPage(FIND_A_TENDER_PAGE)],
      ['https://example.com/copy.html', savedPage(CONTRACTS_FINDER_PAGE)],
    ];
    for (const [url, doc] of cases) {
      expect(await readNoticeInSlices(doc, pickAdapter(url, doc), yieldToPage)).toEqual(readNotice(doc, url));
    }
  });

  it('reads what readNotice reads on a long page, letting the page run between slices', async () => {
    const saved = savedPage(FIND_A_TENDER_PAGE).body.innerHTML;
    const doc = htmlPage(Array.from({ length: 40 }, (_, i) => `<section id="copy-${i}">${saved}</section>`).join(''));
    let yields = 0;
    const counted = () => ((yields += 1), yieldToPage());
    const url = 'https://example.com/long.html';
    const reading = await readNoticeInSlices(doc, pickAdapter(url, doc), counted);
    expect(reading).toEqual(readNotice(doc, url));
    expect(reading.cpv.length).toBeGreaterThan(0);
    expect(yields).toBeGreaterThan(1);
  });
});
