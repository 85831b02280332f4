// An AND search with the scores of TermIndex.search (and so of MiniSearch), that pays only for the sections holding
// every word. Scoring every posting of every word before intersecting them makes three words that each occur in
// half of 60,000 sections cost ~100,000 scored results, for a few thousand sections that hold all three. Here the
// words are intersected rarest first, a word whose postings outnumber the candidates is looked up per candidate
// instead of read whole, and only the sections left are scored, into typed arrays.
// tests/engine/andSearch.test.ts checks it against the full search and against MiniSearch.
import { bm25, type DerivedTerm, type QueryWord, type TermHit, type TermIndex } from './termIndex.ts';

export interface AndSearchOptions<D> {
  /** Boost of each field, in the index's field order. */
  boost: readonly number[];
  /** Per-document boost; 0 leaves the document out. */
  boostDocument?: (doc: D) => number;
  filter?: (doc: D) => boolean;
  /** Ties in score are broken by this id, so the order never depends on the order documents were added. */
  idOf: (doc: D) => string;
  limit: number;
}

export interface AndSearchResult<D> {
  total: number;
  hits: TermHit<D>[];
}

/** Every word required, none fuzzy (a fuzzy search is left to TermIndex.search). */
export function andSearch<D>(
  index: TermIndex<D>,
  words: readonly QueryWord[],
  options: AndSearchOptions<D>,
): AndSearchResult<D> {
  if (words.length === 0) return { total: 0, hits: [] };
  const F = index.fieldCount;
  const derived: DerivedTerm[][] = words.map((w) => index.derive({ ...w, fuzzy: 0 }));

  // Intersect, rarest word first.
  const cost = derived.map((d) => d.reduce((n, t) => n + index.postingCount(t.id), 0));
  const order = words.map((_, i) => i).sort((a, b) => cost[a]! - cost[b]!);
  const { stamp, position, base } = scratchFor(index, words.length);
  let candidates: number[] = [];
  for (const [round, wi] of order.entries()) {
    const terms = derived[wi]!;
    // A candidate still in after round r bears base + r + 1; marks of earlier searches are all below base.
    const mark = base + round + 1;
    if (round === 0) {
      for (const t of terms) {
        const list = index.postingsOf(t.id);
        const n = index.postingCount(t.id);
        for (let i = 0; i < n; i++) {
          const d = Math.floor(list[i * 2]! / F);
          if (stamp[d] !== mark) {
            stamp[d] = mark;
            candidates.push(d);
          }
        }
      }
    } else if (cost[wi]! <= candidates.length * terms.length * LOOKUP_COST) {
      for (const t of terms) {
        const list = index.postingsOf(t.id);
        const n = index.postingCount(t.id);
        for (let i = 0; i < n; i++) {
          const d = Math.floor(list[i * 2]! / F);
          if (stamp[d] === mark - 1) stamp[d] = mark;
        }
      }
      candidates = candidates.filter((d) => stamp[d] === mark);
    } else {
      candidates = candidates.filter((d) => {
        const found = terms.some((t) => holds(index, t.id, d));
        if (found) stamp[d] = mark;
        return found;
      });
    }
    if (candidates.length === 0) break;
  }

  // Filter and per-document boost, then scores for the candidates left.
  const docBoost: number[] = [];
  const kept: number[] = [];
  for (const d of candidates) {
    const doc = index.document(d)!;
    if (options.filter && !options.filter(doc)) continue;
    const boost = options.boostDocument ? options.boostDocument(doc) : 1;
    if (!boost) continue;
    kept.push(d);
    docBoost.push(boost);
  }
  const count = kept.length;
  if (count === 0) return { total: 0, hits: [] };
  for (const [p, d] of kept.entries()) position[d] = p + 1;

  const n = index.documentCount;
  const avg = Array.from({ length: F }, (_, f) => index.averageFieldLength(f));
  const total = new Float64Array(count);
  for (const [wi, terms] of derived.entries()) {
    const wordScore = new Float64Array(count);
    for (const t of terms) {
      const list = index.postingsOf(t.id);
      const postings = index.postingCount(t.id);
      const df = Array.from({ length: F }, (_, f) => index.documentFrequency(t.id, f));
      // Pairs come in key order (document, then field), so each document's fields add up in field order.
      const add = (p: number, key: number, tf: number) => {
        const f = key % F;
        const raw = bm25(tf, df[f]!, n, index.fieldLength(kept[p]!, f), avg[f]!);
        wordScore[p] = wordScore[p]! + t.weight * (options.boost[f] ?? 1) * docBoost[p]! * raw;
      };
      if (postings <= count * LOOKUP_COST) {
        for (let i = 0; i < postings; i++) {
          const key = list[i * 2]!;
          const p = position[Math.floor(key / F)]!;
          if (p > 0) add(p - 1, key, list[i * 2 + 1]!);
        }
      } else {
        for (let p = 0; p < count; p++) {
          const [from, to] = index.pairsOf(t.id, kept[p]!);
          for (let i = from; i < to; i++) add(p, list[i * 2]!, list[i * 2 + 1]!);
        }
      }
    }
    for (let p = 0; p < count; p++) total[p] = wi === 0 ? wordScore[p]! : total[p]! + wordScore[p]!;
  }

  // Every candidate holds every word: each counts once, however many words share its term.
  const quality = new Set(words.map((w) => w.term)).size;
  const ids = kept.map((d) => options.idOf(index.document(d)!));
  const scores = new Float64Array(count);
  for (let p = 0; p < count; p++) scores[p] = total[p]! * quality;
  const ranked = [...kept.keys()].sort((a, b) => compareHits(scores[a]!, ids[a]!, scores[b]!, ids[b]!));
  const hits = ranked.slice(0, options.limit).map((p) => {
    const terms: string[] = [];
    for (const list of derived)
      for (const t of list) if (holds(index, t.id, kept[p]!) && !terms.includes(t.term)) terms.push(t.term);
    return { doc: index.document(kept[p]!)!, score: scores[p]!, terms };
  });
  for (const d of kept) position[d] = 0;
  return { total: count, hits };
}

interface Scratch {
  /** Per short id: the last mark it bore (see `base`). */
  stamp: Uint32Array;
  /** Per short id: its place among the scored candidates, plus one; all 0 between searches. */
  position: Int32Array;
  /** Marks below this are from earlier searches. */
  base: number;
}

/**
 * Arrays by short id, kept per index between searches: allocating and zeroing two of them for each search cost
 * more than a search for rare words itself. Searches are synchronous, so one set serves them all.
 */
const scratches = new WeakMap<object, Scratch>();

function scratchFor<D>(index: TermIndex<D>, words: number): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.stamp.length < index.capacity || scratch.base > 0xf0000000) {
    const size = Math.max(index.capacity, Math.ceil((scratch?.stamp.length ?? 0) * 1.25));
    scratch = { stamp: new Uint32Array(size), position: new Int32Array(size), base: 0 };
    scratches.set(index, scratch);
  }
  const current = { ...scratch };
  scratch.base += words + 1;
  return current;
}

/** Whether any field of document `short` holds term `t`. */
function holds<D>(index: TermIndex<D>, t: number, short: number): boolean {
  const [from, to] = index.pairsOf(t, short);
  return to > from;
}

/** What looking one document up in a word's postings costs (a binary search), in pairs read one after another. */
const LOOKUP_COST = 16;

/** Score first; equal scores by id, so the order never depends on the order documents were indexed in. */
export function compareHits(scoreA: number, idA: string, scoreB: number, idB: string): number {
  return scoreB - scoreA || (idA < idB ? -1 : idA > idB ? 1 : 0);
}
