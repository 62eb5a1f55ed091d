// Reading an FtM file from disk: streamed in chunks (lines across chunk boundaries, a BOM, records far apart),
// with errors that name the file for a missing file or bytes that are not UTF-8.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FtmImportError } from '@/src/import/ftm';
import { FtmFileError, importFtmFile } from '@/src/import/ftm-file';

const ZALA = fileURLToPath(new URL('../../fixtures/ftm/yente_zala_cluster.ftm.jsonl', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tenderlens-ftm-'));

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('importFtmFile', () => {
  it('imports the ZALA cluster from disk', async () => {
    const { entities, report } = await importFtmFile(ZALA, { sourceId: 'zala' });
    expect(report.imported).toBe(11);
    expect(report.lines).toBe(91);
    expect(entities[0]!.id).toMatch(/^zala:NK-/);
  });

  it('reads records split across read chunks, and numbers the lines after megabytes of other records', async () => {
    const filler = JSON.stringify({ id: 'n', schema: 'Note', properties: { text: ['z'.repeat(700_000)] } });
    const lines = [
      JSON.stringify({ id: 'a', schema: 'Company', properties: { name: ['Alpha Ltd'] } }),
      filler, filler, filler,
      JSON.stringify({ id: 'b', schema: 'Company', properties: { name: ['Beta Ltd'], leiCode: ['not an LEI'] } }),
    ];
    const file = write('chunked.ftm.jsonl', `\uFEFF${lines.join('\r\n')}`);
    const { entities, report } = await importFtmFile(file, { sourceId: 'chunked', fileName: 'chunked.ftm.jsonl' });
    expect(entities.map((e) => e.name)).toEqual(['Alpha Ltd', 'Beta Ltd']);
    expect(report.skippedBySchema).toEqual({ Note: 3 });
    expect(report.problems).toEqual([{ line: 5, field: 'properties.leiCode', message: expect.stringContaining('"not an LEI" is not an ISO 17442 LEI') }]);
  });

  it('reports a line too long for a record and imports the rest of the file', async () => {
    const file = write('long.ftm.jsonl', `${'x'.repeat(3000)}\n${JSON.stringify({ id: 'c', schema: 'Company', properties: { name: ['Gamma Ltd'] } })}\n`);
    const { entities, report } = await importFtmFile(file, { sourceId: 'long', maxLineLength: 1000 });
    expect(entities.map((e) => e.name)).toEqual(['Gamma Ltd']);
    expect(report.problems).toEqual([{ line: 1, message: 'line is 3000 characters long, longer than any entity record; not imported' }]);
  });

  it('names the file when it does not exist', async () => {
    await expect(importFtmFile(join(dir, 'missing.jsonl'), { sourceId: 'x', fileName: 'missing.jsonl' }))
      .rejects.toThrow(new FtmFileError('missing.jsonl: no such file'));
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    const record = JSON.stringify({ id: 'a', schema: 'Company', properties: { name: ['Alpha Ltd'] } });
    const file = write('latin1.jsonl', Buffer.concat([Buffer.from(`${record}\n`), Buffer.from([0x7b, 0xe9, 0xff, 0x7d, 0x0a])]));
    await expect(importFtmFile(file, { sourceId: 'x', fileName: 'latin1.jsonl' }))
      .rejects.toThrow('latin1.jsonl:2: not UTF-8 text (an invalid byte on this line); FtM files are UTF-8 JSON lines');
  });

  it('in strict mode rejects with the problems of the file, named by its file name', async () => {
    const file = write('strict.jsonl', '{"id":"a","schema":"Company","properties":{"name":["Alpha Ltd"]}}\nnot json\n');
    const error = await importFtmFile(file, { sourceId: 'x', fileName: 'strict.jsonl', strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FtmImportError);
    expect((error as Error).message).toMatch(/^strict\.jsonl: 1 problem; nothing imported:\n {2}strict\.jsonl:2: not valid JSON/);
  });
});
