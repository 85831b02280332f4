// Full-text search over every section of every profile, with a TermIndex (MiniSearch's scoring in compact arrays).
// The index holds the section documents themselves, whose text snippets are cut from.
import type { Corpus } from '../profiles/corpus.ts';
import { eachInSlices, Slicer } from '../slices.ts';
import { andSearch, compareHits } from './andSearch.ts';
import { fuzzyForLength, normalizeKey, processTerm, splitWords } from './normalize.ts';
import { type SectionDocument, sectionDocuments } from './sectionDocuments.ts';
import { Stemmer, stemWord } from './stem.ts';
import { type QueryWord as IndexWord, type SavedTermIndex, TermIndex } from './termIndex.ts';

export interface SectionHit {
  section: SectionDocument;
  score: number;
  /** Index terms that matched, for snippets. */
  terms: string[];
}

export interface SectionSearch {
  hits: SectionHit[];
  /** How many sections matched in all (hits may be fewer). */
  total: number;
  /** `AND` when every word matched in each hit; `OR` when that found nothing and any word was enough. */
  mode: 'AND' | 'OR';
  /** Close queries that would find something, when this one found nothing. */
  suggestions: string[];
}

export interface SectionSearchOptions {
  /** Only this profile's sections. */
  profileId?: string;
  /** Rank this profile's sections first (a team channel's own actor). */
  favourProfileId?: string;
  limit?: number;
}

const FIELDS = ['title', 'text', 'actor', 'relations'] as const;
/**
 * A relationships listing is short, so at full weight a name in it outscored the paragraph that discusses the
 * actor; a question about relationships is recognised and answered by the re-rank (searchSections).
 */
const BOOST = { title: 3, actor: 2, text: 1, relations: 0.3 };
/** A team's own sections outrank other profiles' unless those match far better. */
const FAVOUR_BOOST = 3;
/** Prefix expansion of very short words floods OR queries with postings; it starts at this length. */
const MIN_PREFIX_LENGTH = 4;
const PREFIX = (term: string) => term.length >= MIN_PREFIX_LENGTH;
/** A stem shorter than the word typed is a prefix from this length. */
const MIN_STEM_PREFIX_LENGTH = 6;
export const MAX_SUGGESTIONS = 3;
/** A suggestion may be this share of a word's typed length away from it, in edits. */
const SUGGESTION_FUZZY = 0.25;
const ATTEMPTS: readonly (readonly ['AND' | 'OR', boolean])[] = [
  ['AND', false],
  ['AND', true],
  ['OR', false],
  ['OR', true],
];

/** Splits a field into tokens the way MiniSearch does by default; a field's length counts the distinct ones. */
const tokenize = splitWords;
/** A token's index term: normalised, stop words dropped, stemmed. */
const indexTerm = (token: string): string | null => {
  const key = processTerm(token);
  return key === null ? null : stemWord(key);
};
const FIELD_BOOSTS = FIELDS.map((f) => BOOST[f]);
const termIndexOptions = {
  fields: FIELDS,
  field: (d: SectionDocument, field: string) => d[field as (typeof FIELDS)[number]],
  tokenize,
  processTerm: indexTerm,
};
const idOf = (d: SectionDocument) => d.id;

/**
 * What a snapshot saves of the section index. The documents are made afresh from the corpus: the snapshot's
 * version names the code that makes them (src/runtime/snapshotVersion.ts), so they read as those indexed.
 */
export interface SavedSectionIndex {
  index: SavedTermIndex;
}

export class SectionIndex {
  /** Each profile's documents, as indexed: what an update removes from the index when the profile changes. */
  private byProfile = new Map<string, SectionDocument[]>();
  /** Words are indexed and searched by their stems ("dams" finds "dam", "smuggled" finds "smuggling"). */
  private stemmer = new Stemmer();
  private index = new TermIndex<SectionDocument>(termIndexOptions);

  /** Only `build` fills a new index (`restore` reloads a saved one, `withProfiles` updates one). */
  private constructor() {}

  /**
   * Builds in slices of a few milliseconds, giving other work a turn between them, so a rebuild never holds the
   * event loop for long (splitting 10,000 profiles into sections alone takes a few hundred milliseconds).
   */
  static async build(corpus: Corpus): Promise<SectionIndex> {
    const index = new SectionIndex();
    const slicer = new Slicer();
    await eachInSlices(
      corpus.profiles,
      (p) => {
        for (const d of sectionDocuments(corpus, p)) index.addDocument(d);
      },
      slicer,
    );
    await index.index.settleInSlices(slicer);
    return index;
  }

