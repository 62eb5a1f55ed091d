// Compiles knowledge-base entities into a CompiledMatcher: indexes every spelling of every name (legal forms and
// location qualifiers made optional, German transliterations added) in a token trie, counts how rare each word
// is, and puts identifiers in a hash table. Words are interned once from the tokeniser's folded characters.

import type { Entity } from '@/src/core/types';
import { COMMON_WORDS } from './common-words';
import {
  FORM_DOTTED, FORM_SHORT, hashChars, hashString, IDENTIFIER_SCHEMES, MATCHER_FORMAT_VERSION, NAME_KINDS, PATTERN_ALL_UPPER,
  PATTERN_HAS_LEGAL_FORM, PATTERN_TOWN_LEFT_OUT, RARE_WORD_ENTITIES, VOCAB_COMMON, VOCAB_DISTINCTIVE, type CompiledMatcher, type NameKind, type StringTable, type TokenTrie,
} from './compiled';
import { toCountryCode } from '../core/countries';
import { canonicalIdentifier, IDENTIFIER_VALIDATORS } from './identifiers';
import { LEGAL_FORM_CLASSES, LEGAL_FORMS, legalFormWords } from './legal-forms';
import { ALL_UPPER, charCodesToString, FIRST_UPPER, foldWords, hasGermanVariant, nameTokens, tokenise, type FoldMode } from './normalise';

export type MatcherEntity = Pick<Entity, 'id' | 'name' | 'aliases' | 'weakAliases' | 'previousNames' | 'identifiers' | 'countries'>;

/** Names longer than this many words are not indexed (they are descriptions, not names). */
const MAX_NAME_TOKENS = 40;
/** A legal form followed by at most this many words (a town) at the end of a name is indexed without them too. */
const MAX_TOWN_WORDS = 2;
/**
 * At most this many names (name, aliases, previous names, weak aliases, in that order) are indexed per entity. Real
 * entities have a few dozen; the importers refuse the rest of a record's names with a message (see src/import/).
 */
export const MAX_NAMES_PER_ENTITY = 1000;
/** At most this many spellings are indexed per name (location qualifiers × transliterations). */
const MAX_VARIANTS_PER_NAME = 8;

/** A typed array that grows by doubling: compile-time lists without one JS number or object per item. */
class GrowableInts {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  grow(minimum: number): void {
    let capacity = this.data.length * 2;
    while (capacity < minimum) capacity *= 2;
    const bigger = new Int32Array(capacity);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
  /** The items as an array of their own length: a view when little space is left over, else a copy. */
  toInt32Array(): Int32Array {
    return this.length * 5 >= this.data.length * 4 ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}

/** Many strings appended to one UTF-8 buffer; offsets are byte offsets (n + 1). */
class StringTableWriter {
  private bytes: Uint8Array;
  private used = 0;
  private readonly offsets: Uint32Array;
  private count = 0;
  private readonly encoder = new TextEncoder();
  /** `count` strings of about `chars` UTF-16 code units in all (the buffer grows if they need more bytes). */
  constructor(count: number, chars: number) {
    this.offsets = new Uint32Array(count + 1);
    this.bytes = new Uint8Array(Math.max(64, Math.ceil(chars * 1.05)));
  }
  add(text: string): void {
    this.offsets[this.count++] = this.used;
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < this.used + text.length * 3) capacity *= 2;
      const bigger = new Uint8Array(capacity);
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    const bytes = this.bytes;
    let pos = this.used;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) {
        pos = this.used + this.encoder.encodeInto(text, bytes.subarray(this.used)).written;
        break;
      }
      bytes[pos++] = c;
    }
    this.used = pos;
  }
  finish(): StringTable {
    this.offsets[this.count] = this.used;
    const offsets = this.count + 1 === this.offsets.length ? this.offsets : this.offsets.slice(0, this.count + 1);
    // A view keeps a little unused room alive but saves a copy of the whole table (names left out as duplicates
    // of another spelling leave that room; at a million names a copy was a full garbage collection's worth).
    const bytes = this.used * 4 >= this.bytes.length * 3 ? this.bytes.subarray(0, this.used) : this.bytes.slice(0, this.used);
    return { bytes, offsets };
  }
}

export function buildStringTable(strings: readonly string[]): StringTable {
  let chars = 0;
  for (const text of strings) chars += text.length;
  const writer = new StringTableWriter(strings.length, chars);
  for (const text of strings) writer.add(text);
  return writer.finish();
}

