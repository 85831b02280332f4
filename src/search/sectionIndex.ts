// Full-text search over every section of every profile, with MiniSearch. The index stores only ids: section
// text stays in the documents, which snippets are cut from.
import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { Corpus } from '../profiles/corpus.ts';
import { eachInSlices, Slicer } from '../slices.ts';
import { andSearch, compareHits } from './andSearch.ts';
import { fuzzyForLength, fuzzyForTerm, normalizeKey, processTerm, WORD_SPLIT } from './normalize.ts';
import { type SectionDocument, sectionDocuments } from './sectionDocuments.ts';
import { Stemmer } from './stem.ts';

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

type Doc = Pick<SectionDocument, 'id' | 'profileId' | (typeof FIELDS)[number]>;

/** The same options for a new index and for one loaded from a snapshot, as MiniSearch requires. */
const miniSearchOptions = (stemmer: Stemmer): Options<Doc> => ({
  fields: [...FIELDS],
  storeFields: ['profileId'],
  processTerm: stemmer.process,
  searchOptions: {
    boost: BOOST,
    prefix: PREFIX,
    fuzzy: fuzzyForTerm,
  },
});

export class SectionIndex {
  private docs = new Map<string, SectionDocument>();
  /** Each profile's documents, as indexed: what an update removes from MiniSearch when the profile changes. */
  private byProfile = new Map<string, SectionDocument[]>();
  /** Words are indexed and searched by their stems ("dams" finds "dam", "smuggled" finds "smuggling"). */
  private stemmer = new Stemmer();
  private mini = new MiniSearch<Doc>(miniSearchOptions(this.stemmer));

  /** Only `build` fills a new index (`restore` reloads a saved one, `withProfiles` updates one). */
  private constructor() {}

  /**
   * Builds in slices of a few milliseconds, giving other work a turn between them, so a rebuild never holds the
   * event loop for long (splitting 10,000 profiles into sections alone takes a few hundred milliseconds).
   */
  static async build(corpus: Corpus): Promise<SectionIndex> {
    const index = new SectionIndex();
    const slicer = new Slicer();
    const docs: SectionDocument[] = [];
    await eachInSlices(corpus.profiles, (p) => docs.push(...sectionDocuments(corpus, p)), slicer);
    await eachInSlices(docs, (d) => index.addDocument(d), slicer);
    index.settle();
    return index;
  }

  /**
   * The index saved by `snapshot`, for the corpus it was built from. Throws when the saved index does not hold
   * exactly the documents this corpus makes (a snapshot of other data, or from a Dossier that made them otherwise).
   */
  static async restore(saved: AsPlainObject, digest: string, corpus: Corpus): Promise<SectionIndex> {
    const index = new SectionIndex();
    const slicer = new Slicer();
    await eachInSlices(
      corpus.profiles,
      (p) => {
        for (const d of sectionDocuments(corpus, p)) index.trackDocument(d);
      },
      slicer,
    );
    if (index.documentsDigest() !== digest)
      throw new Error('the saved index was built from other documents than this data makes');
    index.mini = await MiniSearch.loadJSAsync<Doc>(saved, miniSearchOptions(index.stemmer));
    if (
      index.mini.documentCount !== index.docs.size ||
      [...index.docs.keys()].some((id) => !index.mini.has(id))
    )
      throw new Error('the saved index does not hold the documents it lists');
    index.settle();
    return index;
  }

  /** What a snapshot saves: the MiniSearch index and the digest of the documents it holds. */
  snapshot(): { mini: MiniSearch<Doc>; documents: string } {
    return { mini: this.mini, documents: this.documentsDigest() };
  }

  /** SHA-1 over every document's id and indexed fields, in id order: equal digests, equal indexed documents. */
  private documentsDigest(): string {
    const hash = createHash('sha1');
    for (const id of [...this.docs.keys()].sort()) {
      const d = this.docs.get(id)!;
      hash.update(`${id}\u0000${FIELDS.map((f) => d[f]).join('\u0000')}\u0001`);
    }
    return hash.digest('hex');
  }

  /** The documents of these profiles as they stand in the index now. */
  documentsOf(profileId: string): readonly SectionDocument[] {
    return this.byProfile.get(profileId) ?? [];
  }

  /**
   * Replaces the documents of the given profiles (none: the profile is gone) in one synchronous step, and returns
   * the updated index. The MiniSearch index is shared with this one, which must no longer be read: readers take
   * the engine afresh for each request, and the swap happens in the same step, so none sees half an update.
   * Documents are removed with their indexed text (not discarded), so the index is exactly what a full build of
   * the same documents gives and needs no vacuuming.
   */
  withProfiles(replacements: ReadonlyMap<string, readonly SectionDocument[]>): SectionIndex {
    for (const [profileId, docs] of replacements) {
      const before = this.byProfile.get(profileId) ?? [];
      const unchanged = new Set(
        docs.filter((d) => before.some((b) => b.id === d.id && sameIndexedFields(b, d))).map((d) => d.id),
      );
      for (const old of before) {
        if (unchanged.has(old.id)) continue;
        this.mini.remove(toIndexed(old));
        this.docs.delete(old.id);
      }
      this.byProfile.delete(profileId);
      for (const d of docs) {
        if (unchanged.has(d.id)) this.trackDocument(d);
        else this.addDocument(d);
      }
    }
    this.settle();
    const next = new SectionIndex();
    next.mini = this.mini;
    next.docs = this.docs;
    next.byProfile = this.byProfile;
    next.stemmer = this.stemmer;
    return next;
  }