  /**
   * The index saved by `save`, for the corpus it was built from. Throws when the saved index does not hold
   * exactly the documents this corpus makes (a snapshot of other data).
   */
  static async restore(saved: SavedSectionIndex, corpus: Corpus): Promise<SectionIndex> {
    const index = new SectionIndex();
    const byId = new Map<string, SectionDocument>();
    await eachInSlices(
      corpus.profiles,
      (p) => {
        for (const d of sectionDocuments(corpus, p)) {
          index.trackDocument(d);
          byId.set(d.id, d);
        }
      },
      new Slicer(),
    );
    index.index = TermIndex.restore(termIndexOptions, saved.index, byId);
    return index;
  }

  /** What a snapshot saves: the index's arrays. */
  async save(slicer: Slicer = new Slicer()): Promise<SavedSectionIndex> {
    return { index: await this.index.save(slicer) };
  }

  /** The documents of these profiles as they stand in the index now. */
  documentsOf(profileId: string): readonly SectionDocument[] {
    return this.byProfile.get(profileId) ?? [];
  }

  /**
   * Replaces the documents of the given profiles (none: the profile is gone) in one synchronous step, and returns
   * the updated index. The TermIndex is shared with this one, which must no longer be read: readers take the
   * engine afresh for each request, and the swap happens in the same step, so none sees half an update. The
   * index holds exactly what a full build of the same documents holds, so it scores the same.
   */
  withProfiles(replacements: ReadonlyMap<string, readonly SectionDocument[]>): SectionIndex {
    for (const [profileId, docs] of replacements) {
      const before = this.byProfile.get(profileId) ?? [];
      const unchanged = new Set(
        docs.filter((d) => before.some((b) => b.id === d.id && sameIndexedFields(b, d))).map((d) => d.id),
      );
      for (const old of before) if (!unchanged.has(old.id)) this.index.remove(old.id);
      this.byProfile.delete(profileId);
      for (const d of docs) {
        if (unchanged.has(d.id)) {
          this.trackDocument(d);
          this.index.replace(d.id, d);
        } else this.addDocument(d);
      }
    }
    this.index.settle();
    const next = new SectionIndex();
    next.index = this.index;
    next.byProfile = this.byProfile;
    next.stemmer = this.stemmer;
    return next;
  }

  private trackDocument(d: SectionDocument): void {
    const list = this.byProfile.get(d.profileId);
    if (list) list.push(d);
    else this.byProfile.set(d.profileId, [d]);
  }

  private addDocument(d: SectionDocument): void {
    this.trackDocument(d);
    this.index.add(d.id, d);
  }

  get size(): number {
    return this.index.documentCount;
  }

  section(id: string): SectionDocument | undefined {
    return this.byProfile.get(id.slice(0, id.lastIndexOf(':')))?.find((d) => d.id === id);
  }

  /** The index terms of a text (a query, a section), in order: normalised, stop words dropped, stemmed. */
  queryTerms(text: string): string[] {
    // The re-rank calls this on every shown section's text: only the terms, without queryWords' keys and prefixes.
    const terms: string[] = [];
    for (const word of splitWords(text)) {
      const term = this.stemmer.process(word);
      if (term !== null) terms.push(term);
    }
    return terms;
  }

  private queryWords(text: string): QueryWord[] {
    const words: QueryWord[] = [];
    for (const word of splitWords(text)) {
      const term = this.stemmer.process(word);
      if (term === null) continue;
      // A word the stemmer left as typed may be cut short ("smugg"): it is also a prefix. So is a long stem
      // ("smuggl" finds "smugglers"); a short one would reach unrelated words ("raiges" → raig → raigoun).
      const key = processTerm(word)!;
      const prefix = PREFIX(term) && (term.length >= MIN_STEM_PREFIX_LENGTH || term === key);
      words.push({ key, length: word.length, term, prefix });
    }
    return words;
  }

