// The index's words in sorted order, for prefix and fuzzy lookup. A sorted array is a trie laid flat: the words
// sharing a prefix are one contiguous run, found by binary search, and an edit-distance walk reuses the rows it
// computed for the prefix a word shares with the one before it, skipping any run whose prefix is already too far.
// It holds tens of thousands of words in one array where a radix tree holds a Map per node.
import type { Slicer } from '../slices.ts';

/** Words sorted at once before runs are merged (a few milliseconds of work). */
const SORT_RUN = 4096;

export class TermDictionary {
  private words: string[];

  /** `words` need not be sorted or distinct. */
  constructor(words: Iterable<string> = []) {
    this.words = [...new Set(words)].sort(compareWords);
  }

  /** A dictionary that takes these words, sorted and distinct, as its own. */
  private static adopting(sorted: string[]): TermDictionary {
    const dictionary = new TermDictionary();
    dictionary.words = sorted;
    return dictionary;
  }

  /** Words already sorted and distinct (as `[...dictionary]` gives them); throws when they are not. */
  static fromSorted(words: readonly string[]): TermDictionary {
    for (let i = 1; i < words.length; i++)
      if (!(words[i - 1]! < words[i]!)) throw new Error(`words out of order at ${words[i]}`);
    return TermDictionary.adopting(words.slice());
  }

  /**
   * The same, sorted a slice at a time: sorting 100,000 words at once holds the event loop for tens of
   * milliseconds. Runs of a few thousand are sorted, then merged in pairs, pausing whenever a slice is due.
   */
  static async sortedInSlices(words: Iterable<string>, slicer: Slicer): Promise<TermDictionary> {
    // No step touches every word at once (a Set of them, a spread into one call): at 100,000 words each of
    // those alone held the event loop for tens of milliseconds. Repeats are dropped as runs are sorted and merged.
    const all = Array.isArray(words) ? (words as string[]) : [...words];
    let runs: string[][] = [];
    for (let i = 0; i < all.length; i += SORT_RUN) {
      runs.push(withoutRepeats(all.slice(i, i + SORT_RUN).sort(compareWords)));
      if (slicer.due) await slicer.pause();
    }
    while (runs.length > 1) {
      const merged: string[][] = [];
      for (let i = 0; i < runs.length; i += 2) {
        const [a, b = []] = [runs[i]!, runs[i + 1]];
        const out: string[] = new Array(a.length + b.length);
        let [x, y, k] = [0, 0, 0];
        while (x < a.length || y < b.length) {
          const next = y >= b.length || (x < a.length && a[x]! < b[y]!) ? a[x++]! : b[y++]!;
          if (k === 0 || out[k - 1] !== next) out[k++] = next;
          if ((x + y) % 1024 === 0 && slicer.due) await slicer.pause();
        }
        out.length = k;
        merged.push(out);
      }
      runs = merged;
    }
    return TermDictionary.adopting(runs[0] ?? []);
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    const i = lowerBound(this.words, word);
    return this.words[i] === word;
  }

  add(word: string): void {
    const i = lowerBound(this.words, word);
    if (this.words[i] !== word) this.words.splice(i, 0, word);
  }

  delete(word: string): void {
    const i = lowerBound(this.words, word);
    if (this.words[i] === word) this.words.splice(i, 1);
  }

  /** Every word that starts with `prefix` (itself included), in sorted order. */
  withPrefix(prefix: string): string[] {
    const found: string[] = [];
    for (let i = lowerBound(this.words, prefix); i < this.words.length; i++) {
      const w = this.words[i]!;
      if (!w.startsWith(prefix)) break;
      found.push(w);
    }
    return found;
  }

  /** Every word within `maxDistance` Levenshtein edits of `query`, with its distance, in sorted order. */
  near(query: string, maxDistance: number): [word: string, distance: number][] {
    const found: [string, number][] = [];
    const m = query.length;
    const outside = maxDistance + 1;
    // rows[k]: edit distances between the first k letters of the current word and each prefix of the query.
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    /** Letters of the previous word whose rows are still valid. */
    let valid = '';
    let i = 0;
    while (i < this.words.length) {
      const word = this.words[i]!;
      let k = 0;
      while (k < valid.length && k < word.length && valid.charCodeAt(k) === word.charCodeAt(k)) k++;
      let dead = -1;
      for (; k < word.length; k++) {
        const up = rows[k]!;
        let row = rows[k + 1];
        if (!row) {
          row = new Int32Array(m + 1);
          rows[k + 1] = row;
        }
        row[0] = k + 1;
        let best = row[0];
        const letter = word.charCodeAt(k);
        // Only cells within maxDistance of the diagonal can hold maxDistance or less; the cells just outside the
        // band are set past it (rows are shared between words, so they may hold another word's values).
        const lo = Math.max(1, k + 1 - maxDistance);
        const hi = Math.min(m, k + 1 + maxDistance);
        if (lo > 1) row[lo - 1] = outside;
        for (let j = lo; j <= hi; j++) {
          const substitute = up[j - 1]! + (query.charCodeAt(j - 1) === letter ? 0 : 1);
          const value = Math.min(up[j]! + 1, row[j - 1]! + 1, substitute);
          row[j] = value;
          if (value < best) best = value;
        }
        if (hi < m) row[hi + 1] = outside;
        if (best > maxDistance) {
          dead = k;
          break;
        }
      }
      if (dead >= 0) {
        // No word starting with these letters can come back within reach: skip the whole run.
        const prefix = word.slice(0, dead + 1);
        valid = word.slice(0, dead);
        i = endOfRun(this.words, prefix, i);
        continue;
      }
      // A word whose length is further from the query's than maxDistance ends outside the band.
      const distance = Math.abs(word.length - m) <= maxDistance ? rows[word.length]![m]! : outside;
      if (distance <= maxDistance) found.push([word, distance]);
      valid = word;
      i++;
    }
    return found;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.words[Symbol.iterator]();
  }
}

/** Code-unit order, the order `startsWith` runs follow (localeCompare would not keep a prefix's words together). */
function compareWords(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the first word not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first word after `from` that does not start with `prefix` (words from `from` on do, or are past). */
function endOfRun(words: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.startsWith(prefix) || words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted list with each word once. */
function withoutRepeats(sorted: string[]): string[] {
  let k = 0;
  for (const word of sorted) if (k === 0 || sorted[k - 1] !== word) sorted[k++] = word;
  sorted.length = k;
  return sorted;
}
