// Finds mentions of knowledge-base entities in a text: names through the token trie (leftmost-longest, with
// legal forms around them), names given only in part through their rare words, identifiers through the hash map,
// each scored and explained, then user decisions.

import type { Decision } from '@/src/core/types';
import { MINOR_WORDS, ROLE_WORDS } from './common-words';
import {
  FORM_DOTTED, FORM_SHORT, IDENTIFIER_SCHEMES, isTerminal, lookupHashedToken, lookupIdentifier, lookupToken, NAME_KINDS, PATTERN_ALL_UPPER,
  PATTERN_HAS_LEGAL_FORM, PATTERN_TOWN_LEFT_OUT, stringAt, trieChild, VOCAB_DISTINCTIVE, type CompiledMatcher, type NameKind, type TokenTrie,
} from './compiled';
import {
  AMBIGUOUS_SCHEMES, findIdentifierCandidates, hasIdentifierLabelBefore, IDENTIFIER_VALIDATORS,
} from './identifiers';
import {
  ALL_UPPER, BREAK_BEFORE, CJK, FIRST_UPPER, foldWords, HAS_CASED, nameTokens, normaliseName, PUNCT_BEFORE, tokenise, tokenText, UMLAUT, type TokenStream,
} from './normalise';
import { legalFormWords } from './legal-forms';
import { omittedQualifier, scoreNameMatch, scorePartialName, type CaseAsWritten, type LegalFormEvidence, type NameEvidence } from './scoring';

export interface Mention {
  entityId: string;
  /** Exact slice of the input text. */
  text: string;
  /** UTF-16 offsets into the original input text. */
  start: number;
  end: number;
  confidence: 'high' | 'review';
  /** 0..1 */
  score: number;
  /** The knowledge-base name, alias or identifier that matched. */
  matchedName: string;
  nameKind: NameKind | 'identifier';
  /** Machine-readable rule id, e.g. 'exact-name+legal-form', 'identifier:lei'. */
  rule: string;
  /** One sentence: why this matched and why this confidence. */
  reason: string;
}

export interface MatchContext {
  pageUrl?: string;
  decisions?: readonly Decision[];
}

const GENERIC_CLASS = 0; // index of 'generic' in LEGAL_FORM_CLASSES
/** How far after a mention a qualifier of the listed name may stand ("Co., Ltd. (Shanshan)"). */
const QUALIFIER_WINDOW = 40;

/** Identifier labels count on the identifier's own line, or on the line before when the identifier opens its line. */
function identifierLabelled(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const from = text.slice(lineStart, start).trim() === '' && lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
  return hasIdentifierLabelBefore(text.slice(from, start), start - from);
}
const MAX_STACKED_FORMS = 3;

const NO_NUMBERS: number[] = [];

interface FormRun {
  /** Token range of the forms (inclusive first, exclusive end for suffixes; see callers). */
  edge: number;
  classes: number[];
  forms: number[];
}

/** Scan state of one text. */
interface Scan {
  m: CompiledMatcher;
  text: string;
  s: TokenStream;
  ids: Int32Array;
  /** 1 for tokens inside a listed name the trie found (whether or not it was kept). */
  inName: Uint8Array;
}

function isCapitalised(flags: number): boolean {
  return (flags & (FIRST_UPPER | ALL_UPPER)) !== 0;
}

/** Longest legal form in `trie` starting at token `from` and walking by `step` (+1 after a name, -1 before it). */
function longestForm(scan: Scan, trie: TokenTrie, from: number, step: 1 | -1): { last: number; node: number } | null {
  const { s, ids } = scan;
  let pos = from;
  let node = 0;
  let best: { last: number; node: number } | null = null;
  while (pos >= 0 && pos < s.count) {
    const id = ids[pos]!;
    if (id < 0) break;
    node = trieChild(trie, node, id);
    if (node < 0) break;
    if (isTerminal(trie, node)) best = { last: pos, node };
    // A break between two tokens of a form ends it (for the backward walk, the break sits on the later token).
    const breakToken = step === 1 ? pos + 1 : pos;
    if (breakToken < s.count && s.flags[breakToken]! & BREAK_BEFORE) break;
    pos += step;
  }
  return best;
}

