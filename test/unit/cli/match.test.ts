// `tenderlens match`: a saved page against FollowTheMoney entity files (and the default knowledge base), in process
// through runCli and as users run it, through the built CLI; the JSON shape, the table, problems and usage errors.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '@/src/build/build-cli';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ZALA = join(REPO, 'test/fixtures/ftm/yente_zala_cluster.ftm.jsonl');

const PAGE = `<!DOCTYPE html><html><head><title>Award notice</title><script>var x = "Zyxvortan Gloves Ltd";</script></head>
<body><h1>Contract award: disposable gloves</h1>
<p>Awarded to Zyxvortan Gloves Ltd, Example Street 1, Example City.</p>
<p>Unsuccessful bidder: Quellmark Textiles.</p></body></html>`;

const ENTITIES = [
  JSON.stringify({ id: 'zyx-1', schema: 'Company', properties: { name: ['Zyxvortan Gloves Ltd'], country: ['cn'] } }),
  JSON.stringify({ id: 'person-1', schema: 'Person', properties: { name: ['Some Person'] } }),
  JSON.stringify({ id: 'abc', schema: 'Organization', properties: { name: ['Unmentioned Organisation of Examples'] } }),
].join('\n');

/** A fresh folder holding the page and the test's entities file. */
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tenderlens-match-'));
  writeFileSync(join(dir, 'page.html'), PAGE);
  writeFileSync(join(dir, 'gloves.ftm.jsonl'), ENTITIES);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const EXPECTED_JSON = {
  mentions: [{
    entityId: 'zyx-1',
    text: 'Zyxvortan Gloves Ltd',
    confidence: 'high',
    score: expect.any(Number),
    reason: expect.stringContaining('"Zyxvortan Gloves Ltd"'),
    list: 'gloves',
    start: expect.any(Number),
    end: expect.any(Number),
    rule: expect.any(String),
    matchedName: 'Zyxvortan Gloves Ltd',
  }],
};

