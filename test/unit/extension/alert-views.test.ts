// The alerts the popup lists: links without tracking parameters.
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
});
