// Name normalisation and tokenisation: turns text into folded word tokens (case, NFKC, accents, punctuation),
// each remembering its UTF-16 range in the original text, its case as written and the gap before it.
// Chinese characters fold to their simplified form, so either script matches the other.
// The same tokeniser reads knowledge-base names at compile time and page text at scan time.

import { FNV_OFFSET, FNV_PRIME, hashChars } from './compiled';
import { TRADITIONAL_SIMPLIFIED_PAIRS } from './han-simplified';

/** Token flags. */
export const BREAK_BEFORE = 1; // a line or block break (or ; : ! ? |) separates this token from the previous one
export const PUNCT_BEFORE = 2; // other punctuation (, . - ( ) quotes /) separates it from the previous one
export const FIRST_UPPER = 4; // first cased letter written upper case
export const ALL_UPPER = 8; // every cased letter upper case (and at least one)
export const HAS_CASED = 16; // has letters that have case
export const CJK = 32; // one CJK character (Han, kana, Hangul): matched as characters, without word boundaries
export const AMPERSAND = 64; // the token is an "&" (read as "and", then dropped like it)
export const UMLAUT = 128; // has ä, ö or ü, which German also spells ae, oe, ue

/** 'strip': accents removed (Müller → muller). 'german': umlauts transliterated (Müller → mueller). */
export type FoldMode = 'strip' | 'german';

/** Tokens of one text, in parallel typed arrays (valid up to `count`). */
export interface TokenStream {
  count: number;
  /** Folded characters of all tokens, back to back. */
  folded: Uint16Array;
  foldStart: Int32Array;
  foldEnd: Int32Array;
  /** UTF-16 range of the token in the original text. */
  origStart: Int32Array;
  origEnd: Int32Array;
  flags: Uint8Array;
  /** FNV-1a hash of each token's folded characters (as `hashChars` computes it), for vocabulary lookups. */
  hash: Int32Array;
}

const enum CharKind {
  Space = 0,
  Word = 1,
  Break = 2,
  Punct = 3,
  Ignore = 4, // soft hyphen, zero-width characters, combining marks after a letter
  Cjk = 5,
  Ampersand = 6,
  Apostrophe = 7,
}

interface CharInfo {
  kind: CharKind;
  fold: string;
  upper: boolean;
  cased: boolean;
}

const IGNORABLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x034f, 0x180e]);
const BREAK_CHARS = new Set([0x0a, 0x0d, 0x0b, 0x0c, 0x85, 0x2028, 0x2029, 0x3b, 0x3a, 0x21, 0x3f, 0x7c, 0x2022, 0xff1b, 0xff1a, 0x3002, 0xff01, 0xff1f]);
const APOSTROPHES = new Set([0x27, 0x2019, 0x02bc, 0x2018]);

/** Letters that NFKD does not decompose, spelled in ASCII. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŀ: 'l', Ŀ: 'l',
};
/** German (and Scandinavian) ASCII spellings, indexed as a second variant of knowledge-base names. */
const GERMAN_FOLDS: Record<string, string> = {
  ä: 'ae', Ä: 'ae', ö: 'oe', Ö: 'oe', ü: 'ue', Ü: 'ue', ø: 'oe', Ø: 'oe', å: 'aa', Å: 'aa',
};
const GERMAN_TRANSLITERABLE = /[äÄöÖüÜøØåÅ]|[aouAOU]\u0308/;
/** ä, ö or ü in either case (Ä, Ö and Ü differ from them by the 0x20 bit): a test on every non-ASCII letter. */
function isUmlaut(cp: number): boolean {
  const lower = cp | 0x20;
  return lower === 0xe4 || lower === 0xf6 || lower === 0xfc;
}

