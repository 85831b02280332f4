// A BM25 full-text index over a few fields of each document, scored exactly as MiniSearch scores (BM25+, prefix
// and fuzzy weights, field and document boosts, the same field lengths), kept in compact arrays. MiniSearch holds
// a Map per word and field and a radix tree of Maps: at 60,000 sections that is most of a 400 MB heap and most of
// a 30-second build. Here each word's postings are one Int32Array of (document, field) keys and frequencies, the
// words one sorted array (TermDictionary), and the whole index saves to a few flat arrays that load back at once.
import { eachInSlices, runSteps, runStepsInSlices, Slicer } from '../slices.ts';
import { BatchPostings } from './batchPostings.ts';
import { splitWords } from './normalize.ts';
import { TermDictionary } from './termDictionary.ts';
import { UNRESOLVED, WordTable } from './wordTable.ts';

export interface TermIndexOptions<D> {
  fields: readonly string[];
  /** A field's text. */
  field: (doc: D, field: string) => string;
  /** Splits a field into tokens; the number of distinct tokens is the field's length, as in MiniSearch. */
  tokenize: (text: string) => string[];
  /** A token's index term; null leaves it out. Must be a pure function of the token. */
  processTerm: (token: string) => string | null;
}

/** One word of a query, already an index term. */
export interface QueryWord {
  term: string;
  prefix: boolean;
  /** Most edits a fuzzy match may be away (0: none). */
  fuzzy: number;
}

export interface SearchOptions<D> {
  combineWith: 'AND' | 'OR';
  /** Boost of each field, in the order of `fields`. */
  boost: readonly number[];
  /** Per-document boost; 0 leaves the document out. */
  boostDocument?: (doc: D) => number;
  filter?: (doc: D) => boolean;
}

export interface TermHit<D> {
  doc: D;
  score: number;
  /** Index terms that matched, in the order they were met. */
  terms: string[];
}

/** MiniSearch's defaults (searchOptions.weights and bm25), which Dossier does not change. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** MiniSearch's calcBM25Score, with the same order of operations, so the floats agree. */
export function bm25(tf: number, df: number, n: number, length: number, avg: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return invDocFreq * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
}

/** One word of a query spelled out: the index terms it reaches and the weight of each. */
export interface DerivedTerm {
  term: string;
  id: number;
  weight: number;
}

/** What a saved index holds, apart from the documents themselves. */
export interface SavedTermIndex {
  fields: string[];
  /** Document id by short id (null: a removed document's slot). */
  ids: (string | null)[];
  /** Every term, in sorted order; its position is its id. */
  terms: (string | null)[];
  /** Field lengths, `fields.length` per short id. */
  lengths: Int32Array;
  /** Per term id: the number of postings, then that many (key, frequency) pairs. */
  postings: Int32Array;
}

export class TermIndex<D> {
  readonly fieldCount: number;
  private readonly options: TermIndexOptions<D>;
  /** Document by short id; null once removed. Short ids only grow, so postings stay sorted by document. */
  private docs: (D | null)[] = [];
  private ids: (string | null)[] = [];
  private shortOf = new Map<string, number>();
  private lengths: number[] = [];
  private lengthSums: number[];
  private live = 0;

  private termOf = new Map<string, number>();
  private terms: (string | null)[] = [];
  private dictionary = new TermDictionary();
  /** Per term: (short id × fieldCount + field, frequency) pairs, ascending by key; `fill` of them are used. */
  private postings: Int32Array[] = [];
  private fill: number[] = [];
  /** Documents holding the term, per term and field (`term × fieldCount + field`). */
  private df: number[] = [];

  // The current batch of adds (see `settle`).
  /** Words added since the dictionary was last brought up to date. */
  private newWords: string[] = [];
  /** The batch's postings, until it is settled. */
  private batch: BatchPostings | null = null;
  /** Words whose postings grew with room to spare. */
  private grown = new Set<number>();
  /** The batch's distinct words and what each became (a term id, or -1 when it is left out). */
  private memo: WordTable | null = null;
  /** The tokenizer is splitWords: words are found in the text itself (WordTable.scan), not split into strings. */
  private readonly splitsWords: boolean;
  /** Per term: the field being added when the term last occurred in it, and how often it occurs there. */
  private termStamp: Int32Array = new Int32Array(1024);
  private termTf: Int32Array = new Int32Array(1024);
  private stamp = 0;

  constructor(options: TermIndexOptions<D>) {
    this.options = options;
    this.splitsWords = options.tokenize === splitWords;
    this.fieldCount = options.fields.length;
    this.lengthSums = options.fields.map(() => 0);
  }

