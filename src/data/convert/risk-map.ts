// Converts TenderLens's editorial CPV → risk-category map (CSV) into risk categories resting on ILAB and DFØ
// flags, checking every CPV code, good and product name against the lists, and that the DFØ rows' suggested CPV
// codes are covered. All problems are reported together, each with its line and column.
import type { RiskCategory, Source } from '../../core/types';
import { riskCategoriesForCpv } from '../../core/cpv';
import { readCsvTable, type CsvRow } from '../csv';

export const RISK_MAP_SOURCE_ID = 'tenderlens-risk-map';

const REQUIRED_COLUMNS = ['category_id', 'category_label', 'cpv_codes', 'ilab_goods', 'dfo_products'];

/** What the map is checked against: the CPV vocabulary and the flags of the lists it cites. */
export interface RiskMapReferences {
  cpvCodes: ReadonlySet<string>;
  /** ILAB flag ids by good name. */
  ilabFlagIdsByGood: ReadonlyMap<string, readonly string[]>;
  /** DFØ flag id by the row's `product_en` value. */
  dfoFlagIdByProduct: ReadonlyMap<string, string>;
  /** CPV codes each DFØ row suggests, by flag id; each must be covered by a category citing that row. */
  dfoSuggestedCpvByFlagId: ReadonlyMap<string, readonly string[]>;
}

/** The map has problems; `problems` lists each one with its file, line and column. */
export class RiskMapError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The risk map has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RiskMapError';
  }
}

export interface RiskMapConversion {
  source: Source;
  riskCategories: RiskCategory[];
}

function listField(row: CsvRow, column: string): string[] {
  return row
    .get(column)
    .split(';')
    .map((part) => part.trim().normalize('NFC'))
    .filter((part) => part.length > 0);
}

/** Reads the risk map. Throws a CsvError for a malformed file, a RiskMapError listing every content problem. */
export function convertRiskMap(csvText: string, fileName: string, references: RiskMapReferences): RiskMapConversion {
  const table = readCsvTable(csvText, { fileName, requiredColumns: REQUIRED_COLUMNS });
  const problems: string[] = [];
  const report = (row: CsvRow, column: string | undefined, problem: string) => problems.push(row.error(column, problem).message);
  const riskCategories: RiskCategory[] = [];
  const lineOfId = new Map<string, number>();
  const ilabGoodsByNfc = new Map([...references.ilabFlagIdsByGood].map(([good, ids]) => [good.normalize('NFC'), ids] as const));
  const dfoByNfc = new Map([...references.dfoFlagIdByProduct].map(([product, id]) => [product.normalize('NFC'), id] as const));

  for (const row of table.rows) {
    const id = row.get('category_id').trim();
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      report(row, 'category_id', `expected lower-case letters, digits and dashes, found ${JSON.stringify(id)}`);
    } else if (lineOfId.has(id)) {
      report(row, 'category_id', `"${id}" is already used on line ${lineOfId.get(id)}`);
    }
    lineOfId.set(id, row.line);
    const label = row.get('category_label').trim();
    if (!label) report(row, 'category_label', 'expected a label, found an empty field');

    const cpvCodes = listField(row, 'cpv_codes');
    if (cpvCodes.length === 0) report(row, 'cpv_codes', 'expected at least one CPV code');
    const seenCodes = new Set<string>();
    for (const code of cpvCodes) {
      if (!/^\d{8}$/.test(code)) report(row, 'cpv_codes', `expected 8-digit CPV codes separated by ";", found ${JSON.stringify(code)}`);
      else if (!references.cpvCodes.has(code)) report(row, 'cpv_codes', `${code} is not a CPV 2008 code`);
      if (seenCodes.has(code)) report(row, 'cpv_codes', `${code} is listed twice`);
      seenCodes.add(code);
    }

    const flagIds: string[] = [];
    const goods = listField(row, 'ilab_goods');
    const products = listField(row, 'dfo_products');
    if (goods.length === 0 && products.length === 0) {
      report(row, undefined, 'the category cites no ILAB good and no DFØ product, so nothing supports it');
    }
    for (const good of goods) {
      const ids = ilabGoodsByNfc.get(good);
      if (!ids) report(row, 'ilab_goods', `${JSON.stringify(good)} is not a good of the ILAB list (names must match exactly)`);
      else flagIds.push(...ids);
    }
    for (const product of products) {
      const flagId = dfoByNfc.get(product);
      if (!flagId) report(row, 'dfo_products', `${JSON.stringify(product)} is not a product_en value of the DFØ list (names must match exactly)`);
      else flagIds.push(flagId);
    }
    riskCategories.push({ id, label, cpvCodes, flagIds: [...new Set(flagIds)] });
  }

  for (const [flagId, suggested] of references.dfoSuggestedCpvByFlagId) {
    const citing = riskCategories.filter((category) => category.flagIds.includes(flagId));
    if (citing.length === 0) {
      problems.push(`${fileName}: no category cites the DFØ product ${flagId}`);
      continue;
    }
    for (const code of suggested) {
      if (!references.cpvCodes.has(code)) {
        problems.push(`${fileName}: the DFØ product ${flagId} suggests ${code}, which is not a CPV 2008 code`);
      } else if (riskCategoriesForCpv(code, citing).length === 0) {
        problems.push(`${fileName}: the DFØ product ${flagId} suggests CPV ${code}, but no category citing it covers that code`);
      }
    }
  }

  if (problems.length > 0) throw new RiskMapError(problems);
  const source: Source = {
    id: RISK_MAP_SOURCE_ID,
    kind: 'reference',
    title: 'TenderLens CPV risk categories',
    publisher: 'TenderLens',
    url: '', // no published address of its own: it ships inside TenderLens
    licence: 'MIT',
    version: '1',
    partial: false,
    note: `Editorial mapping of ${riskCategories.length} product risk categories to CPV codes and to the ILAB and DFØ statements behind them; a judgement of the TenderLens project, not of ILAB or DFØ.`,
  };
  return { source, riskCategories };
}
