// The alerts the popup lists: links without tracking parameters; a company listed under two lists' ids named once.
import { describe, expect, it } from 'vitest';
import { buildAlertViews } from '../../../src/extension/background/alert-views';
import type { AlertRow } from '../../../src/kb/db';

describe('alert views', () => {
  it('link to the item without utm_ or click-id parameters', () => {
    const row = {
      id: 'a', sourceId: 'feed:x', title: 'Camel Group added', url: 'https://alerts.example.org/2023/08/camel?id=7&utm_source=feed&utm_medium=rss&fbclid=1',
      summary: '', entityIds: ['e'], confidence: 'high', mentions: [], urlKey: '', firstSeenAt: '2026-01-01T00:00:00.000Z',
    } as unknown as AlertRow;
    const [view] = buildAlertViews([row], { entityNames: new Map([['e', 'Camel Group Co., Ltd.']]), sources: new Map(), pageEntityIds: new Set(), limit: 10 });
    expect(view!.url).toBe('https://alerts.example.org/2023/08/camel?id=7');
  });

  it('names a company linked under two lists’ ids once, and keeps both ids with their reasons', () => {
    const row = {
      id: 'feed:x:haolin', sourceId: 'feed:x', title: 'Hetian Haolin Hair Accessories Co. Ltd. on the first UFLPA Entity List', url: '', summary: '',
      entityIds: ['us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', 'us-cbp-wro:hetian-haolin-hair-accessories-co-ltd'], confidence: 'high',
      mentions: [
        { entityId: 'us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', field: 'title', text: 'Hetian Haolin Hair Accessories Co. Ltd.', start: 0, end: 39, confidence: 'high', score: 1, matchedName: 'Hetian Haolin Hair Accessories Co. Ltd.', rule: 'exact', reason: 'UFLPA' },
        { entityId: 'us-cbp-wro:hetian-haolin-hair-accessories-co-ltd', field: 'title', text: 'Hetian Haolin Hair Accessories Co. Ltd.', start: 0, end: 39, confidence: 'high', score: 1, matchedName: 'Hetian Haolin Hair Accessories Co. Ltd', rule: 'exact', reason: 'CBP' },
      ],
      urlKey: '', firstSeenAt: '2026-01-01T00:00:00.000Z',
    } as unknown as AlertRow;
    const entityNames = new Map([
      ['us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', 'Hetian Haolin Hair Accessories Co. Ltd.'],
      ['us-cbp-wro:hetian-haolin-hair-accessories-co-ltd', 'Hetian Haolin  hair accessories Co. Ltd.'],
    ]);
    const [view] = buildAlertViews([row], { entityNames, sources: new Map(), pageEntityIds: new Set(), limit: 10 });
    expect(view!.names).toEqual(['Hetian Haolin Hair Accessories Co. Ltd.']);
    expect(view!.entities.map((e) => [e.id, e.reason])).toEqual([
      ['us-dhs-uflpa:hetian-haolin-hair-accessories-co-ltd', 'UFLPA'],
      ['us-cbp-wro:hetian-haolin-hair-accessories-co-ltd', 'CBP'],
    ]);
  });
});
