// Runs the built CLI as users do: `node src/cli/tenderlens.mjs …` after building the bundle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '@/src/build/build-cli';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const LAUNCHER = join(REPO, 'src/cli/tenderlens.mjs');
const FIND_A_TENDER_PAGE = join(REPO, 'test/fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html');

function tenderlens(args: string[], launcher = LAUNCHER) {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built tenderlens CLI', () => {
  beforeAll(async () => {
    await buildCli();
  }, 120_000);

  it('prints its help and exits 0', () => {
    const run = tenderlens(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: tenderlens <command>');
    expect(run.stdout).toContain('inspect');
  });

  it('exits 2 with a clear message on an unknown command', () => {
    const run = tenderlens(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tenderlens: unknown command "frobnicate".\nRun "tenderlens --help" for usage.\n');
    expect(run.stdout).toBe('');
  });

  it('exits 1 naming the missing file', () => {
    const run = tenderlens(['inspect', 'missing-page.html']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tenderlens: missing-page.html: no such file\n');
  });

  it('inspects a saved notice against the shipped knowledge base', () => {
    const run = tenderlens(['inspect', FIND_A_TENDER_PAGE, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout) as { reading: { portal: string; buyer?: { name: string }; suppliers: unknown[] } };
    expect(analysis.reading.portal).toBe('find-a-tender');
    expect(analysis.reading.buyer?.name).toBe('NHS England');
    expect(analysis.reading.suppliers).toHaveLength(6);
  });

  it('tells the user how to build it when the bundle is missing', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'tenderlens-launcher-')), 'src', 'cli');
    mkdirSync(copy, { recursive: true });
    copyFileSync(LAUNCHER, join(copy, 'tenderlens.mjs'));
    const run = tenderlens(['--help'], join(copy, 'tenderlens.mjs'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the CLI is not built yet');
    expect(run.stderr).toContain('npm run build:cli');
  });
});

describe('the CLI build', () => {
  it('resolves the project import aliases without the generated WXT config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenderlens-alias-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, "import { toCountryCode } from '@/src/core/countries';\nconsole.log(toCountryCode('United Kingdom'));\n");
    const built = await buildCli(join(dir, 'out.mjs'), entry);
    const run = spawnSync(process.execPath, [built.outfile], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('GB\n');
  }, 60_000);
});
