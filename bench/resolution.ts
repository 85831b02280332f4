// Actor resolution accuracy: the typed names of tests/engine/resolutionSet.ts (formal names, codes, aliases, profile
// titles, misspellings) over the fictional corpus in tests/fixtures/join, resolved by Dossier and by a plain
// MiniSearch over the directory and the profile titles, unjoined (prefix, fuzzy 0.2, its top hit taken).
import MiniSearch from 'minisearch';
import { buildEngine, type Engine } from '../src/engine.ts';
import { loadCorpus } from '../src/profiles/loadCorpus.ts';
import {
  JOIN_DIR,
  RESOLUTION_CASES,
  type ResolutionCase,
  runResolutionCases,
} from '../tests/engine/resolutionSet.ts';
import { recordGoal } from './goals.ts';

export interface ResolutionFigures {
  total: number;
  dossier: number;
  baseline: number;
  misses: string[];
}

export async function benchResolution(): Promise<ResolutionFigures> {
  const engine = await buildEngine(await loadCorpus(JOIN_DIR));
  const outcomes = runResolutionCases(engine);
  const baseline = plainMiniSearch(engine);
  return {
    total: RESOLUTION_CASES.length,
    dossier: outcomes.filter((o) => o.ok).length,
    baseline: RESOLUTION_CASES.filter((c) => baseline(c)).length,
    misses: outcomes.filter((o) => !o.ok).map((o) => `"${o.case.typed}" → ${o.got}`),
  };
}

export function printResolution(f: ResolutionFigures): void {
  const share = (n: number) => `${n}/${f.total} (${((100 * n) / f.total).toFixed(0)}%)`;
  console.log(
    `\nActor resolution, ${f.total} typed names over tests/fixtures/join: Dossier ${share(f.dossier)}, ` +
      `plain MiniSearch ${share(f.baseline)}`,
  );
  for (const miss of f.misses) console.log(`  miss: ${miss}`);
}

export function resolutionGoal(f: ResolutionFigures): void {
  recordGoal({
    goal: 'actor resolution: every typed name resolves to the actor meant',
    target: `${f.total}/${f.total}`,
    measured: `${f.dossier}/${f.total}`,
    pass: f.dossier === f.total,
  });
}

/**
 * The simplest resolver: one MiniSearch document per directory actor (code, name, aliases) and one per profile the
 * directory does not name with `profile:` (its title), prefix and fuzzy 0.2, top hit taken. A profile's own
 * document is right only for an actor the directory does not know; for any other it is the same entity split in
 * two. A shared name has no right top hit: a plain resolver cannot say "did you mean".
 */
function plainMiniSearch(engine: Engine): (c: ResolutionCase) => boolean {
  const { corpus } = engine;
  const named = new Set(corpus.actors.flatMap((a) => (a.profile ? [a.profile] : [])));
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
  index.addAll([
    ...corpus.actors
      .filter((a) => a.inDirectory)
      .map((a) => {
        const title = a.profile ? corpus.profileById.get(a.profile)?.name : undefined;
        return { id: a.code, text: [a.code, a.name, ...a.aliases, title ?? ''].join(' | ') };
      }),
    ...corpus.profiles
      .filter((p) => !named.has(p.id))
      .map((p) => ({ id: `profile:${p.id}`, text: `${p.name} | ${p.id}` })),
  ]);
  return (c) => {
    if (Array.isArray(c.expect)) return false;
    const top = index.search(c.typed)[0]?.id;
    const expected = corpus.actorByCode.get(c.expect);
    return top === c.expect || (top === `profile:${expected?.profileId}` && expected?.inDirectory === false);
  };
}
