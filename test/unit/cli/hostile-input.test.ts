// Hostile input to `tenderlens match` and `inspect`: an entity name of 150,000 characters, a page nested 100,000
// deep, random binary, invalid UTF-8, terminal escapes and right-to-left overrides. Each gets a specific message
// naming the file (and line), the right exit code, and nothing harmful reaches the terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

const PAGE = '<!DOCTYPE html><html><body><p>Awarded to Zyxvortan Gloves Ltd, Example City.</p></body></html>';
const GLOVES = JSON.stringify({ id: 'zyx-1', schema: 'Company', properties: { name: ['Zyxvortan Gloves Ltd'] } });

function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tenderlens-hostile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Raw terminal controls and bidirectional overrides: none may reach the terminal as they are. */
const RAW_HARMFUL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function run(args: string[], files: Record<string, string | Uint8Array>) {
  const io = recordingIo({ cwd: workspace(files) });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

/** Seeded bytes, none of them 0 (a NUL in the first kilobyte was already refused as binary). */
function randomBytes(count: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(count);
  let a = seed;
  for (let i = 0; i < count; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    bytes[i] = 1 + ((a >>> 16) % 255);
  }
  return bytes;
}

describe('an entities file with a 150,000-character word in a name', () => {
  it('reports that record with its file, line and field, and matches the others (it once printed "Maximum call stack size exceeded")', async () => {
    const long = JSON.stringify({ id: 'long', schema: 'Company', properties: { name: [`Acme ${'x'.repeat(150_000)} Ltd`] } });
    const { code, out, err } = await run(['match', 'page.html', '--entities', 'list.ftm.jsonl', '--no-defaults', '--json'], {
      'page.html': PAGE,
      'list.ftm.jsonl': `${GLOVES}\n${long}\n`,
    });
    expect(err).not.toContain('Maximum call stack');
    expect(err).toContain('tenderlens: list.ftm.jsonl:2: properties.name: "Acme xxx');
    expect(err).toContain('is 150,009 characters long, not a name');
    expect(code).toBe(0);
    expect(JSON.parse(out).mentions.map((m: { text: string }) => m.text)).toEqual(['Zyxvortan Gloves Ltd']);
  });
});

describe('a page nested 100,000 deep', () => {
  const deep = `<html><body>\n${'<div>'.repeat(100_000)}Zyxvortan Gloves Ltd${'</div>'.repeat(100_000)}</body></html>`;

  // The parser took 7 s on it (its element stack is shifted at every tag) and the page was read as any other.
  it.each([
    ['match', ['--entities', 'list.ftm.jsonl', '--no-defaults']],
    ['inspect', []],
  ])('is refused by %s with its file and line, quickly', { timeout: 5_000 }, async (command, extra) => {
    const { code, err } = await run([command, 'deep.html', ...extra], { 'deep.html': deep, 'list.ftm.jsonl': GLOVES });
    expect(err).toBe('tenderlens: deep.html:2: elements nested more than 1,000 deep; browsers nest at most 512, so this is not a page TenderLens reads\n');
    expect(code).toBe(1);
  });
});

describe('binary and badly encoded pages', () => {
  it.each(['match', 'inspect'])('%s refuses random binary data as a page (it once said "No known risks found", exit 0)', async (command) => {
    const { code, out, err } = await run([command, 'random.bin', ...(command === 'match' ? ['--entities', 'list.ftm.jsonl', '--no-defaults'] : [])], {
      'random.bin': randomBytes(50_000),
      'list.ftm.jsonl': GLOVES,
    });
    expect(err).toMatch(/^tenderlens: random\.bin: is a binary file, not an HTML page \(\d+% of its first characters are control characters or bytes that are not text\)\n$/);
    expect(out).toBe('');
    expect(code).toBe(1);
  });

  it('warns about bytes that are not UTF-8, with the line, and still reads the page', async () => {
    const page = new TextEncoder().encode(`<html><body>\n<p>Line two</p>\n<p>Caf\u00e9 `);
    const bytes = new Uint8Array([...page, 0xe9, ...new TextEncoder().encode(' Zyxvortan Gloves Ltd</p></body></html>')]);
    const { code, out, err } = await run(['match', 'latin.html', '--entities', 'list.ftm.jsonl', '--no-defaults', '--json'], { 'latin.html': bytes, 'list.ftm.jsonl': GLOVES });
    expect(err).toBe('tenderlens: warning: latin.html:3: not valid UTF-8 (the first bad byte is on this line); bad bytes are read as replacement characters (U+FFFD), so names there may not be found. Save the page as UTF-8, or declare its charset\n');
    expect(code).toBe(0);
    expect(JSON.parse(out).mentions).toHaveLength(1);
  });
});

describe('terminal escapes and right-to-left overrides', () => {
  it('shows the ESC and NUL of a bad entities line as visible escapes in the error', async () => {
    const bad = JSON.stringify({ id: 'e1', schema: 'Company', properties: { name: ['Quellmark Ltd'], '\u001b[2Jx\u0000': 'not a list' } });
    const { code, err } = await run(['match', 'page.html', '--entities', 'list.ftm.jsonl', '--no-defaults'], { 'page.html': PAGE, 'list.ftm.jsonl': `${GLOVES}\n${bad}\n` });
    expect(code).toBe(0);
    expect(err).toBe('tenderlens: list.ftm.jsonl:2: properties.\\u001b[2Jx\\u0000: expected an array of strings, got a string; property ignored\n');
    expect(err).not.toMatch(RAW_HARMFUL);
  });

  it('writes a right-to-left override in an entity name as a visible escape in the table and in the JSON', async () => {
    const files = {
      'page.html': '<html><body><p>Awarded to Zyxvortan Gloves Ltd.</p></body></html>',
      'list.ftm.jsonl': JSON.stringify({ id: 'zyx-1', schema: 'Company', properties: { name: ['\u202eZyxvortan Gloves Ltd'] } }),
    };
    const table = await run(['match', 'page.html', '--entities', 'list.ftm.jsonl', '--no-defaults'], files);
    expect(table.out).toContain('\\u202eZyxvortan Gloves Ltd');
    expect(table.out).not.toMatch(RAW_HARMFUL);
    const json = await run(['match', 'page.html', '--entities', 'list.ftm.jsonl', '--no-defaults', '--json'], files);
    expect(json.out).not.toMatch(RAW_HARMFUL);
    // In JSON the escape is the same character: the name reads back unchanged.
    expect(JSON.parse(json.out).mentions[0].matchedName).toBe('\u202eZyxvortan Gloves Ltd');
  });
});
