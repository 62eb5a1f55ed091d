// Node side of the FtM import: streams a JSON-lines file from disk through the pure importer in large chunks, so
// files bigger than memory-friendly whole reads work and no line costs a promise. Errors name the file.
import { createReadStream } from 'node:fs';
import { FtmImporter, type FtmImportOptions, type FtmImportResult } from './ftm';
import { LineSplitter } from './line-splitter';

/** Bytes read at a time. */
const CHUNK_BYTES = 1024 * 1024;

/** Why a file could not be read, in words ("no such file"). */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'is a folder, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOTDIR' ? 'a part of the path is not a folder'
    : error instanceof Error ? error.message
    : String(error);
}

/** A file that could not be read, or is not UTF-8 text; the message starts with the file's name. */
export class FtmFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FtmFileError';
  }
}

/**
 * Imports the FtM records of the file at `path` (UTF-8 JSON lines). `options.fileName` (default: `path`) names it
 * in messages. Rejects with an FtmFileError when the file cannot be read, and in strict mode with the importer's
 * FtmImportError.
 */
export async function importFtmFile(path: string, options: FtmImportOptions): Promise<FtmImportResult> {
  const fileName = options.fileName ?? path;
  const importer = new FtmImporter({ ...options, fileName });
  const splitter = new LineSplitter((line, lineNumber, length) => {
    if (line === undefined) importer.addOverlongLine(lineNumber, length);
    else importer.addLine(line, lineNumber);
  }, options.maxLineLength);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      splitter.push(decodeChunk(decoder, chunk as Buffer, fileName, splitter.lines));
    }
    splitter.push(decodeChunk(decoder, undefined, fileName, splitter.lines));
  } catch (error) {
    if (error instanceof FtmFileError) throw error;
    throw new FtmFileError(`${fileName}: ${describeReadError(error)}`);
  }
  splitter.end();
  return importer.finish();
}

function decodeChunk(decoder: TextDecoder, chunk: Buffer | undefined, fileName: string, linesBefore: number): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    const line = linesBefore + 1 + (chunk === undefined ? 0 : countLineBreaks(chunk, firstInvalidByte(chunk)));
    throw new FtmFileError(`${fileName}:${line}: not UTF-8 text (an invalid byte on this line); FtM files are UTF-8 JSON lines`);
  }
}

/** Offset of the first byte that makes `chunk` invalid UTF-8 (a sequence cut at the end is not invalid). */
function firstInvalidByte(chunk: Buffer): number {
  let valid = 0;
  let invalid = chunk.length;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, middle), { stream: true });
      valid = middle;
    } catch {
      invalid = middle;
    }
  }
  return valid;
}

function countLineBreaks(chunk: Buffer, end: number): number {
  let count = 0;
  for (let i = chunk.indexOf(0x0a); i !== -1 && i < end; i = chunk.indexOf(0x0a, i + 1)) count++;
  return count;
}
