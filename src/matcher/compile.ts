// Compiles knowledge-base entities into a CompiledMatcher: indexes every spelling of every name (legal forms and
// location qualifiers made optional, German transliterations added) in a token trie, counts how rare each word
// is, and puts identifiers in a hash table.

import type { Entity } from '@/src/core/types';
import { COMMON_WORDS } from './common-words';
import {
  buildStringTable, FORM_DOTTED, FORM_SHORT, hashString, IDENTIFIER_SCHEMES, MATCHER_FORMAT_VERSION, NAME_KINDS, PATTERN_ALL_UPPER,
  PATTERN_HAS_LEGAL_FORM, VOCAB_COMMON, VOCAB_DISTINCTIVE, type CompiledMatcher, type NameKind, type TokenTrie,
} from './compiled';
import { canonicalIdentifier, IDENTIFIER_VALIDATORS } from './identifiers';
import { LEGAL_FORM_CLASSES, LEGAL_FORMS } from './legal-forms';
import { hasGermanVariant, nameTokens } from './normalise';

export type MatcherEntity = Pick<Entity, 'id' | 'name' | 'aliases' | 'weakAliases' | 'previousNames' | 'identifiers' | 'countries'>;

/** Names longer than this many words are not indexed (they are descriptions, not names). */
const MAX_NAME_TOKENS = 40;
/** At most this many spellings are indexed per name (location qualifiers × transliterations). */
const MAX_VARIANTS_PER_NAME = 8;

class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}

interface PreparedForm {
  text: string;
  position: 'suffix' | 'prefix' | 'either';
  tokens: string[];
  classIndex: number;
}

/** Legal forms keyed by their token sequence, for stripping them from knowledge-base names. */
class LegalFormIndex {
  readonly suffixes = new Map<string, number[]>();
  readonly prefixes = new Map<string, number[]>();
  readonly forms: PreparedForm[] = [];
  /** Last words of suffix forms and first words of prefix forms: most names are rejected by one lookup. */
  private readonly suffixEnds = new Set<string>();
  private readonly prefixStarts = new Set<string>();
  maxLength = 0;
  constructor() {
    for (const form of LEGAL_FORMS) {
      const tokens = nameTokens(form.text);
      if (tokens.length === 0) continue;
      const classIndex = LEGAL_FORM_CLASSES.indexOf(form.cls);
      this.forms.push({ text: form.text, position: form.position, tokens, classIndex });
      this.maxLength = Math.max(this.maxLength, tokens.length);
      const key = tokens.join(' ');
      if (form.position !== 'prefix') {
        push(this.suffixes, key, classIndex);
        this.suffixEnds.add(tokens[tokens.length - 1]!);
      }
      if (form.position !== 'suffix') {
        push(this.prefixes, key, classIndex);
        this.prefixStarts.add(tokens[0]!);
      }
    }
  }

