// Runs on `npm ci` / `npm install` (the package's "prepare" script): generates WXT's types and tsconfig (.wxt/,
// which tsconfig.json extends), builds the default knowledge base (public/data/defaults.json), the world map's
// country shapes (public/data/world-shapes.json) and then the CLI bundle, printing one line for each.
import { relative } from 'node:path';
import { prepare as prepareWxt } from 'wxt';
import { summariseDefaultData } from '../data/assemble-default-data';
import { buildCli } from './build-cli';
import { buildDefaultData, writeDefaultData } from './build-default-data';
import { buildWorldShapes, writeWorldShapes } from './build-world-shapes';

/** WXT's own progress messages are left out; its warnings and errors are shown. */
const quietWxtLogger = {
  debug: () => undefined,
  log: () => undefined,
  info: () => undefined,
  success: () => undefined,
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
  level: 3,
};

async function prepare(): Promise<void> {
  await prepareWxt({ logger: quietWxtLogger });
  console.log('wxt types → .wxt/');
  const data = buildDefaultData();
  const dataFile = writeDefaultData(data);
  console.log(`default data → ${relative(process.cwd(), dataFile)}: ${summariseDefaultData(data)}`);
  const shapes = buildWorldShapes();
  const shapesFile = writeWorldShapes(shapes);
  console.log(`world shapes → ${relative(process.cwd(), shapesFile)}: ${Object.keys(shapes.shapes).length} countries (Natural Earth)`);
  const cli = await buildCli();
  console.log(`cli → ${relative(process.cwd(), cli.outfile)} (${Math.round(cli.bytes / 1024)} KB at start, ${Math.round(cli.totalBytes / 1024)} KB with every command)`);
}

try {
  await prepare();
} catch (error) {
  console.error(`prepare failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
