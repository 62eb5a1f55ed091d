import { describe, expect, it } from 'vitest';
import { buildReading, mergeCpvCodes, mergeParties } from '@/src/adapters/notice-reading';

describe('assembling a reading', () => {
  it('lists each CPV code once, main when any mention is main, with the first printed label', () => {
    expect(
      mergeCpvCodes([
        { code8: '33600000', main: false },
        { code8: '33690000', label: 'Various medicinal products', main: false },
        { code8: '33600000', label: 'Pharmaceutical products', main: true },
      ]),
    ).toEqual([
      { code8: '33600000', label: 'Pharmaceutical products', main: true },
      { code8: '33690000', label: 'Various medicinal products', main: false },
    ]);
  });

  it('merges mentions of one party but keeps parties with the same name and different identifiers apart', () => {
    const coh = (value: string) => [{ scheme: 'gb-coh' as const, value }];
    expect(
      mergeParties([
        { name: 'Amgen Ltd', identifiers: coh('02354269') },
        { name: 'AMGEN  LTD', identifiers: [], address: 'Cambridge' },
        { name: 'Amgen Ltd', identifiers: coh('02354269'), country: 'GB' },
        { name: 'Amgen Ltd', identifiers: coh('99999999') },
        { name: '   ', identifiers: [] },
      ]),
    ).toEqual([
      { name: 'Amgen Ltd', identifiers: coh('02354269'), address: 'Cambridge', country: 'GB' },
      { name: 'Amgen Ltd', identifiers: coh('99999999') },
    ]);
  });

  it('leaves out empty fields and lists countries once', () => {
    expect(buildReading('generic', { title: '  ', buyer: { name: '', identifiers: [] }, countries: ['GB', undefined, 'GB', 'DE'] })).toEqual({
      portal: 'generic',
      cpv: [],
      suppliers: [],
      countries: ['GB', 'DE'],
    });
  });
});
