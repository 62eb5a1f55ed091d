// The compiled matcher's data: every table is a typed array (strings as UTF-8 bytes), so it serialises compactly and
// loads without rebuilding. Also the lookups over those tables (token vocabulary, tries, identifier hash map).

import type { IdentifierScheme } from '@/src/core/types';

export const MATCHER_FORMAT_VERSION = 4;

/** Many strings stored as one UTF-8 buffer and the byte offset where each starts (n + 1 offsets); decoded on use. */
export interface StringTable {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/**
 * A trie over token ids. The root's children are a direct array indexed by token id (the hot "does any name
 * start with this word" test); deeper nodes keep their children sorted by token id (binary search).
 * Node 0 is the root; `terminals` lists, per node, the values ending there (pattern or legal form indexes).
 */
export interface TokenTrie {
  rootChild: Int32Array;
  edgeStart: Int32Array;
  edgeToken: Int32Array;
  edgeChild: Int32Array;
  terminalStart: Int32Array;
  terminals: Int32Array;
}

/** Vocabulary flags. */
export const VOCAB_COMMON = 1; // in the built-in list of common words
export const VOCAB_DISTINCTIVE = 2; // rare in the knowledge base and not a common word: it helps tell names apart

/** A word of at most this many entities' names points back to them when a page gives only part of a name. */
export const RARE_WORD_ENTITIES = 3;

/** Legal form flags. */
export const FORM_SHORT = 1; // every word is one or two Latin letters ("AS", "Co"): it counts only when capitalised
export const FORM_DOTTED = 2; // usually abbreviated with a full stop ("Ltd.", "Bhd."), kept in the mention's text

/** Identifier schemes by index (idScheme). */
export const IDENTIFIER_SCHEMES = ['lei', 'vat', 'gb-coh', 'uei', 'cage', 'duns', 'os-id', 'registration'] as const satisfies readonly IdentifierScheme[];

/** Name kinds, in order of strength. */
export const NAME_KINDS = ['name', 'alias', 'previousName', 'weakAlias'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

/** Pattern flags. */
export const PATTERN_ALL_UPPER = 1; // the knowledge base writes the name in capitals ("XPCC")
export const PATTERN_HAS_LEGAL_FORM = 2; // the knowledge-base name carried a legal form (classes in patClass*)
export const PATTERN_TOWN_LEFT_OUT = 4; // the name without the town after its legal form ("… d.o.o." of "… d.o.o. Zrenjanin")

export interface CompiledMatcher {
  readonly formatVersion: number;
  readonly entityCount: number;
  /** Vocabulary: folded characters of every token, start offsets (n + 1), open-addressing hash table of ids + 1. */
  readonly vocabChars: Uint16Array;
  readonly vocabStart: Int32Array;
  readonly vocabTable: Int32Array;
  /** Number of entities whose names use the token (document frequency). */
  readonly vocabDf: Int32Array;
  readonly vocabFlags: Uint8Array;
  /**
   * For a distinctive word used by at most RARE_WORD_ENTITIES entities: one pattern of each of them that holds it
   * (CSR: rareWordStart has n + 1 offsets into rareWordPattern). Finds a listed name that a page gives only in part.
   */
  readonly rareWordStart: Int32Array;
  readonly rareWordPattern: Int32Array;
  readonly names: TokenTrie;
  /** Legal forms after a name, and before it (that trie holds their tokens reversed). */
  readonly legalSuffixes: TokenTrie;
  readonly legalPrefixes: TokenTrie;
  readonly formText: StringTable;
  readonly formClass: Uint8Array;
  /** FORM_SHORT and FORM_DOTTED flags per legal form. */
  readonly formFlags: Uint8Array;
  /** One pattern per indexed spelling of a name. */
  readonly patEntity: Int32Array;
  readonly patName: Int32Array;
  readonly patKind: Uint8Array;
  readonly patTokenCount: Uint8Array;
  /** Number of words in the name that are distinctive (rare in the knowledge base, not common words). */
  readonly patDistinct: Uint8Array;
  readonly patFlags: Uint8Array;
  /** Legal form classes the knowledge-base name carried, as a 64-bit set (two halves). */
  readonly patClassLo: Uint32Array;
  readonly patClassHi: Uint32Array;
  readonly nameText: StringTable;
  readonly entityIds: StringTable;
  /** Identifiers: canonical keys, hash table of key index + 1, values per key (CSR). */
  readonly idKeys: StringTable;
  readonly idTable: Int32Array;
  readonly idValueStart: Int32Array;
  readonly idEntity: Int32Array;
  readonly idScheme: Uint8Array;
  readonly idOriginal: StringTable;
  /** idLengths[n] = 1 when some identifier key has n characters. */
  readonly idLengths: Uint8Array;
}

const utf8 = new TextDecoder();

/** The string at `index`: short ASCII strings are built directly, others decoded from UTF-8. */
export function stringAt(table: StringTable, index: number): string {
  const from = table.offsets[index]!;
  const to = table.offsets[index + 1]!;
  const bytes = table.bytes;
  if (to - from <= 256) {
    let ascii = true;
    for (let k = from; k < to; k++) {
      if (bytes[k]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return utf8.decode(bytes.subarray(from, to));
}

/** True when the string at `index` equals `value` (compared without decoding when `value` is ASCII). */
export function stringEquals(table: StringTable, index: number, value: string): boolean {
  const from = table.offsets[index]!;
  const to = table.offsets[index + 1]!;
  if (to - from !== value.length) return to - from > value.length && stringAt(table, index) === value;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c >= 0x80) return stringAt(table, index) === value;
    if (table.bytes[from + k] !== c) return false;
  }
  return true;
}

/** FNV-1a offset basis (as a 32-bit integer) and prime; the tokeniser hashes tokens with them as it folds them. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units. */
export function hashChars(chars: Uint16Array, start: number, end: number): number {
  return hashSlot(chars, start, end, -1) >>> 0;
}

/**
 * hashChars(chars, start, end) & mask, the first slot to probe in a table of mask + 1 entries. Kept small so it
 * is returned without boxing (a slot index fits a small integer; a 32-bit hash may not).
 */
export function hashSlot(chars: Uint16Array, start: number, end: number, mask: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ chars[k]!, FNV_PRIME);
  return h & mask;
}

export function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

/** Token id of the folded characters chars[start, end), or -1 when no name uses that word. */
export function lookupToken(m: CompiledMatcher, chars: Uint16Array, start: number, end: number): number {
  return lookupHashedToken(m, chars, start, end, hashSlot(chars, start, end, m.vocabTable.length - 1));
}

/**
 * lookupToken for characters whose hashChars value (or any number with the same low bits) the caller has already:
 * the tokeniser computes it for every token. A function of its own, so that each kind of caller stays specialised.
 */
export function lookupHashedToken(m: CompiledMatcher, chars: Uint16Array, start: number, end: number, hash: number): number {
  const table = m.vocabTable;
  const mask = table.length - 1;
  const length = end - start;
  let slot = hash & mask;
  for (;;) {
    const entry = table[slot]!;
    if (entry === 0) return -1;
    const id = entry - 1;
    const from = m.vocabStart[id]!;
    if (m.vocabStart[id + 1]! - from === length) {
      let same = true;
      for (let k = 0; k < length; k++) {
        if (m.vocabChars[from + k] !== chars[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    slot = (slot + 1) & mask;
  }
}

/** Child of `node` by token, or -1. */
export function trieChild(trie: TokenTrie, node: number, token: number): number {
  if (node === 0) return token < trie.rootChild.length ? trie.rootChild[token]! : -1;
  let lo = trie.edgeStart[node]!;
  let hi = trie.edgeStart[node + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = trie.edgeToken[mid]!;
    if (t === token) return trie.edgeChild[mid]!;
    if (t < token) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function isTerminal(trie: TokenTrie, node: number): boolean {
  return trie.terminalStart[node + 1]! > trie.terminalStart[node]!;
}

/** Index of the identifier key equal to `value`, or -1. */
export function lookupIdentifier(m: CompiledMatcher, value: string): number {
  const table = m.idTable;
  if (table.length === 0) return -1;
  const mask = table.length - 1;
  let slot = hashString(value) & mask;
  for (;;) {
    const entry = table[slot]!;
    if (entry === 0) return -1;
    const key = entry - 1;
    if (stringEquals(m.idKeys, key, value)) return key;
    slot = (slot + 1) & mask;
  }
}

export function classBitsIntersect(loA: number, hiA: number, loB: number, hiB: number): boolean {
  return ((loA & loB) | (hiA & hiB)) !== 0;
}
