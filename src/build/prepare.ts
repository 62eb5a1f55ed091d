// Runs on `npm ci` / `npm install` (the package's "prepare" script): builds the default knowledge base
// (public/data/defaults.json) and then the CLI bundle, printing one line for each.
import { relative } from 'node:path';
import { summariseDefaultData } from '../data/assemble-default-data';
import { buildCli } from './build-cli';
import { buildDefaultData, writeDefaultData } from './build-default-data';

async function prepare(): Promise<void> {
  const data = buildDefaultData();
  const dataFile = writeDefaultData(data);
  console.log(`default data → ${relative(process.cwd(), dataFile)}: ${summariseDefaultData(data)}`);
  const cli = await buildCli();
  console.log(`cli → ${relative(process.cwd(), cli.outfile)} (${Math.round(cli.bytes / 1024)} KB)`);
}

try {
  await prepare();
} catch (error) {
  console.error(`prepare failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
