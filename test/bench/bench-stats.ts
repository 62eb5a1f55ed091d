// Small measuring helpers shared by the benchmark's processes: repeated timings, their medians, and memory in MB.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs `work` `repetitions` times and returns the median in ms; with `afterGc`, each run follows a full garbage
 * collection (when exposed), which also empties the young generation the run then refills.
 */
export function medianMs(repetitions: number, work: () => unknown, afterGc = true): number {
  return median(timesMs(repetitions, work, afterGc));
}

/** The time in ms of each of `repetitions` runs of `work` (see medianMs). */
export function timesMs(repetitions: number, work: () => unknown, afterGc = true): number[] {
  const times: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    if (afterGc) collectGarbage();
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const MB = 1024 * 1024;
