// The section index as Dossier built it before TermIndex: one MiniSearch over the same section documents, with
// the same fields, boosts and stemmed terms. Its build time, heap and AND searches are the baseline printed
// beside Dossier's own figures in the same run.
import MiniSearch from 'minisearch';
import type { Corpus } from '../src/profiles/corpus.ts';
import { processTerm } from '../src/search/normalize.ts';
import { type SectionDocument, sectionDocuments } from '../src/search/sectionDocuments.ts';
import { stemWord } from '../src/search/stem.ts';
import type { Iterations } from './options.ts';
import { measure, type Summary, settledHeap, timeOnce } from './stats.ts';

export interface MiniSearchBaseline {
  buildMs: number;
  heapBytes: number;
  /** Every word required, no fuzzy matching, prefixes from 4 letters: the usual search. */
  search: Map<string, Summary>;
}

const FIELDS = ['title', 'text', 'actor', 'relations'];
const BOOST = { title: 3, actor: 2, text: 1, relations: 0.3 };

export async function benchMiniSearchBaseline(
  corpus: Corpus,
  queries: readonly string[],
  it: Iterations,
): Promise<MiniSearchBaseline> {
  const before = settledHeap();
  const { value: mini, ms: buildMs } = await timeOnce(async () => {
    const mini = new MiniSearch<SectionDocument>({
      fields: FIELDS,
      storeFields: ['profileId'],
      processTerm: (token) => {
        const key = processTerm(token);
        return key === null ? null : stemWord(key);
      },
      searchOptions: { boost: BOOST, prefix: (term) => term.length >= 4 },
    });
    for (const p of corpus.profiles) mini.addAll(sectionDocuments(corpus, p));
    return mini;
  });
  const heapBytes = settledHeap() - before;
  const search = new Map(
    queries.map((q) => [q, measure(() => mini.search(q, { combineWith: 'AND' }).slice(0, 10), it.search)]),
  );
  return { buildMs, heapBytes, search };
}
