// Converts the hand-transcribed Norway DFØ High Risk List (Høyrisikolisten) CSV into product flags, one per
// product row, keeping each row's page, its risk levels by supply-chain stage and its suggested CPV codes.
import type { Flag, Source } from '../../core/types';
import { readCsvTable, type CsvRow } from '../csv';
import { slugify } from '../slug';

export const DFO_SOURCE_ID = 'no-dfo';
export const DFO_OVERVIEW_URL =
  'https://www.anskaffelser.no/public-procurement/socially-responsible-public-procurement/information-about-high-risk-products';
export const DFO_LIST_VERSION = 'pages last changed 2018–2021';

const RISK_COLUMNS = [
  ['risk_raw_material', 'raw material'],
  ['risk_component', 'components'],
  ['risk_final_production', 'final production'],
] as const;
const RISK_LEVELS = new Set(['very high', 'high', 'medium', 'low']);
const REQUIRED_COLUMNS = [
  'category_no',
  'category_en',
  'product_no',
  'product_en',
  ...RISK_COLUMNS.map(([column]) => column),
  'source_url',
  'cpv_prefixes_suggested',
];

export interface DfoConversion {
  source: Source;
  flags: Flag[];
  /** Flag id of each product, keyed by the row's exact `product_en` value (NFC-normalised). */
  flagIdByProduct: Map<string, string>;
  /** The CPV codes each row suggests, keyed by flag id (an editorial mapping made when transcribing). */
  suggestedCpvByFlagId: Map<string, string[]>;
}

/** "Lettuce (imported) [newer page rates this high]" → the product name and the transcriber's remark. */
function splitRemark(productEn: string): { product: string; remark?: string } {
  const match = /^(.*?)\s*\[([^\]]+)\]\s*$/.exec(productEn);
  if (!match || !match[1]) return { product: productEn };
  return { product: match[1], remark: match[2] };
}

function httpsUrl(row: CsvRow, column: string): string {
  const value = row.required(column);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw row.error(column, `expected an https:// address, found ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:') throw row.error(column, `expected an https:// address, found ${JSON.stringify(value)}`);
  return url.href;
}

function suggestedCpvCodes(row: CsvRow): string[] {
  const raw = row.get('cpv_prefixes_suggested').trim();
  if (!raw) return [];
  return raw.split(';').map((part) => {
    const code = part.trim();
    if (!/^\d{8}$/.test(code)) throw row.error('cpv_prefixes_suggested', `expected ;-separated 8-digit CPV codes, found ${JSON.stringify(code)}`);
    return code;
  });
}

/** Reads the DFØ CSV. Throws a CsvError naming the line and column of the first bad field. */
export function convertDfoHighRiskList(csvText: string, fileName: string): DfoConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: REQUIRED_COLUMNS });
  const flags: Flag[] = [];
  const flagIdByProduct = new Map<string, string>();
  const suggestedCpvByFlagId = new Map<string, string[]>();
  const lineOfId = new Map<string, number>();

  for (const row of table.rows) {
    const productEn = row.required('product_en').normalize('NFC');
    const { product, remark } = splitRemark(productEn);
    const id = `${DFO_SOURCE_ID}:${slugify(product)}`;
    const earlier = lineOfId.get(id);
    if (earlier !== undefined) throw row.error('product_en', `the product ${JSON.stringify(product)} is already listed on line ${earlier}`);
    lineOfId.set(id, row.line);

    const levels: string[] = [];
    for (const [column, stage] of RISK_COLUMNS) {
      const level = row.get(column).trim();
      if (!level) continue;
      if (!RISK_LEVELS.has(level)) throw row.error(column, `expected one of ${[...RISK_LEVELS].join(', ')} or empty, found ${JSON.stringify(level)}`);
      levels.push(`${stage} ${level}`);
    }
    const category = row.required('category_en');
    const productNo = row.get('product_no').trim();
    const categoryNo = row.get('category_no').trim();
    const norwegian = [productNo && `"${productNo}"`, categoryNo && `in "${categoryNo}"`].filter(Boolean).join(' ');
    const noteParts = [
      `Category: ${category}.`,
      levels.length > 0
        ? `Risk by supply-chain stage: ${levels.join('; ')}.`
        : 'DFØ describes the risks in prose, without levels by supply-chain stage.',
    ];
    if (norwegian) noteParts.push(`In Norwegian: ${norwegian}.`);
    if (remark) noteParts.push(`Transcriber's remark: ${remark}.`);

    flags.push({
      id,
      sourceId: DFO_SOURCE_ID,
      listVersion: DFO_LIST_VERSION,
      type: 'high_risk_product',
      product,
      evidenceUrl: httpsUrl(row, 'source_url'),
      note: noteParts.join(' '),
    });
    flagIdByProduct.set(productEn, id);
    suggestedCpvByFlagId.set(id, suggestedCpvCodes(row));
  }

  const source: Source = {
    id: DFO_SOURCE_ID,
    kind: 'product-list',
    title: 'Høyrisikolisten (High Risk List) for public procurement',
    publisher: 'DFØ – Direktoratet for forvaltning og økonomistyring',
    url: DFO_OVERVIEW_URL,
    licence: 'Norwegian Licence for Open Government Data (NLOD 2.0)',
    version: DFO_LIST_VERSION,
    partial: true,
    note: `${flags.length} products transcribed by hand from the DFØ pages; check the live pages for current values.`,
  };
  return { source, flags, flagIdByProduct, suggestedCpvByFlagId };
}
