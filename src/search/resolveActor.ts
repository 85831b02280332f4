// Turns what a user typed into one actor, or into a "did you mean" list when no candidate clearly leads.
import type { CorpusActor } from '../profiles/corpus.ts';
import type { ActorIndex, ActorMatch } from './actorIndex.ts';
import { entityKey } from './entityKey.ts';

export const DID_YOU_MEAN_MAX = 5;
/** A fuzzy or word match leads clearly when it scores this much better than the next one. */
const CLEAR_LEAD = 1.5;

export type Resolution =
  | { kind: 'found'; actor: CorpusActor; match: ActorMatch }
  | { kind: 'ambiguous'; query: string; candidates: ActorMatch[] }
  | { kind: 'none'; query: string };

export function resolveActor(index: ActorIndex, query: string): Resolution {
  if (query.trim() === '') return { kind: 'none', query };
  let ambiguous: Resolution | undefined;
  // "Pakistan's" is Pakistan: the possessive is tried away when the name as typed does not settle it.
  const readings = [query, query.replace(/['’]s\s*$/i, '')].filter((q, i, all) => all.indexOf(q) === i);
  for (const typed of readings) {
    let candidates = index.match(typed, DID_YOU_MEAN_MAX + 1);
    if (candidates.length === 0) candidates = index.match(typed, DID_YOU_MEAN_MAX + 1, { moreTypos: true });
    const [first, second] = candidates;
    if (!first) continue;
    // Where nothing matched as written, a whole name within a typo of the query says more than word scores.
    const whole = first.tier === 'fuzzy' ? closeWhole(typed, candidates) : undefined;
    if (whole) return { kind: 'found', actor: whole.actor, match: whole };
    if (leads(first, second)) return { kind: 'found', actor: first.actor, match: first };
    ambiguous ??= { kind: 'ambiguous', query, candidates: candidates.slice(0, DID_YOU_MEAN_MAX) };
  }
  if (ambiguous) return ambiguous;
  // Last, names sharing any one word ("Taliban government"): never picked, only offered.
  const loose = index.match(query, DID_YOU_MEAN_MAX, { anyWord: true });
  return loose.length > 0 ? { kind: 'ambiguous', query, candidates: loose } : { kind: 'none', query };
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

/**
 * Among candidates that only share words with a misspelt query, the one whose whole name or alias is that query
 * give or take a typo: "Afganistan" is Afghanistan, not the Islamic Emirate of Afghanistan.
 */
function closeWhole(typed: string, candidates: readonly ActorMatch[]): ActorMatch | undefined {
  const q = entityKey(typed);
  const budget = q.length < 4 ? 0 : q.length <= 7 ? 1 : 2;
  const close = candidates.filter(
    (m) =>
      m.tier === 'fuzzy' &&
      [m.actor.name, m.matched, ...m.actor.aliases].some(
        (name) => editDistance(entityKey(name), q) <= budget,
      ),
  );
  return close.length === 1 ? close[0] : undefined;
}

/** Edits (insert, delete, substitute, swap two neighbours) between two short strings. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
