// Every command names an entity the same way in its JSON: `entityId` is the record's own FollowTheMoney id as
// written in its file, and `list` the list it came from — never the internal "<list>:<id>" form. Real entity files
// (the OpenSanctions Zala cluster, the CBP WRO glove makers) and a real feed item naming a shipped entity.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withEntityReferences } from '@/src/publish/entity-references';
import { referencesOfSets } from '@/src/cli/entity-references';
import type { EntitySet } from '@/src/cli/entity-sets';
import type { Entity } from '@/src/core/types';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ZALA = join(REPO, 'test/fixtures/ftm/yente_zala_cluster.ftm.jsonl');
const GLOVES = join(REPO, 'test/fixtures/disclosures/cbp_wro_malaysian_gloves.ftm.jsonl');
const FEED = join(REPO, 'test/fixtures/rss/supplier-alerts.rss');

const fileIds = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);

/** Every `entityId` anywhere in the output, with the `list` beside it. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.entityId === 'string') out.push(`${String(record.list)} ${record.entityId}`);
    Object.values(record).forEach((v) => references(v, out));
  }
  return out;
}

describe('entity references in the commands’ JSON', () => {
  it('scan --json names the entities of a FollowTheMoney file by their ids in that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenderlens-refs-'));
    const feed = join(dir, 'zala.rss');
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://example.org/</link>
      <item><title>Kalashnikov Concern JSC wins a contract</title><link>https://example.org/a</link><guid>a</guid></item></channel></rss>`);
    const io = recordingIo();
    expect(await runCli(['scan', feed, '--no-defaults', '--entities', ZALA, '--json'], io)).toBe(0);
    const output = JSON.parse(io.out) as { feeds: { alerts: { entities: { entityId: string; list: string }[] }[] }[] };
    const alert = output.feeds[0]!.alerts[0]!;
    expect(alert.entities).toEqual([{ entityId: 'NK-nR5AXM9AVPq4pQaSPSaVam', list: 'yente_zala_cluster' }]);
    for (const ref of references(output)) expect(fileIds(ZALA)).toContain(ref.split(' ')[1]);
    expect(io.out).not.toContain('yente_zala_cluster:NK-');
  });

  it('scan --json names a shipped entity as TenderLens’s own FollowTheMoney files do', async () => {
    const io = recordingIo();
    expect(await runCli(['scan', FEED, '--json'], io)).toBe(0);
    const refs = references(JSON.parse(io.out));
    expect(refs).toContain('us-dhs-uflpa us-dhs-uflpa:camel-group-co-ltd');
  });

  it('an entity keeps its id whether it comes from the shipped lists or from the list file `lists refresh` writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenderlens-refs-'));
    writeFileSync(join(dir, 'page.html'), '<p>Awarded to Camel Group Co., Ltd.</p>');
    // The line `tenderlens lists refresh` writes for this entity (its FtM export), in a file named after the list.
    writeFileSync(join(dir, 'us-dhs-uflpa.ftm.json'), `${JSON.stringify({ id: 'us-dhs-uflpa:camel-group-co-ltd', schema: 'Company', properties: { name: ['Camel Group Co., Ltd.'] } })}\n`);
    const shipped = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--json'], shipped)).toBe(0);
    const fromFile = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--no-defaults', '--entities', 'us-dhs-uflpa.ftm.json', '--json'], fromFile)).toBe(0);
    expect(references(JSON.parse(shipped.out))).toEqual(['us-dhs-uflpa us-dhs-uflpa:camel-group-co-ltd']);
    expect(references(JSON.parse(fromFile.out))).toEqual(['us-dhs-uflpa us-dhs-uflpa:camel-group-co-ltd']);
  });

  it('inspect --json names the finding’s entity and its flags by the entity’s own id and list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenderlens-refs-'));
    writeFileSync(join(dir, 'page.html'), '<h1>Award</h1><p>Awarded to Kalashnikov Concern JSC.</p>');
    // The shipped knowledge plus the Zala cluster's company as an imported list holds it ("<list>:<FtM id>").
    const knowledge = JSON.parse(readFileSync(join(REPO, 'public/data/defaults.json'), 'utf8')) as { sources: unknown[]; entities: unknown[]; flags: unknown[] };
    knowledge.sources.push({ id: 'yente_zala_cluster', kind: 'entity-list', title: 'Zala cluster', publisher: 'OpenSanctions', url: '', licence: 'CC BY-NC 4.0', version: '1', partial: false });
    knowledge.entities.push({ id: 'yente_zala_cluster:NK-nR5AXM9AVPq4pQaSPSaVam', sourceId: 'yente_zala_cluster', schema: 'Company', name: 'Kalashnikov Concern JSC', aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: ['RU'] });
    knowledge.flags.push({ id: 'zala-flag', sourceId: 'yente_zala_cluster', listVersion: '1', type: 'sanctions', entityId: 'yente_zala_cluster:NK-nR5AXM9AVPq4pQaSPSaVam', evidenceUrl: 'https://www.opensanctions.org/' });
    writeFileSync(join(dir, 'k.json'), JSON.stringify(knowledge));
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['inspect', 'page.html', '--data', 'k.json', '--json'], io)).toBe(0);
    const analysis = JSON.parse(io.out) as { findings: { entityId?: string; list?: string; flags: { entityId?: string; list?: string }[] }[] };
    const finding = analysis.findings.find((f) => f.entityId)!;
    expect([finding.list, finding.entityId]).toEqual(['yente_zala_cluster', 'NK-nR5AXM9AVPq4pQaSPSaVam']);
    expect(finding.flags.map((f) => `${f.list} ${f.entityId}`)).toEqual(['yente_zala_cluster NK-nR5AXM9AVPq4pQaSPSaVam']);
    expect(fileIds(ZALA)).toContain(finding.entityId);
  });

  it('check-bidders --out report.json names the file’s entities by their ids in the file', async () => {
    const io = recordingIo({ files: { 'bidders.txt': 'Supermax Corporation Bhd.\n' } });
    expect(await runCli(['check-bidders', '--bidders', 'bidders.txt', '--entities', GLOVES, '--no-defaults', '--as-of', '2026-12-03', '--out', 'r.json'], io)).toBe(0);
    const report = JSON.parse(String(io.written['r.json'])) as unknown;
    const refs = references(report);
    expect(refs).toContain('cbp_wro_malaysian_gloves wro-2021-10-21-supermax');
    expect(JSON.stringify(report)).not.toContain('cbp_wro_malaysian_gloves:wro-');
  });

  it('references prepared only for the ids a command names are those of all the sets', () => {
    const entity = (id: string, sourceId: string): Entity => ({ id, sourceId, schema: 'Company', name: id, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] });
    // A file named like a shipped list keeps its records' own ids; a shipped entity keeps its TenderLens id.
    const sets: EntitySet[] = [
      { label: 'default knowledge base', origin: 'shipped', entities: [entity('us-dhs-uflpa:camel-group-co-ltd', 'us-dhs-uflpa')] },
      { label: 'us-dhs-uflpa.ftm.json', origin: 'file', entities: [entity('us-dhs-uflpa:us-dhs-uflpa:acme', 'us-dhs-uflpa'), entity('us-dhs-uflpa:us-dhs-uflpa:other', 'us-dhs-uflpa')] },
    ];
    const ids = ['us-dhs-uflpa:camel-group-co-ltd', 'us-dhs-uflpa:us-dhs-uflpa:acme', 'us-dhs-uflpa:us-dhs-uflpa:other'];
    const all = referencesOfSets(sets);
    const some = referencesOfSets(sets, ids.slice(0, 2));
    for (const id of ids.slice(0, 2)) expect(some(id)).toEqual(all(id));
    expect(all(ids[1]!)).toEqual({ entityId: 'us-dhs-uflpa:acme', list: 'us-dhs-uflpa' });
    expect(referencesOfSets(sets, [])(ids[0]!)).toEqual(all(ids[0]!));
  });

  it('rewrites entity records, entityId fields and entityIds lists, and nothing else', () => {
    const refOf = (id: string) => ({ entityId: id.split(':').slice(1).join(':'), list: id.split(':')[0]! });
    expect(withEntityReferences({
      id: 'alert-1', entityIds: ['l:a', 'l:b'], mentions: [{ entityId: 'l:a', text: 'A' }],
      entity: { id: 'l:a', sourceId: 'l', schema: 'Company', name: 'A' }, note: 'l:a stays as text',
    }, refOf)).toEqual({
      id: 'alert-1', entities: [{ entityId: 'a', list: 'l' }, { entityId: 'b', list: 'l' }], mentions: [{ entityId: 'a', list: 'l', text: 'A' }],
      entity: { id: 'a', list: 'l', sourceId: 'l', schema: 'Company', name: 'A' }, note: 'l:a stays as text',
    });
  });
});
