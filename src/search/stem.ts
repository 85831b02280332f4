// English stemming for full-text search (Porter2, the Snowball English stemmer): "smuggled", "smuggling" and
// "smuggle" meet at one index term. Names and codes pass through unchanged in practice (Porter2 only strips
// English suffixes). Only the section index stems; actor lookup keeps whole words.
import { stem } from 'porter2';
import { processTerm } from './normalize.ts';

/** Above this many distinct words the memo is dropped and refilled: a bound on memory, not a cache policy. */
const MEMO_MAX = 200_000;

/**
 * processTerm, then the word's stem. Stemming costs about a microsecond a word; a corpus repeats its words, so
 * each distinct token is processed once and remembered, along with the first word seen for each stem
 * (suggestions show a word, not a stem).
 */
export class Stemmer {
  /** Token as written → its index term (null: a stop word). Looking a token up costs less than normalising it. */
  private readonly terms = new Map<string, string | null>();
  private readonly surfaces = new Map<string, string>();

  readonly process = (token: string): string | null => {
    let term = this.terms.get(token);
    if (term === undefined) {
      if (this.terms.size >= MEMO_MAX) this.terms.clear();
      const key = processTerm(token);
      term = key === null ? null : stemWord(key);
      this.terms.set(token, term);
      if (key !== null && !this.surfaces.has(term!)) this.surfaces.set(term!, key);
    }
    return term;
  };

  /** Whether a word that stems to `stemmed` has been seen. */
  knows(stemmed: string): boolean {
    return this.surfaces.has(stemmed);
  }

  /** A word that stems to `stemmed`, as normalised text (the stem itself when none was seen). */
  surface(stemmed: string): string {
    return this.surfaces.get(stemmed) ?? stemmed;
  }
}

/** One word's stem, the way the index stems it (for callers without a Stemmer at hand). */
export function stemWord(normalized: string): string {
  return /^[a-z]+$/.test(normalized) ? stem(normalized) : normalized;
}
