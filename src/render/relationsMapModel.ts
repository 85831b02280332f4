// Turns a relations graph query into the model the map picture is drawn from: who is shown, which categories, which arrows.
import type { Engine } from '../engine.ts';
import { type CorpusActor, categoryInfo } from '../profiles/corpus.ts';
import type { Category } from '../profiles/directory.ts';
import type { RelationsBetween, RelationsOf, RelationsToward } from '../relations/graph.ts';
import type { MapActor, MapCategory, MapEdge, RelationsMapModel } from './relationsMap/index.ts';

export type RelationsQuery =
  | { kind: 'of'; result: RelationsOf }
  | { kind: 'toward'; result: RelationsToward }
  | { kind: 'between'; result: RelationsBetween };

export function relationsMapModel(engine: Engine, query: RelationsQuery): RelationsMapModel {
  const { corpus } = engine;
  const actors = new Map<string, MapActor>();
  const addActor = (code: string, actor: CorpusActor | undefined) => {
    if (!actors.has(code)) actors.set(code, mapActor(code, actor));
  };
  const categories = new Map<string, MapCategory>();
  const addCategory = (name: string, info: Category = categoryInfo(corpus, name)) => {
    if (!categories.has(name)) categories.set(name, mapCategory(name, info));
  };
  const edges: MapEdge[] = [];
  /** What every kind of map holds besides its subjects, once the query's listings are added. */
  const drawn = () => ({ actors: [...actors.values()], categories: ordered(engine, categories), edges });

  if (query.kind === 'of') {
    const { result } = query;
    for (const c of result.categories) {
      addCategory(c.name, c.info);
      for (const a of c.actors) {
        addActor(a.code, a.actor);
        edges.push({ from: result.subject.code, to: a.code, category: c.name });
      }
    }
    return { kind: 'of', center: mapActor(result.subject.code, result.subject), ...drawn() };
  }
  if (query.kind === 'toward') {
    const { result } = query;
    for (const e of result.edges) {
      addCategory(e.category, e.info);
      addActor(e.from.code, e.from);
      edges.push({ from: e.from.code, to: result.subject.code, category: e.category });
    }
    return { kind: 'toward', center: mapActor(result.subject.code, result.subject), ...drawn() };
  }
  const { result } = query;
  const { a, b } = result;
  for (const c of result.aToB.categories) {
    addCategory(c.name, c.info);
    edges.push({ from: a.code, to: b.code, category: c.name });
  }
  for (const c of result.bToA.categories) {
    addCategory(c.name, c.info);
    edges.push({ from: b.code, to: a.code, category: c.name });
  }
  for (const s of result.shared) {
    addCategory(s.category, s.info);
    for (const x of s.actors) {
      addActor(x.code, x.actor);
      edges.push(
        { from: a.code, to: x.code, category: s.category },
        { from: b.code, to: x.code, category: s.category },
      );
    }
  }
  return { kind: 'between', a: mapActor(a.code, a), b: mapActor(b.code, b), ...drawn() };
}

/** More actors than this and the network is unreadable; the least connected are left out and counted. */
export const NETWORK_MAX_ACTORS = 80;

/** Every profiled actor and whom it lists, narrowed to one category when `category` is given. */
export type NetworkMapModel = Extract<RelationsMapModel, { kind: 'network' }>;

/** Built once per data version and category: every profile is read to build one. */
const networks = new WeakMap<Engine, Map<string, NetworkMapModel>>();

export function relationsNetworkModel(engine: Engine, category?: string): NetworkMapModel {
  let built = networks.get(engine);
  if (!built) {
    built = new Map();
    networks.set(engine, built);
  }
  const key = category?.toLowerCase() ?? '';
  let model = built.get(key);
  if (!model) {
    model = buildNetworkModel(engine, category);
    built.set(key, model);
  }
  return model;
}

function buildNetworkModel(engine: Engine, category?: string): NetworkMapModel {
  const { corpus, graph } = engine;
  const categories = new Map<string, MapCategory>();
  const edges: MapEdge[] = [];
  const actors = new Map<string, CorpusActor | undefined>();
  for (const profile of corpus.profiles) {
    const subject = corpus.actorOfProfile.get(profile.id);
    if (!subject) continue;
    actors.set(subject.code, subject);
    for (const c of graph.of(subject, category).categories) {
      if (!categories.has(c.name)) categories.set(c.name, mapCategory(c.name, c.info));
      for (const a of c.actors) {
        if (!actors.has(a.code)) actors.set(a.code, a.actor);
        edges.push({ from: subject.code, to: a.code, category: c.name });
      }
    }
  }
  const degree = new Map<string, number>();
  for (const e of edges) for (const code of [e.from, e.to]) degree.set(code, (degree.get(code) ?? 0) + 1);
  const rank = (code: string) => (actors.get(code)?.profileId ? 1e9 : 0) + (degree.get(code) ?? 0);
  const kept = new Set(
    [...actors.keys()].sort((x, y) => rank(y) - rank(x) || (x < y ? -1 : 1)).slice(0, NETWORK_MAX_ACTORS),
  );
  return {
    kind: 'network',
    actors: [...kept].sort().map((code) => mapActor(code, actors.get(code))),
    categories: ordered(engine, categories),
    edges: edges.filter((e) => kept.has(e.from) && kept.has(e.to)),
    ...(category ? { only: category } : {}),
    hidden: actors.size - kept.size,
  };
}

function mapActor(code: string, actor: CorpusActor | undefined): MapActor {
  return {
    code,
    name: actor?.name ?? code,
    ...(actor?.short ? { short: actor.short } : {}),
    ...(actor?.flag ? { flag: actor.flag } : {}),
    hasProfile: Boolean(actor?.profileId),
  };
}

function mapCategory(name: string, info: Category): MapCategory {
  return { name, colour: info.colour, polarity: info.polarity, meaning: info.meaning };
}

/** Directory order first (the order Dossier shows categories in), then any the directory lacks. */
function ordered(engine: Engine, categories: Map<string, MapCategory>): MapCategory[] {
  const order = engine.corpus.categories.map((c) => c.name.toLowerCase());
  const rank = (name: string) => {
    const i = order.indexOf(name.toLowerCase());
    return i < 0 ? order.length : i;
  };
  return [...categories.values()].sort((x, y) => rank(x.name) - rank(y.name));
}
