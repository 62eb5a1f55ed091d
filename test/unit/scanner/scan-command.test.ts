import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefaultData } from '@/src/core/types';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from '../cli/fake-io';
import { feedBytes, RSS_FIXTURES } from './feed-fixtures';

/** A knowledge base with two organisations heise.atom names (one by a distinctive full name) and one it does not. */
function writeKnowledge(): string {
  const entity = (id: string, name: string) => ({ id, sourceId: 'test-list', schema: 'Company' as const, name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] });
  const data: DefaultData = {
    formatVersion: 1,
    builtFrom: 'test',
    sources: [{ id: 'test-list', kind: 'entity-list', title: 'Test list', publisher: 'Test', url: 'https://example.org/list', licence: 'test', version: '1', partial: false }],
    entities: [entity('test:apache', 'Apache Software Foundation'), entity('test:red-hat', 'Red Hat, Inc.'), entity('test:zing', 'Zing Technologies Ltd')],
    flags: [],
    riskCategories: [],
    cpv: [],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'tenderlens-scan-')), 'knowledge.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

let server: Server;
let base: string;
const requests: { url: string; accept: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', accept: String(request.headers.accept) });
    if (request.url === '/heise.atom') {
      response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      response.end(feedBytes('heise.atom'));
    } else if (request.url === '/latin1-no-declaration.rss') {
      // Latin-1 bytes without a declaration: the HTTP charset is what tells.
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' });
      response.end(Buffer.from('<rss><channel><title>Not\xedcias</title><item><title>Apache Software Foundation: \xfaltima</title><link>/n/1</link></item></channel></rss>', 'latin1'));
    } else if (request.url === '/moved') {
      response.writeHead(301, { location: '/heise.atom' });
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body>Not here</body></html>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const knowledge = writeKnowledge();
const heiseFile = join(RSS_FIXTURES, 'heise.atom');

describe('tenderlens scan', () => {
  it('scans a feed file and a feed URL alike and reports the linked items with their reasons', async () => {
    const fromFile = recordingIo();
    expect(await runCli(['scan', heiseFile, '--data', knowledge], fromFile)).toBe(0);
    const fromUrl = recordingIo();
    expect(await runCli(['scan', `${base}/heise.atom`, '--data', knowledge], fromUrl)).toBe(0);

    for (const io of [fromFile, fromUrl]) {
      expect(io.err).toBe('');
      expect(io.out).toContain('Title: heise developer neueste Meldungen');
      expect(io.out).toContain('Items: 15; linked to known entities: 2');
      expect(io.out).toContain('  [FLAG] Apache Software Foundation bekommt ein neues Logo');
      expect(io.out).toContain('      Apache Software Foundation — high confidence (in the title)');
      expect(io.out).toContain('  [REVIEW] Java-Anwendungsserver: Red Hat gibt WildFly 10 frei');
      expect(io.out).toContain('      Red Hat, Inc. — possible match, needs review (in the title)');
      expect(io.out).toContain('        why: "Red Hat" matches the name "Red Hat, Inc."');
      expect(io.out).not.toContain('Zing Technologies');
    }
    expect(fromUrl.out).toContain(`Feed:  ${base}/heise.atom`);
    expect(requests.find((r) => r.url === '/heise.atom')?.accept).toContain('application/atom+xml');
  });

  it('prints JSON: one entry per feed with its alerts, the same for the file and the URL', async () => {
    const io = recordingIo();
    expect(await runCli(['scan', heiseFile, `${base}/moved`, '--json', '--data', knowledge], io)).toBe(0);
    const output = JSON.parse(io.out) as { feeds: { source: string; sourceId: string; title: string; items: number; alerts: { id: string; entities: { entityId: string; list: string }[]; confidence: string; mentions: { reason: string }[] }[] }[] };
    expect(output.feeds.map((f) => [f.source, f.title, f.items, f.alerts.length])).toEqual([
      [heiseFile, 'heise developer neueste Meldungen', 15, 2],
      [`${base}/moved`, 'heise developer neueste Meldungen', 15, 2],
    ]);
    const [fileFeed, urlFeed] = output.feeds;
    expect(fileFeed!.sourceId).toMatch(/^file:\/\/.*\/heise\.atom$/);
    expect(urlFeed!.sourceId).toBe(`${base}/moved`);
    expect(urlFeed!.alerts.map((a) => [a.id, a.entities, a.confidence])).toEqual([
      [`${base}/moved:http://heise.de/-3088438`, [{ entityId: 'test:red-hat', list: 'test-list' }], 'review'],
      [`${base}/moved:http://heise.de/-3086458`, [{ entityId: 'test:apache', list: 'test-list' }], 'high'],
    ]);
    expect(urlFeed!.alerts[1]!.mentions[0]!.reason).toContain('flagged because the name is distinctive');
  });

  it('decodes by the HTTP charset and resolves relative links against the address read', async () => {
    const io = recordingIo();
    expect(await runCli(['scan', `${base}/latin1-no-declaration.rss`, '--json', '--data', knowledge], io)).toBe(0);
    const feed = (JSON.parse(io.out) as { feeds: { title: string; encoding: string; alerts: { title: string; url: string }[] }[] }).feeds[0]!;
    expect(feed).toMatchObject({ title: 'Notícias', encoding: 'windows-1252' });
    expect(feed.alerts).toEqual([expect.objectContaining({ title: 'Apache Software Foundation: última', url: `${base}/n/1` })]);
  });

  it('goes on after a bad feed, reports each failure and exits 1', async () => {
    const io = recordingIo();
    const code = await runCli(['scan', join(RSS_FIXTURES, 'unrecognized.rss'), `${base}/gone.rss`, 'missing.rss', heiseFile, '--data', knowledge], io);
    expect(code).toBe(1);
    expect(io.out).toContain('unrecognized.rss: not an RSS or Atom feed (its first element is <head>');
    expect(io.out).toContain(`failed: ${base}/gone.rss: the server answered HTTP 404 Not Found`);
    expect(io.out).toContain('failed: missing.rss: no such file');
    expect(io.out).toContain('Items: 15; linked to known entities: 2');
    expect(io.err).toMatch(/^tenderlens: 3 of 4 feeds could not be read:\n/);
  });

  it('says that nothing linked is not the same as no risk', async () => {
    const io = recordingIo();
    expect(await runCli(['scan', join(RSS_FIXTURES, 'latin2.rss'), '--data', knowledge], io)).toBe(0);
    expect(io.out).toContain('Items: 1; linked to known entities: 0\n  No item names a known entity. No information is not the same as no risk.');
  });

  it('refuses a missing feed argument and other schemes as usage errors', async () => {
    const none = recordingIo();
    expect(await runCli(['scan'], none)).toBe(2);
    expect(none.err).toContain('scan needs at least one feed');
    const ftp = recordingIo();
    expect(await runCli(['scan', 'ftp://example.org/feed.rss'], ftp)).toBe(2);
    expect(ftp.err).toContain('only http(s) addresses and local files can be scanned');
  });

  it('links against FollowTheMoney entity files, with or without the default knowledge base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenderlens-scan-ftm-'));
    const record = (id: string, schema: string, name: string) => JSON.stringify({ id, schema, properties: { name: [name] } });
    const first = join(dir, 'software.ftm.jsonl');
    writeFileSync(first, `${record('ms', 'Company', 'Microsoft Corporation')}\n${record('person', 'Person', 'Daniel Schlichtholz')}\n{not json\n`);
    const second = join(dir, 'social.ftm.jsonl');
    writeFileSync(second, `${record('fb', 'Company', 'Facebook, Inc.')}\n`);

    const io = recordingIo();
    expect(await runCli(['scan', heiseFile, '--no-defaults', '--entities', first, `--entities=${second}`, '--json'], io)).toBe(0);
    const alerts = (JSON.parse(io.out) as { feeds: { alerts: { id: string; entities: { entityId: string; list: string }[]; mentions: { entityId: string; list: string }[] }[] }[] }).feeds[0]!.alerts;
    // Each entity is named by its own id in its file, with the list (the file's name) apart.
    expect(alerts.map((a) => a.entities)).toEqual([[{ entityId: 'ms', list: 'software' }], [{ entityId: 'ms', list: 'software' }], [{ entityId: 'fb', list: 'social' }]]);
    expect(alerts.flatMap((a) => a.mentions.map((m) => `${m.list} ${m.entityId}`))).toEqual(['software ms', 'software ms', 'social fb']);
    expect(io.out).not.toContain('software:ms');
    expect(io.err).toContain(`tenderlens: ${first}:3: not valid JSON`);

    const withDefaults = recordingIo();
    expect(await runCli(['scan', heiseFile, '--data', knowledge, '--entities', second], withDefaults)).toBe(0);
    expect(withDefaults.out).toContain('Items: 15; linked to known entities: 3');
    expect(withDefaults.out).toContain('Facebook, Inc. — possible match, needs review (in the title)');

    const nothing = recordingIo();
    expect(await runCli(['scan', heiseFile, '--no-defaults'], nothing)).toBe(2);
    expect(nothing.err).toContain('--no-defaults leaves nothing to link against');
    const missing = recordingIo();
    expect(await runCli(['scan', heiseFile, '--entities', join(dir, 'missing.ftm.jsonl')], missing)).toBe(1);
    expect(missing.err).toContain('missing.ftm.jsonl: no such file');
  });

  it('documents itself', async () => {
    const io = recordingIo();
    expect(await runCli(['scan', '--help'], io)).toBe(0);
    expect(io.out).toContain('Usage: tenderlens scan <feed-file|URL ...>');
    for (const option of ['--entities FILE', '--no-defaults', '--json', '--data FILE']) expect(io.out).toContain(option);
  });
});
