// Relevance: the development set answered by Dossier's /search and by the plain MiniSearch baseline over the
// same profiles, side by side (top-1 and MRR@5), for the whole set, the held-out part and each kind of query.
import path from 'node:path';
import { buildEngine } from '../../src/engine.ts';
import { PROFILES_DIR } from '../../src/profiles/loadCorpus.ts';
import { searchSections } from '../../src/search/searchSections.ts';
import { sectionDocuments } from '../../src/search/sectionDocuments.ts';
import { recordGoal } from '../goals.ts';
import { count, printTable } from '../table.ts';
import { BaselineSearch } from './baseline.ts';
import { loadRelevanceCorpus, RELEVANCE_DIR, SEED_DIR } from './corpus.ts';
import { MRR_DEPTH, type Outcome, outcome, type Score, score } from './metrics.ts';
import { QUERY_KINDS, type RelevanceQuery, readRelevanceSet } from './set.ts';

/** What the issue asks of a held-out set: top-1 ≥ 37/40 and MRR@5 ≥ 0.93. */
const TOP1_GOAL = 37 / 40;
const MRR_GOAL = 0.93;

export interface RelevanceFigures {
  profiles: number;
  sections: number;
  dossier: Outcome[];
  baseline: Outcome[];
}

export async function benchRelevance(): Promise<RelevanceFigures> {
  const corpus = await loadRelevanceCorpus();
  const engine = await buildEngine(corpus);
  const sectionIds = new Set(corpus.profiles.flatMap((p) => sectionDocuments(corpus, p).map((d) => d.id)));
  const baseline = new BaselineSearch([SEED_DIR, RELEVANCE_DIR].map((d) => path.join(d, PROFILES_DIR)));
  const queries = readRelevanceSet();
  for (const q of queries) {
    if (!sectionIds.has(q.expect))
      throw new Error(`relevance set: "${q.q}" expects ${q.expect}, which no profile has`);
  }
  return {
    profiles: corpus.profiles.length,
    sections: engine.sections.size,
    dossier: queries.map((q) =>
      outcome(
        q,
        searchSections(engine, q.q, { limit: MRR_DEPTH }).hits.map((h) => h.section.id),
      ),
    ),
    baseline: queries.map((q) => outcome(q, baseline.search(q.q, MRR_DEPTH))),
  };
}

const cell = (s: Score) => [`${s.top1}/${s.n}`, s.n === 0 ? '—' : s.mrr.toFixed(3)];

export function printRelevance(f: RelevanceFigures): void {
  const groups: [string, (q: RelevanceQuery) => boolean][] = [
    ['all', () => true],
    ['development', (q) => !q.held],
    ['held out', (q) => q.held],
    ...QUERY_KINDS.map(
      (k) => [`  ${k}`, (q: RelevanceQuery) => q.kind === k] as [string, (q: RelevanceQuery) => boolean],
    ),
  ];
  printTable(
    `Relevance: ${count(f.dossier.length)} queries over ${f.profiles} profiles (${f.sections} sections); ` +
      `top-1 and MRR@${MRR_DEPTH}`,
    ['queries', 'Dossier top-1', 'Dossier MRR', 'baseline top-1', 'baseline MRR'],
    groups.map(([name, keep]) => [
      name,
      ...cell(score(f.dossier.filter((o) => keep(o.query)))),
      ...cell(score(f.baseline.filter((o) => keep(o.query)))),
    ]),
  );
  console.log('baseline: plain MiniSearch (title ×2, prefix, fuzzy 0.2, naive parser, no tuning)');
  const misses = f.dossier.filter((o) => o.rank !== 1);
  if (misses.length > 0) {
    console.log(`Dossier's misses (${misses.length}):`);
    for (const o of misses)
      console.log(
        `  "${o.query.q}" → ${o.top ?? 'nothing'}; ${o.query.expect} ${o.rank ? `at ${o.rank}` : `not in the first ${MRR_DEPTH}`}`,
      );
  }
}

export function relevanceGoals(f: RelevanceFigures): void {
  const dossier = score(f.dossier);
  const baseline = score(f.baseline);
  recordGoal({
    goal: 'relevance: top-1 over the set',
    target: `≥ ${Math.round(TOP1_GOAL * 100)}%`,
    measured: `${dossier.top1}/${dossier.n} (baseline ${baseline.top1}/${baseline.n})`,
    pass: dossier.top1 / dossier.n >= TOP1_GOAL,
  });
  recordGoal({
    goal: `relevance: MRR@${MRR_DEPTH} over the set`,
    target: `≥ ${MRR_GOAL}`,
    measured: `${dossier.mrr.toFixed(3)} (baseline ${baseline.mrr.toFixed(3)})`,
    pass: dossier.mrr >= MRR_GOAL,
  });
}