/** Traditional Chinese characters and their simplified forms: both scripts fold to the simplified one. */
let simplifiedHan: Map<string, string> | undefined;
function simplifiedForm(ch: string): string {
  if (!simplifiedHan) {
    simplifiedHan = new Map();
    for (let i = 0; i + 1 < TRADITIONAL_SIMPLIFIED_PAIRS.length; i += 2) {
      simplifiedHan.set(TRADITIONAL_SIMPLIFIED_PAIRS[i]!, TRADITIONAL_SIMPLIFIED_PAIRS[i + 1]!);
    }
  }
  return simplifiedHan.get(ch) ?? ch;
}

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /[\s\p{Z}]/u;
const NOT_WORD_GLOBAL_RE = /[^\p{L}\p{N}]/gu;
const MARKS_GLOBAL_RE = /\p{M}/gu;

function describeChar(ch: string, mode: FoldMode): CharInfo {
  const cp = ch.codePointAt(0) ?? 0;
  const lower = ch.toLowerCase();
  const upperCase = ch.toUpperCase();
  const cased = lower !== upperCase;
  const upper = cased && ch !== lower;
  if (IGNORABLE.has(cp) || (cp >= 0xfe00 && cp <= 0xfe0f)) return { kind: CharKind.Ignore, fold: '', upper, cased };
  if (BREAK_CHARS.has(cp)) return { kind: CharKind.Break, fold: '', upper, cased };
  if (APOSTROPHES.has(cp)) return { kind: CharKind.Apostrophe, fold: '', upper, cased };
  if (MARK_RE.test(ch)) return { kind: CharKind.Ignore, fold: '', upper, cased };
  if (SPACE_RE.test(ch)) return { kind: CharKind.Space, fold: '', upper, cased };
  const compat = ch.normalize('NFKC');
  if (compat === '&') return { kind: CharKind.Ampersand, fold: 'and', upper, cased };
  if (CJK_RE.test(ch)) return { kind: CharKind.Cjk, fold: simplifiedForm(compat), upper, cased };
  if (!LETTER_OR_DIGIT_RE.test(ch) && !LETTER_OR_DIGIT_RE.test(compat)) {
    if (compat.length === 1 && compat !== ch) return describeChar(compat, mode);
    return { kind: CharKind.Punct, fold: '', upper, cased };
  }
  const special = (mode === 'german' ? GERMAN_FOLDS[ch] : undefined) ?? SPECIAL_FOLDS[ch];
  const fold =
    special ?? compat.normalize('NFKD').replace(MARKS_GLOBAL_RE, '').toLowerCase().replace(NOT_WORD_GLOBAL_RE, '');
  return { kind: CharKind.Word, fold, upper, cased };
}

/** Per-mode caches of character descriptions: a flat table for the BMP, a map for the rest. */
class CharTable {
  private readonly bmpIndex = new Int32Array(0x10000);
  private readonly infos: CharInfo[] = [{ kind: CharKind.Space, fold: '', upper: false, cased: false }];
  private readonly astral = new Map<number, CharInfo>();
  constructor(private readonly mode: FoldMode) {}
  get(cp: number): CharInfo {
    if (cp < 0x10000) {
      const index = this.bmpIndex[cp]!;
      if (index !== 0) return this.infos[index]!;
      const info = describeChar(String.fromCharCode(cp), this.mode);
      this.bmpIndex[cp] = this.infos.length;
      this.infos.push(info);
      return info;
    }
    let info = this.astral.get(cp);
    if (!info) {
      info = describeChar(String.fromCodePoint(cp), this.mode);
      this.astral.set(cp, info);
    }
    return info;
  }
}

const charTables: Record<FoldMode, CharTable> = { strip: new CharTable('strip'), german: new CharTable('german') };

/** ASCII fast path: 0 space, 1 lower/digit, 2 upper, 3 punctuation, 4 break, 5 ampersand, 6 apostrophe. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) ASCII_CLASS[c] = 1;
  else if (c >= 0x41 && c <= 0x5a) ASCII_CLASS[c] = 2;
  else if (BREAK_CHARS.has(c)) ASCII_CLASS[c] = 4;
  else if (c === 0x26) ASCII_CLASS[c] = 5;
  else if (c === 0x27) ASCII_CLASS[c] = 6;
  else if (ch.trim() === '' ) ASCII_CLASS[c] = 0;
  else ASCII_CLASS[c] = 3;
}

/** A reusable token stream that grows as needed (scanning is single-threaded). */
function createStream(capacity: number, foldedCapacity: number): TokenStream {
  return {
    count: 0,
    folded: new Uint16Array(foldedCapacity + 16),
    foldStart: new Int32Array(capacity + 4),
    foldEnd: new Int32Array(capacity + 4),
    origStart: new Int32Array(capacity + 4),
    origEnd: new Int32Array(capacity + 4),
    flags: new Uint8Array(capacity + 4),
    hash: new Int32Array(capacity + 4),
  };
}

