// Turns what a user typed into one actor, or into a "did you mean" list when no candidate clearly leads.
import type { CorpusActor } from '../profiles/corpus.ts';
import type { ActorIndex, ActorMatch } from './actorIndex.ts';

export const DID_YOU_MEAN_MAX = 5;
/** A fuzzy or word match leads clearly when it scores this much better than the next one. */
const CLEAR_LEAD = 1.5;

export type Resolution =
  | { kind: 'found'; actor: CorpusActor; match: ActorMatch }
  | { kind: 'ambiguous'; query: string; candidates: ActorMatch[] }
  | { kind: 'none'; query: string };

export function resolveActor(index: ActorIndex, query: string): Resolution {
  let candidates = index.match(query, DID_YOU_MEAN_MAX + 1);
  if (candidates.length === 0) candidates = index.match(query, DID_YOU_MEAN_MAX + 1, { moreTypos: true });
  const [first, second] = candidates;
  if (!first || query.trim() === '') return { kind: 'none', query };
  if (leads(first, second)) return { kind: 'found', actor: first.actor, match: first };
  return { kind: 'ambiguous', query, candidates: candidates.slice(0, DID_YOU_MEAN_MAX) };
}

function leads(first: ActorMatch, second: ActorMatch | undefined): boolean {
  if (!second) return true;
  if (first.tier === 'exact') return second.tier !== 'exact';
  // A name that starts with what was typed leads, unless another name does too ("uzbek": Uzbekistan, not the
  // Islamic Movement of Uzbekistan, where it only starts a word).
  const startsName = (m: ActorMatch) => m.tier === 'prefix' && m.field === 'name' && !m.byWord;
  if (startsName(first)) return !startsName(second);
  if (first.tier !== second.tier) return first.tier === 'prefix';
  return first.score >= second.score * CLEAR_LEAD;
}