/**
 * Legal forms stacked after token `nameEdge` ("Corporation Berhad", step 1) or before it ("OOO", step -1); undefined
 * when no form stands there, as beside most names.
 */
function legalFormsAround(scan: Scan, nameEdge: number, step: 1 | -1): FormRun | undefined {
  const { m, s } = scan;
  const trie = step === 1 ? m.legalSuffixes : m.legalPrefixes;
  const next = nameEdge + step;
  if (next < 0 || next >= s.count || scan.ids[next]! < 0 || trieChild(trie, 0, scan.ids[next]!) < 0) return undefined;
  const run: FormRun = { edge: nameEdge, classes: [], forms: [] };
  for (let stacked = 0; stacked < MAX_STACKED_FORMS; stacked++) {
    const from = run.edge + step;
    if (from < 0 || from >= s.count) break;
    // No block break between the name and its form.
    if (s.flags[step === 1 ? from : run.edge]! & BREAK_BEFORE) break;
    const found = longestForm(scan, trie, from, step);
    if (!found) break;
    const first = step === 1 ? from : found.last;
    let formIndex = -1;
    for (let k = trie.terminalStart[found.node]!; k < trie.terminalStart[found.node + 1]!; k++) {
      const f = trie.terminals[k]!;
      // "AS", "Co", "SA" count only when written with a capital or with inner dots ("s.c."): "as" is a common word.
      if (m.formFlags[f]! & FORM_SHORT && !isCapitalised(s.flags[first]!) && !writtenWithDots(scan, first, found.last)) continue;
      run.classes.push(m.formClass[f]!);
      if (formIndex < 0) formIndex = f;
    }
    if (formIndex < 0) break;
    run.forms.push(formIndex);
    run.edge = found.last;
  }
  return run.forms.length > 0 ? run : undefined;
}

/** Tokens first..last written with dots inside them ("s.c", "sp. z o.o"), as the page writes them. */
function writtenWithDots(scan: Scan, first: number, last = first): boolean {
  return scan.text.slice(scan.s.origStart[first]!, scan.s.origEnd[last]!).includes('.');
}

const UPPER_AFTER_FIRST = /^.[^]*\p{Lu}/u;

const CYRILLIC_ONLY = /^[\p{Script=Cyrillic}\P{L}]*$/u;

const hasParenthesis = (name: string): boolean => name.includes('(') || name.includes('（');

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * How the page writes tokens first..last. Minor words ("de", "y"), dotted initialisms of legal forms inside a name
 * ("d.o.o."), lone letters and words that begin with a digit ("4c") say nothing about it; an elided particle before a
 * capital ("d'Or", "l'Oréal") is a capitalised word.
 */
function caseAsWritten(scan: Scan, first: number, last: number): CaseAsWritten {
  const { s } = scan;
  let cased = 0;
  let allUpper = 0;
  let capitalised = 0;
  let lowerWords = 0;
  for (let t = first; t <= last; t++) {
    const f = s.flags[t]!;
    if (f & CJK || !(f & HAS_CASED)) continue;
    if (f & FIRST_UPPER) {
      cased++;
      capitalised++;
      if (f & ALL_UPPER) allUpper++;
      continue;
    }
    const word = scan.text.slice(s.origStart[t]!, s.origEnd[t]!);
    if (word.length === 1 || writtenWithDots(scan, t) || isDigit(word.charCodeAt(0))) continue;
    cased++;
    if (f & ALL_UPPER) allUpper++;
    if (UPPER_AFTER_FIRST.test(word)) capitalised++;
    else if (!MINOR_WORDS.has(word.toLowerCase())) lowerWords++;
  }
  if (cased === 0) return 'uncased';
  if (allUpper === cased && cased > 0) return 'upper';
  if (lowerWords === 0) return 'title';
  // Russian and Ukrainian write names in sentence case: «Ассоциация беспилотных систем».
  if (s.flags[first]! & FIRST_UPPER && CYRILLIC_ONLY.test(scan.text.slice(s.origStart[first]!, s.origEnd[last]!))) return 'title';
  if (capitalised === 0) return 'lower';
  return 'mixed';
}