  /** Whether some indexed document holds `term`. */
  has(term: string): boolean {
    return this.termOf.has(term);
  }

  get documentCount(): number {
    return this.live;
  }

  /** One past the highest short id: the size of an array indexed by short id. */
  get capacity(): number {
    return this.docs.length;
  }

  document(short: number): D | null {
    return this.docs[short] ?? null;
  }

  /** Adds a document. Call `settle` after a batch of adds and removes, before searching. */
  add(id: string, doc: D): void {
    if (this.shortOf.has(id)) throw new Error(`duplicate document id ${id}`);
    const short = this.docs.length;
    this.docs.push(doc);
    this.ids.push(id);
    this.shortOf.set(id, short);
    this.live++;
    this.memo ??= new WordTable();
    const memo = this.memo;
    const F = this.fieldCount;
    for (let f = 0; f < F; f++) {
      const field = ++this.stamp;
      const touched: number[] = [];
      let distinct = 0;
      const text = this.options.field(doc, this.options.fields[f]!);
      const count = this.splitsWords ? memo.scan(text) : memo.lookup(this.options.tokenize(text));
      const found = memo.found;
      for (let i = 0; i < count; i++) {
        const k = found[i]!;
        if (memo.seen[k] !== field) {
          memo.seen[k] = field;
          distinct++;
        }
        let t = memo.terms[k]!;
        if (t === UNRESOLVED) {
          const term = this.options.processTerm(memo.word(k));
          t = term === null ? -1 : this.termId(term);
          memo.terms[k] = t;
        }
        if (t < 0) continue;
        if (this.termStamp[t] !== field) {
          this.termStamp[t] = field;
          this.termTf[t] = 1;
          touched.push(t);
        } else this.termTf[t]!++;
      }
      this.lengths.push(distinct);
      this.lengthSums[f]! += distinct;
      for (const t of touched) this.append(t, short * F + f, this.termTf[t]!);
    }
  }

  /**
   * Holds `doc` in place of the document of the same id, which it must read exactly as (the same indexed fields):
   * an unchanged section of a changed profile, so the index keeps nothing of the profile's earlier parse.
   */
  replace(id: string, doc: D): void {
    const short = this.shortOf.get(id);
    if (short !== undefined) this.docs[short] = doc;
  }

  /** Removes a document: its text is read again for the terms to take it out of. */
  remove(id: string): void {
    const short = this.shortOf.get(id);
    if (short === undefined) return;
    this.flushBatch();
    const doc = this.docs[short]!;
    const F = this.fieldCount;
    const terms = new Set<number>();
    for (let f = 0; f < F; f++) {
      for (const token of this.options.tokenize(this.options.field(doc, this.options.fields[f]!))) {
        const term = this.options.processTerm(token);
        const t = term === null ? undefined : this.termOf.get(term);
        if (t !== undefined) terms.add(t);
      }
      this.lengthSums[f]! -= this.lengths[short * F + f]!;
      this.lengths[short * F + f] = 0;
    }
    for (const t of terms) this.removePostings(t, short);
    this.docs[short] = null;
    this.ids[short] = null;
    this.shortOf.delete(id);
    this.live--;
  }

  /**
   * Ends a batch of adds and removes: trims word lists that growth left mostly empty, puts new words into the
   * dictionary and forgets the batch's tokens.
   */
  settle(): void {
    this.flushBatch();
    // Between builds a word's list is trimmed only when mostly empty: a reload adds to the same few hundred words
    // again and again, and copying a common word's long list twice per reload costs more than its spare room.
    for (const t of this.grown) if (this.fill[t]! * 4 < this.postings[t]!.length) this.trimPostings(t);
    this.grown.clear();
    if (this.newWords.length > NEW_WORDS_SORTED_AT_ONCE)
      this.dictionary = new TermDictionary(this.terms.filter((t): t is string => t !== null));
    else for (const w of this.newWords) this.dictionary.add(w);
    this.newWords = [];
    this.memo = null;
  }

  /** `settle`, a slice at a time, every list trimmed: after a build, with tens of thousands of words to settle. */
  async settleInSlices(slicer: Slicer): Promise<void> {
    await this.flushBatchInSlices(slicer);
    await eachInSlices(this.grown, (t) => this.trimPostings(t), slicer);
    this.grown.clear();
    if (this.newWords.length > NEW_WORDS_SORTED_AT_ONCE) {
      // Sorting everything once beats inserting many words one by one into a sorted array.
      const words = this.terms.filter((t): t is string => t !== null);
      this.dictionary = await TermDictionary.sortedInSlices(words, slicer);
      this.newWords = [];
    }
    this.settle();
  }

