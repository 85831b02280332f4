// The small index behind autocomplete and actor resolution: one entry per actor (code, name, aliases, profile id).
// Exact matches are pinned ahead of prefixes, and prefixes ahead of fuzzy hits, whatever the scores say.
import MiniSearch from 'minisearch';
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import { eachInSlices, Slicer } from '../slices.ts';
import { entityKey, withoutThe } from './entityKey.ts';
import { fuzzyForTerm, normalizeKey, processTerm } from './normalize.ts';

export type MatchField = 'code' | 'name' | 'alias' | 'profile';
export type MatchTier = 'exact' | 'prefix' | 'fuzzy';

export interface ActorMatch {
  actor: CorpusActor;
  tier: MatchTier;
  field: MatchField;
  /** The name, code or alias that matched, as written in the directory. */
  matched: string;
  score: number;
  /** Found through the words of a name or alias (not from its start): "uzbek" in "Islamic Movement of Uzbekistan". */
  byWord?: boolean;
}

interface Key {
  key: string;
  code: string;
  field: MatchField;
  text: string;
  /** Order among prefix matches, before length: the field, then actors with a profile first. */
  rank: number;
}

// Among prefixes, names lead ("taj" finds Tajikistan before a code TAJR); the profile id mirrors the name.
const FIELD_RANK: Record<MatchField, number> = { name: 0, profile: 1, code: 2, alias: 3 };

type WordDoc = { id: string; name: string; aliases: string };

/** What the constructor holds; `ActorIndex.build` prepares it in slices. */
interface Prepared {
  exact: Map<string, Key[]>;
  sortedKeys: Key[];
  words: MiniSearch<WordDoc>;
}

/** Prefixes this short match thousands of keys; their answers are kept, since the index never changes. */
const CACHED_PREFIX_LENGTH = 2;

export class ActorIndex {
  private readonly exact: Map<string, Key[]>;
  /** Sorted by key, so every key starting with a prefix is one contiguous run found by binary search. */
  private readonly sortedKeys: Key[];
  private readonly words: MiniSearch<WordDoc>;
  private readonly shortPrefixes = new Map<string, ActorMatch[]>();
  private defaultOrder: CorpusActor[] | undefined;

  private constructor(
    private readonly corpus: Corpus,
    prepared: Prepared,
  ) {
    ({ exact: this.exact, sortedKeys: this.sortedKeys, words: this.words } = prepared);
  }

  /** Built a slice at a time, so that a reload of thousands of actors never holds the event loop. */
  static async build(corpus: Corpus): Promise<ActorIndex> {
    const slicer = new Slicer();
    // Keys are gathered by first character, so the sort (which cannot pause) runs one small bucket at a time.
    const buckets = new Map<string, Key[]>();
    const exact = new Map<string, Key[]>();
    await eachInSlices(
      corpus.actors,
      (actor) => {
        for (const k of actorKeys(actor, profileTitle(corpus, actor))) {
          addExact(exact, k);
          const first = k.key[0]!;
          const bucket = buckets.get(first);
          if (bucket) bucket.push(k);
          else buckets.set(first, [k]);
        }
      },
      slicer,
    );
    const sortedKeys: Key[] = [];
    for (const first of [...buckets.keys()].sort()) {
      for (const k of buckets.get(first)!.sort(byKey)) sortedKeys.push(k);
      if (slicer.due) await slicer.pause();
    }
    const words = wordIndex([]);
    await eachInSlices(
      corpus.actors,
      (actor) => words.add(wordDoc(actor, profileTitle(corpus, actor))),
      slicer,
    );
    if (slicer.due) await slicer.pause();
    return new ActorIndex(corpus, { exact, sortedKeys, words });
  }

  /**
   * This index, answering for `corpus`, whose actors and profile titles must read exactly as those it was built
   * from (see `actorsKey`): a reload that changed only what profiles say reuses it instead of building anew.
   */
  rebase(corpus: Corpus): ActorIndex {
    const next = new ActorIndex(corpus, {
      exact: this.exact,
      sortedKeys: this.sortedKeys,
      words: this.words,
    });
    for (const [prefix, matches] of this.shortPrefixes) next.shortPrefixes.set(prefix, matches);
    return next;
  }

