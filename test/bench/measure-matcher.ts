// One benchmark size in its own process: generates the names, compiles them, serialises the matcher to a file,
// scans 1 MB of page text (ours, a RegExp per name and modern-ahocorasick), checks that a fresh and a loaded
// matcher find the same mentions, and prints the measurements as one JSON line.
// Usage: node --expose-gc --import tsx test/bench/measure-matcher.ts <entities> <matcher file>

import { writeFileSync } from 'node:fs';
import AhoCorasick from 'modern-ahocorasick';
import { compileMatcher, findMentions, loadMatcher, serializeMatcher, type MatcherEntity } from '@/src/matcher';
import { allNames, generateEntities, generatePageText } from './bench-corpus';
import { collectGarbage, median, medianMs, MB, timesMs } from './bench-stats';

/** Back-to-back scans timed: enough that a few slow ones (a garbage collection, the machine's other work) do not decide the median. */
const SCANS = 31;

/** Names the RegExp baseline really runs; its time for all names is extrapolated from these. */
const REGEXP_SUBSET = 1000;

export interface MatcherMeasurement {
  entities: number;
  patterns: number;
  compileMs: number;
  compileFastestMs: number;
  serialiseMs: number;
  serialisedBytes: number;
  textChars: number;
  scanMs: number;
  scanFastestMs: number;
  scanSlowestMs: number;
  scanAfterGcMs: number;
  mentions: number;
  loadedMatchesFresh: boolean;
  regexpSubset: number;
  regexpSubsetMs: number;
  regexpExtrapolatedMs: number;
  ahoCompileMs?: number;
  ahoScanMs?: number;
  ahoMatches?: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Entities as a knowledge base read from a file: flat strings, not the generator's concatenations. In a function of
 * its own, so the generator's objects die with its frame: left in the measuring function's registers, they kept
 * twice the entities' memory alive, and every full garbage collection during a compile marked it all.
 */
function entitiesAsRead(count: number): MatcherEntity[] {
  return JSON.parse(JSON.stringify(generateEntities(count))) as MatcherEntity[];
}

function measure(count: number, matcherFile: string): MatcherMeasurement {
  const entities = entitiesAsRead(count);
  const text = generatePageText(MB, entities);
  const compileRepetitions = count >= 1_000_000 ? 3 : count >= 100_000 ? 5 : 9;
  let compiled = compileMatcher(entities);
  const compileTimes = timesMs(compileRepetitions, () => (compiled = compileMatcher(entities)));
  let bytes = serializeMatcher(compiled);
  const serialiseMs = medianMs(3, () => (bytes = serializeMatcher(compiled)));
  writeFileSync(matcherFile, bytes);

  // The compile repetitions above leave their garbage behind; collecting it is no part of scanning pages. A few
  // scans then warm the code up for page text, as a running extension's is.
  collectGarbage();
  let mentions = findMentions(compiled, text);
  for (let warm = 0; warm < 3; warm++) mentions = findMentions(compiled, text);
  // Pages are scanned one after another: the budget is for that steady state. Right after a forced full garbage
  // collection a scan is slower; that is reported too.
  const scanTimes = timesMs(SCANS, () => (mentions = findMentions(compiled, text)), false);
  const scanAfterGcMs = medianMs(7, () => findMentions(compiled, text));
  const loadedMatchesFresh = JSON.stringify(findMentions(loadMatcher(bytes), text)) === JSON.stringify(mentions);

  // Baseline 1: one case-insensitive, word-bounded RegExp per name, over a subset of the names.
  const names = allNames(entities);
  const subset = names.filter((_, k) => k % Math.max(1, Math.floor(names.length / REGEXP_SUBSET)) === 0).slice(0, REGEXP_SUBSET);
  const regexps = subset.map((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'));
  const regexpSubsetMs = medianMs(3, () => {
    let found = 0;
    for (const re of regexps) {
      re.lastIndex = 0;
      while (re.exec(text)) found++;
    }
    return found;
  });
  const result: MatcherMeasurement = {
    entities: count,
    patterns: compiled.patEntity.length,
    compileMs: median(compileTimes),
    compileFastestMs: Math.min(...compileTimes),
    serialiseMs,
    serialisedBytes: bytes.byteLength,
    textChars: text.length,
    scanMs: median(scanTimes),
    scanFastestMs: Math.min(...scanTimes),
    scanSlowestMs: Math.max(...scanTimes),
    scanAfterGcMs,
    mentions: mentions.length,
    loadedMatchesFresh,
    regexpSubset: subset.length,
    regexpSubsetMs,
    regexpExtrapolatedMs: (regexpSubsetMs * names.length) / subset.length,
  };

  // Baseline 2: modern-ahocorasick over lower-cased names and lower-cased text (up to 100k entities: beyond that
  // its construction takes minutes).
  if (count <= 100_000) {
    const lowered = [...new Set(names.map((name) => name.toLowerCase()))];
    let aho: AhoCorasick | undefined;
    result.ahoCompileMs = medianMs(1, () => (aho = new AhoCorasick(lowered)));
    let matches = 0;
    // Line by line: in this version, one search over a whole page takes time quadratic in its length (10k
    // characters 47 ms, 100k characters 25 s), and names never span lines in our matcher either.
    result.ahoScanMs = medianMs(5, () => {
      matches = 0;
      for (const line of text.toLowerCase().split('\n')) matches += aho!.search(line).length;
    });
    result.ahoMatches = matches;
  }
  return result;
}

const [countArg, matcherFile] = process.argv.slice(2);
if (!countArg || !matcherFile) throw new Error('usage: measure-matcher.ts <entities> <matcher file>');
process.stdout.write(JSON.stringify(measure(Number(countArg), matcherFile)) + '\n');
