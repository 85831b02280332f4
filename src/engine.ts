// Everything a request needs, built from one Corpus: the actor index, the section index and the relations graph.
// Immutable once built; a reload builds a new Engine and swaps it in whole.
import type { Corpus } from './profiles/corpus.ts';
import type { Profile } from './profiles/schema.ts';
import { RelationsGraph } from './relations/graph.ts';
import { ActorIndex } from './search/actorIndex.ts';
import { ActorNames } from './search/findActorsInText.ts';
import type { SectionDocument } from './search/sectionDocuments.ts';
import { changedActorCodes, documentActorsChanged, sectionDocuments } from './search/sectionDocuments.ts';
import { SectionIndex, sameIndexedFields } from './search/sectionIndex.ts';
import { Slicer } from './slices.ts';

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

/**
 * Most section documents an update re-indexes in place, in one synchronous step. Each costs MiniSearch about half
 * a millisecond to remove or add, so the step stays well inside the 50 ms a bot may hold its event loop; a larger
 * change rebuilds the whole engine in slices beside the old one.
 */
export const MAX_IN_PLACE_SECTIONS = 80;

export interface EngineUpdate {
  /** `update`: only changed sections were re-indexed; `rebuild`: everything was built anew. */
  mode: 'update' | 'rebuild';
  /** Section documents removed from or added to the index. */
  sectionsReindexed: number;
}

/**
 * The engine for `corpus`, made from `previous` by re-indexing only the sections that read differently: those of
 * added, removed and changed profiles, and of profiles whose subject or listed actors changed. The actor index,
 * names and graph are rebuilt only when what they are built from changed. `commit` receives the new engine in the
 * same synchronous step that updates the section index in place, which `previous` shares: whoever serves
 * requests must swap to it there, so no request ever sees a half-updated engine.
 */
export async function updateEngine(
  previous: Pick<Engine, 'corpus' | 'sections'> & Partial<Pick<Engine, 'actors' | 'names' | 'graph'>>,
  corpus: Corpus,
  commit: (engine: Engine) => void,
  /** No one reads yet (a start from a snapshot): any number of sections may be re-indexed in place. */
  maxInPlace = MAX_IN_PLACE_SECTIONS,
): Promise<EngineUpdate> {
  const before = previous.corpus;
  const changedCodes = changedActorCodes(before, corpus);
  const replacements = new Map<string, SectionDocument[]>();
  let reindexed = 0;
  const count = (was: readonly SectionDocument[], now: readonly SectionDocument[]) => {
    for (const d of now) if (!was.some((w) => w.id === d.id && sameIndexedFields(w, d))) reindexed++;
    for (const w of was) if (!now.some((d) => d.id === w.id && sameIndexedFields(w, d))) reindexed++;
  };
  for (const profile of corpus.profiles) {
    const earlier = before.profileById.get(profile.id);
    if (earlier === profile && !documentActorsChanged(before, corpus, profile, changedCodes)) continue;
    const docs = sectionDocuments(corpus, profile);
    count(previous.sections.documentsOf(profile.id), docs);
    replacements.set(profile.id, docs);
    if (reindexed > maxInPlace) break;
  }
  for (const profile of before.profiles) {
    if (corpus.profileById.has(profile.id)) continue;
    count(previous.sections.documentsOf(profile.id), []);
    replacements.set(profile.id, []);
  }
  if (reindexed > maxInPlace) {
    const engine = await buildEngine(corpus);
    commit(engine);
    return { mode: 'rebuild', sectionsReindexed: engine.sections.size };
  }
  // Comparing ten thousand profiles takes a few tens of milliseconds: other work gets a turn before the swap.
  await new Slicer(0).pause();
  // A change to what profiles say leaves the actors and the relationships as they were: their indexes are reused.
  const sameActors = actorsReadAlike(before, corpus);
  const sameGraph = sameActors && relationsReadAlike(before, corpus);
  const actors =
    sameActors && previous.actors ? previous.actors.rebase(corpus) : await ActorIndex.build(corpus);
  const names = sameActors && previous.names ? previous.names.rebase(corpus) : await ActorNames.build(corpus);
  const graph =
    sameGraph && previous.graph ? previous.graph.rebase(corpus) : await RelationsGraph.build(corpus);
  const sections = replacements.size > 0 ? previous.sections.withProfiles(replacements) : previous.sections;
  commit({ corpus, actors, names, sections, graph });
  return { mode: 'update', sectionsReindexed: reindexed };
}

/** Whether what the actor index and the names are built from reads alike: every actor, and its profile's title. */
function actorsReadAlike(a: Corpus, b: Corpus): boolean {
  if (a.actors.length !== b.actors.length) return false;
  const title = (c: Corpus, id: string | undefined) => (id ? c.profileById.get(id)?.name : undefined);
  return a.actors.every((x, i) => {
    const y = b.actors[i]!;
    return x === y || (shallowEqual(x, y) && title(a, x.profileId) === title(b, y.profileId));
  });
}

/** Whether what the relations graph is built from reads alike, besides the actors: categories, who lists whom. */
function relationsReadAlike(a: Corpus, b: Corpus): boolean {
  if (a.profiles.length !== b.profiles.length) return false;
  if (JSON.stringify(a.categories) !== JSON.stringify(b.categories)) return false;
  const listing = (p: Profile) =>
    JSON.stringify((p.relationships?.categories ?? []).map((c) => [c.name, c.codes.map((x) => x.code)]));
  return a.profiles.every((x, i) => {
    const y = b.profiles[i]!;
    return x === y || (x.id === y.id && listing(x) === listing(y));
  });
}

/** Same own keys, with equal values: primitives, or arrays of primitives. */
function shallowEqual(x: object, y: object): boolean {
  const [a, b] = [x as Record<string, unknown>, y as Record<string, unknown>];
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const [u, v] = [a[k], b[k]];
    if (Array.isArray(u) && Array.isArray(v)) return u.length === v.length && u.every((e, i) => e === v[i]);
    return u === v;
  });
}
