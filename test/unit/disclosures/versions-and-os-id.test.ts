// A contractor's second disclosure is a new version with its differences; OS IDs are checked with their check
// character (Open Supply Hub's own examples pass; one changed character fails).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { osIdProblem } from '@/src/disclosures/os-id';
import { parseDisclosureTable } from '@/src/disclosures/parse-disclosure';
import { readTable } from '@/src/disclosures/read-table';
import { catalogueWords } from '@/src/disclosures/report-words';
import { describeChange, nextVersion } from '@/src/disclosures/versions';
import { readCatalogue } from '../ui/use-catalogue';

const DIR = fileURLToPath(new URL('../../fixtures/disclosures/', import.meta.url));
async function draft(name: string) {
  return parseDisclosureTable(await readTable(name, new Uint8Array(readFileSync(DIR + name)))).disclosures[0]!;
}

describe('versions', () => {
  it('makes the second disclosure of a contractor version 2 and keeps what changed', async () => {
    const first = nextVersion(await draft('nordkust_workwear_2026-03.csv'), []);
    expect(first.disclosure.version).toBe(1);
    expect(first.diff).toBeUndefined();
    const second = nextVersion(await draft('nordkust_workwear_2026-11.json'), [first.disclosure]);
    expect(second.disclosure).toMatchObject({ version: 2, id: 'supplier:nordkust workwear bv#2', disclosureDate: '2026-11-20' });
    expect(second.diff!.changes.map((c) => describeChange(c, catalogueWords(readCatalogue('en'), 'en')))).toEqual([
      'products changed: Erateks Tekstil Sanayi ve Ticaret A.Ş., now also cotton shirts',
      'moved: Noman Terry Towel Mills Ltd., from VAWAL MIRZAPUR, GAZIPUR (Bangladesh) to Bhawal Mirzapur, Gazipur Sadar, Gazipur 1703 (Bangladesh)',
      'products changed: Noman Terry Towel Mills Ltd., no longer terry cloth',
      'added: Aksu Huafu Textiles Co., Ltd., Aksu Textile Industrial City, Aksu (China)',
      'removed: Gallant Industries (M) Sdn Bhd, LOT 73351 JALAN PENGKALAN, LAHAT, 31500 LAHAT IPOH (Malaysia)',
    ]);
  });

  it('numbers another contractor\'s disclosure on its own', async () => {
    const nordkust = nextVersion(await draft('nordkust_workwear_2026-03.csv'), []).disclosure;
    expect(nextVersion(await draft('brightline_ict_2026-10.csv'), [nordkust]).disclosure.version).toBe(1);
  });
});

describe('OS IDs', () => {
  it('accepts Open Supply Hub\'s published examples and rejects a changed character', () => {
    expect(osIdProblem('BD2021113R7R87P')).toBeUndefined();
    expect(osIdProblem('US2025026H5N0X1')).toBeUndefined();
    expect(osIdProblem('bd 2021113 r7r87p')).toBeUndefined();
    expect(osIdProblem('BD2021113R7R87Q')).toBe('check-character');
    expect(osIdProblem('BD2021113R7R86P')).toBe('check-character');
    // a sum cannot see two characters swapped: Open Supply Hub's check character does not catch transpositions
    expect(osIdProblem('BD2021113R7R78P')).toBeUndefined();
    expect(osIdProblem('QQ2021113R7R87P')).toBe('country');
    expect(osIdProblem('BD2021400R7R87P')).toBe('date');
    expect(osIdProblem('BD2021113R7R87')).toBe('format');
    expect(osIdProblem('BD2021113R7RI7P')).toBe('format'); // I is not a Crockford base-32 character
  });
});
