// One normalisation for everything typed and everything indexed: case, accents and punctuation never matter.

/** Lower case, accents stripped, runs of anything but letters and digits collapsed to one space. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Words that carry no meaning for a lookup. Dropping them keeps OR queries fast (common words are what make
 * them slow) and keeps them out of rankings.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his in into is it its of on or that the their ' +
    'them then there these they this to was were which while who will with'
  ).split(' '),
);

const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/** MiniSearch's processTerm: normalised, and null for stop words so they are neither indexed nor searched. */
export function processTerm(term: string): string | null {
  // Most words are plain ASCII: lower-casing is all they need, and it is several times cheaper than the full
  // Unicode normalisation (indexing a large corpus spends much of its time here).
  const key = PLAIN_WORD.test(term) ? term.toLowerCase() : normalizeKey(term).replace(/ /g, '');
  return key.length === 0 || STOP_WORDS.has(key) ? null : key;
}

/** Splits text the way MiniSearch does by default (on Unicode space and punctuation). */
export const WORD_SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** Fuzziness by term length: none under 4 characters (codes stay exact), 1 edit up to 7, 2 beyond. */
export function fuzzyForTerm(term: string): number | false {
  return fuzzyForLength(term.length);
}

export function fuzzyForLength(length: number): number | false {
  if (length < 4) return false;
  return length <= 7 ? 1 : 2;
}
