// The same autocomplete and search questions answered by Fuse.js over the same corpus (actors for
// autocomplete, the engine's section documents for search): the baseline Dossier's index is measured against.
import Fuse from 'fuse.js';
import type { Corpus } from '../src/profiles/corpus.ts';
import { AUTOCOMPLETE_CHOICES_MAX } from '../src/render/limits.ts';
import { sectionDocuments } from '../src/search/sectionDocuments.ts';
import type { Operation } from './engine.ts';
import type { Iterations } from './options.ts';
import { measure, type Summary, settledHeap, timeOnce } from './stats.ts';

export interface FuseFigures {
  buildMs: number;
  heapBytes: number;
  /** By operation label; only autocomplete and search have a Fuse.js counterpart. */
  byLabel: Map<string, Summary>;
}

/** `search: false` leaves full-text search out: a --quick run cannot spend seconds per query. */
export async function benchFuse(
  corpus: Corpus,
  operations: Operation[],
  it: Iterations,
  search = true,
): Promise<FuseFigures> {
  const sections = corpus.profiles.flatMap((p) => sectionDocuments(corpus, p));
  const before = settledHeap();
  const { value: indexes, ms: buildMs } = await timeOnce(() => ({
    actors: new Fuse(corpus.actors, { keys: ['code', 'name', 'aliases'] }),
    // Without ignoreLocation Fuse.js only looks near the start of each text, which is no full-text search.
    sections: new Fuse(sections, { keys: ['title', 'text', 'actor', 'relations'], ignoreLocation: true }),
  }));
  const heapBytes = settledHeap() - before;

  const byLabel = new Map<string, Summary>();
  for (const op of operations) {
    if (op.query === undefined) continue;
    const query = op.query;
    if (op.kind === 'autocomplete') {
      byLabel.set(
        op.label,
        measure(() => indexes.actors.search(query, { limit: AUTOCOMPLETE_CHOICES_MAX }), {
          ...it.fuseLookup,
          warmup: 3,
        }),
      );
    } else if (op.kind === 'search' && search) {
      // Tens of seconds per query at 10,000 profiles: there one sample is all that fits, and the code is
      // already warm from the smaller sizes.
      const warmup = sections.length <= 10_000 ? 1 : 0;
      byLabel.set(
        op.label,
        measure(() => indexes.sections.search(query, { limit: 10 }), {
          ...it.fuseSearch,
          warmup,
          minSamples: 1,
        }),
      );
    }
  }
  return { buildMs, heapBytes, byLabel };
}
