// Loading a serialised matcher in a fresh process: time to read the file and make the matcher, and the memory
// it holds afterwards (RSS and heap deltas after garbage collection). Prints one JSON line.
// Usage: node --expose-gc --import tsx test/bench/measure-load.ts <matcher file>

import { readFileSync } from 'node:fs';
import { loadMatcher, type CompiledMatcher } from '@/src/matcher';
import { collectGarbage, median } from './bench-stats';

export interface LoadMeasurement {
  loadMs: number;
  readAndLoadMs: number;
  rssDeltaBytes: number;
  heapDeltaBytes: number;
  externalDeltaBytes: number;
}

function measure(file: string): LoadMeasurement {
  collectGarbage();
  const before = process.memoryUsage();
  const start = performance.now();
  const bytes = readFileSync(file);
  const read = performance.now();
  const kept: CompiledMatcher = loadMatcher(bytes);
  const end = performance.now();
  collectGarbage();
  const after = process.memoryUsage();
  if (kept.entityCount < 0) throw new Error('unreachable: keeps the matcher alive until measured');
  const loadTimes = [end - read];
  const readAndLoadTimes = [end - start];
  for (let r = 0; r < 6; r++) {
    const t0 = performance.now();
    const again = readFileSync(file);
    const t1 = performance.now();
    loadMatcher(again);
    const t2 = performance.now();
    loadTimes.push(t2 - t1);
    readAndLoadTimes.push(t2 - t0);
  }
  return {
    loadMs: median(loadTimes),
    readAndLoadMs: median(readAndLoadTimes),
    rssDeltaBytes: after.rss - before.rss,
    heapDeltaBytes: after.heapUsed - before.heapUsed,
    externalDeltaBytes: after.external - before.external,
  };
}

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: measure-load.ts <matcher file>');
process.stdout.write(JSON.stringify(measure(file)) + '\n');
