// Dossier's own figures for one corpus: build time and heap of the engine, then p50/p99 of autocomplete,
// actor resolution, full-text search and rendering a profile page.
import { buildEngine, type Engine } from '../src/engine.ts';
import type { Corpus } from '../src/profiles/corpus.ts';
import { AUTOCOMPLETE_CHOICES_MAX } from '../src/render/limits.ts';
import { profileMessage, profileView } from '../src/render/profileMessage.ts';
import { resolveActor } from '../src/search/resolveActor.ts';
import { searchSections } from '../src/search/searchSections.ts';
import { type Probes, SPECIAL } from './corpus.ts';
import { StallMonitor, type StallReport } from './eventLoop.ts';
import { benchMiniSearchBaseline, type MiniSearchBaseline } from './miniSearchBaseline.ts';
import type { Iterations } from './options.ts';
import { measure, type Summary, settledHeap, timeOnce } from './stats.ts';

export interface Operation {
  /** Row label, e.g. `autocomplete "taj"`. */
  label: string;
  /** `index`: the section index's own search, without the re-rank that /search adds. */
  kind: 'autocomplete' | 'resolve' | 'search' | 'index' | 'render';
  /** The query, for subjects that answer the same question (Fuse.js). */
  query?: string;
  dossier: Summary;
}

export interface EngineFigures {
  engine: Engine;
  buildMs: number;
  heapBytes: number;
  /** The event loop while buildEngine ran (its 1 ms probe costs the build well under 1%). */
  stall: StallReport;
  operations: Operation[];
  /** The section index as one MiniSearch, measured in the same run (absent when not asked for). */
  baseline?: MiniSearchBaseline;
}

export async function benchEngine(
  corpus: Corpus,
  probes: Probes,
  it: Iterations,
  withBaseline = false,
): Promise<EngineFigures> {
  const before = settledHeap();
  const monitor = new StallMonitor('buildEngine').start();
  const { value: engine, ms: buildMs } = await timeOnce(() => buildEngine(corpus));
  monitor.mark('after');
  const stall = await monitor.stop();
  const heapBytes = settledHeap() - before;

  const operations: Operation[] = [];
  const autocomplete = (query: string) =>
    operations.push({
      label: `autocomplete "${query}"`,
      kind: 'autocomplete',
      query,
      dossier: measure(() => engine.actors.match(query, AUTOCOMPLETE_CHOICES_MAX), it.lookup),
    });
  autocomplete(probes.prefix);
  autocomplete(probes.oneLetter);
  autocomplete(probes.misspelling);

  for (const query of [SPECIAL.tajikar.code, probes.misspelling]) {
    operations.push({
      label: `resolve "${query}"`,
      kind: 'resolve',
      dossier: measure(() => resolveActor(engine.actors, query), it.lookup),
    });
  }

  for (const [what, query] of [
    ['common', probes.commonQuery],
    ['rare', probes.rareQuery],
  ] as const) {
    operations.push({
      label: `search ${what} "${query}"`,
      kind: 'search',
      query,
      dossier: measure(() => searchSections(engine, query), it.search),
    });
  }

  // The same rare words, the section index alone: what one MiniSearch (the baseline) does.
  operations.push({
    label: `index search rare "${probes.rareQuery}"`,
    kind: 'index',
    query: probes.rareQuery,
    dossier: measure(() => engine.sections.search(probes.rareQuery), it.search),
  });

  // Different profiles in turn, so the figure is not one page's cached shape.
  const profiles = corpus.profiles.slice(0, 200);
  operations.push({
    label: 'render profile page',
    kind: 'render',
    dossier: measure((i) => {
      const profile = profiles[i % profiles.length]!;
      return profileMessage(profileView(corpus, profile), { loadedAt: corpus.loadedAt });
    }, it.render),
  });

  const baseline = withBaseline
    ? await benchMiniSearchBaseline(corpus, [probes.commonQuery, probes.rareQuery], it)
    : undefined;
  return { engine, buildMs, heapBytes, stall, operations, baseline };
}
