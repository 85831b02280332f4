// Everything a request needs, built from one Corpus: the actor index, the section index and the relations graph.
// Immutable once built; a reload builds a new Engine and swaps it in whole.
import type { Corpus } from './profiles/corpus.ts';
import { RelationsGraph } from './relations/graph.ts';
import { ActorIndex } from './search/actorIndex.ts';
import { ActorNames } from './search/findActorsInText.ts';
import { SectionIndex } from './search/sectionIndex.ts';

export interface Engine {
  corpus: Corpus;
  actors: ActorIndex;
  names: ActorNames;
  sections: SectionIndex;
  graph: RelationsGraph;
}

/**
 * Builds without holding the event loop for long: every part is built a slice of a few milliseconds at a time,
 * so a bot keeps answering while a reload of thousands of profiles runs.
 */
export async function buildEngine(corpus: Corpus): Promise<Engine> {
  const sections = await SectionIndex.build(corpus);
  const actors = await ActorIndex.build(corpus);
  const names = await ActorNames.build(corpus);
  const graph = await RelationsGraph.build(corpus);
  return { corpus, actors, names, sections, graph };
}

export function buildEngineSync(corpus: Corpus): Engine {
  return {
    corpus,
    actors: new ActorIndex(corpus),
    names: new ActorNames(corpus),
    sections: SectionIndex.buildSync(corpus),
    graph: new RelationsGraph(corpus),
  };
}
