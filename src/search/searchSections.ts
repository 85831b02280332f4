// What /search answers: the section index's best hits, re-ranked with what the query is about (the actors it
// names, a question about relationships) and where its words stand in each section.
import type { Engine } from '../engine.ts';
import { readQueryIntent } from './queryIntent.ts';
import { rerank } from './rerank.ts';
import type { SectionSearch, SectionSearchOptions } from './sectionIndex.ts';

/** How many of the index's best hits are re-ranked: enough to reach a right answer BM25 put a little low. */
export const RERANK_DEPTH = 20;
const DEFAULT_LIMIT = 10;

export function searchSections(
  engine: Pick<Engine, 'corpus' | 'names' | 'sections'>,
  query: string,
  options: SectionSearchOptions = {},
): SectionSearch {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const found = engine.sections.search(query, { ...options, limit: Math.max(limit, RERANK_DEPTH) });
  const intent = readQueryIntent(query, engine);
  const hits = rerank({
    hits: found.hits,
    terms: engine.sections.queryTerms(query),
    intent,
    names: engine.names,
    termsOf: (text) => engine.sections.queryTerms(text),
    section: (id) => engine.sections.section(id),
    profileId: options.profileId,
  });
  const added = hits.length - found.hits.length;
  return { ...found, hits: hits.slice(0, limit), total: found.total + added };
}
