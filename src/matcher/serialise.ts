// Serialises a CompiledMatcher to bytes and loads it back without recompiling: a small header, then every
// typed array as raw little-endian bytes (4-byte aligned), string tables included (UTF-8 bytes plus offsets).
// Loading makes views on the bytes: no copy, no decoding, no object per entry.

import { MATCHER_FORMAT_VERSION, type CompiledMatcher, type StringTable, type TokenTrie } from './compiled';

const MAGIC = 0x314d4c54; // "TLM1" read as little-endian u32

type ArrayKind = 'u8' | 'u16' | 'i32' | 'u32';
type TypedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;
type ArrayField = { [K in keyof CompiledMatcher]: CompiledMatcher[K] extends TypedArray ? K : never }[keyof CompiledMatcher];
type StringField = { [K in keyof CompiledMatcher]: CompiledMatcher[K] extends StringTable ? K : never }[keyof CompiledMatcher];
type TrieField = { [K in keyof CompiledMatcher]: CompiledMatcher[K] extends TokenTrie ? K : never }[keyof CompiledMatcher];

const ARRAY_FIELDS: ReadonlyArray<[ArrayField, ArrayKind]> = [
  ['vocabChars', 'u16'], ['vocabStart', 'i32'], ['vocabTable', 'i32'], ['vocabDf', 'i32'], ['vocabFlags', 'u8'],
  ['rareWordStart', 'i32'], ['rareWordPattern', 'i32'],
  ['formClass', 'u8'], ['formFlags', 'u8'], ['patEntity', 'i32'], ['patName', 'i32'], ['patKind', 'u8'],
  ['patTokenCount', 'u8'], ['patDistinct', 'u8'], ['patFlags', 'u8'], ['patClassLo', 'u32'], ['patClassHi', 'u32'],
  ['idTable', 'i32'], ['idValueStart', 'i32'], ['idEntity', 'i32'], ['idScheme', 'u8'], ['idLengths', 'u8'],
];
const STRING_FIELDS: readonly StringField[] = ['formText', 'nameText', 'entityIds', 'idKeys', 'idOriginal'];
const TRIE_FIELDS: readonly TrieField[] = ['names', 'legalSuffixes', 'legalPrefixes'];
const TRIE_PARTS = ['rootChild', 'edgeStart', 'edgeToken', 'edgeChild', 'terminalStart', 'terminals'] as const;

const BYTES_PER: Record<ArrayKind, number> = { u8: 1, u16: 2, i32: 4, u32: 4 };

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('The matcher serialisation assumes a little-endian platform');
}

