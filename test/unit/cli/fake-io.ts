// Test helper: a CliIo that records output and serves files from memory (or from disk for the saved pages).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, type CliIo } from '@/src/cli/cli-io';

export interface RecordingIo extends CliIo {
  out: string;
  err: string;
  /** Files the command wrote, by path. */
  written: Record<string, string | Uint8Array>;
}

export function recordingIo(options: { files?: Record<string, string | Uint8Array>; stdin?: string; cwd?: string } = {}): RecordingIo {
  const encoder = new TextEncoder();
  const io: RecordingIo = {
    out: '',
    err: '',
    written: {},
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile: async (path) => {
      const inMemory = options.files?.[path];
      if (inMemory !== undefined) return typeof inMemory === 'string' ? encoder.encode(inMemory) : inMemory;
      try {
        return await readFile(resolve(io.cwd(), path));
      } catch {
        throw new InputError(`${path}: no such file`);
      }
    },
    writeFile: async (path, data) => void (io.written[path] = data),
    readStdin: async () => encoder.encode(options.stdin ?? ''),
    cwd: () => options.cwd ?? process.cwd(),
  };
  return io;
}
