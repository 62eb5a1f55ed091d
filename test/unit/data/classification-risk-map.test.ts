// TenderLens's UNSPSC/NAICS/PSC map: every category it names exists in the shipped risk map, every code has the
// shape its scheme's normaliser reads, a title, and appears once; PSC codes are product classes (four digits).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DefaultData } from '@/src/core/types';
import { CLASSIFICATION_RISK_MAP } from '@/src/data/classification-risk-map';
import { classification } from '@/src/adapters/classification-codes';

const DEFAULTS = JSON.parse(readFileSync(new URL('../../../public/data/defaults.json', import.meta.url), 'utf8')) as DefaultData;

describe('the classification risk map', () => {
  it('names only categories of the shipped risk map, and codes as their schemes write them, each once', () => {
    const ids = new Set(DEFAULTS.riskCategories.map((c) => c.id));
    const seen = new Set<string>();
    for (const entry of CLASSIFICATION_RISK_MAP) {
      const key = `${entry.scheme} ${entry.code}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(entry.categories.length, key).toBeGreaterThan(0);
      for (const id of entry.categories) expect(ids.has(id), `${key}: ${id}`).toBe(true);
      expect(classification(entry.scheme, entry.code)?.code, key).toBe(entry.code);
      expect(entry.title.trim().length, key).toBeGreaterThan(2);
      if (entry.scheme === 'unspsc') expect(entry.code, key).toMatch(/^\d{8}$/);
      if (entry.scheme === 'psc') expect(entry.code, key).toMatch(/^\d{4}$/);
    }
  });
});