/** Words by id: folded characters back to back, interned through an open-addressing hash table (FNV-1a). */
class Vocabulary {
  chars = new Uint16Array(1 << 16);
  charCount = 0;
  readonly starts = new GrowableInts();
  private table: Int32Array = new Int32Array(1 << 12);
  get size(): number {
    return this.starts.length;
  }
  /** Id of chars[start, end), whose hashChars value is `hash` (the tokeniser's), added if new. */
  intern(chars: Uint16Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      const from = this.starts.data[id]!;
      const to = id + 1 < this.starts.length ? this.starts.data[id + 1]! : this.charCount;
      if (to - from === length) {
        let same = true;
        for (let k = 0; k < length; k++) {
          if (this.chars[from + k] !== chars[start + k]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.starts.length;
    if (this.charCount + length > this.chars.length) {
      let capacity = this.chars.length * 2;
      while (capacity < this.charCount + length) capacity *= 2;
      const bigger = new Uint16Array(capacity);
      bigger.set(this.chars.subarray(0, this.charCount));
      this.chars = bigger;
    }
    this.chars.set(chars.subarray(start, end), this.charCount);
    this.starts.push(this.charCount);
    this.charCount += length;
    this.table[slot] = id + 1;
    if ((id + 1) * 2 > this.table.length) this.growTable();
    return id;
  }
  /** Doubles the hash table. Kept out of `intern`, whose calls would otherwise each allocate a closure context. */
  private growTable(): void {
    this.table = buildHashTable(this.size, (w) => hashChars(this.chars, this.starts.data[w]!, this.endOf(w)), this.table.length * 2);
  }
  internString(word: string): number {
    const chars = new Uint16Array(word.length);
    for (let k = 0; k < word.length; k++) chars[k] = word.charCodeAt(k);
    return this.intern(chars, 0, chars.length, hashChars(chars, 0, chars.length));
  }
  private endOf(id: number): number {
    return id + 1 < this.starts.length ? this.starts.data[id + 1]! : this.charCount;
  }
  word(id: number): string {
    return charCodesToString(this.chars, this.starts.data[id]!, this.endOf(id));
  }
}

/** Nested maps over token ids: a tiny trie for the legal forms, used while stripping them from names. */
interface FormNode {
  next: Map<number, FormNode>;
  classes: number[];
}

interface PreparedForm {
  text: string;
  position: 'suffix' | 'prefix' | 'either';
  tokens: string[];
  ids: Int32Array;
  classIndex: number;
}

/** Legal forms as token-id sequences, for stripping them from knowledge-base names. */
class LegalFormIndex {
  readonly forms: PreparedForm[] = [];
  /** Suffix forms, their tokens from the last one back: a name is read from its end, one lookup rejects most. */
  private readonly suffixes: FormNode = { next: new Map(), classes: [] };
  /** Prefix forms, their tokens in reading order. */
  private readonly prefixes: FormNode = { next: new Map(), classes: [] };
  maxLength = 0;
  readonly classes: number[] = [];
  /** Classes of the form the last `longestForm` found. */
  private found: number[] = [];
  /** 1 for the token ids that can start a form read from the name's end (suffixes) or start (prefixes). */
  private readonly suffixStarts: Uint8Array;
  private readonly prefixStarts: Uint8Array;
  /** 1 for the token ids of every word of every form. */
  private readonly formWords: Uint8Array;

  constructor(vocabulary: Vocabulary) {
    for (const form of LEGAL_FORMS) {
      const tokens = nameTokens(form.text);
      if (tokens.length === 0) continue;
      const classIndex = LEGAL_FORM_CLASSES.indexOf(form.cls);
      const ids = Int32Array.from(tokens.map((word) => vocabulary.internString(word)));
      this.forms.push({ text: form.text, position: form.position, tokens, ids, classIndex });
      this.maxLength = Math.max(this.maxLength, tokens.length);
      if (form.position !== 'prefix') addForm(this.suffixes, ids.slice().reverse(), classIndex);
      if (form.position !== 'suffix') addForm(this.prefixes, ids, classIndex);
    }
    // Form words are the first words interned, so their ids are the smallest.
    this.suffixStarts = new Uint8Array(vocabulary.size);
    for (const id of this.suffixes.next.keys()) this.suffixStarts[id] = 1;
    this.prefixStarts = new Uint8Array(vocabulary.size);
    for (const id of this.prefixes.next.keys()) this.prefixStarts[id] = 1;
    this.formWords = new Uint8Array(vocabulary.size);
    for (const form of this.forms) for (const id of form.ids) this.formWords[id] = 1;
  }

  /**
   * Removes legal forms at both ends of tokens[0, count) (repeatedly: "Corporation Berhad"), keeping at least
   * one word. Returns the core's range packed as start * 65536 + end; the forms' classes go to `this.classes`.
   */
  strip(tokens: Int32Array, count: number): number {
    let start = 0;
    let end = count;
    this.classes.length = 0;
    let changed = true;
    while (changed) {
      changed = false;
      const suffixLength = startsForm(this.suffixStarts, tokens[end - 1]!) ? this.longestForm(this.suffixes, tokens, end - 1, -1, Math.min(this.maxLength, end - start - 1)) : 0;
      if (suffixLength > 0) {
        this.classes.push(...this.found);
        end -= suffixLength;
        changed = true;
      }
      const prefixLength = startsForm(this.prefixStarts, tokens[start]!) ? this.longestForm(this.prefixes, tokens, start, 1, Math.min(this.maxLength, end - start - 1)) : 0;
      if (prefixLength > 0) {
        this.classes.push(...this.found);
        start += prefixLength;
        changed = true;
      }
    }
    return start * 65536 + end;
  }

  /**
   * Where the legal form ends when a name goes on after it with one or two words written like a town ("Linglong
   * International Europe D.O.O. Zrenjanin"; `townLike` marks such words), and a word that is no form word stands
   * before it; else 0.
   */
  townStart(tokens: Int32Array, count: number, townLike: Uint8Array): number {
    for (let townWords = 1; townWords <= MAX_TOWN_WORDS; townWords++) {
      const formLast = count - townWords - 1;
      if (townLike[count - townWords] !== 1) break;
      if (formLast < 1 || !startsForm(this.suffixStarts, tokens[formLast]!)) continue;
      const formLength = this.longestForm(this.suffixes, tokens, formLast, -1, formLast);
      if (formLength === 0) continue;
      for (let k = 0; k <= formLast - formLength; k++) if (!startsForm(this.formWords, tokens[k]!)) return formLast + 1;
    }
    return 0;
  }

  /**
   * The number of tokens (at most `limit`) of the longest form in `root` read from tokens[from] by `step`, or 0;
   * its classes go to `this.found`.
   */
  private longestForm(root: FormNode, tokens: Int32Array, from: number, step: 1 | -1, limit: number): number {
    let node: FormNode | undefined = root;
    let longest = 0;
    for (let k = 0; k < limit; k++) {
      node = node.next.get(tokens[from + k * step]!);
      if (!node) break;
      if (node.classes.length > 0) {
        longest = k + 1;
        this.found = node.classes;
      }
    }
    return longest;
  }
}

/** chars[start, end) are three or more letters (a-z or any non-ASCII letter), no digits. */
function isLetters(chars: Uint16Array, start: number, end: number): boolean {
  if (end - start < 3) return false;
  for (let k = start; k < end; k++) if (chars[k]! < 0x61 || (chars[k]! > 0x7a && chars[k]! < 0x80)) return false;
  return true;
}

function startsForm(starts: Uint8Array, token: number): boolean {
  return token < starts.length && starts[token] === 1;
}

function addForm(root: FormNode, ids: Int32Array, classIndex: number): void {
  let node = root;
  for (const id of ids) {
    let child = node.next.get(id);
    if (!child) {
      child = { next: new Map(), classes: [] };
      node.next.set(id, child);
    }
    node = child;
  }
  node.classes.push(classIndex);
}

const PARENTHETICAL = /\s*[(（][^()（）]*[)）]/g;

/** Spellings of a name with each parenthetical qualifier ("(Shanshan)") kept and dropped. */
function qualifierVariants(name: string): string[] {
  if (!name.includes('(') && !name.includes('（')) return [name];
  const parentheticals = name.match(PARENTHETICAL) ?? [];
  const variants = new Set([name]);
  if (parentheticals.length > 0) {
    variants.add(name.replace(PARENTHETICAL, ' ').trim());
    if (parentheticals.length <= 3) for (const p of parentheticals) variants.add(name.replace(p, ' ').trim());
  }
  return [...variants];
}

const CAPITALS_WORD = /(?:^|\s)\p{Lu}{3,}(?:\s|$)/u;

/**
 * Acronyms the list writes in parentheses at the end of a name ("Ravensburger Karton s.r.o. (RKC)", "British American
 * Tobacco Malawi (BAT Malawi)"): indexed as short aliases. A country ("(HK)"), a legal form ("(PVT)") or a name
 * written all in capitals (where every parenthetical is capitals) gives none.
 */
function parentheticalAcronyms(names: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string' || !name.includes('(') || name === name.toUpperCase()) continue;
    for (const match of name.matchAll(/[(（]([^()（）]*)[)）]/g)) {
      const inside = (match[1] ?? '').trim();
      if (!CAPITALS_WORD.test(inside)) continue;
      // Only at the end of the name (legal forms aside): one in the middle ("Acme (NHS) Trust") is a qualifier.
      const formWords = legalFormWords();
      if (!foldWords(name.slice((match.index ?? 0) + match[0].length)).every((word) => formWords.has(word))) continue;
      const words = foldWords(inside);
      if (words.length === 0 || words.length > 3 || words.every((word) => formWords.has(word))) continue;
      if (toCountryCode(inside) === undefined) out.push(inside);
    }
  }
  return out;
}

/** What one pass over a name's characters tells: which slower checks it needs. */
const NAME_NON_ASCII = 1;
const NAME_PARENTHESIS = 2;
const NAME_ALL_UPPER = 4;

function scanName(name: string): number {
  let lower = false;
  let upper = false;
  let parenthesis = false;
  let nonAscii = false;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 128) {
      nonAscii = true;
      // CJK characters, kana and Hangul have no case; any other character needs the full case mappings.
      if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) continue;
      const allUpper = name !== name.toLowerCase() && name === name.toUpperCase();
      return NAME_NON_ASCII | NAME_PARENTHESIS | (allUpper ? NAME_ALL_UPPER : 0);
    }
    if (c >= 0x61 && c <= 0x7a) lower = true;
    else if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c === 0x28) parenthesis = true;
  }
  const allUpper = upper && !lower ? NAME_ALL_UPPER : 0;
  return nonAscii ? NAME_NON_ASCII | NAME_PARENTHESIS | allUpper : (parenthesis ? NAME_PARENTHESIS : 0) | allUpper;
}