let scratch: TokenStream = createStream(1024, 4096);
let dottedScratch = new Int32Array(256);

/**
 * The tokeniser reads a text's UTF-16 code units from a typed array, copied once per text, with a 0 after the
 * last one. Engines specialise a string read (charCodeAt) to the kinds of strings it has seen: short texts (names)
 * are copied by a loop of their own, long ones (pages) mostly through their UTF-8 bytes, so neither slows the other,
 * and the tokeniser's own reads stay uniform.
 */
const LONG_TEXT = 4096;
let codeScratch = new Uint16Array(LONG_TEXT + 1);

function codeScratchFor(n: number): Uint16Array {
  if (codeScratch.length <= n) codeScratch = new Uint16Array(n + 1);
  codeScratch[n] = 0;
  return codeScratch;
}

const utf8Encoder = new TextEncoder();
let utf8Scratch = new Uint8Array(3 * LONG_TEXT + 4);
const NON_ASCII = /[^\0-\x7f]/g;
/** After a non-ASCII character, this many code units are read one by one before the next search for another. */
const NON_ASCII_STRETCH = 64;

function copyLoop(text: string, codes: Uint16Array, n: number): Uint16Array {
  for (let k = 0; k < n; k++) codes[k] = text.charCodeAt(k);
  return codes;
}

/** Samples of a long text: when more than one in this many is not ASCII, it is read one code unit at a time. */
const SAMPLES = 256;
const NON_ASCII_SAMPLES_MAX = 8;

/**
 * Text in Chinese, Russian or a language with many accents: reading it directly is faster than through its UTF-8
 * bytes, which only pay off for long ASCII stretches.
 */
function mostlyNonAscii(text: string): boolean {
  const step = Math.floor(text.length / SAMPLES);
  let nonAscii = 0;
  for (let k = 0; k < SAMPLES; k++) if (text.charCodeAt(k * step) >= 0x80 && ++nonAscii > NON_ASCII_SAMPLES_MAX) return true;
  return false;
}

/**
 * A long text's code units. The engine's own encoder writes its UTF-8 bytes, and the ASCII stretches between
 * non-ASCII characters (the bulk of most pages) are widened from those bytes by one native copy each. Only the
 * code units near non-ASCII characters are read one by one.
 */
function longTextCodes(text: string): Uint16Array {
  const n = text.length;
  const codes = codeScratchFor(n);
  if (mostlyNonAscii(text)) return copyLoop(text, codes, n);
  if (utf8Scratch.length < 3 * n + 4) utf8Scratch = new Uint8Array(3 * n + 4);
  const bytes = utf8Scratch;
  const written = utf8Encoder.encodeInto(text, bytes).written;
  let i = 0; // next code unit to copy
  let extra = 0; // UTF-8 bytes beyond one per code unit so far: code unit i is at byte i + extra
  NON_ASCII.lastIndex = 0;
  while (i < n && NON_ASCII.test(text)) {
    const at = NON_ASCII.lastIndex - 1;
    if (at > i) codes.set(bytes.subarray(i + extra, at + extra), i);
    i = at;
    const stretchEnd = Math.min(n, at + NON_ASCII_STRETCH);
    while (i < stretchEnd) {
      const c = text.charCodeAt(i);
      codes[i++] = c;
      if (c < 0x80) continue;
      if (c < 0x800) extra += 1;
      else if ((c & 0xfc00) === 0xd800 && i < n && (text.charCodeAt(i) & 0xfc00) === 0xdc00) {
        codes[i] = text.charCodeAt(i);
        i++;
        extra += 2; // four bytes for two code units
      } else extra += 2; // three bytes (a lone surrogate is encoded as U+FFFD)
    }
    NON_ASCII.lastIndex = i;
  }
  if (i < n) codes.set(bytes.subarray(i + extra, n + extra), i);
  // The offsets above follow the encoder's rules; should an engine differ, read the text directly.
  return n + extra === written ? codes : copyLoop(text, codes, n);
}

