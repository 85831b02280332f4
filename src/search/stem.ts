// English stemming for full-text search (Porter2, the Snowball English stemmer): "smuggled", "smuggling" and
// "smuggle" meet at one index term. Names and codes pass through unchanged in practice (Porter2 only strips
// English suffixes). Only the section index stems; actor lookup keeps whole words.
import { stem } from 'porter2';
import { processTerm } from './normalize.ts';

/** Above this many distinct words the memo is dropped and refilled: a bound on memory, not a cache policy. */
const MEMO_MAX = 50_000;

/**
 * processTerm, then the word's stem, for the words of queries and of the sections they find. Stemming costs
 * about a microsecond a word; searches repeat their words, so each distinct token is processed once and remembered.
 */
export class Stemmer {
  /** Token as written → its index term (null: a stop word). Looking a token up costs less than normalising it. */
  private readonly terms = new Map<string, string | null>();

  readonly process = (token: string): string | null => {
    let term = this.terms.get(token);
    if (term === undefined) {
      if (this.terms.size >= MEMO_MAX) this.terms.clear();
      const key = processTerm(token);
      term = key === null ? null : stemWord(key);
      this.terms.set(token, term);
    }
    return term;
  };
}

/** One word's stem, the way the index stems it (for callers without a Stemmer at hand). */
export function stemWord(normalized: string): string {
  return /^[a-z]+$/.test(normalized) ? stem(normalized) : normalized;
}