const CJK_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isCjkToken(word: string): boolean {
  return word.length <= 2 && CJK_WORD.test(word);
}

/**
 * Builds a TokenTrie over token sequences (sequence p is tokens[starts[p], starts[p + 1])), each ending at a node
 * that lists its value. Node k > 0 is created by the k-th new edge; root children sit in a direct array, deeper
 * edges are found while building through a hash table of child nodes (see EdgeTable), then laid out per node in
 * token order.
 */
export function buildTokenTrie(tokens: Int32Array, starts: Int32Array, values: Int32Array, vocabSize: number): TokenTrie {
  const sequenceCount = values.length;
  const rootChild = new Int32Array(vocabSize).fill(-1);
  // At most one node per token, plus the root; at most one edge below the root per token after a sequence's first.
  const tokenCount = starts[sequenceCount]! - starts[0]!;
  let firstTokens = 0;
  for (let p = 0; p < sequenceCount; p++) if (starts[p + 1]! > starts[p]!) firstTokens++;
  const nodeKeys = new Int32Array(2 * (tokenCount + 1));
  nodeKeys[0] = -1;
  nodeKeys[1] = -1;
  let nodeCount = 1;
  const edges = new EdgeTable(tokenCount - firstTokens, nodeKeys);
  const terminalNode = new Int32Array(sequenceCount).fill(-1);
  for (let p = 0; p < sequenceCount; p++) {
    const from = starts[p]!;
    const to = starts[p + 1]!;
    if (to === from) continue;
    let node = rootChild[tokens[from]!]!;
    if (node < 0) {
      node = nodeCount++;
      nodeKeys[2 * node] = 0;
      nodeKeys[2 * node + 1] = tokens[from]!;
      rootChild[tokens[from]!] = node;
    }
    for (let k = from + 1; k < to; k++) {
      const token = tokens[k]!;
      const slot = edges.find(node, token);
      let child = edges.childAt(slot);
      if (child === 0) {
        child = nodeCount++;
        nodeKeys[2 * child] = node;
        nodeKeys[2 * child + 1] = token;
        edges.set(slot, child);
      }
      node = child;
    }
    terminalNode[p] = node;
  }
  // Edges below the root, grouped by parent (a counting sort in node order, where a child mostly follows its
  // parent closely), then sorted by token within each parent.
  const edgeStart = new Int32Array(nodeCount + 1);
  for (let n = 1; n < nodeCount; n++) if (nodeKeys[2 * n]! > 0) edgeStart[nodeKeys[2 * n]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) edgeStart[n + 1]! += edgeStart[n]!;
  const edgeChild = new Int32Array(edgeStart[nodeCount]!);
  // Each parent's start serves as its cursor, then is moved back (no copy of the offsets).
  for (let n = 1; n < nodeCount; n++) {
    const parent = nodeKeys[2 * n]!;
    if (parent > 0) edgeChild[edgeStart[parent]!++] = n;
  }
  edgeStart.copyWithin(1, 0, nodeCount);
  edgeStart[0] = 0;
  const edgeToken = new Int32Array(edgeChild.length);
  for (let node = 1; node < nodeCount; node++) {
    const from = edgeStart[node]!;
    const to = edgeStart[node + 1]!;
    if (to - from > 1) sortChildrenByToken(edgeChild, from, to, nodeKeys, nodeCount);
    for (let e = from; e < to; e++) edgeToken[e] = nodeKeys[2 * edgeChild[e]! + 1]!;
  }
  // Terminal values per node, in sequence order.
  const terminalStart = new Int32Array(nodeCount + 1);
  for (let p = 0; p < sequenceCount; p++) if (terminalNode[p]! >= 0) terminalStart[terminalNode[p]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) terminalStart[n + 1]! += terminalStart[n]!;
  const terminals = new Int32Array(terminalStart[nodeCount]!);
  for (let p = 0; p < sequenceCount; p++) if (terminalNode[p]! >= 0) terminals[terminalStart[terminalNode[p]!]!++] = values[p]!;
  terminalStart.copyWithin(1, 0, nodeCount);
  terminalStart[0] = 0;
  return { rootChild, edgeStart, edgeToken, edgeChild, terminalStart, terminals };
}

