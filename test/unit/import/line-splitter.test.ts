// Line splitting of chunked text: line breaks and line numbers survive any chunking, a BOM and CR are dropped,
// and over-long lines are reported by length instead of being kept.
import { describe, expect, it } from 'vitest';
import { forEachLine, LineSplitter } from '@/src/import/line-splitter';

type Seen = Array<[string | undefined, number, number]>;

function splitInChunks(chunks: readonly string[], maxLineLength?: number): Seen {
  const seen: Seen = [];
  const splitter = new LineSplitter((text, line, length) => seen.push([text, line, length]), maxLineLength);
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return seen;
}

describe('LineSplitter', () => {
  it('numbers lines from 1, keeps blank lines, and hands out a last line without a break', () => {
    expect(splitInChunks(['a\n\nb\r\nc'])).toEqual([['a', 1, 1], ['', 2, 0], ['b', 3, 1], ['c', 4, 1]]);
  });

  it('gives the same lines however the text is cut into chunks', () => {
    const text = '\uFEFFfirst\r\nsecond line\n\nthird\r\n';
    const whole = splitInChunks([text]);
    expect(whole).toEqual([['first', 1, 5], ['second line', 2, 11], ['', 3, 0], ['third', 4, 5]]);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(splitInChunks([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(splitInChunks([...text])).toEqual(whole);
  });

  it('drops only a byte-order mark at the very start', () => {
    expect(splitInChunks(['', '\uFEFFa\n\uFEFFb'])).toEqual([['a', 1, 1], ['\uFEFFb', 2, 2]]);
  });

  it('reports a line longer than the limit by its length, across chunks, and goes on', () => {
    expect(splitInChunks(['ok\n12345', '67890', '12\nnext'], 10)).toEqual([['ok', 1, 2], [undefined, 2, 12], ['next', 3, 4]]);
    expect(splitInChunks(['ok\n', 'x'.repeat(11)], 10)).toEqual([['ok', 1, 2], [undefined, 2, 11]]);
    expect(splitInChunks(['x'.repeat(11) + '\n'], 10)).toEqual([[undefined, 1, 11]]);
  });

  it('hands out nothing for empty text, and counts the lines it handed out', () => {
    expect(splitInChunks([''])).toEqual([]);
    expect(forEachLine('a\nb\n', () => {})).toBe(2);
  });
});
