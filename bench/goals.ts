// The goals the bench checks, gathered as sections run and printed once at the end as PASS/MISS.

export interface GoalResult {
  goal: string;
  target: string;
  measured: string;
  /** The same figure for what Dossier did before, measured in the same run. */
  baseline?: string;
  /** null: not measured in this run (e.g. a --quick run has no 10,000-profile corpus). */
  pass: boolean | null;
}

const results: GoalResult[] = [];

export function recordGoal(result: GoalResult): GoalResult {
  results.push(result);
  return result;
}

export function goalResults(): readonly GoalResult[] {
  return results;
}

export function verdict(pass: boolean | null): string {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'MISS';
}
