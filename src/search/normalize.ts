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

/** One word normalised as a single key: normalizeKey without its spaces. */
export function wordKey(word: string): string {
  // Most words are plain ASCII: lower-casing is all they need, and it is several times cheaper than the full
  // Unicode normalisation (indexing a large corpus spends much of its time here).
  return PLAIN_WORD.test(word) ? word.toLowerCase() : normalizeKey(word).replace(/ /g, '');
}

/** MiniSearch's processTerm: normalised, and null for stop words so they are neither indexed nor searched. */
export function processTerm(term: string): string | null {
  const key = wordKey(term);
  return key.length === 0 || STOP_WORDS.has(key) ? null : key;
}

/** Splits text the way MiniSearch does by default (on Unicode space and punctuation). */
export const WORD_SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** One separator character (a code point), as WORD_SPLIT knows them. */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;
/** Per ASCII code: 1 for a separator. */
const ASCII_SEPARATOR = Uint8Array.from({ length: 128 }, (_, c) =>
  SEPARATOR.test(String.fromCharCode(c)) ? 1 : 0,
);
/** Non-ASCII code points already classed: a corpus uses few of them. */
const NON_ASCII_SEPARATOR = new Map<number, boolean>();
const MAX_CLASSED = 65536;

/** Whether an ASCII code (below 128) is a separator. */
export function isSeparatorCode(c: number): boolean {
  return ASCII_SEPARATOR[c] === 1;
}

/**
 * Exactly `text.split(WORD_SPLIT)`, empty tokens at either end included, at about two thirds of the cost: ASCII
 * is classed by a table, anything else by the same Unicode classes, one code point at a time.
 */
export function splitWords(text: string): string[] {
  const tokens: string[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    let width = separatorWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    tokens.push(text.slice(start, i));
    while (width > 0) {
      i += width;
      width = i < n ? separatorWidth(text, i) : 0;
    }
    start = i;
  }
  tokens.push(text.slice(start));
  return tokens;
}

/**
 * How many UTF-16 units the separator at `i` spans; 0 when none starts there. A word's surrogate pair can be
 * stepped over one unit at a time: neither half alone is a separator.
 */
export function separatorWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_SEPARATOR[c]!;
  let cp = c;
  let width = 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      width = 2;
    }
  }
  let separator = NON_ASCII_SEPARATOR.get(cp);
  if (separator === undefined) {
    separator = SEPARATOR.test(String.fromCodePoint(cp));
    if (NON_ASCII_SEPARATOR.size < MAX_CLASSED) NON_ASCII_SEPARATOR.set(cp, separator);
  }
  return separator ? width : 0;
}

/** Fuzziness by term length: none under 4 characters (codes stay exact), 1 edit up to 7, 2 beyond. */
export function fuzzyForTerm(term: string): number | false {
  return fuzzyForLength(term.length);
}

export function fuzzyForLength(length: number): number | false {
  if (length < 4) return false;
  return length <= 7 ? 1 : 2;
}