  get size(): number {
    return this.corpus.actors.length;
  }

  /**
   * Best matches first: exact, then whole-key prefix, then word prefix and fuzzy. One entry per actor.
   * `moreTypos` lets each word of a name be two edits off from five letters on ("netwrok"), and `anyWord` finds
   * names that share any one word with the query: too loose for every keystroke, right for a last try at a name
   * typed in full, whose answers are only ever offered as "did you mean".
   */
  match(query: string, limit: number, { moreTypos = false, anyWord = false } = {}): ActorMatch[] {
    const typed = normalizeKey(query);
    if (!typed) return this.defaults(limit);
    // "The Islamic Republic of Iran" is the Islamic Republic of Iran, unless a key really starts with "the".
    const q = this.exact.has(typed) ? typed : withoutThe(typed);
    const out = new Map<string, ActorMatch>();
    const push = (m: ActorMatch) => {
      if (!out.has(m.actor.code) && out.size < limit) out.set(m.actor.code, m);
    };
    for (const k of [...(this.exact.get(q) ?? [])].sort(byField)) {
      push({ actor: this.actor(k.code), tier: 'exact', field: k.field, matched: k.text, score: 3 });
    }
    if (out.size < limit) for (const m of this.cachedPrefixMatches(q, limit + out.size)) push(m);
    if (out.size < limit) {
      // A word hit is a prefix match when every typed word starts a matched word; otherwise it is fuzzy.
      // Prefix hits go first (the sort is stable, so each tier keeps its score order).
      const hits = this.words
        .search(q, {
          ...(moreTypos ? { fuzzy: fuzzyWithMoreTypos } : {}),
          ...(anyWord ? { combineWith: 'OR' } : {}),
        })
        .map((hit) => ({
          hit,
          tier: (hit.queryTerms.every((t) => hit.terms.some((term) => term.startsWith(t)))
            ? 'prefix'
            : 'fuzzy') as MatchTier,
        }))
        .sort((a, b) => (a.tier === b.tier ? 0 : a.tier === 'prefix' ? -1 : 1));
      for (const { hit, tier } of hits.slice(0, limit * 2)) {
        const actor = this.actor(hit.id as string);
        const field: MatchField =
          hit.match && Object.values(hit.match).some((f) => f.includes('name')) ? 'name' : 'alias';
        push({
          actor,
          tier,
          field,
          matched: field === 'name' ? actor.name : bestAlias(actor, hit.terms),
          score: hit.score,
          byWord: true,
        });
      }
    }
    return [...out.values()];
  }

  private cachedPrefixMatches(q: string, limit: number): ActorMatch[] {
    if (q.length > CACHED_PREFIX_LENGTH) return this.prefixMatches(q, limit);
    const key = `${limit}:${q}`;
    let found = this.shortPrefixes.get(key);
    if (!found) {
      found = this.prefixMatches(q, limit);
      this.shortPrefixes.set(key, found);
    }
    return found;
  }

  /** The first `limit` keys starting with `q`, ranked: shorter keys, then names before aliases, then profiles. */
  private prefixMatches(q: string, limit: number): ActorMatch[] {
    let lo = 0;
    let hi = this.sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedKeys[mid]!.key < q) lo = mid + 1;
      else hi = mid;
    }
    const best: Key[] = [];
    for (let i = lo; i < this.sortedKeys.length; i++) {
      const k = this.sortedKeys[i]!;
      if (!k.key.startsWith(q)) break;
      if (k.key === q) continue;
      insertBounded(best, k, limit * 2, (a, b) => this.comparePrefix(a, b));
    }
    return best.map((k) => ({
      actor: this.actor(k.code),
      tier: 'prefix' as const,
      field: k.field,
      matched: k.text,
      score: 2 - k.key.length / 1000,
    }));
  }

  private comparePrefix(a: Key, b: Key): number {
    return a.rank - b.rank || a.key.length - b.key.length || byKey(a, b);
  }

  /** With nothing typed: actors with a profile first, then the rest, alphabetically. */
  private defaults(limit: number): ActorMatch[] {
    // Sorted once per index: an empty query comes with every first keystroke, and sorting 10,000 actors each
    // time cost tens of milliseconds.
    this.defaultOrder ??= defaultOrder(this.corpus.actors);
    return this.defaultOrder
      .slice(0, limit)
      .map((actor) => ({ actor, tier: 'exact', field: 'name', matched: actor.name, score: 0 }));
  }

  private actor(code: string): CorpusActor {
    return this.corpus.actorByCode.get(code)!;
  }
}