/** Names and entity ids decoded once per matcher: pages name the same companies again and again. */
const decoded = new WeakMap<CompiledMatcher, { names: Array<string | undefined>; ids: Array<string | undefined> }>();

function decodedOf(m: CompiledMatcher): { names: Array<string | undefined>; ids: Array<string | undefined> } {
  let cache = decoded.get(m);
  if (!cache) {
    // Filled arrays (not sparse ones, which large indexes would turn into slow dictionaries).
    const names = new Array<string | undefined>(m.nameText.offsets.length - 1).fill(undefined);
    const ids = new Array<string | undefined>(m.entityCount).fill(undefined);
    decoded.set(m, (cache = { names, ids }));
  }
  return cache;
}

function listedNameText(m: CompiledMatcher, name: number): string {
  const names = decodedOf(m).names;
  return (names[name] ??= stringAt(m.nameText, name));
}

function entityIdText(m: CompiledMatcher, entity: number): string {
  const ids = decodedOf(m).ids;
  return (ids[entity] ??= stringAt(m.entityIds, entity));
}

function legalFormEvidence(m: CompiledMatcher, pattern: number, pageClasses: readonly number[]): LegalFormEvidence {
  if (pageClasses.length === 0) return 'none';
  if (!(m.patFlags[pattern]! & PATTERN_HAS_LEGAL_FORM)) return 'present';
  const lo = m.patClassLo[pattern]!;
  const hi = m.patClassHi[pattern]!;
  // Bit 0 is the generic class: only the others say which kind of company it is.
  const listedSpecific = (lo & ~(1 << GENERIC_CLASS)) !== 0 || hi !== 0;
  let pageSpecific = false;
  for (const c of pageClasses) {
    if (c === GENERIC_CLASS) continue;
    pageSpecific = true;
    if (hasClass(lo, hi, c)) return 'same';
  }
  if (!pageSpecific || !listedSpecific) return 'compatible';
  return 'different';
}

/** Class c is in the 64-bit set lo, hi. */
function hasClass(lo: number, hi: number, c: number): boolean {
  return (c < 32 ? (lo >>> c) & 1 : (hi >>> (c - 32)) & 1) === 1;
}

function findNameMentions(scan: Scan, out: Mention[]): void {
  const { m, s, ids } = scan;
  const names = m.names;
  const n = s.count;
  let t = 0;
  while (t < n) {
    const id = ids[t]!;
    let node = id >= 0 ? names.rootChild[id]! : -1;
    if (node < 0) {
      t++;
      continue;
    }
    let bestNode = -1;
    let bestLast = -1;
    let j = t;
    for (;;) {
      if (isTerminal(names, node)) {
        bestNode = node;
        bestLast = j;
      }
      j++;
      if (j >= n || s.flags[j]! & BREAK_BEFORE) break;
      const next = ids[j]!;
      if (next < 0) break;
      node = trieChild(names, node, next);
      if (node < 0) break;
    }
    if (bestNode < 0) {
      t++;
      continue;
    }
    scan.inName.fill(1, t, bestLast + 1);
    const emitted = evaluateNameMatch(scan, t, bestLast, bestNode, out);
    t = emitted ? bestLast + 1 : t + 1;
  }
}

/**
 * The evidence of the match being scored, filled in field by field: the fields of the match first, then those of
 * each listed name it may be. One record serves every match (scoreNameMatch keeps nothing of it).
 */
const nameEvidence: NameEvidence = {
  kind: 'name',
  distinct: 0,
  caseAsWritten: 'uncased',
  listedInCapitals: false,
  listedWithLegalForm: false,
  legalForm: 'none',
  formOfAnotherEntity: false,
  pageLegalForm: undefined,
  continuation: undefined,
  continuationHasLegalForm: false,
  precededBy: undefined,
  tokens: 0,
  cjk: false,
  omittedQualifier: undefined,
  townLeftOut: false,
  numbered: false,
};

