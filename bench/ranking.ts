// Ranking rules of the actor index, checked on the synthetic corpus: exact code/slug/name/alias first, then
// name prefixes, fuzzy last, and a 3-letter code never fuzzy-matched into another code.
import type { Engine } from '../src/engine.ts';
import type { ActorMatch, MatchTier } from '../src/search/actorIndex.ts';
import { type GeneratedCorpus, SPECIAL } from './corpus.ts';
import { seeded } from './random.ts';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const LIMIT = 25;
const SAMPLE = 300;
const TIER_ORDER: Record<MatchTier, number> = { exact: 0, prefix: 1, fuzzy: 2 };

export function rankingChecks(engine: Engine, generated: GeneratedCorpus): Check[] {
  const index = engine.actors;
  const match = (q: string) => index.match(q, LIMIT);
  const random = seeded(7);
  const sample = Array.from(
    { length: Math.min(SAMPLE, generated.actors.length) },
    () => generated.actors[Math.floor(random() * generated.actors.length)]!,
  );
  const checks: Check[] = [];

  const firstIs = (name: string, queries: { q: string; code: string }[]) => {
    const misses = queries.filter(({ q, code }) => match(q)[0]?.actor.code !== code);
    checks.push({
      name,
      ok: misses.length === 0,
      detail:
        misses.length === 0
          ? `${queries.length}/${queries.length} first`
          : `${misses.length} of ${queries.length} not first, e.g. "${misses[0]!.q}" → ${describe(match(misses[0]!.q)[0])}`,
    });
  };
  firstIs(
    'exact code ranks first',
    sample.map((a) => ({ q: a.code, code: a.code })),
  );
  firstIs(
    'exact slug ranks first',
    sample.filter((a) => a.profileId).map((a) => ({ q: a.profileId!, code: a.code })),
  );
  firstIs(
    'exact name ranks first',
    sample.map((a) => ({ q: a.name, code: a.code })),
  );
  firstIs(
    'exact alias ranks first',
    sample.flatMap((a) => a.aliases.map((alias) => ({ q: alias, code: a.code }))),
  );

  const taj = match('taj');
  const at = (code: string) => taj.findIndex((m) => m.actor.code === code);
  checks.push({
    name: '"taj": code TAJ, then names Tajarin/Tajikar, then code TAJR',
    ok:
      at(SPECIAL.codeTaj.code) === 0 &&
      at(SPECIAL.tajarin.code) > 0 &&
      at(SPECIAL.tajikar.code) > 0 &&
      at(SPECIAL.codeTajr.code) > Math.max(at(SPECIAL.tajarin.code), at(SPECIAL.tajikar.code)),
    detail: taj.map((m) => `${m.actor.code}(${m.tier} ${m.field})`).join(' '),
  });

  const prefixes = sample.map((a) => a.name.slice(0, 2 + Math.floor(random() * 4)));
  const disordered = prefixes.filter((q) => !tiersInOrder(match(q)));
  checks.push({
    name: 'exact before prefix before fuzzy',
    ok: disordered.length === 0,
    detail:
      disordered.length === 0
        ? `${prefixes.length} name prefixes in order`
        : `${disordered.length} out of order, e.g. "${disordered[0]}"`,
  });

  const namePrefixFirst = prefixes.filter((q) => {
    const first = match(q)[0];
    return first && first.tier !== 'exact' && !(first.tier === 'prefix' && first.field === 'name');
  });
  checks.push({
    name: 'name prefix first when nothing is exact',
    ok: namePrefixFirst.length === 0,
    detail:
      namePrefixFirst.length === 0
        ? `${prefixes.length} prefixes`
        : `${namePrefixFirst.length} not, e.g. "${namePrefixFirst[0]}" → ${describe(match(namePrefixFirst[0]!)[0])}`,
  });

  checks.push(codeNeverFuzzy(generated, match));

  const fuzzy = match(generated.probes.misspelling)[0];
  checks.push({
    name: `misspelling "${generated.probes.misspelling}" finds Tajikar`,
    ok: fuzzy?.actor.code === SPECIAL.tajikar.code,
    detail: describe(fuzzy),
  });
  return checks;
}

/** Every 3-letter code, one letter changed into a string no actor uses: no other code may come back for it. */
function codeNeverFuzzy(generated: GeneratedCorpus, match: (q: string) => ActorMatch[]): Check {
  const codes = new Set(generated.actors.map((a) => a.code));
  const taken = new Set(
    generated.actors.flatMap((a) => [a.code, a.name, ...a.aliases].map((t) => t.toUpperCase())),
  );
  let probes = 0;
  const leaks: string[] = [];
  for (const code of [...codes].filter((c) => c.length === 3).slice(0, 2000)) {
    for (let pos = 0; pos < 3; pos++) {
      const variant = code.slice(0, pos) + (code[pos] === 'Q' ? 'X' : 'Q') + code.slice(pos + 1);
      if (taken.has(variant)) continue;
      probes++;
      // A longer code starting with the variant is a prefix hit, not a fuzzy one; no 3-letter term is fuzzy.
      const leak = match(variant).find(
        (m) => m.tier === 'fuzzy' || (m.field === 'code' && !m.actor.code.startsWith(variant)),
      );
      if (leak) leaks.push(`${variant} → ${leak.actor.code}`);
    }
  }
  return {
    name: '3-letter code never fuzzy-matched into another code',
    ok: leaks.length === 0,
    detail:
      leaks.length === 0 ? `${probes} one-letter variants, none` : `${leaks.length} leaks, e.g. ${leaks[0]}`,
  };
}

function tiersInOrder(matches: ActorMatch[]): boolean {
  return matches.every((m, i) => i === 0 || TIER_ORDER[matches[i - 1]!.tier] <= TIER_ORDER[m.tier]);
}

function describe(m: ActorMatch | undefined): string {
  return m ? `${m.actor.name} (${m.actor.code}, ${m.tier} ${m.field})` : 'nothing';
}