describe('tenderlens match (in process)', () => {
  it('prints exactly {"mentions":[…]} with --json, each mention with the documented fields first', async () => {
    const dir = workspace();
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'gloves.ftm.jsonl', '--no-defaults', '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const output = JSON.parse(io.out) as { mentions: Array<Record<string, unknown>> };
    expect(Object.keys(output)).toEqual(['mentions']);
    expect(output).toEqual(EXPECTED_JSON);
    const mention = output.mentions[0]!;
    expect(Object.keys(mention).slice(0, 5)).toEqual(['entityId', 'text', 'confidence', 'score', 'reason']);
    expect(mention.score).toBeGreaterThan(0);
    expect(mention.score).toBeLessThanOrEqual(1);
    // start and end point into the page text (the script's copy of the name is not page text).
    expect((mention.end as number) - (mention.start as number)).toBe('Zyxvortan Gloves Ltd'.length);
  });

  it('prints a table of entity, text, confidence, score and reason after the lists it checked', async () => {
    const dir = workspace();
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities=gloves.ftm.jsonl', '--no-defaults'], io)).toBe(0);
    const lines = io.out.split('\n');
    expect(lines[0]).toBe('Checked against: gloves.ftm.jsonl (2 entities; skipped Person 1)');
    expect(lines[2]).toBe('1 mention:');
    expect(lines[3]).toMatch(/^ENTITY +TEXT +CONFIDENCE +SCORE +REASON$/);
    expect(lines[4]).toMatch(/^Zyxvortan Gloves Ltd +Zyxvortan Gloves Ltd +high +\d\.\d\d +"Zyxvortan Gloves Ltd" matches/);
  });

  it('says that no mention is not the same as no risk', async () => {
    const dir = workspace({ 'other.jsonl': JSON.stringify({ id: 'q', schema: 'Company', properties: { name: ['Nowhere Mentioned Holdings'] } }) });
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'other.jsonl', '--no-defaults'], io)).toBe(0);
    expect(io.out).toContain('No mentions found. No information is not the same as no risk.');
    const json = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'other.jsonl', '--no-defaults', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ mentions: [] });
  });

  it('matches the real OpenSanctions records of an entities file, by name and by identifier', async () => {
    const io = recordingIo({
      files: { 'notice.html': '<p>Supplier: Kalashnikov Concern JSC (UEI M5ENMH7NEGR6).</p>' },
    });
    expect(await runCli(['match', 'notice.html', '--entities', ZALA, '--no-defaults', '--json'], io)).toBe(0);
    const { mentions } = JSON.parse(io.out) as { mentions: Array<{ entityId: string; list: string; text: string; confidence: string }> };
    // entityId is the record's id exactly as the file writes it; the list is apart.
    expect(mentions.map((m) => [m.entityId, m.list, m.text, m.confidence])).toEqual([
      ['NK-nR5AXM9AVPq4pQaSPSaVam', 'yente_zala_cluster', 'Kalashnikov Concern JSC', 'high'],
      ['NK-iE6m5ryPeTAMZozfECVSL7', 'yente_zala_cluster', 'M5ENMH7NEGR6', 'high'],
    ]);
    const fileIds = readFileSync(ZALA, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    for (const m of mentions) expect(fileIds).toContain(m.entityId);
  });

  it('matches the default knowledge base too unless --no-defaults', async () => {
    const page = '<p>Awarded to Camel Group Co., Ltd. and Zyxvortan Gloves Ltd.</p>';
    const dir = workspace({ 'defaults-page.html': page });
    const withDefaults = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'defaults-page.html', '--entities', 'gloves.ftm.jsonl', '--json'], withDefaults)).toBe(0);
    const ids = (JSON.parse(withDefaults.out) as { mentions: Array<{ entityId: string; list: string }> }).mentions.map((m) => `${m.list} ${m.entityId}`);
    // A shipped entity keeps the id TenderLens's own FollowTheMoney files give it (`lists refresh`, exports).
    expect(ids).toEqual(['us-dhs-uflpa us-dhs-uflpa:camel-group-co-ltd', 'gloves zyx-1']);
    const table = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'defaults-page.html'], table)).toBe(0);
    expect(table.out).toMatch(/^Checked against: default knowledge base \(\d+ entities\)\n/);

    const without = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'defaults-page.html', '--entities', 'gloves.ftm.jsonl', '--no-defaults', '--json'], without)).toBe(0);
    expect((JSON.parse(without.out) as { mentions: Array<{ entityId: string }> }).mentions.map((m) => m.entityId)).toEqual(['zyx-1']);
  });

  it('reads the page from standard input', async () => {
    const dir = workspace();
    const io = recordingIo({ cwd: dir, stdin: PAGE });
    expect(await runCli(['match', '-', '--entities', 'gloves.ftm.jsonl', '--no-defaults', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual(EXPECTED_JSON);
  });

  it('reports the problems of an entities file on stderr as file:line and matches the usable records', async () => {
    const broken = `${ENTITIES}\n{"id": "cut", "schema": "Comp\n${JSON.stringify({ id: 'x', schema: 'Company', properties: { name: ['Extra Ltd'], leiCode: ['123'] } })}\n`;
    const dir = workspace({ 'broken.jsonl': broken });
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'broken.jsonl', '--no-defaults', '--json'], io)).toBe(0);
    const errLines = io.err.trimEnd().split('\n');
    expect(errLines).toHaveLength(2);
    expect(errLines[0]).toMatch(/^tenderlens: broken\.jsonl:4: not valid JSON \(/);
    expect(errLines[1]).toBe('tenderlens: broken.jsonl:5: properties.leiCode: "123" is not an ISO 17442 LEI: 20 letters and digits with valid check digits; value ignored');
    expect((JSON.parse(io.out) as { mentions: unknown[] }).mentions).toHaveLength(1);
  });

  it('with --strict refuses an entities file with problems (exit 1), naming file and line', async () => {
    const dir = workspace({ 'broken.jsonl': `${ENTITIES}\nnot json\n` });
    const io = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'broken.jsonl', '--no-defaults', '--strict'], io)).toBe(1);
    expect(io.err).toMatch(/^tenderlens: broken\.jsonl: 1 problem; nothing imported:\n {2}broken\.jsonl:4: not valid JSON/);
    expect(io.out).toBe('');
  });

  it('takes --entities once per file and refuses the same entity id in two files', async () => {
    const second = JSON.stringify({ id: 'q', schema: 'Company', properties: { name: ['Quellmark Textiles'] } });
    const dir = workspace({ 'more/textiles.jsonl': second, 'more/gloves.ftm.jsonl': ENTITIES });
    const both = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'gloves.ftm.jsonl', '--entities', 'more/textiles.jsonl', '--no-defaults', '--json'], both)).toBe(0);
    expect((JSON.parse(both.out) as { mentions: Array<{ entityId: string }> }).mentions.map((m) => m.entityId)).toEqual(['zyx-1', 'q']);

    const clash = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'gloves.ftm.jsonl', '--entities', 'more/gloves.ftm.jsonl', '--no-defaults'], clash)).toBe(1);
    expect(clash.err).toBe('tenderlens: more/gloves.ftm.jsonl: entity id "gloves:zyx-1" is also in gloves.ftm.jsonl; ids must be unique across entity files (rename one of the files, whose name gives the id prefix)\n');
  });

  it('exits 1 naming a missing entities file or page', async () => {
    const dir = workspace();
    const missingList = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'page.html', '--entities', 'nope.jsonl', '--no-defaults'], missingList)).toBe(1);
    expect(missingList.err).toBe('tenderlens: nope.jsonl: no such file\n');
    const missingPage = recordingIo({ cwd: dir });
    expect(await runCli(['match', 'nope.html', '--entities', 'gloves.ftm.jsonl', '--no-defaults'], missingPage)).toBe(1);
    expect(missingPage.err).toBe('tenderlens: nope.html: no such file\n');
  });

  it('exits 2 for usage errors: --no-defaults alone, no page, two pages, --entities without a file', async () => {
    const cases: Array<[string[], string]> = [
      [['match', 'page.html', '--no-defaults'], '--no-defaults leaves nothing to match: give at least one --entities FILE'],
      [['match'], 'match needs a page: a saved .html file, or - for standard input'],
      [['match', 'a.html', 'b.html'], 'match takes one page, got 2 (give --entities once per file)'],
      [['match', 'page.html', '--entities'], '--entities needs a value (--entities FILE)'],
      [['match', 'page.html', '--entities', '-'], '--entities needs a file name (not standard input)'],
      [['match', 'page.html', '--url', 'not a url'], '--url: "not a url" is not a valid URL (for example https://www.find-tender.service.gov.uk/Notice/008624-2023)'],
    ];
    for (const [args, message] of cases) {
      const io = recordingIo();
      expect(await runCli(args, io)).toBe(2);
      expect(io.err).toBe(`tenderlens: ${message}\nRun "tenderlens match --help" for usage.\n`);
      expect(io.out).toBe('');
    }
  });

  it('documents its arguments, options, output and exit codes in --help', async () => {
    const io = recordingIo();
    expect(await runCli(['match', '--help'], io)).toBe(0);
    for (const text of ['--entities FILE', '--no-defaults', '--strict', '--url URL', '--json', '{"mentions":[{"entityId","text","confidence","score","reason"', 'Exit codes']) {
      expect(io.out).toContain(text);
    }
  });
});

describe('tenderlens match (built CLI)', () => {
  let launcher = '';
  let dir = '';

  beforeAll(async () => {
    // The launcher and its bundle in a folder of their own, so this build never races another test's build.
    const root = mkdtempSync(join(tmpdir(), 'tenderlens-built-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    launcher = join(root, 'src', 'cli', 'tenderlens.mjs');
    copyFileSync(join(REPO, 'src/cli/tenderlens.mjs'), launcher);
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
    await buildCli(join(root, '.output', 'cli', 'tenderlens.mjs'));
    dir = workspace();
  }, 120_000);

  function tenderlens(args: string[]) {
    const result = spawnSync(process.execPath, [launcher, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('prints the mentions of a saved page as JSON', () => {
    const run = tenderlens(['match', 'page.html', '--entities', 'gloves.ftm.jsonl', '--no-defaults', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED_JSON);
  });

  it('exits 2 for --no-defaults without --entities', () => {
    const run = tenderlens(['match', 'page.html', '--no-defaults']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('tenderlens: --no-defaults leaves nothing to match: give at least one --entities FILE\nRun "tenderlens match --help" for usage.\n');
  });
});
