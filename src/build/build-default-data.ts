// Build step: reads the committed public sources in src/data/sources, converts and validates them into the
// first-run knowledge base, and writes public/data/defaults.json. Run: `npx tsx src/build/build-default-data.ts`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DefaultData } from '../core/types';
import { assembleDefaultData, summariseDefaultData, type DefaultDataSourceTexts } from '../data/assemble-default-data';
import { DEFAULT_DATA_PATH, DEFAULT_DATA_STAMP_PATH } from '../data/default-data-location';

/** The repository root (two folders above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SOURCES_DIR = join(REPO_ROOT, 'src/data/sources');
/** Where the build writes the default data: under public/, so the extension ships it at DEFAULT_DATA_PATH. */
export const DEFAULT_DATA_OUTPUT = join(REPO_ROOT, 'public', DEFAULT_DATA_PATH);

/** The source files, relative to the sources folder, in the order they are hashed. */
export const SOURCE_FILES: Readonly<Record<keyof DefaultDataSourceTexts, string>> = {
  ilabGoods: 'ilab/ilab_tvpra_goods_2022.csv',
  cpv: 'cpv/cpv2008_en.csv',
  dfoHighRiskList: 'no-dfo/dfo_norway_high_risk_list_sample.csv',
  uflpaEntityList: 'us-dhs-uflpa/uflpa_entity_list.csv',
  cbpOrders: 'us-cbp-wro/cbp_wro_findings.csv',
  riskMap: 'tenderlens-risk-map/cpv_risk_categories.csv',
};

const shortSha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Reads the sources (from `sourcesDir`, by default the committed ones) and returns the validated default data.
 * `builtFrom` carries a digest of the source files and one of the data made from them, so that a change of either
 * the sources or the converters gives a new value (the extension reinstalls its defaults when it changes).
 */
export function buildDefaultData(sourcesDir: string = SOURCES_DIR): DefaultData {
  const texts = {} as DefaultDataSourceTexts;
  let allSources = '';
  for (const [key, path] of Object.entries(SOURCE_FILES) as [keyof DefaultDataSourceTexts, string][]) {
    const text = readFileSync(join(sourcesDir, path), 'utf8');
    allSources += `${path}\0${text}\0`;
    texts[key] = { fileName: path, text };
  }
  const data = assembleDefaultData(texts, '');
  data.builtFrom = `src/data/sources sha256:${shortSha256(allSources)}, data sha256:${shortSha256(JSON.stringify(data))}`;
  return data;
}

/** Writes the data as JSON (creating the folder) and returns the path written. */
export function writeDefaultData(data: DefaultData, outputPath: string = DEFAULT_DATA_OUTPUT): string {
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, `${JSON.stringify(data)}\n`);
  // Beside it, its stamp: the background reads this small file on every wake, the data only when it differs.
  writeFileSync(join(dirname(outputPath), basename(DEFAULT_DATA_STAMP_PATH)), `${JSON.stringify({ builtFrom: data.builtFrom })}\n`);
  return outputPath;
}

function main(): void {
  const data = buildDefaultData();
  const written = writeDefaultData(data);
  console.log(`default data → ${relative(process.cwd(), written)}: ${summariseDefaultData(data)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
