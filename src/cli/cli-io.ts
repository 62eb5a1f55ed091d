// What a CLI command may touch (output streams, files, standard input, working folder) and the two kinds of
// failure it reports: a usage error (exit code 2) and an input error naming the file (exit code 1).

export interface CliIo {
  /** Writes text to standard output as is (callers add the line breaks). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file; rejects with an InputError whose message names the file. */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a whole file (a report); rejects with an InputError whose message names the file. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Reads all of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** The folder relative paths are resolved against. */
  cwd(): string;
}

/** The command line was wrong: unknown command or option, missing or extra argument. Exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help the user should read, if any. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A file or the data in it could not be used; the message says which file and why. Exit code 1. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
