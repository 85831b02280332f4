// The distinct words of a batch of documents, each with a small number, found straight in the text. Indexing
// meets ten million words at 10,000 profiles but only about a hundred thousand distinct ones: splitting each
// field into strings and looking each up in a Map spent most of a build hashing and copying strings that were
// already known. Here a word's hash is computed while the text is scanned, and a known word is recognised by
// comparing characters in place, so only a new word becomes a string.
import { isSeparatorCode, separatorWidth } from './normalize.ts';

/** A word's term is not worked out yet. */
export const UNRESOLVED = -2;

const EMPTY_HASH = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

export class WordTable {
  /** Word ids of the last `scan` or `lookup`, in order; `length` of them are valid. */
  found: Int32Array = new Int32Array(256);
  /** Per word id: its index term's id, -1 for none, UNRESOLVED before the caller works it out. */
  terms: Int32Array = new Int32Array(1024);
  /** Per word id: scratch for the caller (the field it was last counted in). */
  seen: Int32Array = new Int32Array(1024);
  private words: string[] = [];
  private hashes: Int32Array = new Int32Array(1024);
  /** Open addressing: word id + 1 per slot, 0 for an empty slot. */
  private slots: Int32Array = new Int32Array(1 << 12);

  word(id: number): string {
    return this.words[id]!;
  }

  /** The word ids of `text.split(WORD_SPLIT)`, into `found`; returns how many. */
  scan(text: string): number {
    const n = text.length;
    let count = 0;
    let start = 0;
    let hash = EMPTY_HASH;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let width = c < 128 ? (isSeparatorCode(c) ? 1 : 0) : separatorWidth(text, i);
      if (width === 0) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        i++;
        continue;
      }
      count = this.put(count, this.idOf(text, start, i, hash));
      do {
        i += width;
        if (i >= n) break;
        const d = text.charCodeAt(i);
        width = d < 128 ? (isSeparatorCode(d) ? 1 : 0) : separatorWidth(text, i);
      } while (width > 0);
      start = i;
      hash = EMPTY_HASH;
    }
    return this.put(count, this.idOf(text, start, n, hash));
  }

  /** The word ids of these tokens, into `found`; returns how many. */
  lookup(tokens: readonly string[]): number {
    let count = 0;
    for (const token of tokens) {
      let hash = EMPTY_HASH;
      for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
      count = this.put(count, this.idOf(token, 0, token.length, hash));
    }
    return count;
  }

  private put(count: number, id: number): number {
    if (count === this.found.length) this.found = grow(this.found, count + 1);
    this.found[count] = id;
    return count + 1;
  }

  /** The id of `text[start, end)`, given its hash; a new word gets the next id. */
  private idOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) break;
      const id = held - 1;
      if (this.hashes[id] !== hash) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let i = 0;
      while (i < length && word.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === length) return id;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    if (id >= this.terms.length) {
      this.terms = grow(this.terms, id + 1);
      this.seen = grow(this.seen, id + 1);
      this.hashes = grow(this.hashes, id + 1);
    }
    this.terms[id] = UNRESOLVED;
    this.seen[id] = 0;
    this.hashes[id] = hash;
    // Kept at most half full, so a probe ends soon.
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]!);
  }
}

function grow(list: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(Math.max(size, list.length * 2));
  grown.set(list);
  return grown;
}
