// An AND search that gives the same scores as MiniSearch's own, read from MiniSearch's index, but pays only for
// the sections that hold every word. MiniSearch scores every posting of every word before it intersects them:
// three words that each occur in half of 60,000 sections cost ~100,000 scored results and as many allocated
// objects, for a few thousand sections that hold all three. Here the words are intersected rarest first, a word
// whose postings outnumber the candidates is checked per candidate instead of read whole, and only the sections
// left are scored, into typed arrays. tests/engine/andSearch.test.ts checks it against MiniSearch's search.
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';

/** Term frequency by document short id, for one term in one field. */
type Postings = Map<number, number>;
/** Postings by field id, for one term. */
type TermData = Map<number, Postings>;

/** The parts of MiniSearch 7's state this search reads; the equality test guards them across upgrades. */
interface Internals {
  _index: { get(term: string): TermData | undefined; atPrefix(prefix: string): Iterable<[string, TermData]> };
  _options: { tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _nextId: number;
  _dirtCount: number;
}

/**
 * Top-level words, all required. A word may be a group of alternatives (a plural and its singular): an OR of
 * plain strings. Any other shape is left to MiniSearch.
 */
export type AndQuery = readonly Query[];

function sourcesOf(item: Query): readonly string[] | null {
  if (typeof item === 'string') return [item];
  if (typeof item !== 'object' || item === null || !('queries' in item)) return null;
  const { combineWith, queries, ...rest } = item as { combineWith?: string; queries: readonly Query[] };
  if (Object.keys(rest).length > 0 || combineWith?.toUpperCase() !== 'OR') return null;
  return queries.every((q) => typeof q === 'string') ? (queries as string[]) : null;
}

export interface AndSearchOptions {
  /** Field → boost, for every indexed field, in the order MiniSearch was given the fields. */
  boost: Readonly<Record<string, number>>;
  prefix: (term: string) => boolean;
  /** Per-document boost from its stored fields; 0 leaves the document out, as in MiniSearch. */
  boostDocument?: (stored: Record<string, unknown> | undefined) => number;
  filter?: (stored: Record<string, unknown> | undefined) => boolean;
  limit: number;
}

export interface AndHit {
  id: string;
  score: number;
  /** Index terms that matched, in MiniSearch's order (`Object.keys(result.match)`). */
  terms: string[];
}

export interface AndSearchResult {
  total: number;
  hits: AndHit[];
}

// MiniSearch's defaults (searchOptions.weights.prefix and bm25), which the section index does not change.
const PREFIX_WEIGHT = 0.375;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const TERM_BOOST = 1;

interface FieldList {
  term: string;
  weight: number;
  fieldId: number;
  fieldBoost: number;
  postings: Postings;
}

interface Alternative {
  source: string;
  lists: FieldList[];
}

/** The same formula and order of operations as MiniSearch's calcBM25Score, so the floats agree bit for bit. */
function bm25(tf: number, df: number, n: number, length: number, avg: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return invDocFreq * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
}

/**
 * Null when this search cannot promise MiniSearch's answer (a discarded document not yet vacuumed, a word the
 * tokenizer splits): the caller asks MiniSearch instead.
 */
export function andSearch(
  mini: MiniSearch<never> | MiniSearch<unknown>,
  query: AndQuery,
  options: AndSearchOptions,
): AndSearchResult | null {
  const ix = mini as unknown as Internals;
  if (ix._dirtCount > 0 || query.length === 0) return null;
  const fields = Object.entries(options.boost).map(([field, boost]) => ({
    fieldId: ix._fieldIds[field]!,
    boost,
  }));

  const alternativesOf = (source: string): Alternative | null => {
    const processed = ix._options
      .tokenize(source)
      .flatMap((t) => ix._options.processTerm(t) ?? [])
      .filter(Boolean);
    if (processed.length !== 1) return null;
    const term = processed[0]!;
    const lists: FieldList[] = [];
    const addTerm = (derived: string, weight: number, data: TermData | undefined) => {
      if (!data) return;
      for (const f of fields) {
        const postings = data.get(f.fieldId);
        if (postings && postings.size > 0)
          lists.push({ term: derived, weight, fieldId: f.fieldId, fieldBoost: f.boost, postings });
      }
    };
    addTerm(term, 1, ix._index.get(term));
    if (options.prefix(term)) {
      for (const [derived, data] of ix._index.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        addTerm(derived, (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance), data);
      }
    }
    return { source: term, lists };
  };

  const words: Alternative[][] = [];
  for (const item of query) {
    const sources = sourcesOf(item);
    if (!sources) return null;
    const alternatives = sources.map(alternativesOf);
    if (alternatives.some((a) => a === null)) return null;
    words.push(alternatives as Alternative[]);
  }

  // Intersect, rarest word first.
  const listsOf = (w: Alternative[]) => w.flatMap((a) => a.lists);
  const cost = words.map((w) => listsOf(w).reduce((n, l) => n + l.postings.size, 0));
  const order = words.map((_, i) => i).sort((a, b) => cost[a]! - cost[b]!);
  const stamp = new Uint32Array(ix._nextId);
  let candidates: number[] = [];
  for (const [round, wi] of order.entries()) {
    const lists = listsOf(words[wi]!);
    const mark = round + 1;
    if (round === 0) {
      for (const l of lists)
        for (const d of l.postings.keys()) {
          if (stamp[d] !== mark) {
            stamp[d] = mark;
            candidates.push(d);
          }
        }
    } else if (cost[wi]! <= candidates.length * lists.length) {
      for (const l of lists) for (const d of l.postings.keys()) if (stamp[d] === round) stamp[d] = mark;
      candidates = candidates.filter((d) => stamp[d] === mark);
    } else {
      candidates = candidates.filter((d) => {
        const found = lists.some((l) => l.postings.has(d));
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
    const stored = ix._storedFields.get(d);
    if (options.filter && !options.filter(stored)) continue;
    const boost = options.boostDocument ? options.boostDocument(stored) : 1;
    if (!boost) continue;
    kept.push(d);
    docBoost.push(boost);
  }
  const count = kept.length;
  if (count === 0) return { total: 0, hits: [] };
  const position = new Int32Array(ix._nextId);
  const lengths: number[][] = [];
  for (const [p, d] of kept.entries()) {
    position[d] = p + 1;
    lengths.push(ix._fieldLength.get(d)!);
  }

  const n = ix._documentCount;
  const total = new Float64Array(count);
  const uniqueSources = [...new Set(words.flatMap((w) => w.map((a) => a.source)))];
  const sourceMatched = uniqueSources.map(() => new Uint8Array(count));
  for (const [wi, alternatives] of words.entries()) {
    const wordScore = new Float64Array(count);
    for (const alternative of alternatives) {
      const altScore = new Float64Array(count);
      const matched = sourceMatched[uniqueSources.indexOf(alternative.source)]!;
      for (const l of alternative.lists) {
        const df = l.postings.size;
        const avg = ix._avgFieldLength[l.fieldId]!;
        const add = (p: number, tf: number) => {
          const raw = bm25(tf, df, n, lengths[p]![l.fieldId]!, avg);
          altScore[p] = altScore[p]! + l.weight * TERM_BOOST * l.fieldBoost * docBoost[p]! * raw;
          matched[p] = 1;
        };
        if (df <= count) {
          for (const [d, tf] of l.postings) {
            const p = position[d]!;
            if (p > 0) add(p - 1, tf);
          }
        } else {
          for (let p = 0; p < count; p++) {
            const tf = l.postings.get(kept[p]!);
            if (tf !== undefined) add(p, tf);
          }
        }
      }
      for (let p = 0; p < count; p++) wordScore[p] = wordScore[p]! + altScore[p]!;
    }
    for (let p = 0; p < count; p++) total[p] = wi === 0 ? wordScore[p]! : total[p]! + wordScore[p]!;
  }

  const ids = kept.map((d) => String(ix._documentIds.get(d)));
  const scores = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    let quality = 0;
    for (const m of sourceMatched) quality += m[p]!;
    scores[p] = total[p]! * (quality || 1);
  }
  const ranked = [...kept.keys()].sort((a, b) => compareHits(scores[a]!, ids[a]!, scores[b]!, ids[b]!));
  const hits = ranked.slice(0, options.limit).map((p) => {
    const match: Record<string, true> = {};
    for (const alternatives of words)
      for (const a of alternatives)
        for (const l of a.lists) if (l.postings.has(kept[p]!)) match[l.term] = true;
    return { id: ids[p]!, score: scores[p]!, terms: Object.keys(match) };
  });
  return { total: count, hits };
}

/** Score first; equal scores by id, so the order never depends on the order documents were indexed in. */
export function compareHits(scoreA: number, idA: string, scoreB: number, idB: string): number {
  return scoreB - scoreA || (idA < idB ? -1 : idA > idB ? 1 : 0);
}
