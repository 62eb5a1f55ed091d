// User decisions: dismissed matches disappear where their scope applies; confirmed ones become red flags.
import { describe, expect, it } from 'vitest';
import type { Decision } from '@/src/core/types';
import { compileMatcher, findMentions } from '@/src/matcher';
import { entity } from './entity-fixtures';

const matcher = compileMatcher([entity('camel', 'Camel Group Co., Ltd.'), entity('hoshine', 'Hoshine Silicon Industry Co., Ltd.')]);
const text = 'Bidders: Camel Group, Hoshine Silicon Industry Co., Ltd.';
const pageUrl = 'https://www.find-tender.service.gov.uk/Notice/008624-2023';

function decision(verdict: Decision['verdict'], scope: Decision['scope'], scopeKey: string, extra: Partial<Decision> = {}): Decision {
  return { id: 'd1', entityId: 'camel', verdict, scope, scopeKey, matchedText: 'CAMEL GROUP', decidedAt: '2025-01-01T00:00:00Z', ...extra };
}
const ids = (decisions: Decision[], url = pageUrl) => findMentions(matcher, text, { pageUrl: url, decisions }).map((m) => m.entityId);

describe('decisions', () => {
  it('without decisions both companies are found', () => {
    expect(ids([])).toEqual(['camel', 'hoshine']);
  });
  it('a dismissal on this page removes the mention whose normalised text matches', () => {
    expect(ids([decision('dismissed', 'page', pageUrl)])).toEqual(['hoshine']);
    expect(ids([decision('dismissed', 'page', 'https://www.find-tender.service.gov.uk/Notice/other')])).toEqual(['camel', 'hoshine']);
  });
  it('a dismissal for the site applies to every page of that host', () => {
    expect(ids([decision('dismissed', 'site', 'www.find-tender.service.gov.uk')])).toEqual(['hoshine']);
    expect(ids([decision('dismissed', 'site', 'www.contractsfinder.service.gov.uk')])).toEqual(['camel', 'hoshine']);
  });
  it('a dismissal everywhere applies without a page URL', () => {
    expect(findMentions(matcher, text, { decisions: [decision('dismissed', 'everywhere', '')] }).map((m) => m.entityId)).toEqual(['hoshine']);
  });
  it('a dismissal of other text or another entity changes nothing', () => {
    expect(ids([decision('dismissed', 'everywhere', '', { matchedText: 'Camel Group Co., Ltd.' })])).toEqual(['camel', 'hoshine']);
    expect(ids([decision('dismissed', 'everywhere', '', { entityId: 'hoshine' })])).toEqual(['camel', 'hoshine']);
  });
  it('a confirmation raises the mention to high and says so', () => {
    const [camel] = findMentions(matcher, text, { pageUrl, decisions: [decision('confirmed', 'page', pageUrl)] });
    expect(camel).toMatchObject({ entityId: 'camel', confidence: 'high' });
    expect(camel!.rule).toContain('confirmed');
    expect(camel!.reason).toMatch(/user confirmed/i);
  });
  it('the latest decision wins', () => {
    const later = decision('confirmed', 'everywhere', '', { id: 'd2', decidedAt: '2025-02-01T00:00:00Z' });
    expect(ids([decision('dismissed', 'everywhere', ''), later])).toEqual(['camel', 'hoshine']);
  });
});
