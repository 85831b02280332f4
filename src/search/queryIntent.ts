// What a /search query is about, beyond its words: the actors it names, and whether it asks about relationships
// ("which countries Tajikistan lists as partners", "enemies of the Emirate"). Read before ranking, so that a
// question about an actor's relationships reaches its Relationships section and a name finds the sections that
// discuss the actor.
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import type { ActorNames } from './findActorsInText.ts';
import { normalizeKey, STOP_WORDS, wordKey } from './normalize.ts';
import { stemWord } from './stem.ts';

/** Longest name or alias, in words, looked for in a query. */
const MAX_NAME_WORDS = 8;

/** Words that ask about relationships, as stems ("allies", "allied" → alli). Category names are added per corpus. */
const RELATION_STEMS = [
  'relat',
  'relationship',
  'alli',
  'partner',
  'rival',
  'adversari',
  'enemi',
  'foe',
  'friend',
];

/** Words of a question that say nothing of its subject: "which countries … lists as …", "who does … count as". */
const QUESTION_WORDS = new Set(
  (
    'what which who whom whose how many does do did is are was were count counts counted consider considers ' +
    'considered list lists listed name names named country countries state states group groups actor actors ' +
    'show tell me about any all its their regard regards see sees'
  ).split(' '),
);

export interface NamedActor {
  actor: CorpusActor;
  /** The words of the query that named it. */
  words: string;
}

export interface QueryIntent {
  /** Actors the query names (names and aliases in any case, codes in capitals), in order. */
  actors: NamedActor[];
  /** The query has a word about relationships (allies, partners, rivals, enemies, relations, a category…). */
  asksRelations: boolean;
  /** Words that are neither names, relationship words nor question words: what the query is about. */
  topicWords: string[];
}

export interface IntentSources {
  corpus: Pick<Corpus, 'actorByCode' | 'categories'>;
  names: ActorNames;
}

export function readQueryIntent(query: string, { corpus, names }: IntentSources): QueryIntent {
  const tokens = query
    .split(/[^\p{L}\p{N}'’]+/u)
    .map((t) => t.replace(/['’]s?$/u, ''))
    .filter(Boolean);
  const actors: NamedActor[] = [];
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const named = longestName(tokens, i, corpus, names);
    if (named) {
      if (!actors.some((a) => a.actor.code === named.actor.code)) actors.push(named);
      i += named.length;
    } else {
      rest.push(tokens[i]!);
      i++;
    }
  }
  const relationStems = new Set([
    ...RELATION_STEMS,
    ...corpus.categories.map((c) => stemWord(wordKey(c.name))),
  ]);
  let asksRelations = false;
  const topicWords: string[] = [];
  for (const token of rest) {
    const key = wordKey(token);
    if (!key || STOP_WORDS.has(key) || QUESTION_WORDS.has(key)) continue;
    if (relationStems.has(stemWord(key))) asksRelations = true;
    else topicWords.push(key);
  }
  return { actors: actors.map(({ actor, words }) => ({ actor, words })), asksRelations, topicWords };
}

/** The longest run of words from `start` that is exactly an actor's name or alias, or a code in capitals. */
function longestName(
  tokens: readonly string[],
  start: number,
  corpus: IntentSources['corpus'],
  names: ActorNames,
): (NamedActor & { length: number }) | undefined {
  for (let n = Math.min(MAX_NAME_WORDS, tokens.length - start); n >= 1; n--) {
    const words = tokens.slice(start, start + n).join(' ');
    if (n === 1 && words.length >= 2 && words === words.toUpperCase()) {
      const actor = corpus.actorByCode.get(words);
      if (actor) return { actor, words, length: 1 };
    }
    const key = normalizeKey(words);
    const actor = names
      .find(words)
      .find((a) => [a.name, ...a.aliases].some((name) => normalizeKey(name) === key));
    if (actor) return { actor, words, length: n };
  }
  return undefined;
}