  search(query: string, options: SectionSearchOptions = {}): SectionSearch {
    const limit = options.limit ?? 10;
    const only = options.profileId;
    const filter = only ? (d: SectionDocument) => d.profileId === only : undefined;
    const favour = options.favourProfileId;
    const boostDocument = favour
      ? (d: SectionDocument) => (d.profileId === favour ? FAVOUR_BOOST : 1)
      : undefined;
    // Every word first, then any word; each without fuzzy matching first. Fuzzy expansion of long words is most of
    // a search's cost, and a query whose words occur needs none of it; a misspelling still finds its word.
    // Fuzziness follows the length of the word as typed: a stem is shorter than the word it came from. Only a word
    // no section holds is taken for a misspelling: one that occurs is what was meant, and expanding it is a scan of
    // the whole dictionary (two words that occur but never together go straight to any word).
    let mode: 'AND' | 'OR' = 'AND';
    let results: { doc: SectionDocument; score: number; terms: string[] }[] = [];
    let total = 0;
    const words = this.queryWords(query);
    const fuzziness = words.map((w) => (this.index.has(w.term) ? 0 : fuzzyForLength(w.length) || 0));
    const anyFuzzy = fuzziness.some((f) => f > 0);
    for (const [combineWith, fuzzy] of words.length > 0 ? ATTEMPTS : []) {
      if (fuzzy && !anyFuzzy) continue;
      mode = combineWith;
      const indexWords: IndexWord[] = words.map((w, i) => ({
        term: w.term,
        prefix: w.prefix,
        fuzzy: fuzzy ? fuzziness[i]! : 0,
      }));
      if (combineWith === 'AND' && !fuzzy) {
        // The usual search, and the one common words make slow: scored only over the sections holding every word.
        const found = andSearch(this.index, indexWords, {
          boost: FIELD_BOOSTS,
          boostDocument,
          filter,
          idOf,
          limit,
        });
        results = found.hits;
        total = found.total;
      } else {
        const found = this.index.search(indexWords, {
          combineWith,
          boost: FIELD_BOOSTS,
          boostDocument,
          filter,
        });
        results = found.sort((a, b) => compareHits(a.score, a.doc.id, b.score, b.doc.id));
        total = found.length;
      }
      if (total > 0) break;
    }
    const hits = results.slice(0, limit).map((r) => ({ section: r.doc, score: r.score, terms: r.terms }));
    const suggestions = total === 0 ? this.suggest(words, query, filter) : [];
    return { hits, total, mode, suggestions };
  }

  /**
   * Every word required, scored the way a plain BM25 search scores: every posting of every word, then the
   * intersection. What `search` would cost without its AND search; the bench's baseline for it.
   */
  searchScoringAll(query: string): number {
    const words = this.queryWords(query).map((w) => ({ term: w.term, prefix: w.prefix, fuzzy: 0 }));
    return this.index.search(words, { combineWith: 'AND', boost: FIELD_BOOSTS }).length;
  }

  /** Close queries that find something: every word within a quarter of its typed length in edits, shown as words. */
  private suggest(words: QueryWord[], query: string, filter?: (d: SectionDocument) => boolean): string[] {
    if (words.length === 0) return [];
    const indexWords: IndexWord[] = words.map((w, i) => ({
      term: w.term,
      fuzzy: Math.round(w.length * SUGGESTION_FUZZY),
      prefix: i === words.length - 1,
    }));
    // One suggestion per sequence of index terms, shown in the words of the best section that holds it.
    const phrases = new Map<string, { phrase: string; score: number }>();
    const found = this.index
      .search(indexWords, { combineWith: 'AND', boost: FIELD_BOOSTS, filter })
      .sort((a, b) => compareHits(a.score, a.doc.id, b.score, b.doc.id));
    for (const r of found) {
      const key = r.terms.join(' ');
      if (phrases.has(key)) continue;
      const surfaces = surfacesOf(r.doc, new Set(r.terms));
      phrases.set(key, { phrase: r.terms.map((t) => surfaces.get(t) ?? t).join(' '), score: r.score });
    }
    const typed = normalizeKey(query);
    return [...phrases.values()]
      .map(({ phrase }) => phrase)
      .filter((phrase) => phrase !== typed)
      .slice(0, MAX_SUGGESTIONS);
  }
}

/** For each of these index terms, the first word of the document (normalised) that becomes it. */
function surfacesOf(d: SectionDocument, terms: ReadonlySet<string>): Map<string, string> {
  const surfaces = new Map<string, string>();
  for (const field of FIELDS) {
    for (const token of tokenize(d[field])) {
      const key = processTerm(token);
      if (key === null) continue;
      const term = stemWord(key);
      if (terms.has(term) && !surfaces.has(term)) surfaces.set(term, key);
    }
    if (surfaces.size === terms.size) break;
  }
  return surfaces;
}

/** Whether the index would hold the two documents the same way. */
export function sameIndexedFields(a: SectionDocument, b: SectionDocument): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

interface QueryWord {
  /** The word normalised, before stemming. */
  key: string;
  /** Length of the word as typed. */
  length: number;
  term: string;
  prefix: boolean;
}
