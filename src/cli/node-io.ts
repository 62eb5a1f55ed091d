// The CLI's access to the real process: stdout/stderr, files (with errors that name the file and say what is
// wrong), standard input, and the working folder. Files above a size limit are refused rather than read.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, type CliIo } from './cli-io';

/** Larger than any page or list the CLI reads; a bigger file is a mistake (or hostile) and is refused. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function describeFileError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'is a folder, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOTDIR' ? 'a part of the path is not a folder'
    : error instanceof Error ? error.message
    : String(error);
  return new InputError(`${path}: ${reason}`);
}

async function readWholeFile(path: string, cwd: string): Promise<Uint8Array> {
  const absolute = resolve(cwd, path);
  let size: number;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw describeFileError(path, error);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(`${path}: file too large (${Math.ceil(size / 1024 / 1024)} MB; at most ${MAX_INPUT_BYTES / 1024 / 1024} MB)`);
  }
  try {
    return await readFile(absolute);
  } catch (error) {
    throw describeFileError(path, error);
  }
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) throw new InputError(`standard input: too large (at most ${MAX_INPUT_BYTES / 1024 / 1024} MB)`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readWholeFile(path, process.cwd()),
    writeFile: async (path, data) => {
      try {
        await writeFile(resolve(process.cwd(), path), data);
      } catch (error) {
        throw describeFileError(path, error);
      }
    },
    readStdin: readAllStdin,
    cwd: () => process.cwd(),
  };
}
