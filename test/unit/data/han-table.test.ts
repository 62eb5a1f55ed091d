// The traditional-to-simplified fold table: the committed module is the conversion of OpenCC's shipped file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { convertHanTable, HAN_SOURCE_FILE, HAN_TABLE_MODULE, hanTableModule } from '@/src/build/build-han-table';

describe('Han fold table', () => {
  const pairs = convertHanTable(readFileSync(HAN_SOURCE_FILE, 'utf8'));
  it('is committed exactly as `npm run build:han` converts TSCharacters.txt', () => {
    expect(readFileSync(HAN_TABLE_MODULE, 'utf8')).toBe(hanTableModule(pairs));
  });
  it('maps traditional characters of company names to their simplified forms', () => {
    const table = new Map<string, string>();
    for (let i = 0; i < pairs.length; i += 2) table.set(pairs[i]!, pairs[i + 1]!);
    expect([...'鴻海精密工業股份有限公司'].map((c) => table.get(c) ?? c).join('')).toBe('鸿海精密工业股份有限公司');
    expect(table.size).toBeGreaterThan(2500);
  });
  it('rejects a malformed line with its line number', () => {
    expect(() => convertHanTable('# comment\n鴻\n')).toThrow(/line 2/);
  });
});