/** Token t is the word "no" or "nr" (as in "No. 2", "Nr. 2"). */
function isNumberWord(s: TokenStream, t: number): boolean {
  const at = s.foldStart[t]!;
  return s.foldEnd[t]! - at === 2 && s.folded[at] === 0x6e && (s.folded[at + 1] === 0x6f || s.folded[at + 1] === 0x72);
}

function isDigits(s: TokenStream, t: number): boolean {
  for (let k = s.foldStart[t]!; k < s.foldEnd[t]!; k++) if (s.folded[k]! < 0x30 || s.folded[k]! > 0x39) return false;
  return s.foldEnd[t]! > s.foldStart[t]!;
}

/** Tokens first..last number a site after a word of their own: "Tianjin No. 2 Prison", not "No. 4 Training Center". */
function numbersASite(s: TokenStream, first: number, last: number): boolean {
  for (let t = first + 1; t < last; t++) if (isNumberWord(s, t) && isDigits(s, t + 1)) return true;
  return false;
}

/** Scores every entity whose name ends at `node` for the match of tokens first..last; true if any was kept. */
function evaluateNameMatch(scan: Scan, first: number, last: number, node: number, out: Mention[]): boolean {
  const { m, s, text } = scan;
  const suffix = legalFormsAround(scan, last, 1);
  const prefix = legalFormsAround(scan, first, -1);
  const pageClasses = !prefix ? (suffix?.classes ?? NO_NUMBERS) : !suffix ? prefix.classes : [...suffix.classes, ...prefix.classes];
  const start = s.origStart[prefix?.edge ?? first]!;
  let end = s.origEnd[suffix?.edge ?? last]!;
  // An abbreviated legal form keeps its full stop ("Co., Ltd.").
  const lastForm = suffix?.forms[suffix.forms.length - 1];
  if (lastForm !== undefined && m.formFlags[lastForm]! & FORM_DOTTED && text.charCodeAt(end) === 0x2e) end++;
  const pageLegalForm = suffix ? text.slice(s.origStart[last + 1]!, end) : prefix ? text.slice(start, s.origEnd[first - 1]!) : undefined;
  const written = caseAsWritten(scan, first, last);
  const nameIsCjk = (s.flags[first]! & CJK) !== 0;
  let continuation: string | undefined;
  let continuationHasLegalForm = false;
  let precededBy: string | undefined;
  const next = last + 1;
  const properCase = written === 'title' || written === 'upper';
  if (!suffix && !nameIsCjk && next < s.count && properCase) {
    const f = s.flags[next]!;
    if (!(f & (BREAK_BEFORE | PUNCT_BEFORE | CJK)) && f & FIRST_UPPER) {
      continuation = text.slice(s.origStart[next]!, s.origEnd[next]!);
      continuationHasLegalForm = legalFormsAround(scan, next, 1) !== undefined;
    }
  }
  if (!prefix && !nameIsCjk && first > 0 && properCase && !(s.flags[first]! & (BREAK_BEFORE | PUNCT_BEFORE))) {
    const before = text.slice(s.origStart[first - 1]!, s.origEnd[first - 1]!);
    if (s.flags[first - 1]! & FIRST_UPPER && !(s.flags[first - 1]! & CJK) && !MINOR_WORDS.has(before.toLowerCase()) && !ROLE_WORDS.has(before.toLowerCase())) {
      precededBy = before;
    }
  }
  const mentionText = text.slice(start, end);

  // Entities whose listed legal form is the page's: another entity's bare name must not borrow that form.
  let formOwners: Set<number> | undefined;
  if (pageClasses.length > 0) {
    for (let k = m.names.terminalStart[node]!; k < m.names.terminalStart[node + 1]!; k++) {
      const pattern = m.names.terminals[k]!;
      if (legalFormEvidence(m, pattern, pageClasses) === 'same') (formOwners ??= new Set()).add(m.patEntity[pattern]!);
    }
  }
  const evidence = nameEvidence;
  evidence.caseAsWritten = written;
  evidence.pageLegalForm = pageLegalForm;
  evidence.continuation = continuation;
  evidence.continuationHasLegalForm = continuationHasLegalForm;
  evidence.precededBy = precededBy;
  evidence.cjk = nameIsCjk;
  const numbered = numbersASite(s, first, last);
  let kept = false;
  const groupStart = out.length;
  for (let k = m.names.terminalStart[node]!; k < m.names.terminalStart[node + 1]!; k++) {
    const pattern = m.names.terminals[k]!;
    const matchedName = listedNameText(m, m.patName[pattern]!);
    const kind = NAME_KINDS[m.patKind[pattern]!]!;
    const legalForm = legalFormEvidence(m, pattern, pageClasses);
    evidence.kind = kind;
    evidence.distinct = m.patDistinct[pattern]!;
    evidence.listedInCapitals = (m.patFlags[pattern]! & PATTERN_ALL_UPPER) !== 0;
    evidence.listedWithLegalForm = (m.patFlags[pattern]! & PATTERN_HAS_LEGAL_FORM) !== 0;
    evidence.legalForm = legalForm;
    evidence.formOfAnotherEntity = legalForm === 'present' && formOwners !== undefined && !formOwners.has(m.patEntity[pattern]!);
    evidence.tokens = m.patTokenCount[pattern]!;
    evidence.townLeftOut = (m.patFlags[pattern]! & PATTERN_TOWN_LEFT_OUT) !== 0;
    const parenthesised = hasParenthesis(matchedName);
    // Numbered names count in full only: "Tianjin No. 2 Prison" is not all of "Tianjin No. 2 Prison (Manufacturing)".
    evidence.numbered = numbered && !parenthesised && !evidence.townLeftOut;
    evidence.omittedQualifier = parenthesised
      ? omittedQualifier(matchedName, text.slice(start, Math.min(text.length, end + QUALIFIER_WINDOW)), foldWords, legalFormWords())
      : undefined;
    const verdict = scoreNameMatch(evidence, mentionText, matchedName);
    if (!verdict) continue;
    kept = true;
    pushInEntityOrder(out, groupStart, {
      entityId: entityIdText(m, m.patEntity[pattern]!),
      text: mentionText,
      start,
      end,
      confidence: verdict.confidence,
      score: verdict.score,
      matchedName,
      nameKind: kind,
      rule: verdict.rule,
      reason: verdict.reason,
    });
  }
  return kept;
}

