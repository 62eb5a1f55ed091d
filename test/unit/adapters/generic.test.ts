import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/src/adapters/generic';
import { CONTRACTS_FINDER_PAGE, FIND_A_TENDER_PAGE, htmlPage, savedPage } from './pages';

describe('generic adapter', () => {
  it('finds the CPV code and title of both saved portal pages without knowing the portals', () => {
    expect(genericAdapter.read(savedPage(FIND_A_TENDER_PAGE))).toEqual({
      portal: 'generic',
      title: 'National Framework Agreement for Adalimumab Injection 1 April 2023',
      cpv: [{ code8: '33600000', label: 'Pharmaceutical products', main: true }],
      suppliers: [],
      countries: [],
    });
    expect(genericAdapter.read(savedPage(CONTRACTS_FINDER_PAGE))).toEqual({
      portal: 'generic',
      title: 'NHS National Framework Agreement for the Supply of Adalimumab',
      cpv: [{ code8: '33600000', label: 'Pharmaceutical products', main: false }],
      suppliers: [],
      countries: [],
    });
  });

  it('falls back to the document title when there is no h1', () => {
    expect(genericAdapter.read(htmlPage('<p>Hello</p>', '<title>Supplier news</title>')).title).toBe('Supplier news');
  });

  it('reads codes from a table of codes and labels', () => {
    const doc = htmlPage(`<table><tr><th>CPV</th><th>Description</th></tr>
      <tr><td>18113000-4</td><td>Industrial clothing</td></tr><tr><td>18114000-1</td><td>Coveralls</td></tr></table>`);
    expect(genericAdapter.read(doc).cpv).toEqual([
      { code8: '18113000', label: 'Industrial clothing', main: false },
      { code8: '18114000', label: 'Coveralls', main: false },
    ]);
  });

  it('ignores codes that only scripts, styles or screen-reader copies contain', () => {
    const doc = htmlPage(`<h1>Notice</h1><script>var cpv = "CPV 33600000 - Pharmaceutical products";</script>
      <style>.x::after { content: "CPV 33600000" }</style><noscript>CPV 33600000</noscript>
      <span class="govuk-visually-hidden">CPV 18113000</span><template><p>CPV 30190000</p></template>`);
    expect(genericAdapter.read(doc).cpv).toEqual([]);
  });

  it('does not take phone numbers, dates, registrations or bare numbers for CPV codes', () => {
    const doc = htmlPage(`<h1>Contact</h1>
      <p>Tel: 33600000 - reception</p><p>Tlf. 33600000</p><p>Fax 45000000</p><p>Published 20230314 - updated</p>
      <p>CVR-nr. 33600000 - Example ApS</p><p>Order 33600000 was shipped</p><p>Invoice 12345678 - Paid</p>
      <p>Reference 33600000-6 - Drugs</p><p>Call 0330 000 0000</p>`);
    expect(genericAdapter.read(doc).cpv).toEqual([]);
  });

  it('copes with an empty document and with huge garbled text', () => {
    expect(genericAdapter.read(htmlPage(''))).toEqual({ portal: 'generic', cpv: [], suppliers: [], countries: [] });
    let garbled = '';
    let seed = 7;
    for (let i = 0; i < 300_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      garbled += '0123456789 -:<>&;\u00a0\u2013xCPV'[seed % 24];
    }
    const doc = htmlPage(`<h1>${'\u202e'.repeat(50)}</h1><div>${garbled}</div><div>${'3'.repeat(500_000)}</div>`);
    const started = Date.now();
    const reading = genericAdapter.read(doc);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reading.cpv).toEqual([]);
  });

  it('reads a deeply nested page without overflowing the stack', () => {
    const depth = 20_000;
    const doc = htmlPage(`${'<div>'.repeat(depth)}CPV 33600000${'</div>'.repeat(depth)}`);
    expect(genericAdapter.read(doc).cpv).toEqual([{ code8: '33600000', main: false }]);
  });
});
