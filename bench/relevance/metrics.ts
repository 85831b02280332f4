// Top-1 and MRR@5 of a ranked list of section ids against the one expected section.
import type { RelevanceQuery } from './set.ts';

export const MRR_DEPTH = 5;

export interface Outcome {
  query: RelevanceQuery;
  /** 1-based rank of the expected section in the first MRR_DEPTH, or null when it is not there. */
  rank: number | null;
  top: string | undefined;
}

export interface Score {
  n: number;
  top1: number;
  mrr: number;
}

export function outcome(query: RelevanceQuery, ranked: readonly string[]): Outcome {
  const at = ranked.slice(0, MRR_DEPTH).indexOf(query.expect);
  return { query, rank: at < 0 ? null : at + 1, top: ranked[0] };
}

export function score(outcomes: readonly Outcome[]): Score {
  const n = outcomes.length;
  const top1 = outcomes.filter((o) => o.rank === 1).length;
  const mrr = n === 0 ? 0 : outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n;
  return { n, top1, mrr };
}