/**
 * Appends a mention of the same text as those from `groupStart` on, in entity id order among them: the finders then
 * emit runs already in text order, which the final sort only merges.
 */
function pushInEntityOrder(out: Mention[], groupStart: number, mention: Mention): void {
  let k = out.length;
  out.push(mention);
  while (k > groupStart && out[k - 1]!.entityId > mention.entityId) {
    out[k] = out[k - 1]!;
    k--;
  }
  out[k] = mention;
}

/** A run of page tokens first..last equal to the listed words nameFirst..nameLast of a pattern's name. */
interface NameRun {
  first: number;
  last: number;
  nameFirst: number;
  nameLast: number;
}

/** Token ids of a listed name's words (-1 for words no pattern uses, such as legal-form words). */
function listedWordIds(m: CompiledMatcher, name: string): number[] {
  return nameTokens(name).map((word) => {
    const chars = Uint16Array.from(word, (ch) => ch.charCodeAt(0));
    return lookupToken(m, chars, 0, chars.length);
  });
}

const SPACE_OR_AMPERSAND = /^[\s\u00ad\u200b&]*$/;

/** Tokens t - 1 and t stand apart by nothing but spaces or an "&" (not a comma, hyphen or line break). */
function joinedBySpace(scan: Scan, t: number): boolean {
  return SPACE_OR_AMPERSAND.test(scan.text.slice(scan.s.origEnd[t - 1]!, scan.s.origStart[t]!));
}

/**
 * The longest run around page token `t` that equals consecutive words of the listed name, through its word `k`,
 * with only spaces between its words ("Chengdu-Shuangliu" and "Ciudad Victoria, Tamaulipas" are places in a row).
 */
