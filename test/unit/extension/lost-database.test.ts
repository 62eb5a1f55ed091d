// A knowledge base deleted under a running background (by the browser clearing site data, or a user in the
// developer tools) must not turn into a false all-clear: the next request finds the shipped lists missing,
// installs them again, and the status says the knowledge base was lost (and what went with it).
import { beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { DefaultData } from '@/src/core/types';
import { buildDefaultData } from '@/src/build/build-default-data';
import { KnowledgeService } from '@/src/extension/background/knowledge-service';
import { knowledgeStatus } from '@/src/extension/background/status';
import { openKnowledgeDb } from '@/src/kb/db';
import { readNotice } from '@/src/adapters';
import { extractPageText } from '@/src/page-text/extract';

let defaults: DefaultData;
beforeAll(async () => {
  defaults = await buildDefaultData();
});

function demoPage() {
  const url = 'http://127.0.0.1:8080/demo/notice';
  const { document } = parseHTML(readFileSync(new URL('../../../src/demo/demo-notice.html', import.meta.url), 'utf8'));
  return { url, text: extractPageText(document.body).text, reading: readNotice(document as unknown as Document, url) };
}

describe('a knowledge base deleted under the background', () => {
  it('installs the shipped lists again, flags as before, and says the knowledge base was lost', async () => {
    const remembered = new Map<string, unknown>();
    const memory = { get: async (k: string) => remembered.get(k), set: async (k: string, v: unknown) => void remembered.set(k, v) };
    const service = new KnowledgeService(async () => defaults, openKnowledgeDb('lost-db'), memory);
    const before = await service.analysePage(demoPage());
    expect(before.summary.flagged).toBeGreaterThan(0);
    expect((await knowledgeStatus(service.db)).lostAt).toBeUndefined();

    await Dexie.delete('lost-db');

    const after = await service.analysePage(demoPage());
    expect(after.summary.flagged).toBe(before.summary.flagged);
    await service.whenReady();
    const status = await knowledgeStatus(service.db);
    expect(status.sources.length).toBe(defaults.sources.length);
    expect(status.lostAt).toEqual(expect.any(String));

    // A worker started afresh over the emptied database knows it was lost too (the mark outlives the database).
    await Dexie.delete('lost-db');
    const restarted = new KnowledgeService(async () => defaults, openKnowledgeDb('lost-db'), memory);
    await restarted.whenReady();
    expect((await knowledgeStatus(restarted.db)).lostAt).toEqual(expect.any(String));
    // A first run is not a loss.
    const fresh = new KnowledgeService(async () => defaults, openKnowledgeDb('fresh-db'), { get: async () => undefined, set: async () => undefined });
    await fresh.whenReady();
    expect((await knowledgeStatus(fresh.db)).lostAt).toBeUndefined();
    await Promise.all([restarted.db.delete(), fresh.db.delete()]);
  });
});
