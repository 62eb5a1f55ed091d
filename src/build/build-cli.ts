// Build step: bundles the `tenderlens` CLI (src/cli/main.ts, the shared core and the libraries they use) into one ES
// module for Node 20, .output/cli/tenderlens.mjs, which src/cli/tenderlens.mjs launches, and beside it the small
// bundle of the page-text thread `match` starts (page-text-worker.mjs). Run: `npx tsx src/build/build-cli.ts`.
import { statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { PAGE_TEXT_WORKER_FILE } from '../cli/page-text-thread';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_ENTRY = join(REPO_ROOT, 'src/cli/main.ts');
export const CLI_BUNDLE = join(REPO_ROOT, '.output/cli/tenderlens.mjs');
const PAGE_TEXT_WORKER_ENTRY = join(REPO_ROOT, 'src/cli/page-text-worker.ts');

/**
 * The runtime dependencies are bundled in: resolving and loading them as separate packages took about half of the
 * CLI's start-up (0.29 s against 0.14 s for `--help`), on the main thread and again on the page-text thread.
 * exceljs stays an import (npm installs it): it is large and only the commands that read or write workbooks load it,
 * when they need it.
 */
const KEPT_AS_IMPORTS = ['exceljs'];

/**
 * Resolves the project's import aliases ("@/src/…", "~/src/…") to the repository root. WXT declares them in the
 * generated .wxt/tsconfig.json, which does not exist yet when `npm ci` runs this build, so they are resolved here.
 */
const repoAliases: Plugin = {
  name: 'tenderlens-repo-aliases',
  setup(context) {
    context.onResolve({ filter: /^(?:@@?|~~?)\// }, (args) =>
      context.resolve(`./${args.path.replace(/^(?:@@?|~~?)\//, '')}`, { resolveDir: REPO_ROOT, kind: args.kind }),
    );
  },
};

export interface BuiltCli {
  outfile: string;
  bytes: number;
}

/**
 * Bundles the CLI (or another entry point, for tests) into one ES module file; for the CLI, the page-text thread's
 * bundle too, in the same folder.
 */
export async function buildCli(outfile: string = CLI_BUNDLE, entry: string = CLI_ENTRY): Promise<BuiltCli> {
  await bundle(entry, outfile);
  if (entry === CLI_ENTRY) await bundle(PAGE_TEXT_WORKER_ENTRY, join(dirname(outfile), PAGE_TEXT_WORKER_FILE));
  return { outfile, bytes: statSync(outfile).size };
}

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: KEPT_AS_IMPORTS,
    plugins: [repoAliases],
    // The repository's tsconfig extends a file WXT generates later; the bundle needs none of its settings.
    tsconfigRaw: {},
    // Bundled CommonJS code may call require() for Node built-ins; give the ES module one.
    banner: { js: "import { createRequire as tenderlensCreateRequire } from 'node:module';\nconst require = tenderlensCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const built = await buildCli();
    console.log(`cli → ${relative(process.cwd(), built.outfile)} (${Math.round(built.bytes / 1024)} KB)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