function runAround(scan: Scan, t: number, k: number, words: readonly number[]): NameRun {
  const { s, ids, inName } = scan;
  let first = t;
  let nameFirst = k;
  while (first > 0 && nameFirst > 0 && !inName[first - 1] && joinedBySpace(scan, first) && ids[first - 1] === words[nameFirst - 1]) {
    first--;
    nameFirst--;
  }
  let last = t;
  let nameLast = k;
  while (last + 1 < s.count && nameLast + 1 < words.length && !inName[last + 1] && joinedBySpace(scan, last + 1) && ids[last + 1] === words[nameLast + 1]) {
    last++;
    nameLast++;
  }
  return { first, last, nameFirst, nameLast };
}

/** A capitalised word right before or after the run, in the same phrase: the run is part of another proper name. */
function inLongerProperName(scan: Scan, run: NameRun): boolean {
  const { s, text } = scan;
  const joined = (t: number): boolean => !(s.flags[t]! & (BREAK_BEFORE | PUNCT_BEFORE));
  const capitalWord = (t: number): boolean =>
    (s.flags[t]! & (FIRST_UPPER | ALL_UPPER)) !== 0 && !(s.flags[t]! & CJK) && !MINOR_WORDS.has(text.slice(s.origStart[t]!, s.origEnd[t]!).toLowerCase());
  const roleWord = (t: number): boolean => ROLE_WORDS.has(text.slice(s.origStart[t]!, s.origEnd[t]!).toLowerCase());
  if (run.first > 0 && joined(run.first) && capitalWord(run.first - 1) && !roleWord(run.first - 1)) return true;
  return run.last + 1 < s.count && joined(run.last + 1) && capitalWord(run.last + 1);
}

/**
 * Names given only in part: a page word that few listed names use, written as a proper name, outside any name the
 * trie found, extended to the longest run of the listed name's words around it. Always review.
 */
function findPartialNameMentions(scan: Scan, out: Mention[]): void {
  const { m, s, ids, inName, text } = scan;
  for (let t = 0; t < s.count; t++) {
    const id = ids[t]!;
    if (id < 0 || inName[t] || m.rareWordStart[id] === m.rareWordStart[id + 1] || !isCapitalised(s.flags[t]!)) continue;
    if (!couldStartPartialRun(scan, t)) continue;
    let best: NameRun | undefined;
    const patternsOfBest: number[] = [];
    for (let r = m.rareWordStart[id]!; r < m.rareWordStart[id + 1]!; r++) {
      const pattern = m.rareWordPattern[r]!;
      const listedName = listedNameText(m, m.patName[pattern]!);
      const words = listedWordIds(m, listedName);
      for (let k = 0; k < words.length; k++) {
        if (words[k] !== id) continue;
        const run = runAround(scan, t, k, words);
        if (!acceptablePartialRun(scan, run, words, listedName)) continue;
        const length = run.last - run.first;
        if (!best || length > best.last - best.first) {
          best = run;
          patternsOfBest.length = 0;
        }
        if (length === best.last - best.first && run.first === best.first) patternsOfBest.push(pattern);
      }
    }
    if (!best) continue;
    const start = s.origStart[best.first]!;
    const end = s.origEnd[best.last]!;
    const mentionText = text.slice(start, end);
    const seen = new Set<number>();
    const groupStart = out.length;
    for (const pattern of patternsOfBest) {
      const entity = m.patEntity[pattern]!;
      if (seen.has(entity)) continue;
      seen.add(entity);
      const kind = NAME_KINDS[m.patKind[pattern]!]!;
      const matchedName = listedNameText(m, m.patName[pattern]!);
      const verdict = scorePartialName(kind, mentionText, matchedName, best.last - best.first + 1);
      pushInEntityOrder(out, groupStart, { entityId: entityIdText(m, entity), text: mentionText, start, end, matchedName, nameKind: kind, ...verdict });
    }
    t = best.last;
  }
}