/** The title of the actor's profile when it names the actor otherwise than the directory does. */
function profileTitle(corpus: Corpus, actor: CorpusActor): string | undefined {
  const title = actor.profileId ? corpus.profileById.get(actor.profileId)?.name : undefined;
  // Most titles are the name as written: no key to compute.
  if (title === undefined || title === actor.name || entityKey(title) === entityKey(actor.name))
    return undefined;
  return actor.aliases.some((a) => entityKey(a) === entityKey(title)) ? undefined : title;
}

function actorKeys(actor: CorpusActor, title: string | undefined): Key[] {
  const keys: Key[] = [];
  const add = (text: string, field: MatchField) => {
    const key = normalizeKey(text);
    const rank = FIELD_RANK[field] * 2 + (actor.profileId ? 0 : 1);
    if (key) keys.push({ key, code: actor.code, field, text, rank });
    // "The Accord" is found as "Accord" too.
    const bare = withoutThe(key);
    if (bare !== key) keys.push({ key: bare, code: actor.code, field, text, rank });
  };
  add(actor.code, 'code');
  add(actor.name, 'name');
  if (actor.profileId) add(actor.profileId, 'profile');
  for (const alias of actor.aliases) add(alias, 'alias');
  // A profile titled otherwise than the directory names its actor is found by its title as well.
  if (title !== undefined) add(title, 'alias');
  return keys;
}

function wordDoc(actor: CorpusActor, title: string | undefined): WordDoc {
  const aliases = title === undefined ? actor.aliases : [...actor.aliases, title];
  return { id: actor.code, name: actor.name, aliases: aliases.join(' | ') };
}

/** Names and aliases by word. Codes stay out: a 3-letter code must never be fuzzy-matched into another code. */
function wordIndex(docs: WordDoc[]): MiniSearch<WordDoc> {
  const words = new MiniSearch<WordDoc>({
    fields: ['name', 'aliases'],
    processTerm,
    searchOptions: { boost: { name: 2 }, prefix: true, fuzzy: fuzzyForTerm, combineWith: 'AND' },
  });
  words.addAll(docs);
  return words;
}

function fuzzyWithMoreTypos(term: string): number | false {
  if (term.length < 4) return false;
  return term.length < 5 ? 1 : 2;
}

function byKey(a: Key, b: Key): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function addExact(exact: Map<string, Key[]>, k: Key): void {
  const list = exact.get(k.key);
  if (list) list.push(k);
  else exact.set(k.key, [k]);
}

function byField(a: Key, b: Key): number {
  return FIELD_RANK[a.field] - FIELD_RANK[b.field];
}

function bestAlias(actor: CorpusActor, terms: string[]): string {
  return (
    actor.aliases.find((a) => terms.some((t) => normalizeKey(a).includes(t))) ??
    actor.aliases[0] ??
    actor.name
  );
}

/** Keeps `list` sorted and at most `max` long: a top-k without sorting the whole run. */
function insertBounded<T>(list: T[], item: T, max: number, compare: (a: T, b: T) => number): void {
  if (list.length === max && compare(item, list[max - 1]!) >= 0) return;
  let i = list.length;
  while (i > 0 && compare(item, list[i - 1]!) < 0) i--;
  list.splice(i, 0, item);
  if (list.length > max) list.pop();
}

const byName = new Intl.Collator('en').compare;

/** Actors with a profile first, then the rest, each alphabetically. */
function defaultOrder(actors: readonly CorpusActor[]): CorpusActor[] {
  const sorted = [...actors].sort((a, b) => byName(a.name, b.name));
  return [...sorted.filter((a) => a.profileId), ...sorted.filter((a) => !a.profileId)];
}
