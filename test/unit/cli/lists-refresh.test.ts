// `tenderlens lists refresh` from a local server serving the saved UFLPA page: a FollowTheMoney file the
// extension's FtM reader reads back, what changed on the next run, 304 handling, a failure keeping the last file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@/src/cli/run-cli';
import { parseFtmList } from '@/src/sources/parse-entity-lists';
import { fixture, ListServer } from '../sources/list-server';
import { recordingIo } from './fake-io';

const server = new ListServer();
const page = fixture('dhs_uflpa_entity_list.html');
beforeAll(() => server.start());
afterAll(() => server.stop());

async function refresh(out: string, path: string) {
  const io = recordingIo();
  const code = await runCli(['lists', 'refresh', '--out', out, '--only', 'us-dhs-uflpa', '--from', `${server.base}${path}`], io);
  return { code, io };
}

describe('tenderlens lists refresh', () => {
  it('writes the list as FollowTheMoney lines, then says what changed, then sends a conditional request', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tenderlens-lists-'));
    server.serve('/uflpa', { body: page });
    const first = await refresh(out, '/uflpa');
    expect(first.code).toBe(0);
    expect(first.io.out).toContain('us-dhs-uflpa: dhs.gov, latest listing 2025-01-15; 82 entities, 82 flags');
    const ftm = readFileSync(join(out, 'us-dhs-uflpa.ftm.json'), 'utf8');
    const read = parseFtmList(ftm, { sourceId: 'list-mirror', url: 'https://mirror.example/us-dhs-uflpa.ftm.json', flagType: 'import_ban' });
    expect(read.entities).toHaveLength(82);
    expect(read.entities.find((e) => e.name === 'Hetian Haolin Hair Accessories Co. Ltd.')!.aliases).toEqual(['Hotan Haolin Hair Accessories', 'Hollin Hair Accessories']);

    server.serve('/uflpa', { body: page.replace('Hoshine Silicon Industry (Shanshan) Co.,&nbsp;Ltd (including one alias: Hesheng Silicon Industry (Shanshan) Co.)', 'Hoshine Silicon Group (Shanshan) Co., Ltd (formerly known as Hoshine Silicon Industry (Shanshan) Co., Ltd)') });
    const second = await refresh(out, '/uflpa');
    expect(second.io.out).toContain('changed: 0 added, 0 removed, 1 renamed');
    expect(second.io.out).toContain('renamed: Hoshine Silicon Industry (Shanshan) Co., Ltd → Hoshine Silicon Group (Shanshan) Co., Ltd');

    const third = await refresh(out, '/uflpa');
    expect(third.io.out).toBe('us-dhs-uflpa: not modified since the last run\n');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeTruthy();

    server.serve('/uflpa', { status: 429, headers: { 'retry-after': '120' } });
    const failed = await refresh(out, '/uflpa');
    expect(failed.code).toBe(1);
    expect(failed.io.err).toContain('the server answered HTTP 429 Too Many Requests (the last good file is kept)');
    expect(readFileSync(join(out, 'us-dhs-uflpa.ftm.json'), 'utf8')).toContain('Hoshine Silicon Group');
  });
});