/** Cheap test before reading any listed name: a known word beside token t, or t is an acronym of 4+ letters. */
function couldStartPartialRun(scan: Scan, t: number): boolean {
  const { s, ids } = scan;
  if (s.flags[t]! & ALL_UPPER && s.origEnd[t]! - s.origStart[t]! >= 4) return true;
  // "Concha y Toro": a minor word may stand between two words of the name.
  return knownWordAt(scan, t - 1) || knownWordAt(scan, t + 1) || (knownWordAt(scan, t + 2) && ids[t + 1]! >= 0) || (knownWordAt(scan, t - 2) && ids[t - 1]! >= 0);
}

/** Token k exists, is a word some listed name uses, and is not inside a name already found. */
function knownWordAt(scan: Scan, k: number): boolean {
  return k >= 0 && k < scan.s.count && scan.ids[k]! >= 0 && !scan.inName[k];
}

/**
 * A partial run counts when it is less than the whole name, written as a proper name and not part of a longer proper
 * name, and either two or more words that are all distinctive (minor words such as "y" inside: "Concha y Toro"), or
 * one acronym of four or more letters that the list too writes in capitals inside a name that is not all capitals
 * ("LYSZD"). A single ordinary word ("Gloves", "Mexico") or a run with common or legal-form words ("Sdn Bhd")
 * never counts.
 */
function acceptablePartialRun(scan: Scan, run: NameRun, words: readonly number[], listedName: string): boolean {
  const { m, s, ids, text } = scan;
  if (run.nameFirst === 0 && run.nameLast === words.length - 1) return false;
  const written = caseAsWritten(scan, run.first, run.last);
  if (written !== 'title' && written !== 'upper') return false;
  if (inLongerProperName(scan, run)) return false;
  if (run.first === run.last) {
    const word = text.slice(s.origStart[run.first]!, s.origEnd[run.first]!);
    return (s.flags[run.first]! & ALL_UPPER) !== 0 && word.length >= 4 && listedName.includes(word) && listedName !== listedName.toUpperCase();
  }
  let distinctive = 0;
  for (let t = run.first; t <= run.last; t++) {
    if (legalFormWords().has(tokenText(s, t))) return false;
    if (m.vocabFlags[ids[t]!]! & VOCAB_DISTINCTIVE) distinctive++;
    else if (t === run.first || t === run.last || !MINOR_WORDS.has(text.slice(s.origStart[t]!, s.origEnd[t]!).toLowerCase())) return false;
  }
  return distinctive >= 2;
}

function findIdentifierMentions(m: CompiledMatcher, text: string, out: Mention[]): void {
  const hits: Mention[] = [];
  for (const candidate of findIdentifierCandidates(text, m.idLengths)) {
    const tries: Array<{ value: string; padded: boolean }> = [{ value: candidate.value, padded: false }];
    if (/^\d{7}$/.test(candidate.value)) tries.push({ value: '0' + candidate.value, padded: true });
    for (const { value, padded } of tries) {
      const key = lookupIdentifier(m, value);
      if (key < 0) continue;
      for (let v = m.idValueStart[key]!; v < m.idValueStart[key + 1]!; v++) {
        const scheme = IDENTIFIER_SCHEMES[m.idScheme[v]!]!;
        if (padded && scheme !== 'gb-coh') continue;
        if (!IDENTIFIER_VALIDATORS[scheme](value)) continue;
        const labelled = identifierLabelled(text, candidate.start);
        const confident = !AMBIGUOUS_SCHEMES.has(scheme) || labelled;
        const written = text.slice(candidate.start, candidate.end);
        const matchedName = stringAt(m.idOriginal, v);
        hits.push({
          entityId: entityIdText(m, m.idEntity[v]!),
          text: written,
          start: candidate.start,
          end: candidate.end,
          confidence: confident ? 'high' : 'review',
          score: confident ? 0.99 : 0.6,
          matchedName,
          nameKind: 'identifier',
          rule: `identifier:${scheme}`,
          reason: confident
            ? `"${written}" is the ${scheme.toUpperCase()} identifier ${matchedName} of this company; an identifier names one company whatever name the page gives.`
            : `"${written}" equals the ${scheme.toUpperCase()} identifier ${matchedName} of this company, but possible only, because no label on the page says it is that kind of number.`,
        });
      }
    }
  }
  // Keep the longest reading of overlapping candidates for one entity ("DE 123456789" over "123456789").
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const hit of hits) {
    if (kept.some((k) => k.entityId === hit.entityId && k.start < hit.end && hit.start < k.end)) continue;
    kept.push(hit);
  }
  out.push(...kept);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function decisionApplies(decision: Decision, pageUrl: string | undefined): boolean {
  if (decision.scope === 'everywhere') return true;
  if (!pageUrl) return false;
  if (decision.scope === 'page') return withoutFragment(decision.scopeKey) === withoutFragment(pageUrl);
  const host = hostOf(pageUrl);
  const key = decision.scopeKey.toLowerCase();
  return host !== undefined && (key === host || hostOf(key) === host);
}

