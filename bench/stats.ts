// Latency samples to p50/p99, and a measuring loop bounded by both an iteration count and a time budget, so
// slow subjects (Fuse.js over 60,000 sections) cannot stretch the run while fast ones still get many samples.

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface MeasureOptions {
  iterations: number;
  /** Stop sampling after this long, once `minSamples` are taken. */
  budgetMs: number;
  minSamples?: number;
  /** Calls before sampling starts (JIT, caches); also cut short by half the budget. */
  warmup?: number;
}

/** Times each call of `fn(i)` separately, after warm-up. */
export function measure(fn: (i: number) => unknown, options: MeasureOptions): Summary {
  const { iterations, budgetMs, minSamples = 5, warmup = Math.min(100, iterations) } = options;
  const warmStart = performance.now();
  for (let i = 0; i < warmup && performance.now() - warmStart < budgetMs / 2; i++) fn(i);
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
    if (samples.length >= minSamples && performance.now() - start > budgetMs) break;
  }
  return summarize(samples);
}

/** Wall time of one call, sync or async. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/**
 * Memory in use after a full collection: the JS heap and the typed arrays' buffers, which live outside it (the
 * section index keeps its postings there). Needs `--expose-gc` (the bench script passes it).
 */
export function settledHeap(): number {
  if (!globalThis.gc) throw new Error('run with --expose-gc (npm run bench does)');
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
