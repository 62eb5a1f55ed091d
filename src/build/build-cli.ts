// Build step: bundles the `tenderlens` CLI (src/cli/main.ts, the shared core and the libraries they use) into one ES
// module for Node 20, .output/cli/tenderlens.mjs, which src/cli/tenderlens.mjs launches, with the chunks it loads per
// command (tenderlens-chunks/) and the entry of the page-text thread `match` starts (page-text-worker.mjs).
// Run: `npx tsx src/build/build-cli.ts`.
import { rmSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
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
  /** What starting the bundle loads: its file and the chunks it imports statically. */
  bytes: number;
  /** Every file of the build (the chunks loaded on demand included). */
  totalBytes: number;
  /** For the CLI: what starting the page-text thread loads. */
  pageTextWorkerBytes?: number;
}

/** The size of an output file and of the chunks it imports statically, each counted once. */
function loadedBytes(outputs: Metafile['outputs'], file: string, seen = new Set<string>()): number {
  if (seen.has(file) || !outputs[file]) return 0;
  seen.add(file);
  const output = outputs[file];
  return output.bytes + output.imports.filter((i) => i.kind === 'import-statement').reduce((sum, i) => sum + loadedBytes(outputs, i.path, seen), 0);
}

/**
 * Bundles the CLI into an ES module file and the chunks it loads when it needs them (in a folder beside it,
 * "<name>-chunks", emptied first), so that each command's code is loaded only when that command runs, with the
 * page-text thread's entry in the same folder, sharing the chunks. Another entry point (a test's, a benchmark
 * step's) is bundled into the one file alone, as before: its code may find files from its own location.
 */
export async function buildCli(outfile: string = CLI_BUNDLE, entry: string = CLI_ENTRY): Promise<BuiltCli> {
  if (!outfile.endsWith('.mjs')) throw new Error(`buildCli: the bundle's name must end in .mjs, got ${outfile}`);
  const outdir = dirname(outfile);
  const name = basename(outfile, '.mjs');
  const cli = entry === CLI_ENTRY;
  const chunks = `${name}-chunks`;
  if (cli) rmSync(join(outdir, chunks), { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      [name]: entry,
      ...(cli ? { [basename(PAGE_TEXT_WORKER_FILE, '.mjs')]: PAGE_TEXT_WORKER_ENTRY } : {}),
    },
    outdir,
    splitting: cli,
    ...(cli ? { chunkNames: `${chunks}/[name]-[hash]` } : {}),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: KEPT_AS_IMPORTS,
    plugins: [repoAliases],
    // The repository's tsconfig extends a file WXT generates later; the bundle needs none of its settings.
    tsconfigRaw: {},
    // Bundled CommonJS code may call require() for Node built-ins; give each ES module file one.
    banner: { js: "import { createRequire as tenderlensCreateRequire } from 'node:module';\nconst require = tenderlensCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  const key = (file: string) => relative(process.cwd(), file).split(sep).join('/');
  const built: BuiltCli = {
    outfile,
    bytes: loadedBytes(outputs, key(outfile)),
    totalBytes: Object.values(outputs).reduce((sum, o) => sum + o.bytes, 0),
  };
  if (cli) built.pageTextWorkerBytes = loadedBytes(outputs, key(join(outdir, PAGE_TEXT_WORKER_FILE)));
  return built;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const built = await buildCli();
    console.log(`cli → ${relative(process.cwd(), built.outfile)} (${Math.round(built.bytes / 1024)} KB at start, ${Math.round(built.totalBytes / 1024)} KB with every command)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