/**
 * Sorts children[from, to) by their token (nodeKeys[2 * child + 1]): insertion sort for the usual few, else a
 * numeric sort of token * nodeCount + child, which orders by token and gives the child back.
 */
function sortChildrenByToken(children: Int32Array, from: number, to: number, nodeKeys: Int32Array, nodeCount: number): void {
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const child = children[i]!;
      const token = nodeKeys[2 * child + 1]!;
      let j = i - 1;
      while (j >= from && nodeKeys[2 * children[j]! + 1]! > token) {
        children[j + 1] = children[j]!;
        j--;
      }
      children[j + 1] = child;
    }
    return;
  }
  if (sortScratch.length < to - from) sortScratch = new Float64Array(Math.max(to - from, sortScratch.length * 2));
  const keys = sortScratch.subarray(0, to - from);
  for (let k = from; k < to; k++) keys[k - from] = nodeKeys[2 * children[k]! + 1]! * nodeCount + children[k]!;
  keys.sort();
  for (let k = from; k < to; k++) children[k] = keys[k - from]! % nodeCount;
}

/** Sort keys of sortChildrenByToken, reused: a compile sorts the children of thousands of nodes. */
let sortScratch = new Float64Array(256);

/**
 * Trie edges below the root while building: an open-addressing table of child nodes, keyed by the child's
 * (parent, token) as stored in `nodeKeys`. Sized once for the most edges there can be, at most two thirds full.
 */
class EdgeTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    maxEdges: number,
    private readonly nodeKeys: Int32Array,
  ) {
    let size = 16;
    while (size * 2 < maxEdges * 3) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The slot holding the child of `parent` by `token`, or the empty slot where it belongs. */
  find(parent: number, token: number): number {
    let h = Math.imul(parent ^ Math.imul(token, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & this.mask;
    for (;;) {
      const child = this.slots[slot]!;
      if (child === 0 || (this.nodeKeys[2 * child] === parent && this.nodeKeys[2 * child + 1] === token)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The child in `slot`, or 0 when it is empty. */
  childAt(slot: number): number {
    return this.slots[slot]!;
  }

  set(slot: number, child: number): void {
    this.slots[slot] = child;
  }
}

function buildHashTable(count: number, hashOf: (index: number) => number, minimumSize = 16): Int32Array {
  let size = minimumSize;
  while (size < count * 2) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let index = 0; index < count; index++) {
    let slot = hashOf(index) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = index + 1;
  }
  return table;
}

/** Patterns under construction: one per indexed spelling, their token ids back to back. */
class PatternLists {
  readonly tokens: GrowableInts;
  readonly tokenStart: GrowableInts;
  readonly entity: GrowableInts;
  readonly name: GrowableInts;
  /** Kind (bits 0–7) and flags (bits 8–15). */
  readonly kindAndFlags: GrowableInts;
  readonly classLo: GrowableInts;
  readonly classHi: GrowableInts;
  /** Room for about `expected` patterns (one per name is the usual case) and their words. */
  constructor(expected: number) {
    const capacity = Math.max(1024, Math.ceil(expected * 1.03));
    this.tokens = new GrowableInts(capacity * 4);
    this.tokenStart = new GrowableInts(capacity + 1);
    this.entity = new GrowableInts(capacity);
    this.name = new GrowableInts(capacity);
    this.kindAndFlags = new GrowableInts(capacity);
    this.classLo = new GrowableInts(capacity);
    this.classHi = new GrowableInts(capacity);
    this.tokenStart.push(0);
  }
  get count(): number {
    return this.entity.length;
  }
}

/** Compiles entities into a matcher. Entities without any usable name or identifier are simply not findable. */
export function compileMatcher(entities: readonly MatcherEntity[]): CompiledMatcher {
  if (!Array.isArray(entities)) throw new TypeError('compileMatcher expects an array of entities');
  // Sizes first, so the tables are allocated once rather than grown.
  let nameTotal = 0;
  let nameChars = 0;
  let idChars = 0;
  // Parentheses in each entity's name and aliases, counted once (a name with none has no acronym to index).
  const parentheses = new Uint8Array(entities.length);
  for (let entityIndex = 0; entityIndex < entities.length; entityIndex++) {
    const entity = entities[entityIndex];
    if (typeof entity?.id === 'string') idChars += entity.id.length;
    if (typeof entity?.name === 'string') {
      nameTotal++;
      nameChars += entity.name.length;
    }
    nameTotal += listLength(entity?.aliases) + listLength(entity?.previousNames) + listLength(entity?.weakAliases);
    nameChars += listChars(entity?.aliases) + listChars(entity?.previousNames) + listChars(entity?.weakAliases);
    // Room for acronyms in parentheses, indexed as short aliases.
    const count = parenthesesOf(entity);
    parentheses[entityIndex] = Math.min(count, 255);
    nameTotal += count;
  }
  const vocabulary = new Vocabulary();
  const seenCores = new SeenCores();
  const legalForms = new LegalFormIndex(vocabulary);
  const patterns = new PatternLists(nameTotal);
  const nameTable = new StringTableWriter(nameTotal, nameChars);
  let nameCount = 0;
  const entityIds = new StringTableWriter(entities.length, idChars);
  const identifierValues = new Map<string, Array<{ entity: number; scheme: number; original: string }>>();
  let nameIds = new Int32Array(64);
  const nameLists: Record<NameKind, readonly string[]> = { name: [], alias: [], previousName: [], weakAlias: [] };
  // One-element lists reused for every entity's name and every plain spelling: at a million entities, an array
  // per name was promoted garbage enough to cost a full garbage collection of the heap.
  const entityName: string[] = [''];
  const plainSpelling: string[] = [''];

  /** For the last words of the last tokenised name: 1 when written like a town (capitalised, lower case after, 3+ letters). */
  let townLike = new Uint8Array(64);
  /** Tokenises a spelling into nameIds (words with folded characters only) and townLike; returns the word count. */
  const tokeniseName = (spelling: string, mode: FoldMode): number => {
    const s = tokenise(spelling, mode);
    if (nameIds.length < s.count) nameIds = new Int32Array(s.count * 2);
    if (townLike.length < s.count) townLike = new Uint8Array(s.count * 2);
    let count = 0;
    for (let t = 0; t < s.count; t++) {
      if (s.foldEnd[t]! > s.foldStart[t]!) count++;
    }
    if (count === 0 || count > MAX_NAME_TOKENS) return count;
    count = 0;
    for (let t = 0; t < s.count; t++) {
      if (s.foldEnd[t]! > s.foldStart[t]!) nameIds[count++] = vocabulary.intern(s.folded, s.foldStart[t]!, s.foldEnd[t]!, s.hash[t]!);
    }
    // The last words only: a town can only stand there.
    let word = count;
    for (let t = s.count - 1; t >= 0 && word > count - MAX_TOWN_WORDS; t--) {
      if (s.foldEnd[t]! <= s.foldStart[t]!) continue;
      townLike[--word] = (s.flags[t]! & (FIRST_UPPER | ALL_UPPER)) === FIRST_UPPER && isLetters(s.folded, s.foldStart[t]!, s.foldEnd[t]!) ? 1 : 0;
    }
    return count;
  };

  for (let entityIndex = 0; entityIndex < entities.length; entityIndex++) {
    const entity = entities[entityIndex]!;
    if (typeof entity?.id !== 'string') throw new TypeError(`Entity at index ${entityIndex} has no string id`);
    entityIds.add(entity.id);
    const firstPattern = patterns.count;
    if (typeof entity.name === 'string') entityName[0] = entity.name;
    nameLists.name = typeof entity.name === 'string' ? entityName : [];
    nameLists.alias = entity.aliases ?? [];
    nameLists.previousName = entity.previousNames ?? [];
    nameLists.weakAlias = entity.weakAliases ?? [];
    if (parentheses[entityIndex]! > 0) {
      const acronyms = parentheticalAcronyms([entity.name, ...(entity.aliases ?? [])]);
      if (acronyms.length > 0) nameLists.weakAlias = [...nameLists.weakAlias, ...acronyms];
    }
    let namesOfEntity = 0;
    for (let kindIndex = 0; kindIndex < NAME_KINDS.length; kindIndex++) {
      for (const name of nameLists[NAME_KINDS[kindIndex]!]) {
        if (typeof name !== 'string' || name.trim() === '') continue;
        if (++namesOfEntity > MAX_NAMES_PER_ENTITY) break;
        let used = false;
        let variants = 0;
        const traits = scanName(name);
        const upperFlag = traits & NAME_ALL_UPPER ? PATTERN_ALL_UPPER : 0;
        plainSpelling[0] = name;
        for (const spelling of traits & NAME_PARENTHESIS ? qualifierVariants(name) : plainSpelling) {
          const german = (traits & NAME_NON_ASCII) !== 0 && hasGermanVariant(spelling);
          for (let modeIndex = 0; modeIndex < (german ? 2 : 1); modeIndex++) {
            if (variants >= MAX_VARIANTS_PER_NAME) continue;
            const count = tokeniseName(spelling, modeIndex === 0 ? 'strip' : 'german');
            if (count === 0 || count > MAX_NAME_TOKENS) continue;
            // The whole spelling, then, when it does not end with a legal form but one stands before its last words
            // (its town), the part up to that form. Names with parentheses have their qualifiers handled above.
            let townStart = 0;
            for (let part = 0; part < (townStart > 0 ? 2 : 1); part++) {
              const range = legalForms.strip(nameIds, part === 0 ? count : townStart);
              const coreStart = Math.floor(range / 65536);
              const coreEnd = range % 65536;
              if (part === 0 && coreEnd === count && !(traits & NAME_PARENTHESIS)) townStart = legalForms.townStart(nameIds, count, townLike);
              if (seenCores.has(patterns, firstPattern, nameIds, coreStart, coreEnd)) continue;
              variants++;
              used = true;
              let lo = 0;
              let hi = 0;
              for (const c of legalForms.classes) {
                if (c < 32) lo |= 1 << c;
                else hi |= 1 << (c - 32);
              }
              const flags = upperFlag | (legalForms.classes.length > 0 ? PATTERN_HAS_LEGAL_FORM : 0) | (part === 1 ? PATTERN_TOWN_LEFT_OUT : 0);
              for (let k = coreStart; k < coreEnd; k++) patterns.tokens.push(nameIds[k]!);
              patterns.tokenStart.push(patterns.tokens.length);
              patterns.entity.push(entityIndex);
              patterns.name.push(nameCount);
              patterns.kindAndFlags.push(kindIndex | (flags << 8));
              patterns.classLo.push(lo);
              patterns.classHi.push(hi);
            }
          }
        }
        if (used) {
          nameTable.add(name);
          nameCount++;
        }
      }
    }
    for (const identifier of entity.identifiers ?? []) {
      const schemeIndex = (IDENTIFIER_SCHEMES as readonly string[]).indexOf(identifier?.scheme);
      if (schemeIndex < 0 || typeof identifier.value !== 'string') continue;
      const scheme = IDENTIFIER_SCHEMES[schemeIndex]!;
      const canonical = canonicalIdentifier(scheme, identifier.value);
      if (!IDENTIFIER_VALIDATORS[scheme](canonical)) continue;
      const value = { entity: entityIndex, scheme: schemeIndex, original: identifier.value };
      const list = identifierValues.get(canonical);
      if (list) list.push(value);
      else identifierValues.set(canonical, [value]);
    }
  }

  const vocabSize = vocabulary.size;
  const patternCount = patterns.count;
  const patTokens = patterns.tokens.data;
  const patTokenStart = patterns.tokenStart.data;
  const patEntity = patterns.entity.toInt32Array();
  const patName = patterns.name.toInt32Array();
  const words = Array.from({ length: vocabSize }, (_, id) => vocabulary.word(id));

  // Document frequency: in how many entities' names each word appears.
  const df = new Int32Array(vocabSize);
  const lastEntity = new Int32Array(vocabSize).fill(-1);
  for (let p = 0; p < patternCount; p++) {
    for (let k = patTokenStart[p]!; k < patTokenStart[p + 1]!; k++) {
      const token = patTokens[k]!;
      if (lastEntity[token] !== patEntity[p]) {
        lastEntity[token] = patEntity[p]!;
        df[token]!++;
      }
    }
  }
  const dfLimit = Math.max(2, Math.ceil(entities.length * 0.001));
  const vocabFlags = new Uint8Array(vocabSize);
  const cjk = new Uint8Array(vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    const word = words[id]!;
    cjk[id] = isCjkToken(word) ? 1 : 0;
    const common = COMMON_WORDS.has(word);
    const distinctive = !common && df[id]! <= dfLimit && word.length >= 3 && !/^\d+$/.test(word) && cjk[id] === 0;
    vocabFlags[id] = (common ? VOCAB_COMMON : 0) | (distinctive ? VOCAB_DISTINCTIVE : 0);
  }
  const { rareWordStart, rareWordPattern } = rareWordPatterns(patTokens, patTokenStart, patEntity, patternCount, df, vocabFlags);
  const patDistinct = new Uint8Array(patternCount);
  const patTokenCount = new Uint8Array(patternCount);
  for (let p = 0; p < patternCount; p++) {
    let distinct = 0;
    let rareCjk = 0;
    for (let k = patTokenStart[p]!; k < patTokenStart[p + 1]!; k++) {
      const token = patTokens[k]!;
      if (vocabFlags[token]! & VOCAB_DISTINCTIVE) distinct++;
      else if (cjk[token] === 1 && df[token]! <= dfLimit) rareCjk++;
    }
    // Two rare CJK characters say about as much as one rare word.
    patDistinct[p] = Math.min(255, distinct + (rareCjk >> 1));
    patTokenCount[p] = patTokenStart[p + 1]! - patTokenStart[p]!;
  }

  const vocabStart = new Int32Array(vocabSize + 1);
  vocabStart.set(vocabulary.starts.data.subarray(0, vocabSize));
  vocabStart[vocabSize] = vocabulary.charCount;
  const vocabChars = vocabulary.chars.slice(0, vocabulary.charCount);
  const vocabTable = buildHashTable(vocabSize, (id) => hashChars(vocabChars, vocabStart[id]!, vocabStart[id + 1]!));

  const patternIndexes = new Int32Array(patternCount);
  for (let p = 0; p < patternCount; p++) patternIndexes[p] = p;
  const names = buildTokenTrie(patTokens, patTokenStart.subarray(0, patternCount + 1), patternIndexes, vocabSize);
  const forms = legalForms.forms;
  const suffixIndexes = forms.flatMap((form, index) => (form.position !== 'prefix' ? [index] : []));
  const prefixIndexes = forms.flatMap((form, index) => (form.position !== 'suffix' ? [index] : []));
  const legalSuffixes = buildFormTrie(suffixIndexes.map((f) => forms[f]!.ids), suffixIndexes, vocabSize);
  const legalPrefixes = buildFormTrie(prefixIndexes.map((f) => forms[f]!.ids.slice().reverse()), prefixIndexes, vocabSize);

  // Identifiers.
  const idKeyList = [...identifierValues.keys()];
  const idValueStart = new Int32Array(idKeyList.length + 1);
  const idEntity: number[] = [];
  const idScheme: number[] = [];
  const idOriginal: string[] = [];
  const idLengths = new Uint8Array(64);
  idKeyList.forEach((key, k) => {
    idValueStart[k] = idEntity.length;
    if (key.length < 64) idLengths[key.length] = 1;
    // A UK company number written without its leading zero ("2354269") is found as well.
    if (key.length === 8 && key.startsWith('0') && /^\d+$/.test(key)) idLengths[7] = 1;
    for (const value of identifierValues.get(key)!) {
      idEntity.push(value.entity);
      idScheme.push(value.scheme);
      idOriginal.push(value.original);
    }
  });
  idValueStart[idKeyList.length] = idEntity.length;

  const kindAndFlags = patterns.kindAndFlags.data;
  return {
    formatVersion: MATCHER_FORMAT_VERSION,
    entityCount: entities.length,
    vocabChars,
    vocabStart,
    vocabTable,
    vocabDf: df,
    vocabFlags,
    rareWordStart,
    rareWordPattern,
    names,
    legalSuffixes,
    legalPrefixes,
    formText: buildStringTable(forms.map((form) => form.text)),
    formClass: Uint8Array.from(forms, (form) => form.classIndex),
    formFlags: Uint8Array.from(forms, (form) => {
      const key = form.tokens.join(' ');
      const short = form.tokens.every((word) => /^[a-z]{1,2}$/.test(word));
      const dotted = forms.some((other) => other.tokens.join(' ') === key && other.text.endsWith('.'));
      return (short ? FORM_SHORT : 0) | (dotted ? FORM_DOTTED : 0);
    }),
    patEntity,
    patName,
    patKind: lowBytes(kindAndFlags, patternCount, 0),
    patTokenCount,
    patDistinct,
    patFlags: lowBytes(kindAndFlags, patternCount, 8),
    patClassLo: new Uint32Array(patterns.classLo.toInt32Array().buffer, 0, patternCount),
    patClassHi: new Uint32Array(patterns.classHi.toInt32Array().buffer, 0, patternCount),
    nameText: nameTable.finish(),
    entityIds: entityIds.finish(),
    idKeys: buildStringTable(idKeyList),
    idTable: buildHashTable(idKeyList.length, (k) => hashString(idKeyList[k]!)),
    idValueStart,
    idEntity: Int32Array.from(idEntity),
    idScheme: Uint8Array.from(idScheme),
    idOriginal: buildStringTable(idOriginal),
    idLengths,
  };
}

/** For each distinctive word of at most RARE_WORD_ENTITIES entities, the first pattern of each that holds it (CSR). */
function rareWordPatterns(
  patTokens: Int32Array, patTokenStart: Int32Array, patEntity: Int32Array, patternCount: number, df: Int32Array, vocabFlags: Uint8Array,
): { rareWordStart: Int32Array; rareWordPattern: Int32Array } {
  const vocabSize = df.length;
  const isRare = (token: number): boolean => df[token]! <= RARE_WORD_ENTITIES && (vocabFlags[token]! & VOCAB_DISTINCTIVE) !== 0;
  const rareWordStart = new Int32Array(vocabSize + 1);
  for (let token = 0; token < vocabSize; token++) rareWordStart[token + 1] = rareWordStart[token]! + (isRare(token) ? df[token]! : 0);
  const rareWordPattern = new Int32Array(rareWordStart[vocabSize]!);
  const filled = new Int32Array(vocabSize);
  const lastEntity = new Int32Array(vocabSize).fill(-1);
  for (let p = 0; p < patternCount; p++) {
    for (let k = patTokenStart[p]!; k < patTokenStart[p + 1]!; k++) {
      const token = patTokens[k]!;
      if (!isRare(token) || lastEntity[token] === patEntity[p]) continue;
      lastEntity[token] = patEntity[p]!;
      rareWordPattern[rareWordStart[token]! + filled[token]!++] = p;
    }
  }
  return { rareWordStart, rareWordPattern };
}

/** Bits shift..shift + 7 of values[0, count), one byte each. */
function lowBytes(values: Int32Array, count: number, shift: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let k = 0; k < count; k++) out[k] = values[k]! >> shift;
  return out;
}

/** Opening parentheses in an entity's name and aliases, where acronyms may stand. */
function parenthesesOf(entity: MatcherEntity | undefined): number {
  let count = parenthesesIn(entity?.name);
  const aliases: unknown = entity?.aliases;
  if (Array.isArray(aliases)) for (let k = 0; k < aliases.length; k++) count += parenthesesIn(aliases[k]);
  return count;
}

function parenthesesIn(name: unknown): number {
  if (typeof name !== 'string') return 0;
  let count = 0;
  for (let at = name.indexOf('('); at >= 0; at = name.indexOf('(', at + 1)) count++;
  return count;
}

/** Length of a list of names, 0 when it is not an array. */
function listLength(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** Characters in the names of a list (its strings only). */
function listChars(list: unknown): number {
  if (!Array.isArray(list)) return 0;
  let chars = 0;
  for (let k = 0; k < list.length; k++) if (typeof list[k] === 'string') chars += (list[k] as string).length;
  return chars;
}

/** Patterns of one entity compared one by one; past this many, through a hash table of their tokens. */
const SEEN_CORES_SCANNED = 16;

/**
 * Whether an earlier pattern of the same entity already has a given core. An entity's first patterns are compared
 * one by one (most entities have a few); past SEEN_CORES_SCANNED, they are looked up by a hash of their tokens,
 * so an entity with a huge number of names costs time in proportion to them, not to their square.
 */
class SeenCores {
  /** First pattern of the entity the table is for, or -1. */
  private entityFirst = -1;
  private byHash = new Map<number, number[]>();
  /** Patterns of that entity entered in the table so far: [entityFirst, indexedTo). */
  private indexedTo = 0;

  /** True when an earlier pattern of the entity (from `firstPattern` on) has exactly the core tokens[from, to). */
  has(patterns: PatternLists, firstPattern: number, tokens: Int32Array, from: number, to: number): boolean {
    const starts = patterns.tokenStart.data;
    const stored = patterns.tokens.data;
    if (patterns.count - firstPattern <= SEEN_CORES_SCANNED) {
      for (let p = firstPattern; p < patterns.count; p++) {
        if (sameTokens(stored, starts[p]!, starts[p + 1]!, tokens, from, to)) return true;
      }
      return false;
    }
    if (this.entityFirst !== firstPattern) {
      this.entityFirst = firstPattern;
      this.byHash = new Map();
      this.indexedTo = firstPattern;
    }
    for (; this.indexedTo < patterns.count; this.indexedTo++) {
      const key = hashTokens(stored, starts[this.indexedTo]!, starts[this.indexedTo + 1]!);
      const list = this.byHash.get(key);
      if (list) list.push(this.indexedTo);
      else this.byHash.set(key, [this.indexedTo]);
    }
    for (const p of this.byHash.get(hashTokens(tokens, from, to)) ?? []) {
      if (sameTokens(stored, starts[p]!, starts[p + 1]!, tokens, from, to)) return true;
    }
    return false;
  }
}

function sameTokens(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

/** FNV-1a over token ids. */
function hashTokens(tokens: Int32Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ tokens[k]!, 0x01000193);
  return h >>> 0;
}

function buildFormTrie(sequences: readonly Int32Array[], values: readonly number[], vocabSize: number): TokenTrie {
  const starts = new Int32Array(sequences.length + 1);
  sequences.forEach((sequence, k) => (starts[k + 1] = starts[k]! + sequence.length));
  const tokens = new Int32Array(starts[sequences.length]!);
  sequences.forEach((sequence, k) => tokens.set(sequence, starts[k]!));
  return buildTokenTrie(tokens, starts, Int32Array.from(values), vocabSize);
}
