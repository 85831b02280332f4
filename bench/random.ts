// Seeded randomness for the synthetic corpus: the same seed always gives the same corpus, so figures from
// two runs (or two machines) describe the same data.

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for picking words; Math.random cannot be seeded. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1+offset)^s (Zipf–Mandelbrot), as word frequencies in prose
 * roughly are: a few words everywhere, a long tail seen once or twice. That split is what makes common-word
 * queries slow. The offset flattens the head: content words are never as frequent as "the".
 */
export function zipf(random: Random, n: number, s = 1.05, offset = 0): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1 + offset) ** s;
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
