// `tenderlens scan --feeds OPML --out DIR` against a local server serving real feed fixtures: linked, de-duplicated
// Atom and JSON feeds, one Atom per entity; a second run sends conditional requests and changes no file; a feed
// that fails keeps the items read before; hostile content stays text.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { runCli } from '@/src/cli/run-cli';
import { writeOpml } from '@/src/publish/opml';
import { ListServer } from '../sources/list-server';
import { recordingIo } from './fake-io';

const server = new ListServer();
const rss = readFileSync(new URL('../../fixtures/rss/supplier-alerts.rss', import.meta.url), 'utf8');
beforeAll(async () => {
  await server.start();
  server.serve('/monitor/feed.rss', { body: rss, headers: { 'content-type': 'application/rss+xml' } });
  // A second publisher carrying the same stories (one link without its tracking parameters).
  server.serve('/ngo/feed.rss', { body: rss.replace('Supplier alerts (test feed)', 'NGO mirror').replace('?utm_source=feed&amp;utm_medium=rss', ''), headers: { 'content-type': 'application/rss+xml' } });
  server.serve('/busy/feed.rss', { status: 503, headers: { 'retry-after': '60' } });
});
afterAll(() => server.stop());

function setUp(feeds: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'tenderlens-scan-feeds-'));
  const opml = join(dir, 'feeds.opml');
  writeFileSync(opml, writeOpml('Test', feeds.map((path) => ({ title: path, url: `${server.base}${path}` }))));
  const out = join(dir, 'out');
  const run = async () => {
    const io = recordingIo();
    const code = await runCli(['scan', '--feeds', opml, '--out', out], io);
    return { code, io };
  };
  return { out, run };
}

const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => !statSync(join(dir, f)).isDirectory()).sort();

describe('tenderlens scan --feeds', () => {
  it('publishes linked, de-duplicated alerts as Atom, JSON Feed and one Atom per entity; a second run changes nothing', async () => {
    const { out, run } = setUp(['/monitor/feed.rss', '/ngo/feed.rss']);
    const first = await run();
    expect(first.io.err).toBe('');
    expect(first.code).toBe(0);
    expect(files(out)).toEqual([
      '.tenderlens-scan-state.json',
      'alerts.atom',
      'alerts.json',
      'entities/us-cbp-wro-hetian-haolin-hair-accessories-co-ltd.atom',
      'entities/us-dhs-uflpa-aksu-huafu-color-spinning-co-ltd.atom',
      'entities/us-dhs-uflpa-camel-group-co-ltd.atom',
      'entities/us-dhs-uflpa-hetian-haolin-hair-accessories-co-ltd.atom',
      'entities/us-dhs-uflpa-hoshine-silicon-industry-shanshan-co-ltd.atom',
    ]);
    const atom = readFileSync(join(out, 'alerts.atom'), 'utf8');
    const parsed = await new Parser().parseString(atom);
    // Four stories linked in each feed, read twice: four entries.
    expect(parsed.items).toHaveLength(4);
    expect(atom).toContain('<category term="us-dhs-uflpa:camel-group-co-ltd" label="Camel Group Co., Ltd."/>');
    expect(atom).not.toContain('javascript:');
    expect(parsed.items.find((i) => i.title?.startsWith('Camel'))!.content).toContain('Read in: Supplier alerts (test feed); NGO mirror.');
    const json = JSON.parse(readFileSync(join(out, 'alerts.json'), 'utf8'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items).toHaveLength(4);

    const before = Object.fromEntries(files(out).filter((f) => !f.startsWith('.')).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const requestsBefore = server.requests.length;
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.io.out).toContain('not modified since the last run');
    expect(second.io.out).toContain('0 new item(s); 4 in the feeds; 5 entity feed(s); 0 file(s) changed');
    const conditional = server.requests.slice(requestsBefore);
    expect(conditional).toHaveLength(2);
    expect(conditional.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    for (const [file, text] of Object.entries(before)) expect(readFileSync(join(out, file), 'utf8')).toBe(text);
  });

  it('reports a feed that fails, keeps what was read before, and exits 1', async () => {
    const { out, run } = setUp(['/monitor/feed.rss', '/busy/feed.rss']);
    const { code, io } = await run();
    expect(code).toBe(1);
    expect(io.err).toBe(`tenderlens: ${server.base}/busy/feed.rss: the server answered HTTP 503 Service Unavailable (the items read before are kept)\n`);
    expect((await new Parser().parseString(readFileSync(join(out, 'alerts.atom'), 'utf8'))).items).toHaveLength(4);
  });

  it('needs --out with --feeds', async () => {
    const io = recordingIo();
    expect(await runCli(['scan', '--feeds', 'x.opml'], io)).toBe(2);
    expect(io.err).toContain('--feeds OPML and --out DIR go together');
  });
});
