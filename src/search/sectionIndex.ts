// Full-text search over every section of every profile, with MiniSearch. The index stores only ids: section
// text stays in the documents, which snippets are cut from.
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Corpus } from '../profiles/corpus.ts';
import { eachInSlices, Slicer } from '../slices.ts';
import { fuzzyForTerm, processTerm, WORD_SPLIT } from './normalize.ts';
import { type SectionDocument, sectionDocuments } from './sectionDocuments.ts';

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
const BOOST = { title: 3, actor: 2, text: 1, relations: 1 };
/** A team's own sections outrank other profiles' unless those match far better. */
const FAVOUR_BOOST = 3;
/** Prefix expansion of very short words floods OR queries with postings; it starts at this length. */
const MIN_PREFIX_LENGTH = 4;
export const MAX_SUGGESTIONS = 3;
const ATTEMPTS: readonly (readonly ['AND' | 'OR', boolean])[] = [
  ['AND', false],
  ['AND', true],
  ['OR', false],
  ['OR', true],
];

/** The query's index terms (normalised, stop words dropped), as MiniSearch would make them. */
function queryWords(query: string): string[] {
  return query
    .split(WORD_SPLIT)
    .map(processTerm)
    .filter((t): t is string => t !== null);
}

/** `dams` → dams OR dam; `press` and short words stay as they are. */
function withSingular(word: string): Query {
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return word;
  return { combineWith: 'OR', queries: [word, word.slice(0, -1)] };
}

type Doc = Pick<SectionDocument, 'id' | 'profileId' | (typeof FIELDS)[number]>;

export class SectionIndex {
  private readonly docs = new Map<string, SectionDocument>();
  private readonly mini = new MiniSearch<Doc>({
    fields: [...FIELDS],
    storeFields: ['profileId'],
    processTerm,
    searchOptions: {
      boost: BOOST,
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
      fuzzy: fuzzyForTerm,
    },
  });

  /**
   * Builds in slices of a few milliseconds, giving other work a turn between them, so a rebuild never holds the
   * event loop for long (splitting 10,000 profiles into sections alone takes a few hundred milliseconds).
   */
  static async build(corpus: Corpus): Promise<SectionIndex> {
    const index = new SectionIndex();
    const slicer = new Slicer();
    const docs: SectionDocument[] = [];
    await eachInSlices(corpus.profiles, (p) => docs.push(...sectionDocuments(corpus, p)), slicer);
    await eachInSlices(
      docs,
      (d) => {
        index.docs.set(d.id, d);
        index.mini.add(toIndexed(d));
      },
      slicer,
    );
    return index;
  }

  static buildSync(corpus: Corpus): SectionIndex {
    const index = new SectionIndex();
    const docs = corpus.profiles.flatMap((p) => sectionDocuments(corpus, p));
    for (const d of docs) index.docs.set(d.id, d);
    index.mini.addAll(docs.map(toIndexed));
    return index;
  }

  get size(): number {
    return this.docs.size;
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
    // a search's cost, and a query whose words occur needs none of it; a misspelling still finds its word. A plural
    // also looks for its singular ("dams" finds a page that says "dam"): prefix search covers the other way round.
    let mode: 'AND' | 'OR' = 'AND';
    let results: SearchResult[] = [];
    const words = queryWords(query);
    for (const [combineWith, fuzzy] of words.length > 0 ? ATTEMPTS : []) {
      const expression = { combineWith, queries: words.map(withSingular) };
      results = this.mini.search(expression, { filter, boostDocument, ...(fuzzy ? {} : { fuzzy: false }) });
      mode = combineWith;
      if (results.length > 0) break;
    }
    const hits = results
      .slice(0, limit)
      .map((r) => ({ section: this.docs.get(r.id as string)!, score: r.score, terms: r.terms }));
    const suggestions =
      results.length === 0
        ? this.mini
            .autoSuggest(query, { fuzzy: 0.25, filter, combineWith: 'AND' })
            .map((s) => s.suggestion)
            .filter((s) => s !== query.trim().toLowerCase())
            .slice(0, MAX_SUGGESTIONS)
        : [];
    return { hits, total: results.length, mode, suggestions };
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
