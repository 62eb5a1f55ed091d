// Converts the CPV 2008 main vocabulary CSV (code with check digit, 8-digit code, English label) into CPV entries.
import type { CpvEntry, Source } from '../../core/types';
import { readCsvTable } from '../csv';

export const CPV_SOURCE_ID = 'eu-cpv';

export interface CpvConversion {
  source: Source;
  cpv: CpvEntry[];
}

/** Reads the CPV CSV. Throws a CsvError naming the line and column of the first bad field. */
export function convertCpv(csvText: string, fileName: string): CpvConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: ['code', 'code8', 'check_digit', 'label_en'] });
  const cpv: CpvEntry[] = [];
  const lineOfCode = new Map<string, number>();
  for (const row of table.rows) {
    const code8 = row.required('code8');
    if (!/^\d{8}$/.test(code8)) throw row.error('code8', `expected 8 digits, found ${JSON.stringify(code8)}`);
    const checkDigit = row.required('check_digit');
    if (!/^\d$/.test(checkDigit)) throw row.error('check_digit', `expected one digit, found ${JSON.stringify(checkDigit)}`);
    const code = row.required('code');
    if (code !== `${code8}-${checkDigit}`) throw row.error('code', `expected "${code8}-${checkDigit}" (code8 and check_digit), found ${JSON.stringify(code)}`);
    const earlier = lineOfCode.get(code8);
    if (earlier !== undefined) throw row.error('code8', `the code ${code8} is already listed on line ${earlier}`);
    lineOfCode.set(code8, row.line);
    cpv.push({ code8, label: row.required('label_en') });
  }
  const source: Source = {
    id: CPV_SOURCE_ID,
    kind: 'reference',
    title: 'Common Procurement Vocabulary (CPV 2008), main vocabulary',
    publisher: 'European Union (Commission Regulation (EC) No 213/2008)',
    url: 'https://simap.ted.europa.eu/cpv',
    licence: '© European Union; reuse authorised under Commission Decision 2011/833/EU, with attribution',
    version: '2008',
    partial: false,
    note: `${cpv.length} codes with their English labels.`,
  };
  return { source, cpv };
}
