// A decision's scope key: a page is its address without the fragment and tracking parameters, a site is its host.
import { describe, expect, it } from 'vitest';
import { decisionApplies, scopeKeyFor, withoutTracking } from '../../../src/core/decisions';
import type { Decision } from '../../../src/core/types';

describe('withoutTracking', () => {
  it('drops utm_*, click ids and the fragment, and keeps the parameters that choose the page', () => {
    expect(withoutTracking('https://www.find-tender.service.gov.uk/Notice/008624-2023?utm_source=mail&utm_campaign=x#lot-2')).toBe(
      'https://www.find-tender.service.gov.uk/Notice/008624-2023',
    );
    expect(withoutTracking('https://portal.example/notice?id=42&fbclid=abc&gclid=def&msclkid=g')).toBe('https://portal.example/notice?id=42');
    expect(withoutTracking('https://portal.example/notice?id=42&lot=3')).toBe('https://portal.example/notice?id=42&lot=3');
  });
});

describe('decision scopes', () => {
  const decision = (scope: Decision['scope'], scopeKey: string): Decision => ({
    id: 'x', entityId: 'e', verdict: 'dismissed', scope, scopeKey, matchedText: 'A', decidedAt: '2026-01-01T00:00:00.000Z',
  });

  it('a page decision holds for the same page reached with tracking parameters or a fragment, and not for another', () => {
    const key = scopeKeyFor('page', 'https://portal.example/notice?id=42&utm_medium=email#top');
    expect(key).toBe('https://portal.example/notice?id=42');
    expect(decisionApplies(decision('page', key), 'https://portal.example/notice?id=42&gclid=1')).toBe(true);
    expect(decisionApplies(decision('page', key), 'https://portal.example/notice?id=43')).toBe(false);
  });

  it('a site decision holds for its host only; everywhere holds everywhere', () => {
    const key = scopeKeyFor('site', 'https://Portal.Example/notice?id=42');
    expect(key).toBe('portal.example');
    expect(decisionApplies(decision('site', key), 'https://portal.example/other')).toBe(true);
    expect(decisionApplies(decision('site', key), 'https://elsewhere.example/')).toBe(false);
    expect(decisionApplies(decision('everywhere', scopeKeyFor('everywhere', 'https://x.example/')), 'https://y.example/')).toBe(true);
  });
});