/** Serialises a compiled matcher into one compact byte array. */
export function serializeMatcher(m: CompiledMatcher): Uint8Array {
  const chunks: Uint8Array[] = [];
  const addArray = (array: TypedArray): void => {
    chunks.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  };
  for (const [field] of ARRAY_FIELDS) addArray(m[field]);
  for (const field of STRING_FIELDS) {
    addArray(m[field].bytes);
    addArray(m[field].offsets);
  }
  for (const field of TRIE_FIELDS) for (const part of TRIE_PARTS) addArray(m[field][part]);
  const header = new Uint32Array([MAGIC, MATCHER_FORMAT_VERSION, m.entityCount, chunks.length]);
  let total = 16 + chunks.length * 4;
  for (const chunk of chunks) total += align4(chunk.byteLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new Uint8Array(header.buffer), 0);
  chunks.forEach((chunk, k) => view.setUint32(16 + k * 4, chunk.byteLength, true));
  let pos = 16 + chunks.length * 4;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += align4(chunk.byteLength);
  }
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Loads a matcher from serializeMatcher's bytes: views on the bytes, no recompilation. */
export function loadMatcher(bytes: Uint8Array): CompiledMatcher {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('loadMatcher expects a Uint8Array');
  if (bytes.byteLength < 16) throw new Error(`Not a TenderLens matcher: only ${bytes.byteLength} bytes`);
  // Typed-array views need 4-byte alignment; copy once if the caller's bytes are not aligned.
  const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('Not a TenderLens matcher: wrong magic number');
  const version = view.getUint32(4, true);
  if (version !== MATCHER_FORMAT_VERSION) {
    throw new Error(`Matcher format ${version} is not supported (expected ${MATCHER_FORMAT_VERSION}); compile it again`);
  }
  const entityCount = view.getUint32(8, true);
  const chunkCount = view.getUint32(12, true);
  const expected = ARRAY_FIELDS.length + STRING_FIELDS.length * 2 + TRIE_FIELDS.length * TRIE_PARTS.length;
  if (chunkCount !== expected) throw new Error(`Matcher has ${chunkCount} sections, expected ${expected}`);
  if (16 + chunkCount * 4 > data.byteLength) throw new Error('Matcher is truncated (section table)');
  let pos = 16 + chunkCount * 4;
  let chunkIndex = 0;
  const nextChunk = (): { offset: number; length: number } => {
    const length = view.getUint32(16 + chunkIndex * 4, true);
    chunkIndex++;
    const offset = pos;
    if (offset + length > data.byteLength) throw new Error(`Matcher is truncated (section ${chunkIndex})`);
    pos += align4(length);
    return { offset, length };
  };
  const readArray = (kind: ArrayKind): TypedArray => {
    const { offset, length } = nextChunk();
    const per = BYTES_PER[kind];
    if (length % per !== 0) throw new Error(`Matcher section ${chunkIndex} has a bad length`);
    const start = data.byteOffset + offset;
    switch (kind) {
      case 'u8':
        return new Uint8Array(data.buffer, start, length);
      case 'u16':
        return new Uint16Array(data.buffer, start, length / 2);
      case 'i32':
        return new Int32Array(data.buffer, start, length / 4);
      case 'u32':
        return new Uint32Array(data.buffer, start, length / 4);
    }
  };
  const result: Record<string, unknown> = { formatVersion: version, entityCount };
  for (const [field, kind] of ARRAY_FIELDS) result[field] = readArray(kind);
  for (const field of STRING_FIELDS) {
    const bytes = readArray('u8') as Uint8Array;
    const offsets = readArray('u32') as Uint32Array;
    if (offsets.length === 0 || offsets[offsets.length - 1] !== bytes.length) throw new Error(`Matcher string table ${field} is corrupt`);
    result[field] = { bytes, offsets } satisfies StringTable;
  }
  for (const field of TRIE_FIELDS) {
    const trie: Record<string, Int32Array> = {};
    for (const part of TRIE_PARTS) trie[part] = readArray('i32') as Int32Array;
    result[field] = trie;
  }
  // Filled by computed keys, `result` is in the engine's slow dictionary mode; its spread copy has fast properties,
  // which every lookup of a scan reads.
  const m = { ...result } as unknown as CompiledMatcher;
  checkConsistency(m);
  return m;
}

/** Cheap checks that the tables fit together, so corrupt bytes fail here rather than during a scan. */
function checkConsistency(m: CompiledMatcher): void {
  const vocabSize = m.vocabStart.length - 1;
  const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;
  const problems: string[] = [];
  if (vocabSize < 0 || m.vocabStart[vocabSize] !== m.vocabChars.length) problems.push('vocabulary');
  if (!isPowerOfTwo(m.vocabTable.length)) problems.push('vocabulary hash table');
  if (m.vocabFlags.length !== vocabSize || m.vocabDf.length !== vocabSize) problems.push('vocabulary flags');
  if (m.rareWordStart.length !== vocabSize + 1 || m.rareWordStart[vocabSize] !== m.rareWordPattern.length) problems.push('rare words');
  for (const trie of [m.names, m.legalSuffixes, m.legalPrefixes]) {
    if (trie.rootChild.length !== vocabSize || trie.edgeStart.length !== trie.terminalStart.length) problems.push('trie');
    if (trie.edgeToken.length !== trie.edgeChild.length) problems.push('trie edges');
  }
  const patterns = m.patEntity.length;
  if ([m.patName, m.patKind, m.patTokenCount, m.patDistinct, m.patFlags, m.patClassLo, m.patClassHi].some((a) => a.length !== patterns)) {
    problems.push('patterns');
  }
  if (m.entityIds.offsets.length !== m.entityCount + 1) problems.push('entity ids');
  if (!isPowerOfTwo(m.idTable.length)) problems.push('identifier hash table');
  if (problems.length > 0) throw new Error(`Matcher is corrupt: inconsistent ${[...new Set(problems)].join(', ')}`);
}