function shortTextCodes(text: string): Uint16Array {
  return copyLoop(text, codeScratchFor(text.length), text.length);
}

/** The code point at codes[i] (a surrogate pair read as one; a lone surrogate as itself). */
function codePointAt(codes: Uint16Array, n: number, i: number): number {
  const c = codes[i]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = codes[i + 1]!;
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

function ensureCapacity(stream: TokenStream, tokens: number, foldedChars: number): TokenStream {
  if (stream.foldStart.length >= tokens + 4 && stream.folded.length >= foldedChars + 16) return stream;
  const bigger = createStream(Math.max(tokens, stream.foldStart.length), Math.ceil(Math.max(foldedChars, stream.folded.length)));
  bigger.folded.set(stream.folded);
  bigger.foldStart.set(stream.foldStart);
  bigger.foldEnd.set(stream.foldEnd);
  bigger.origStart.set(stream.origStart);
  bigger.origEnd.set(stream.origEnd);
  bigger.flags.set(stream.flags);
  bigger.hash.set(stream.hash);
  bigger.count = stream.count;
  return bigger;
}

/**
 * Tokenises `text`. The returned stream is shared scratch space, valid until the next call; copy what you keep.
 * Words are runs of letters and digits; each CJK character is a token of its own; "&" and "and" are dropped;
 * apostrophes inside words, soft hyphens and zero-width characters are dropped; initialisms written with dots
 * ("S.A.", "C. V.", "o.o.") become one token ("sa", "cv", "oo").
 */
export function tokenise(text: string, mode: FoldMode = 'strip'): TokenStream {
  const table = charTables[mode];
  scratch = ensureCapacity(scratch, text.length + 1, text.length * 4 + 8);
  const w = writer.reset(scratch);
  const n = text.length;
  const codes = n > LONG_TEXT ? longTextCodes(text) : shortTextCodes(text);
  let i = 0;
  while (i < n) {
    const c = codes[i]!;
    if (c < 128) {
      const cls = ASCII_CLASS[c]!;
      if (cls < 5) {
        // A lone space or punctuation mark between non-ASCII words (Russian, Chinese) is read here.
        if (cls !== 1 && cls !== 2 && (i + 1 === n || codes[i + 1]! >= 128)) {
          w.separator(c, cls, i);
          i++;
          continue;
        }
        i = w.asciiText(codes, n, i);
        continue;
      }
      // An apostrophe or an ampersand.
      if (cls === 6 && w.inToken && i + 1 < n && isWordCharAt(codes, n, i + 1, table)) {
        if (isPossessiveS(codes, n, i + 1, table)) {
          w.close(i);
          w.gapFlags |= PUNCT_BEFORE;
          i += 2;
          continue;
        }
        i++;
        continue;
      }
      if (w.inToken) w.close(i);
      if (cls === 5) w.ampersand(i, i + 1);
      else w.gapFlags |= PUNCT_BEFORE;
      i++;
      continue;
    }
    const cp = codePointAt(codes, n, i);
    const width = cp > 0xffff ? 2 : 1;
    const info = table.get(cp);
    switch (info.kind) {
      case CharKind.Word:
        if (!w.inToken) w.open(i);
        w.append(info.fold, text.length);
        if (isUmlaut(cp)) w.tokenFlags |= UMLAUT;
        if (info.cased) w.noteCase(info.upper);
        if (w.foldPos > 0) w.lastWordBase = w.s.folded[w.foldPos - 1]!;
        break;
      case CharKind.Ignore:
        // A combining diaeresis after a, o or u is an umlaut: German spelling adds an "e".
        if (mode === 'german' && cp === 0x0308 && w.inToken && (w.lastWordBase === 0x61 || w.lastWordBase === 0x6f || w.lastWordBase === 0x75)) {
          w.append('e', text.length);
        }
        break;
      case CharKind.Cjk:
        if (w.inToken) w.close(i);
        w.open(i);
        w.append(info.fold, text.length);
        w.tokenFlags |= CJK;
        w.close(i + width);
        break;
      case CharKind.Ampersand:
        if (w.inToken) w.close(i);
        w.ampersand(i, i + width);
        break;
      case CharKind.Apostrophe:
        if (w.inToken && i + width < n && isPossessiveS(codes, n, i + width, table)) {
          w.close(i);
          w.gapFlags |= PUNCT_BEFORE;
          i += width + 1;
          continue;
        }
        if (w.inToken && i + width < n && isWordCharAt(codes, n, i + width, table)) break;
        if (w.inToken) w.close(i);
        w.gapFlags |= PUNCT_BEFORE;
        break;
      default:
        if (w.inToken) w.close(i);
        if (info.kind === CharKind.Break) w.gapFlags |= BREAK_BEFORE;
        else if (info.kind === CharKind.Punct) w.gapFlags |= PUNCT_BEFORE;
    }
    i += width;
  }
  if (w.inToken) w.close(n);
  const s = w.s;
  s.count = w.count;
  scratch = s;
  if (w.dottedCount > 0) mergeInitialisms(s, codes, dottedScratch, w.dottedCount);
  return s;
}

/** Writes tokens into a stream: opening and closing tokens, folded characters, case and gap flags. */
class TokenWriter {
  count = 0;
  foldPos = 0;
  inToken = false;
  gapFlags = 0;
  tokenFlags = 0;
  /** Hash of the open token's folded characters so far. */
  hash = FNV_OFFSET;
  /** Last folded character of a word, for a combining diaeresis in german mode. */
  lastWordBase = 0;
  /** Tokens of one character with a full stop right after them (in dottedScratch): where initialisms may start. */
  dottedCount = 0;
  private sawCased = false;
  constructor(public s: TokenStream) {}

  /** Starts writing a new text into `stream`. */
  reset(stream: TokenStream): this {
    this.s = stream;
    this.count = 0;
    this.foldPos = 0;
    this.inToken = false;
    this.gapFlags = 0;
    this.tokenFlags = 0;
    this.hash = FNV_OFFSET;
    this.lastWordBase = 0;
    this.dottedCount = 0;
    this.sawCased = false;
    return this;
  }

  /**
   * The space, punctuation mark or break `c` (of ASCII class `cls`) at `i`: it ends the open token and marks the gap.
   * `asciiText` does the same in its own loop.
   */
  separator(c: number, cls: number, i: number): void {
    if (this.inToken) {
      this.close(i);
      if (c === 0x2e) this.noteDotAfter(i);
    }
    if (cls === 4) this.gapFlags |= BREAK_BEFORE;
    else if (cls === 3) this.gapFlags |= PUNCT_BEFORE;
  }

  /** A full stop at `dot` ended the token just closed: note it if it is a single character. */
  noteDotAfter(dot: number): void {
    const t = this.count - 1;
    if (t < 0 || this.s.origEnd[t] !== dot || this.s.foldEnd[t]! - this.s.foldStart[t]! !== 1) return;
    if (this.dottedCount === dottedScratch.length) {
      const bigger = new Int32Array(dottedScratch.length * 2);
      bigger.set(dottedScratch);
      dottedScratch = bigger;
    }
    dottedScratch[this.dottedCount++] = t;
  }

  open(start: number): void {
    this.s.foldStart[this.count] = this.foldPos;
    this.s.origStart[this.count] = start;
    this.tokenFlags = this.gapFlags;
    this.gapFlags = 0;
    this.sawCased = false;
    this.inToken = true;
    this.hash = FNV_OFFSET;
  }

  close(end: number): void {
    this.inToken = false;
    // "and" is no name word: "East Hope&Nonferrous", "East Hope and Nonferrous" and "East Hope Nonferrous" are one
    // name. It is dropped and leaves a punctuation gap, so a name never seems to continue across it.
    const start = this.s.foldStart[this.count]!;
    const f = this.s.folded;
    if (this.foldPos - start === 3 && f[start] === 0x61 && f[start + 1] === 0x6e && f[start + 2] === 0x64 && !(this.tokenFlags & CJK)) {
      this.foldPos = start;
      this.gapFlags |= (this.tokenFlags & (BREAK_BEFORE | PUNCT_BEFORE)) | PUNCT_BEFORE;
      return;
    }
    this.s.foldEnd[this.count] = this.foldPos;
    this.s.origEnd[this.count] = end;
    this.s.flags[this.count] = this.tokenFlags;
    this.s.hash[this.count] = this.hash;
    this.count++;
  }

  noteCase(upper: boolean): void {
    if (!this.sawCased) {
      this.sawCased = true;
      this.tokenFlags |= HAS_CASED | (upper ? FIRST_UPPER | ALL_UPPER : 0);
    } else if (!upper) this.tokenFlags &= ~ALL_UPPER;
  }

  /**
   * Reads plain ASCII text from text[i]: words (folded to lower case, their case noted) and the spaces,
   * punctuation and breaks between them. Stops at the end, at a non-ASCII character, an ampersand or an
   * apostrophe, and returns that index. The hot path of page text: a word's letters are handled in local variables.
   */
  asciiText(codes: Uint16Array, n: number, i: number): number {
    if (this.foldPos + (n - i) + 8 > this.s.folded.length) {
      this.s.count = this.count;
      this.s = ensureCapacity(this.s, n + 1, this.foldPos + (n - i) + 8);
    }
    const s = this.s;
    const folded = s.folded;
    const foldStart = s.foldStart;
    const foldEnd = s.foldEnd;
    const origStart = s.origStart;
    const origEnd = s.origEnd;
    const flagsOut = s.flags;
    const hashOut = s.hash;
    let count = this.count;
    let pos = this.foldPos;
    let gap = this.gapFlags;
    let flags = this.tokenFlags;
    let sawCased = this.sawCased;
    let inToken = this.inToken;
    let h = this.hash;
    let tokenStart = foldStart[count]!;
    while (i < n) {
      const c = codes[i]!;
      if (c >= 128) break;
      const cls = ASCII_CLASS[c]!;
      if (cls === 1 || cls === 2) {
        if (!inToken) {
          tokenStart = pos;
          foldStart[count] = pos;
          origStart[count] = i;
          flags = gap;
          gap = 0;
          sawCased = false;
          inToken = true;
          h = FNV_OFFSET;
        }
        // Digits before the word's first letter, and that letter, whose case is the word's.
        while (!sawCased && i < n) {
          let d = codes[i]!;
          if ((d - 0x61) >>> 0 < 26) {
            sawCased = true;
            flags |= HAS_CASED;
          } else if ((d - 0x41) >>> 0 < 26) {
            d += 32;
            sawCased = true;
            flags |= HAS_CASED | FIRST_UPPER | ALL_UPPER;
          } else if ((d - 0x30) >>> 0 >= 10) break;
          folded[pos++] = d;
          h = Math.imul(h ^ d, FNV_PRIME);
          i++;
        }
        // The rest of the word, folded to lower case; one lower-case letter and it is not in capitals.
        let lower = false;
        for (; i < n; i++) {
          let d = codes[i]!;
          if ((d - 0x61) >>> 0 < 26) lower = true;
          else if ((d - 0x41) >>> 0 < 26) d += 32;
          else if ((d - 0x30) >>> 0 >= 10) break;
          folded[pos++] = d;
          h = Math.imul(h ^ d, FNV_PRIME);
        }
        if (lower) flags &= ~ALL_UPPER;
        continue;
      }
      if (cls >= 5) break;
      if (inToken) {
        inToken = false;
        if (pos - tokenStart === 3 && folded[tokenStart] === 0x61 && folded[tokenStart + 1] === 0x6e && folded[tokenStart + 2] === 0x64 && !(flags & CJK)) {
          pos = tokenStart;
          gap |= (flags & (BREAK_BEFORE | PUNCT_BEFORE)) | PUNCT_BEFORE;
        } else {
          foldEnd[count] = pos;
          origEnd[count] = i;
          flagsOut[count] = flags;
          hashOut[count] = h;
          count++;
          if (c === 0x2e && pos - tokenStart === 1) {
            this.count = count;
            this.noteDotAfter(i);
          }
        }
      }
      if (cls === 4) gap |= BREAK_BEFORE;
      else if (cls === 3) gap |= PUNCT_BEFORE;
      i++;
    }
    if (pos > 0) this.lastWordBase = folded[pos - 1]!;
    this.count = count;
    this.foldPos = pos;
    this.gapFlags = gap;
    this.tokenFlags = flags;
    this.sawCased = sawCased;
    this.inToken = inToken;
    this.hash = h;
    return i;
  }

  append(chars: string, textLength: number): void {
    if (this.foldPos + chars.length + 8 > this.s.folded.length) {
      this.s.count = this.count;
      this.s = ensureCapacity(this.s, textLength + 1, this.s.folded.length * 2);
    }
    let h = this.hash;
    for (let k = 0; k < chars.length; k++) {
      const c = chars.charCodeAt(k);
      this.s.folded[this.foldPos++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    this.hash = h;
  }

  /** "&" reads as "and", which is dropped (see `close`). */
  ampersand(start: number, end: number): void {
    this.open(start);
    this.s.folded[this.foldPos++] = 0x61;
    this.s.folded[this.foldPos++] = 0x6e;
    this.s.folded[this.foldPos++] = 0x64;
    this.tokenFlags |= AMPERSAND;
    this.close(end);
  }
}

/** The one writer, reused by every call (tokenising is single-threaded and never re-entered). */
const writer = new TokenWriter(scratch);

/** An English possessive "'s" ends here: "Camel Group's" is the name "Camel Group". */
function isPossessiveS(codes: Uint16Array, n: number, index: number, table: CharTable): boolean {
  const c = codes[index]!;
  if (c !== 0x73 && c !== 0x53) return false;
  return index + 1 >= n || !isWordCharAt(codes, n, index + 1, table);
}

function isWordCharAt(codes: Uint16Array, n: number, index: number, table: CharTable): boolean {
  const c = codes[index]!;
  if (c < 128) {
    const cls = ASCII_CLASS[c];
    return cls === 1 || cls === 2;
  }
  return table.get(codePointAt(codes, n, index)).kind === CharKind.Word;
}

function isSingleLetterToken(s: TokenStream, t: number): boolean {
  if (s.foldEnd[t]! - s.foldStart[t]! !== 1 || (s.flags[t]! & (CJK | AMPERSAND)) !== 0) return false;
  const ch = s.folded[s.foldStart[t]!]!;
  return !(ch >= 0x30 && ch <= 0x39);
}

/**
 * The gap between two tokens is "." or ". " (the dots of an initialism). After ". " the next letter must carry its
 * own dot ("S. A."), so a word that follows an initialism is not swallowed ("S.A. y Compañía").
 */
function isInitialismGap(codes: Uint16Array, from: number, to: number, nextEnd: number): boolean {
  if (to - from === 1) return codes[from] === 0x2e;
  return to - from === 2 && codes[from] === 0x2e && codes[from + 1] === 0x20 && codes[nextEnd] === 0x2e;
}

/**
 * "S.A." → one token "sa": single letters joined by dots. Folded characters are already contiguous. Only the
 * `candidates` (single characters followed by a full stop, in order) can start one; tokens between merges are
 * moved down in blocks.
 */
function mergeInitialisms(s: TokenStream, codes: Uint16Array, candidates: Int32Array, candidateCount: number): void {
  let read = 0; // first token not yet placed
  let write = 0; // where it goes
  for (let k = 0; k < candidateCount; k++) {
    const t = candidates[k]!;
    if (t < read || !isSingleLetterToken(s, t)) continue;
    let last = t;
    while (last + 1 < s.count && isSingleLetterToken(s, last + 1) && isInitialismGap(codes, s.origEnd[last]!, s.origStart[last + 1]!, s.origEnd[last + 1]!)) last++;
    if (last === t) continue;
    let allUpper = true;
    for (let u = t; u <= last; u++) if ((s.flags[u]! & (ALL_UPPER | HAS_CASED)) === HAS_CASED) allUpper = false;
    const flags = allUpper ? s.flags[t]! | ALL_UPPER : s.flags[t]! & ~ALL_UPPER;
    const foldStart = s.foldStart[t]!;
    const foldEnd = s.foldEnd[last]!;
    const origStart = s.origStart[t]!;
    const origEnd = s.origEnd[last]!;
    moveTokens(s, read, t, write);
    write += t - read;
    s.foldStart[write] = foldStart;
    s.foldEnd[write] = foldEnd;
    s.origStart[write] = origStart;
    s.origEnd[write] = origEnd;
    s.flags[write] = flags;
    s.hash[write] = hashChars(s.folded, foldStart, foldEnd);
    write++;
    read = last + 1;
  }
  if (read === write) return;
  moveTokens(s, read, s.count, write);
  s.count = write + (s.count - read);
}

/** Moves tokens [from, to) to start at `dest` (dest <= from). */
function moveTokens(s: TokenStream, from: number, to: number, dest: number): void {
  if (dest === from || to === from) return;
  s.foldStart.copyWithin(dest, from, to);
  s.foldEnd.copyWithin(dest, from, to);
  s.origStart.copyWithin(dest, from, to);
  s.origEnd.copyWithin(dest, from, to);
  s.flags.copyWithin(dest, from, to);
  s.hash.copyWithin(dest, from, to);
}

/** UTF-16 code units passed to one `String.fromCharCode` call: far below any engine's argument limit. */
const CHARS_PER_CALL = 4096;

/**
 * The string of the code units chars[from, to). Long runs are converted in pieces: one call with every unit as an
 * argument overflows the stack past about 120,000 of them (a hostile name or page can hold one such word).
 */
export function charCodesToString(chars: Uint16Array, from: number, to: number): string {
  if (to - from <= CHARS_PER_CALL) return String.fromCharCode.apply(null, chars.subarray(from, to) as unknown as number[]);
  const pieces: string[] = [];
  for (let k = from; k < to; k += CHARS_PER_CALL) {
    pieces.push(String.fromCharCode.apply(null, chars.subarray(k, Math.min(to, k + CHARS_PER_CALL)) as unknown as number[]));
  }
  return pieces.join('');
}

/** The folded text of token `t`. */
export function tokenText(s: TokenStream, t: number): string {
  return charCodesToString(s.folded, s.foldStart[t]!, s.foldEnd[t]!);
}

/** A name's folded tokens as strings (strip mode unless asked). */
let nameScratch: TokenStream = createStream(64, 256);

/** The folded words of a name. Uses scratch space of its own: the stream of the last `tokenise` call stays valid. */
export function nameTokens(name: string, mode: FoldMode = 'strip'): string[] {
  const pageScratch = scratch;
  scratch = nameScratch;
  try {
    const s = tokenise(name, mode);
    const out: string[] = [];
    for (let t = 0; t < s.count; t++) if (s.foldEnd[t]! > s.foldStart[t]!) out.push(tokenText(s, t));
    return out;
  } finally {
    nameScratch = scratch;
    scratch = pageScratch;
  }
}

const CJK_CHAR_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Folded words of a short text, CJK characters one by one (a light fold that leaves the token scratch alone). */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(CJK_CHAR_RE, ' $& ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** True when the German spelling of `name` differs from its accent-stripped spelling. */
export function hasGermanVariant(name: string): boolean {
  return GERMAN_TRANSLITERABLE.test(name);
}

/**
 * The normalised form of a name, for display, debugging and comparing user decisions: case-folded, NFKC,
 * accents stripped, punctuation and "and"/"&" dropped, one space between tokens ("CO.,LTD" → "co ltd",
 * "Müller" → "muller").
 */
export function normaliseName(name: string): string {
  return nameTokens(name).join(' ');
}