  /** Removes legal forms at both ends (repeatedly: "Corporation Berhad"); keeps at least one word. */
  strip(tokens: string[]): { core: string[]; classes: number[] } {
    let start = 0;
    let end = tokens.length;
    const classes: number[] = [];
    let changed = true;
    while (changed) {
      changed = false;
      const suffixLengths = this.suffixEnds.has(tokens[end - 1]!) ? Math.min(this.maxLength, end - start - 1) : 0;
      for (let length = suffixLengths; length >= 1; length--) {
        const found = this.suffixes.get(tokens.slice(end - length, end).join(' '));
        if (found) {
          classes.push(...found);
          end -= length;
          changed = true;
          break;
        }
      }
      const prefixLengths = this.prefixStarts.has(tokens[start]!) ? Math.min(this.maxLength, end - start - 1) : 0;
      for (let length = prefixLengths; length >= 1; length--) {
        const found = this.prefixes.get(tokens.slice(start, start + length).join(' '));
        if (found) {
          classes.push(...found);
          start += length;
          changed = true;
          break;
        }
      }
    }
    return { core: tokens.slice(start, end), classes };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Spellings of a name with each parenthetical qualifier ("(Shanshan)") kept and dropped. */
function qualifierVariants(name: string): string[] {
  const parentheticals = name.match(/\s*[(（][^()（）]*[)）]/g) ?? [];
  const variants = new Set([name]);
  if (parentheticals.length > 0) {
    variants.add(name.replace(/\s*[(（][^()（）]*[)）]/g, ' ').trim());
    if (parentheticals.length <= 3) for (const p of parentheticals) variants.add(name.replace(p, ' ').trim());
  }
  return [...variants];
}

function isAllUpper(name: string): boolean {
  return name !== name.toLowerCase() && name === name.toUpperCase();
}

function isCjkToken(word: string): boolean {
  return word.length <= 2 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word);
}

/** Builds a TokenTrie from token sequences, each ending at a node that lists its value. */
export function buildTokenTrie(sequences: readonly Int32Array[], values: readonly number[], vocabSize: number): TokenTrie {
  const order = sequences.map((_, index) => index);
  order.sort((a, b) => compareSequences(sequences[a]!, sequences[b]!));
  const rootChild = new Int32Array(vocabSize).fill(-1);
  const edgeParent: number[] = [];
  const edgeToken: number[] = [];
  const edgeChildList: number[] = [];
  const terminalNode: number[] = [];
  const terminalValue: number[] = [];
  let nodeCount = 1;
  let previous: Int32Array = new Int32Array(0);
  const path: number[] = [0];
  for (const index of order) {
    const sequence = sequences[index]!;
    if (sequence.length === 0) continue;
    let common = 0;
    while (common < sequence.length && common < previous.length && sequence[common] === previous[common]) common++;
    path.length = common + 1;
    for (let k = common; k < sequence.length; k++) {
      const parent = path[k]!;
      const child = nodeCount++;
      if (parent === 0) rootChild[sequence[k]!] = child;
      else {
        edgeParent.push(parent);
        edgeToken.push(sequence[k]!);
        edgeChildList.push(child);
      }
      path.push(child);
    }
    terminalNode.push(path[sequence.length]!);
    terminalValue.push(values[index]!);
    previous = sequence;
  }
  const [edgeStart, edgeOrder] = groupBy(edgeParent, nodeCount);
  const edgeTokens = new Int32Array(edgeOrder.length);
  const edgeChild = new Int32Array(edgeOrder.length);
  edgeOrder.forEach((e, k) => {
    edgeTokens[k] = edgeToken[e]!;
    edgeChild[k] = edgeChildList[e]!;
  });
  const [terminalStart, terminalOrder] = groupBy(terminalNode, nodeCount);
  const terminals = new Int32Array(terminalOrder.length);
  terminalOrder.forEach((t, k) => (terminals[k] = terminalValue[t]!));
  return { rootChild, edgeStart, edgeToken: edgeTokens, edgeChild, terminalStart, terminals };
}

function compareSequences(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

/** Stable counting sort of items by key: returns [start offsets per key (n + 1), item order]. */
function groupBy(keys: readonly number[], keyCount: number): [Int32Array, Int32Array] {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const cursor = start.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  keys.forEach((key, item) => (order[cursor[key]!++] = item));
  return [start, order];
}

function buildHashTable(count: number, hashOf: (index: number) => number): Int32Array {
  let size = 16;
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

/** Compiles entities into a matcher. Entities without any usable name or identifier are simply not findable. */
export function compileMatcher(entities: readonly MatcherEntity[]): CompiledMatcher {
  if (!Array.isArray(entities)) throw new TypeError('compileMatcher expects an array of entities');
  const vocabulary = new Vocabulary();
  const legalForms = new LegalFormIndex();

  const patSequences: Int32Array[] = [];
  const patEntity: number[] = [];
  const patName: number[] = [];
  const patKind: number[] = [];
  const patFlags: number[] = [];
  const patClassLo: number[] = [];
  const patClassHi: number[] = [];
  const nameStrings: string[] = [];
  const entityIds: string[] = [];
  const identifierValues = new Map<string, Array<{ entity: number; scheme: number; original: string }>>();

  entities.forEach((entity, entityIndex) => {
    if (typeof entity?.id !== 'string') throw new TypeError(`Entity at index ${entityIndex} has no string id`);
    entityIds.push(entity.id);
    const seenCores = new Set<string>();
    const nameLists: Record<NameKind, readonly string[]> = {
      name: typeof entity.name === 'string' ? [entity.name] : [],
      alias: entity.aliases ?? [],
      previousName: entity.previousNames ?? [],
      weakAlias: entity.weakAliases ?? [],
    };
    for (const kind of NAME_KINDS) {
      for (const name of nameLists[kind]) {
        if (typeof name !== 'string' || name.trim() === '') continue;
        const nameIndex = nameStrings.length;
        let used = false;
        let variants = 0;
        for (const spelling of qualifierVariants(name)) {
          const modes = hasGermanVariant(spelling) ? (['strip', 'german'] as const) : (['strip'] as const);
          for (const mode of modes) {
            const tokens = nameTokens(spelling, mode);
            if (tokens.length === 0 || tokens.length > MAX_NAME_TOKENS || variants >= MAX_VARIANTS_PER_NAME) continue;
            const { core, classes } = legalForms.strip(tokens);
            const key = core.join(' ');
            if (seenCores.has(key)) continue;
            seenCores.add(key);
            variants++;
            used = true;
            let lo = 0;
            let hi = 0;
            for (const c of classes) {
              if (c < 32) lo |= 1 << c;
              else hi |= 1 << (c - 32);
            }
            patSequences.push(Int32Array.from(core, (word) => vocabulary.id(word)));
            patEntity.push(entityIndex);
            patName.push(nameIndex);
            patKind.push(NAME_KINDS.indexOf(kind));
            patFlags.push((isAllUpper(name) ? PATTERN_ALL_UPPER : 0) | (classes.length > 0 ? PATTERN_HAS_LEGAL_FORM : 0));
            patClassLo.push(lo >>> 0);
            patClassHi.push(hi >>> 0);
          }
        }
        if (used) nameStrings.push(name);
      }
    }
    for (const identifier of entity.identifiers ?? []) {
      const schemeIndex = (IDENTIFIER_SCHEMES as readonly string[]).indexOf(identifier?.scheme);
      if (schemeIndex < 0 || typeof identifier.value !== 'string') continue;
      const scheme = IDENTIFIER_SCHEMES[schemeIndex]!;
      const canonical = canonicalIdentifier(scheme, identifier.value);
      if (!IDENTIFIER_VALIDATORS[scheme](canonical)) continue;
      push(identifierValues, canonical, { entity: entityIndex, scheme: schemeIndex, original: identifier.value });
    }
  });

  // Legal-form words join the vocabulary so the scanner can recognise them next to a name.
  const formSequences = legalForms.forms.map((form) => Int32Array.from(form.tokens, (word) => vocabulary.id(word)));
  const vocabSize = vocabulary.words.length;

  // Document frequency: in how many entities' names each word appears.
  const df = new Int32Array(vocabSize);
  const lastEntity = new Int32Array(vocabSize).fill(-1);
  patSequences.forEach((sequence, p) => {
    for (const token of sequence) {
      if (lastEntity[token] !== patEntity[p]) {
        lastEntity[token] = patEntity[p]!;
        df[token]!++;
      }
    }
  });
  const dfLimit = Math.max(2, Math.ceil(entities.length * 0.001));
  const vocabFlags = new Uint8Array(vocabSize);
  vocabulary.words.forEach((word, id) => {
    const common = COMMON_WORDS.has(word);
    const distinctive = !common && df[id]! <= dfLimit && word.length >= 3 && !/^\d+$/.test(word) && !isCjkToken(word);
    vocabFlags[id] = (common ? VOCAB_COMMON : 0) | (distinctive ? VOCAB_DISTINCTIVE : 0);
  });
  const patDistinct = new Uint8Array(patSequences.length);
  patSequences.forEach((sequence, p) => {
    let distinct = 0;
    let rareCjk = 0;
    for (const token of sequence) {
      if (vocabFlags[token]! & VOCAB_DISTINCTIVE) distinct++;
      else if (isCjkToken(vocabulary.words[token]!) && df[token]! <= dfLimit) rareCjk++;
    }
    // Two rare CJK characters say about as much as one rare word.
    patDistinct[p] = Math.min(255, distinct + (rareCjk >> 1));
  });

  // Vocabulary characters and hash table.
  const vocabStart = new Int32Array(vocabSize + 1);
  let charCount = 0;
  vocabulary.words.forEach((word, id) => {
    vocabStart[id] = charCount;
    charCount += word.length;
  });
  vocabStart[vocabSize] = charCount;
  const vocabChars = new Uint16Array(charCount);
  vocabulary.words.forEach((word, id) => {
    for (let k = 0; k < word.length; k++) vocabChars[vocabStart[id]! + k] = word.charCodeAt(k);
  });
  const vocabTable = buildHashTable(vocabSize, (id) => hashString(vocabulary.words[id]!));

  const names = buildTokenTrie(patSequences, patSequences.map((_, p) => p), vocabSize);
  const suffixIndexes: number[] = [];
  const prefixIndexes: number[] = [];
  legalForms.forms.forEach((form, index) => {
    if (form.position !== 'prefix') suffixIndexes.push(index);
    if (form.position !== 'suffix') prefixIndexes.push(index);
  });
  const legalSuffixes = buildTokenTrie(suffixIndexes.map((f) => formSequences[f]!), suffixIndexes, vocabSize);
  const legalPrefixes = buildTokenTrie(prefixIndexes.map((f) => formSequences[f]!.slice().reverse()), prefixIndexes, vocabSize);

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

  return {
    formatVersion: MATCHER_FORMAT_VERSION,
    entityCount: entities.length,
    vocabChars,
    vocabStart,
    vocabTable,
    vocabDf: df,
    vocabFlags,
    names,
    legalSuffixes,
    legalPrefixes,
    formText: buildStringTable(legalForms.forms.map((form) => form.text)),
    formClass: Uint8Array.from(legalForms.forms, (form) => form.classIndex),
    formFlags: Uint8Array.from(legalForms.forms, (form) => {
      const key = form.tokens.join(' ');
      const short = form.tokens.every((word) => /^[a-z]{1,2}$/.test(word));
      const dotted = legalForms.forms.some((other) => other.tokens.join(' ') === key && other.text.endsWith('.'));
      return (short ? FORM_SHORT : 0) | (dotted ? FORM_DOTTED : 0);
    }),
    patEntity: Int32Array.from(patEntity),
    patName: Int32Array.from(patName),
    patKind: Uint8Array.from(patKind),
    patTokenCount: Uint8Array.from(patSequences, (sequence) => sequence.length),
    patDistinct,
    patFlags: Uint8Array.from(patFlags),
    patClassLo: Uint32Array.from(patClassLo),
    patClassHi: Uint32Array.from(patClassHi),
    nameText: buildStringTable(nameStrings),
    entityIds: buildStringTable(entityIds),
    idKeys: buildStringTable(idKeyList),
    idTable: buildHashTable(idKeyList.length, (k) => hashString(idKeyList[k]!)),
    idValueStart,
    idEntity: Int32Array.from(idEntity),
    idScheme: Uint8Array.from(idScheme),
    idOriginal: buildStringTable(idOriginal),
    idLengths,
  };
}