  private trimPostings(t: number): void {
    const used = this.fill[t]! * 2;
    if (this.postings[t]!.length !== used) this.postings[t] = this.postings[t]!.slice(0, used);
  }

  private termId(term: string): number {
    let t = this.termOf.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.terms.push(term);
      this.termOf.set(term, t);
      this.postings.push(EMPTY);
      this.fill.push(0);
      for (let f = 0; f < this.fieldCount; f++) this.df.push(0);
      this.newWords.push(term);
      if (t >= this.termStamp.length) {
        this.termStamp = grow(this.termStamp, t + 1);
        this.termTf = grow(this.termTf, t + 1);
      }
    }
    return t;
  }

  private append(t: number, key: number, tf: number): void {
    this.batch ??= new BatchPostings();
    this.batch.append(t, key, tf);
    this.df[t * this.fieldCount + (key % this.fieldCount)]!++;
  }

  private flushBatch(): void {
    runSteps(this.flushingBatch());
  }

  private flushBatchInSlices(slicer: Slicer): Promise<void> {
    return runStepsInSlices(this.flushingBatch(), slicer);
  }

  /**
   * Moves the batch's postings onto each word's list (pausing after each word). A list with room takes them in
   * place. The rest get new lists: many at once (a build) share one array cut to size, a few (an edit) each grow
   * on their own with room to spare.
   */
  private *flushingBatch(): Generator<void, void> {
    const batch = this.batch;
    if (batch === null) return;
    this.batch = null;
    const needsRoom: number[] = [];
    let needed = 0;
    for (const t of batch.touched) {
      const used = this.fill[t]! * 2;
      const size = used + batch.pairCount(t) * 2;
      if (size <= this.postings[t]!.length) this.takeFromBatch(batch, t, this.postings[t]!);
      else {
        needsRoom.push(t);
        needed += size;
      }
    }
    const shared = needed >= SHARED_LIST_AT ? new Int32Array(needed) : null;
    let at = 0;
    for (const t of needsRoom) {
      const used = this.fill[t]! * 2;
      const size = used + batch.pairCount(t) * 2;
      let list: Int32Array;
      if (shared) {
        list = shared.subarray(at, at + size);
        list.set(this.postings[t]!.subarray(0, used));
        at += size;
      } else {
        list = grow(this.postings[t]!.subarray(0, used), size);
        this.grown.add(t);
      }
      this.postings[t] = list;
      this.takeFromBatch(batch, t, list);
      yield;
    }
    batch.release();
  }

  private takeFromBatch(batch: BatchPostings, t: number, list: Int32Array): void {
    batch.copyInto(t, list, this.fill[t]! * 2);
    this.fill[t]! += batch.pairCount(t);
  }

  private removePostings(t: number, short: number): void {
    const F = this.fieldCount;
    const list = this.postings[t]!;
    const n = this.fill[t]!;
    const from = pairIndex(list, n, short * F);
    let to = from;
    while (to < n && list[to * 2]! < (short + 1) * F) {
      this.df[t * F + (list[to * 2]! % F)]!--;
      to++;
    }
    if (to === from) return;
    const left = n - (to - from);
    if (left === 0) {
      // The word is gone: so are its id and whatever the batch's tokens remember of it.
      this.postings[t] = EMPTY;
      this.fill[t] = 0;
      this.dictionary.delete(this.terms[t]!);
      this.newWords = this.newWords.filter((w) => w !== this.terms[t]);
      this.termOf.delete(this.terms[t]!);
      this.terms[t] = null;
      this.memo = null;
      return;
    }
    // Closed up in place: the list keeps its room, which an edit's re-added document (under a new short id, so at
    // the end of the list) mostly fills again without the list being copied to grow. Readers take `fill` pairs.
    list.copyWithin(from * 2, to * 2, n * 2);
    this.fill[t] = left;
  }

  // --- reading, for searches -------------------------------------------------------------------------------

  /** The (key, frequency) pairs of a term; `postingCount` of them. */
  postingsOf(t: number): Int32Array {
    return this.postings[t]!;
  }

  postingCount(t: number): number {
    return this.fill[t]!;
  }

  documentFrequency(t: number, field: number): number {
    return this.df[t * this.fieldCount + field]!;
  }

  fieldLength(short: number, field: number): number {
    return this.lengths[short * this.fieldCount + field]!;
  }

  averageFieldLength(field: number): number {
    return this.live > 0 ? this.lengthSums[field]! / this.live : 0;
  }

  /** The pairs of term `t` that belong to document `short`: `[from, to)`, empty when it holds none. */
  pairsOf(t: number, short: number): [from: number, to: number] {
    const list = this.postings[t]!;
    const n = this.fill[t]!;
    const from = pairIndex(list, n, short * this.fieldCount);
    let to = from;
    while (to < n && list[to * 2]! < (short + 1) * this.fieldCount) to++;
    return [from, to];
  }

  /** The terms a query word reaches, with their weights, as MiniSearch derives them (exact, prefix, fuzzy). */
  derive(word: QueryWord): DerivedTerm[] {
    const derived: DerivedTerm[] = [];
    const exact = this.termOf.get(word.term);
    if (exact !== undefined) derived.push({ term: word.term, id: exact, weight: 1 });
    const prefixed = new Set<string>();
    if (word.prefix) {
      for (const term of this.dictionary.withPrefix(word.term)) {
        prefixed.add(term);
        const distance = term.length - word.term.length;
        if (!distance) continue;
        const weight = (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance);
        derived.push({ term, id: this.termOf.get(term)!, weight });
      }
    }
    if (word.fuzzy > 0) {
      for (const [term, distance] of this.dictionary.near(word.term, word.fuzzy)) {
        if (!distance || prefixed.has(term)) continue;
        const weight = (FUZZY_WEIGHT * term.length) / (term.length + distance);
        derived.push({ term, id: this.termOf.get(term)!, weight });
      }
    }
    return derived;
  }

  /**
   * MiniSearch's search for a list of words combined with AND or OR: each word's score is the sum over the terms
   * it reaches and the fields they occur in, and a document's total is multiplied by how many words it matched.
   * Sorted by score, best first.
   */
  search(words: readonly QueryWord[], options: SearchOptions<D>): TermHit<D>[] {
    type Partial = { score: number; terms: string[]; sources: string[] };
    let combined: Map<number, Partial> | null = null;
    const F = this.fieldCount;
    for (const word of words) {
      const results = new Map<number, Partial>();
      for (const { term, id, weight } of this.derive(word)) {
        const list = this.postings[id]!;
        const df = Array.from({ length: F }, (_, f) => this.df[id * F + f]!);
        // Pairs come in key order (document, then field), so each document's fields add up in field order.
        for (let i = 0; i < this.fill[id]!; i++) {
          const key = list[i * 2]!;
          const f = key % F;
          const short = (key - f) / F;
          const doc = this.docs[short]!;
          const docBoost = options.boostDocument ? options.boostDocument(doc) : 1;
          if (!docBoost) continue;
          const raw = bm25(
            list[i * 2 + 1]!,
            df[f]!,
            this.live,
            this.lengths[key]!,
            this.averageFieldLength(f),
          );
          const score = weight * (options.boost[f] ?? 1) * docBoost * raw;
          const found = results.get(short);
          if (found) {
            found.score += score;
            if (!found.terms.includes(term)) found.terms.push(term);
          } else results.set(short, { score, terms: [term], sources: [word.term] });
        }
      }
      if (combined === null) combined = results;
      else if (options.combineWith === 'OR') {
        for (const [short, r] of results) {
          const found = combined.get(short);
          if (!found) combined.set(short, r);
          else merge(found, r);
        }
      } else {
        const next = new Map<number, Partial>();
        for (const [short, r] of results) {
          const found = combined.get(short);
          if (!found) continue;
          merge(found, r);
          next.set(short, found);
        }
        combined = next;
      }
    }
    const hits: TermHit<D>[] = [];
    for (const [short, r] of combined ?? []) {
      const doc = this.docs[short]!;
      if (options.filter && !options.filter(doc)) continue;
      hits.push({ doc, score: r.score * (r.sources.length || 1), terms: r.terms });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  // --- saving and loading ----------------------------------------------------------------------------------

  /**
   * The index as flat arrays, its words in sorted order (so loading it back needs no sort). Copied a slice at a
   * time: the postings of 60,000 sections are tens of megabytes. The index must not change meanwhile.
   */
  async save(slicer: Slicer = new Slicer()): Promise<SavedTermIndex> {
    this.flushBatch();
    const words =
      this.newWords.length === 0 ? [...this.dictionary] : [...new TermDictionary(this.termOf.keys())];
    let total = 0;
    for (const w of words) total += 1 + this.fill[this.termOf.get(w)!]! * 2;
    const postings = new Int32Array(total);
    let at = 0;
    await eachInSlices(
      words,
      (w) => {
        const t = this.termOf.get(w)!;
        const n = this.fill[t]!;
        postings[at++] = n;
        postings.set(this.postings[t]!.subarray(0, n * 2), at);
        at += n * 2;
      },
      slicer,
    );
    return {
      fields: [...this.options.fields],
      ids: [...this.ids],
      terms: words,
      lengths: Int32Array.from(this.lengths),
      postings,
    };
  }

  /**
   * The saved index, with its documents (by id). Throws when the saved arrays do not fit together or the
   * documents are not exactly those it holds.
   */
  static restore<D>(
    options: TermIndexOptions<D>,
    saved: SavedTermIndex,
    documents: ReadonlyMap<string, D>,
  ): TermIndex<D> {
    const index = new TermIndex(options);
    const F = index.fieldCount;
    const fail = (why: string): never => {
      throw new Error(`the saved index is inconsistent: ${why}`);
    };
    if (saved.fields.join('\u0000') !== options.fields.join('\u0000')) fail('other fields');
    if (saved.lengths.length !== saved.ids.length * F) fail('field lengths do not match the documents');
    for (const [short, id] of saved.ids.entries()) {
      index.ids.push(id);
      if (id === null) {
        index.docs.push(null);
        continue;
      }
      const doc = documents.get(id);
      if (doc === undefined || index.shortOf.has(id)) fail(`document ${id} is not in the data`);
      index.docs.push(doc!);
      index.shortOf.set(id, short);
      index.live++;
      for (let f = 0; f < F; f++) index.lengthSums[f]! += saved.lengths[short * F + f]!;
    }
    if (index.live !== documents.size) fail('it holds other documents than the data');
    index.lengths = Array.from(saved.lengths);
    const live = new Uint8Array(saved.ids.length);
    for (const [short, doc] of index.docs.entries()) if (doc !== null) live[short] = 1;
    const df = new Int32Array(saved.terms.length * F);
    const words: string[] = [];
    let at = 0;
    const { postings } = saved;
    for (const [t, term] of saved.terms.entries()) {
      const n = postings[at++];
      if (n === undefined || at + n * 2 > postings.length) fail('postings cut short');
      index.terms.push(term);
      index.postings.push(term === null ? EMPTY : postings.subarray(at, at + n! * 2));
      index.fill.push(term === null ? 0 : n!);
      if (term === null) {
        if (n !== 0) fail('a removed term still has postings');
        continue;
      }
      if (n === 0 || index.termOf.has(term)) fail(`term ${term} is empty or repeated`);
      index.termOf.set(term, t);
      words.push(term);
      if (!countPostings(postings, at, n!, F, live, df, t * F))
        fail(`postings of ${term} are out of order or name a missing document`);
      at += n! * 2;
    }
    index.df = Array.from(df);
    if (at !== postings.length) fail('postings run on past the terms');
    try {
      index.dictionary = TermDictionary.fromSorted(words);
    } catch (err) {
      fail((err as Error).message);
    }
    return index;
  }
}

/** Above this many new words, the dictionary is sorted anew rather than added to word by word. */
const NEW_WORDS_SORTED_AT_ONCE = 1000;
/** From this many numbers of new lists in one batch, they share one array (see flushingBatch). */
const SHARED_LIST_AT = 1 << 16;

/** A copy of `list` with room for at least `size` numbers (twice its length, at least). */
function grow(list: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(Math.max(4, size, list.length * 2));
  grown.set(list);
  return grown;
}

const EMPTY = new Int32Array(0);

/**
 * Checks `n` saved pairs from `at` (keys ascending, each naming a live document, frequencies at least 1) and
 * counts them into `df` by field, from `dfAt`. Its own small function, so the loop over millions of pairs is
 * optimised as a loop rather than as part of a long function run once.
 */
function countPostings(
  postings: Int32Array,
  at: number,
  n: number,
  fieldCount: number,
  live: Uint8Array,
  df: Int32Array,
  dfAt: number,
): boolean {
  let previous = -1;
  const end = at + n * 2;
  for (let i = at; i < end; i += 2) {
    const key = postings[i]!;
    if (key <= previous || live[(key / fieldCount) | 0] !== 1 || postings[i + 1]! < 1) return false;
    previous = key;
    df[dfAt + (key % fieldCount)]!++;
  }
  return true;
}

/** First pair whose key is not below `key`, among the first `n` pairs of `list`. */
function pairIndex(list: Int32Array, n: number, key: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid * 2]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function merge(into: { score: number; terms: string[]; sources: string[] }, from: typeof into): void {
  into.score += from.score;
  for (const t of from.terms) if (!into.terms.includes(t)) into.terms.push(t);
  for (const s of from.sources) if (!into.sources.includes(s)) into.sources.push(s);
}