const SCOPE_WORDS: Record<Decision['scope'], string> = { page: 'on this page', site: 'on this site', everywhere: 'everywhere' };

/** Removes dismissed mentions and raises confirmed ones; the latest applicable decision wins. */
function applyDecisions(mentions: Mention[], ctx: MatchContext): Mention[] {
  const decisions = (ctx.decisions ?? []).filter((d) => decisionApplies(d, ctx.pageUrl));
  if (decisions.length === 0) return mentions;
  const latest = new Map<string, Decision>();
  for (const d of decisions) {
    const key = `${d.entityId}\u0000${normaliseName(d.matchedText)}`;
    const previous = latest.get(key);
    if (!previous || previous.decidedAt <= d.decidedAt) latest.set(key, d);
  }
  const out: Mention[] = [];
  for (const mention of mentions) {
    const decision = latest.get(`${mention.entityId}\u0000${normaliseName(mention.text)}`);
    if (!decision) out.push(mention);
    else if (decision.verdict === 'confirmed') {
      out.push({
        ...mention,
        confidence: 'high',
        score: Math.max(mention.score, 0.95),
        rule: `${mention.rule}+confirmed`,
        reason: `A user confirmed that "${mention.text}" is this company ${SCOPE_WORDS[decision.scope]} (matched "${mention.matchedName}").`,
      });
    }
  }
  return out;
}

/** Umlauts spelled out, for words the list writes "Mueller" while the page writes "Müller". */
function germanSpellingId(m: CompiledMatcher, word: string): number {
  const spelled = word.replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const chars = Uint16Array.from(spelled, (ch) => ch.charCodeAt(0));
  return lookupToken(m, chars, 0, chars.length);
}

/** Token ids of the text being scanned, reused from scan to scan (valid up to the stream's count). */
let idScratch = new Int32Array(1024);

/** The vocabulary id of every token of `s` (-1 for words no listed name uses). */
function tokenIds(m: CompiledMatcher, s: TokenStream, text: string): Int32Array {
  if (idScratch.length < s.count) idScratch = new Int32Array(Math.max(s.count, idScratch.length * 2));
  const ids = idScratch;
  for (let t = 0; t < s.count; t++) {
    let id = lookupHashedToken(m, s.folded, s.foldStart[t]!, s.foldEnd[t]!, s.hash[t]!);
    if (id < 0 && s.flags[t]! & UMLAUT) id = germanSpellingId(m, text.slice(s.origStart[t]!, s.origEnd[t]!));
    ids[t] = id;
  }
  return ids;
}

/** All mentions of knowledge-base entities in `text`, in text order. */
export function findMentions(m: CompiledMatcher, text: string, ctx: MatchContext = {}): Mention[] {
  if (typeof text !== 'string') throw new TypeError('findMentions expects the page text as a string');
  const s = tokenise(text, 'strip');
  const ids = tokenIds(m, s, text);
  const mentions: Mention[] = [];
  const scan: Scan = { m, text, s, ids, inName: new Uint8Array(s.count) };
  findNameMentions(scan, mentions);
  findPartialNameMentions(scan, mentions);
  findIdentifierMentions(m, text, mentions);
  mentions.sort((a, b) => a.start - b.start || a.end - b.end || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  return applyDecisions(mentions, ctx);
}
