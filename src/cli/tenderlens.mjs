#!/usr/bin/env node
// Launcher of the `tenderlens` CLI: runs the bundle that `npm ci` (or `npm run build:cli`) builds from src/cli.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../../.output/cli/tenderlens.mjs', import.meta.url);

if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    `tenderlens: the CLI is not built yet (${fileURLToPath(bundle)} is missing).\n` +
      'Run "npm ci" (which builds it) or "npm run build:cli", then try again.\n',
  );
  process.exit(1);
}

await import(bundle.href);
