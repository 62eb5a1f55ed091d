// The built `tenderlens match` reads the page's text on a second thread, from the small bundle built beside the
// CLI's; without that bundle it reads the text on its own thread. Both ways must print the same mentions, the same
// warnings and the same errors, on a real saved notice (made invalid UTF-8 here), a JSON file and a page nested
// deeper than a browser nests.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '@/src/build/build-cli';
import { PAGE_TEXT_WORKER_FILE } from '@/src/cli/page-text-thread';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ZALA = join(REPO, 'test/fixtures/ftm/yente_zala_cluster.ftm.jsonl');
const NOTICE = join(REPO, 'test/fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('tenderlens match: the page-text thread', () => {
  let withThread = '';
  let withoutThread = '';
  let built: BuiltCli | undefined;
  let dir = '';

  beforeAll(async () => {
    // Two builds in folders of their own: one as built, one without the page-text bundle.
    const build = async (): Promise<string> => {
      const root = mkdtempSync(join(tmpdir(), 'tenderlens-thread-'));
      symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
      mkdirSync(join(root, '.output', 'cli'), { recursive: true });
      built = await buildCli(join(root, '.output', 'cli', 'tenderlens.mjs'));
      return built.outfile;
    };
    withThread = await build();
    withoutThread = await build();
    rmSync(join(withoutThread, '..', PAGE_TEXT_WORKER_FILE));

    dir = mkdtempSync(join(tmpdir(), 'tenderlens-thread-pages-'));
    // The saved notice with a sentence naming a company of the Zala cluster and one byte that is not UTF-8.
    const notice = readFileSync(NOTICE, 'utf8').replace('</body>', '<p>Subcontractor: Kalashnikov Concern JSC \u0000X</p></body>');
    const bytes = Buffer.from(notice, 'utf8');
    bytes[bytes.indexOf(0)] = 0xff;
    writeFileSync(join(dir, 'notice.html'), bytes);
    writeFileSync(join(dir, 'data.json'), '{"mentions": []}\n');
    writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(20_000)}Kalashnikov Concern JSC</body></html>`);
    copyFileSync(ZALA, join(dir, 'zala.ftm.jsonl'));
  }, 180_000);

  function run(bundle: string, args: string[], input?: Buffer): Run {
    const result = spawnSync(process.execPath, [bundle, 'match', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, ...(input ? { input } : {}) });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('builds the page-text bundle beside the CLI, without the DOM and the commands the thread does not need', () => {
    expect(existsSync(join(withThread, '..', PAGE_TEXT_WORKER_FILE))).toBe(true);
    expect(built!.pageTextWorkerBytes! * 4).toBeLessThan(built!.totalBytes);
  });

  it('finds the same mentions and gives the same warning whichever thread reads the page', () => {
    const args = ['notice.html', '--entities', 'zala.ftm.jsonl', '--no-defaults', '--json'];
    const threaded = run(withThread, args);
    expect(threaded.code).toBe(0);
    expect(threaded.stderr).toMatch(/^tenderlens: warning: notice\.html:\d+: not valid UTF-8/);
    const mentions = (JSON.parse(threaded.stdout) as { mentions: { entityId: string; text: string }[] }).mentions;
    expect(mentions.map((m) => m.text)).toContain('Kalashnikov Concern JSC');
    expect(run(withoutThread, args)).toEqual(threaded);
    // The table too.
    const table = run(withThread, args.slice(0, -1));
    expect(table.stdout).toContain('Kalashnikov Concern JSC');
    expect(run(withoutThread, args.slice(0, -1))).toEqual(table);
  });

  it('refuses a JSON file and a page nested too deeply with the same messages', () => {
    for (const page of ['data.json', 'deep.html']) {
      const args = [page, '--entities', 'zala.ftm.jsonl', '--no-defaults', '--json'];
      const threaded = run(withThread, args);
      expect(threaded.code).toBe(1);
      expect(threaded.stdout).toBe('');
      expect(threaded.stderr).toMatch(new RegExp(`^tenderlens: ${page.replace('.', '\\.')}`));
      expect(run(withoutThread, args)).toEqual(threaded);
    }
  });

  it('reads a page from standard input the same way', () => {
    const args = ['-', '--entities', 'zala.ftm.jsonl', '--no-defaults', '--json'];
    const page = readFileSync(join(dir, 'notice.html'));
    const threaded = run(withThread, args, page);
    expect(threaded.code).toBe(0);
    expect(threaded.stderr).toMatch(/^tenderlens: warning: standard input:\d+: not valid UTF-8/);
    expect(threaded.stdout).toBe(run(withThread, ['notice.html', ...args.slice(1)]).stdout);
    expect(run(withoutThread, args, page)).toEqual(threaded);
  });

  it('names the page when the page and the entities file are both missing', () => {
    const args = ['nope.html', '--entities', 'nope.ftm.jsonl', '--no-defaults', '--json'];
    const threaded = run(withThread, args);
    expect(threaded).toEqual({ code: 1, stdout: '', stderr: 'tenderlens: nope.html: no such file\n' });
    expect(run(withoutThread, args)).toEqual(threaded);
  });
});
