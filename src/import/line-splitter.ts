// Splits text that arrives in chunks into numbered lines: drops a leading byte-order mark, accepts LF and CRLF,
// keeps a last line without a line break, and reports over-long lines by their length instead of holding them.

/** Receives each line (without its line break) and its 1-based number; `text` is undefined for an over-long line. */
export type LineHandler = (text: string | undefined, lineNumber: number, length: number) => void;

/** Lines longer than this (in UTF-16 units) are not kept: no entity record is anywhere near this long. */
export const DEFAULT_MAX_LINE_LENGTH = 8 * 1024 * 1024;

export class LineSplitter {
  private pending = '';
  /** Length of the current line so far when it has grown past the limit (its text is dropped). */
  private overlongLength = -1;
  private lineNumber = 0;
  private started = false;

  constructor(
    private readonly onLine: LineHandler,
    private readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH,
  ) {}

  /** Number of lines handed out so far. */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: string): void {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let from = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      this.emit(chunk, from, newline);
      from = newline + 1;
      newline = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) this.hold(chunk, from);
  }

  /** Hands out the last line if the text did not end with a line break. */
  end(): void {
    if (this.pending.length > 0 || this.overlongLength > 0) this.emit('', 0, 0);
  }

  private hold(chunk: string, from: number): void {
    const rest = chunk.length - from;
    if (this.overlongLength >= 0) {
      this.overlongLength += rest;
    } else if (this.pending.length + rest > this.maxLineLength) {
      this.overlongLength = this.pending.length + rest;
      this.pending = '';
    } else {
      this.pending = this.pending.length === 0 ? chunk.slice(from) : this.pending + chunk.slice(from);
    }
  }

  private emit(chunk: string, from: number, to: number): void {
    this.lineNumber++;
    if (this.overlongLength >= 0) {
      const length = this.overlongLength + (to - from);
      this.overlongLength = -1;
      this.onLine(undefined, this.lineNumber, length);
      return;
    }
    let line = this.pending.length === 0 ? chunk.slice(from, to) : this.pending + chunk.slice(from, to);
    this.pending = '';
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
    if (line.length > this.maxLineLength) this.onLine(undefined, this.lineNumber, line.length);
    else this.onLine(line, this.lineNumber, line.length);
  }
}

/** Calls `onLine` for every line of a whole text (see LineSplitter). */
export function forEachLine(text: string, onLine: LineHandler, maxLineLength = DEFAULT_MAX_LINE_LENGTH): number {
  const splitter = new LineSplitter(onLine, maxLineLength);
  splitter.push(text);
  splitter.end();
  return splitter.lines;
}