  private trackDocument(d: SectionDocument): void {
    this.docs.set(d.id, d);
    const list = this.byProfile.get(d.profileId);
    if (list) list.push(d);
    else this.byProfile.set(d.profileId, [d]);
  }

  private addDocument(d: SectionDocument): void {
    this.trackDocument(d);
    this.mini.add(toIndexed(d));
  }

  /**
   * MiniSearch keeps each field's average length as a running mean, whose last digits depend on the order
   * documents came and went. Recomputed from the lengths themselves (sums of whole numbers, exact), it is the
   * same however the index got here, and so are the scores.
   */
  private settle(): void {
    const internals = this.mini as unknown as {
      _fieldLength: Map<number, number[]>;
      _avgFieldLength: number[];
    };
    const sums = FIELDS.map(() => 0);
    for (const lengths of internals._fieldLength.values())
      for (let f = 0; f < sums.length; f++) sums[f]! += lengths[f] ?? 0;
    const count = internals._fieldLength.size;
    internals._avgFieldLength = sums.map((sum) => (count > 0 ? sum / count : 0));
  }

  get size(): number {
    return this.docs.size;
  }

  section(id: string): SectionDocument | undefined {
    return this.docs.get(id);
  }

  /** The index terms of a text (a query, a section), in order: normalised, stop words dropped, stemmed. */
  queryTerms(text: string): string[] {
    return this.queryWords(text).map((w) => w.term);
  }

  private queryWords(text: string): QueryWord[] {
    const words: QueryWord[] = [];
    for (const word of text.split(WORD_SPLIT)) {
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
    const filter = options.profileId ? (r: SearchResult) => r.profileId === options.profileId : undefined;
    const favour = options.favourProfileId;
    const boostDocument = favour
      ? (_id: unknown, _term: string, stored?: Record<string, unknown>) =>
          stored?.profileId === favour ? FAVOUR_BOOST : 1
      : undefined;
    // Every word first, then any word; each without fuzzy matching first. Fuzzy expansion of long words is most of
    // a search's cost, and a query whose words occur needs none of it; a misspelling still finds its word.
    // Fuzziness follows the length of the word as typed: a stem is shorter than the word it came from.
    let mode: 'AND' | 'OR' = 'AND';
    let results: { id: string; score: number; terms: string[] }[] = [];
    let total = 0;
    const words = this.queryWords(query);
    const prefixed = new Set(words.filter((w) => w.prefix).map((w) => w.term));
    for (const [combineWith, fuzzy] of words.length > 0 ? ATTEMPTS : []) {
      mode = combineWith;
      // Every word without fuzzy matching is the usual search, and the one common words make slow: it is scored
      // only over the sections that hold every word, with the same scores MiniSearch would give.
      const fast =
        combineWith === 'AND' && !fuzzy
          ? andSearch(
              this.mini,
              words.map((w) => w.key),
              {
                boost: BOOST,
                prefix: (term) => prefixed.has(term),
                boostDocument: favour
                  ? (stored) => (stored?.profileId === favour ? FAVOUR_BOOST : 1)
                  : undefined,
                filter: options.profileId ? (stored) => stored?.profileId === options.profileId : undefined,
                limit,
              },
            )
          : null;
      if (fast) {
        results = fast.hits;
        total = fast.total;
      } else {
        const queries = words.map((w) => ({
          queries: [w.term],
          prefix: w.prefix,
          fuzzy: fuzzy && fuzzyForLength(w.length),
        }));
        const found = this.mini.search(
          { combineWith, queries },
          { filter, boostDocument, processTerm: asIs },
        );
        results = found.sort((a, b) => compareHits(a.score, String(a.id), b.score, String(b.id)));
        total = found.length;
      }
      if (total > 0) break;
    }
    const hits = results
      .slice(0, limit)
      .map((r) => ({ section: this.docs.get(r.id)!, score: r.score, terms: r.terms }));
    const suggestions = total === 0 ? this.suggest(words, query, filter) : [];
    return { hits, total, mode, suggestions };
  }

  /** Close queries that find something: every word within a quarter of its typed length in edits, shown as words. */
  private suggest(words: QueryWord[], query: string, filter?: (r: SearchResult) => boolean): string[] {
    if (words.length === 0) return [];
    const queries = words.map((w, i) => ({
      queries: [w.term],
      fuzzy: Math.round(w.length * SUGGESTION_FUZZY),
      prefix: i === words.length - 1,
    }));
    const phrases = new Map<string, number>();
    for (const r of this.mini.search({ combineWith: 'AND', queries }, { filter, processTerm: asIs })) {
      // An index restored from a snapshot has not seen the words behind its stems: the section shows them.
      if (!r.terms.every((t) => this.stemmer.knows(t))) {
        const d = this.docs.get(r.id as string);
        if (d) this.queryWords(`${d.title} ${d.text} ${d.actor} ${d.relations}`);
      }
      const phrase = r.terms.map((t) => this.stemmer.surface(t)).join(' ');
      phrases.set(phrase, Math.max(phrases.get(phrase) ?? 0, r.score));
    }
    const typed = normalizeKey(query);
    return [...phrases]
      .sort((a, b) => b[1] - a[1])
      .map(([phrase]) => phrase)
      .filter((phrase) => phrase !== typed)
      .slice(0, MAX_SUGGESTIONS);
  }
}

function toIndexed(d: SectionDocument): Doc {
  return {
    id: d.id,
    profileId: d.profileId,
    title: d.title,
    text: d.text,
    actor: d.actor,
    relations: d.relations,
  };
}

/** Whether MiniSearch would index the two documents the same way. */
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

/** Query words are already index terms. */
const asIs = (term: string) => term;
