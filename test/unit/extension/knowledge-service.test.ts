// The background's knowledge service over a real Dexie database (fake-indexeddb): first run, analysis of real
// saved pages and of the demonstration notice, the matcher's saved form, and user decisions.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { DefaultData } from '../../../src/core/types';
import { buildDefaultData } from '../../../src/build/build-default-data';
import { KnowledgeService } from '../../../src/extension/background/knowledge-service';
import { openKnowledgeDb } from '../../../src/kb/db';
import { readNotice } from '../../../src/adapters';
import { extractPageText } from '../../../src/page-text/extract';
import type { PageInput } from '../../../src/core/analyse-page';
import { replaceListRows, knowledgeRevision } from '../../../src/kb/lists';
import { compileAndSaveMatcher, readMatcherSelfie } from '../../../src/kb/matcher-selfie';

let defaults: DefaultData;
let n = 0;
const services: KnowledgeService[] = [];

beforeAll(async () => {
  defaults = await buildDefaultData();
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.db.delete();
});

function service(): KnowledgeService {
  const s = new KnowledgeService(async () => defaults, openKnowledgeDb(`service-${n++}`));
  services.push(s);
  return s;
}

function pageFrom(relative: string, url: string): PageInput {
  const html = readFileSync(new URL(relative, import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  return { url, text: extractPageText(document.body).text, reading: readNotice(document as unknown as Document, url) };
}

const demo = () => pageFrom('../../../src/demo/demo-notice.html', 'http://127.0.0.1:8080/demo/notice');
const findATender = () =>
  pageFrom('../../fixtures/portal_html/uk_find_a_tender_notice_008624-2023_award.html', 'https://www.find-tender.service.gov.uk/Notice/008624-2023');

describe('knowledge service', () => {
  it('finds nothing listed on the real Find a Tender notice, but reports what it checked', async () => {
    const analysis = await service().analysePage(findATender());
    expect(analysis.findings).toEqual([]);
    expect(analysis.checked.find((c) => c.kind === 'cpv')?.label).toContain('33600000');
    expect(analysis.checked.filter((c) => c.kind === 'supplier').length).toBeGreaterThanOrEqual(1);
  });

  it('flags the UFLPA-listed contractor and the high-risk categories of the demonstration notice', async () => {
    const analysis = await service().analysePage(demo());
    const flagged = analysis.findings.filter((f) => f.kind === 'flagged-entity');
    expect(flagged.map((f) => f.title)).toContain('Hoshine Silicon Industry (Shanshan) Co., Ltd');
    expect(flagged[0]!.sources[0]).toMatchObject({ url: 'https://www.dhs.gov/uflpa-entity-list', partial: true });
    const categories = analysis.findings.filter((f) => f.kind === 'high-risk-category');
    expect(categories.flatMap((c) => c.cpvCodes)).toEqual(expect.arrayContaining(['09331200', '31440000', '18424000']));
    for (const c of categories) expect(c.flags.length).toBeGreaterThan(0);
    expect(analysis.summary.flagged).toBe(flagged.length);
  });

  it('saves the compiled matcher and loads it again on wake instead of recompiling', async () => {
    const first = service();
    await first.currentMatcher();
    const selfie = await first.db.meta.get('matcherSelfie');
    expect(selfie?.value).toMatchObject({ revision: expect.any(Number) });
    const woken = new KnowledgeService(async () => defaults, first.db);
    const before = await woken.analysePage(demo());
    expect(before.summary.flagged).toBeGreaterThan(0);
  });

  it('on wake reads the shipped data only when its stamp differs from the one installed, and still finds a lost database', async () => {
    const first = service();
    await first.currentMatcher();
    let reads = 0;
    const counting = async () => {
      reads++;
      return defaults;
    };
    const stamp = async () => defaults.builtFrom;
    const woken = new KnowledgeService(counting, first.db, undefined, undefined, stamp);
    expect((await woken.analysePage(demo())).summary.flagged).toBeGreaterThan(0);
    expect(reads).toBe(0);
    // A new build: its stamp differs, the data is read (and installed).
    const rebuilt = new KnowledgeService(counting, first.db, undefined, undefined, async () => 'another build');
    await rebuilt.whenReady();
    expect(reads).toBe(1);
    // The database emptied under the worker: no stamp is installed any more, so the data is read and installed again.
    await first.db.meta.clear();
    await first.db.entities.clear();
    const afterLoss = new KnowledgeService(counting, first.db, undefined, undefined, stamp);
    expect((await afterLoss.analysePage(demo())).summary.flagged).toBeGreaterThan(0);
    expect(reads).toBe(2);
  });

  it('shares one loading of the saved matcher between analyses asked for at the same moment', async () => {
    const first = service();
    const compiled = await first.currentMatcher();
    const woken = new KnowledgeService(async () => defaults, first.db);
    const [a, b] = await Promise.all([woken.currentMatcher(), woken.currentMatcher()]);
    expect(a).toBe(b);
    expect(a).not.toBe(compiled);
  });

  it('compiles again when the saved matcher is in an older format or damaged, and saves the new one', async () => {
    const first = service();
    await first.currentMatcher();
    const saved = (await first.db.meta.get('matcherSelfie'))?.value as { revision: number; bytes: Uint8Array };
    const olderFormat = saved.bytes.slice();
    new DataView(olderFormat.buffer).setUint32(4, 1, true);
    for (const bytes of [olderFormat, saved.bytes.slice(0, 40), 'not bytes']) {
      await first.db.meta.put({ key: 'matcherSelfie', value: { revision: saved.revision, bytes } });
      const woken = new KnowledgeService(async () => defaults, first.db);
      expect((await woken.analysePage(demo())).summary.flagged).toBeGreaterThan(0);
      const resaved = (await first.db.meta.get('matcherSelfie'))?.value as { bytes: Uint8Array };
      expect(resaved.bytes).toEqual(saved.bytes);
    }
    // Three compiles of the shipped lists (170 entities since the UFLPA and CBP lists ship in full).
  }, 20_000);

  it('forgets the saved matcher on request (a new build), and compiles on the next analysis', async () => {
    const first = service();
    await first.currentMatcher();
    await first.forgetSavedMatcher();
    expect(await first.db.meta.get('matcherSelfie')).toBeUndefined();
    expect((await first.analysePage(demo())).summary.flagged).toBeGreaterThan(0);
    expect(await first.db.meta.get('matcherSelfie')).toBeDefined();
  });

  it('applies a dismissal to the page it was made on, and a confirmation everywhere', async () => {
    const s = service();
    const page = demo();
    const before = await s.analysePage(page);
    const target = before.findings.find((f) => f.entityId)!;
    await s.recordDecision({ entityId: target.entityId!, verdict: 'dismissed', scope: 'page', pageUrl: page.url, matchedText: target.anchors[0]!.text! });
    const after = await s.analysePage(page);
    expect(after.findings.some((f) => f.entityId === target.entityId)).toBe(false);
    // Tracking parameters and a fragment are still the same page.
    const tracked = await s.analysePage({ ...page, url: `${page.url}?utm_source=newsletter&fbclid=abc#lot-2` });
    expect(tracked.findings.some((f) => f.entityId === target.entityId)).toBe(false);
    const elsewhere = await s.analysePage({ ...page, url: 'http://127.0.0.1:8080/other' });
    expect(elsewhere.findings.some((f) => f.entityId === target.entityId)).toBe(true);
  });

  it('keeps answering pages with the previous matcher while the lists change, and switches when the new one is saved', async () => {
    const s = service();
    const camelList = { id: 'import-camel', kind: 'entity-list' as const, title: 'Watch', publisher: 'Imported by you', url: '', licence: '', version: '1', partial: false, meaning: 'watch' as const };
    const entity = { id: 'import-camel:notice-buyer', sourceId: 'import-camel', schema: 'Company' as const, name: 'Zyxvortan Glove Manufacturing Co., Ltd.', aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [] };
    const page = { ...demo(), text: `${demo().text}\nGloves from Zyxvortan Glove Manufacturing Co., Ltd.` };
    await s.analysePage(page);
    const before = (await readMatcherSelfie(s.db))!.revision;
    await replaceListRows(s.db, camelList, { entities: [entity] });
    // The lists changed, but nobody saved the new matcher yet: the page is answered at once, with the previous one.
    const meanwhile = await s.analysePage(page);
    expect(meanwhile.findings.some((f) => f.entityId === entity.id)).toBe(false);
    expect(meanwhile.summary.flagged).toBeGreaterThan(0);
    expect((await readMatcherSelfie(s.db))!.revision).toBe(before);
    // The options page compiles and saves it, then tells the background.
    await compileAndSaveMatcher(s.db);
    await s.knowledgeChanged();
    const after = await s.analysePage(page);
    expect(after.findings.find((f) => f.entityId === entity.id)).toMatchObject({ kind: 'possible-entity', concern: 'watch' });
    expect((await readMatcherSelfie(s.db))!.revision).toBe(await knowledgeRevision(s.db));
  });

  it('records who decided, and keys a page decision by its address without tracking parameters or fragment', async () => {
    const s = service();
    await s.whenReady();
    const decision = await s.recordDecision({
      entityId: 'us-dhs-uflpa:camel-group-co-ltd', verdict: 'dismissed', scope: 'page', pageUrl: 'https://portal.example/notice?id=4&utm_source=x#lot',
      matchedText: 'Camel Group', reason: 'different-company', note: 'Other Camel',
    }, new Date('2026-12-03T10:00:00.000Z'));
    expect(decision).toMatchObject({ scopeKey: 'https://portal.example/notice?id=4', decidedBy: 'you', entityName: 'Camel Group Co., Ltd.', reason: 'different-company', note: 'Other Camel' });
    expect(await s.db.decisions.get(decision.id)).toEqual(decision);
  });
});
