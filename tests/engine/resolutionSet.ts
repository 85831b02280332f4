// What people type to reach an actor, over the fictional corpus in tests/fixtures/join, with the actor they mean:
// formal names, codes in any case, aliases, profile titles (including titles that are only an alias), a leading
// "The", accents and punctuation left out, and misspellings. The bench prints the share resolved right; the
// tests require all of them.
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../src/engine.ts';
import { resolveActor } from '../../src/search/resolveActor.ts';

export const JOIN_DIR = fileURLToPath(new URL('../fixtures/join/', import.meta.url));

export interface ResolutionCase {
  typed: string;
  /** The code it must resolve to, or the codes a "did you mean" must offer when the name is truly shared. */
  expect: string | string[];
  kind:
    | 'formal name'
    | 'code'
    | 'alias'
    | 'profile title'
    | 'spelling variant'
    | 'misspelling'
    | 'shared name';
}

export const RESOLUTION_CASES: readonly ResolutionCase[] = [
  { typed: 'Federal Republic of Vesk', expect: 'VSK', kind: 'formal name' },
  { typed: 'Sovereign Republic of Amaran', expect: 'AMR', kind: 'formal name' },
  { typed: "People's Union of Norvask", expect: 'PUN', kind: 'formal name' },
  { typed: 'Commonwealth of Halix', expect: 'HLX', kind: 'formal name' },
  { typed: 'Republic of Saint-Émeric', expect: 'SEM', kind: 'formal name' },
  { typed: 'Tessaly Maritime League', expect: 'TML', kind: 'formal name' },
  { typed: 'Republic of Darova', expect: 'DRV', kind: 'formal name' },
  { typed: 'Darova Liberation Movement', expect: 'DLM', kind: 'formal name' },
  { typed: 'VSK', expect: 'VSK', kind: 'code' },
  { typed: 'amr', expect: 'AMR', kind: 'code' },
  { typed: 'Okr', expect: 'OKR', kind: 'code' },
  { typed: 'tml', expect: 'TML', kind: 'code' },
  { typed: 'DLM', expect: 'DLM', kind: 'code' },
  { typed: 'Karsgrad', expect: 'VSK', kind: 'alias' },
  { typed: 'Norvask', expect: 'PUN', kind: 'alias' },
  { typed: 'maritime league', expect: 'TML', kind: 'alias' },
  { typed: 'Red Network', expect: 'KRN', kind: 'alias' },
  { typed: 'Okaro', expect: 'OKR', kind: 'alias' },
  { typed: 'Vesk', expect: 'VSK', kind: 'profile title' },
  { typed: 'Amaran', expect: 'AMR', kind: 'profile title' },
  { typed: 'Federation of Okaro', expect: 'OKR', kind: 'profile title' },
  { typed: 'The Zemaran Emirate', expect: 'ZMR', kind: 'profile title' },
  { typed: 'Halix Isles', expect: 'HLX', kind: 'profile title' },
  { typed: 'Brannoch Collective', expect: 'BRANNOCH', kind: 'profile title' },
  { typed: 'okaro-federation', expect: 'OKR', kind: 'profile title' },
  { typed: 'Zemaran Emirate', expect: 'ZMR', kind: 'spelling variant' },
  { typed: 'Grey Synod', expect: 'GSC', kind: 'spelling variant' },
  { typed: 'the tessaly maritime league', expect: 'TML', kind: 'spelling variant' },
  { typed: 'SAINT EMERIC', expect: 'SEM', kind: 'spelling variant' },
  { typed: 'saint-émeric', expect: 'SEM', kind: 'spelling variant' },
  { typed: 'Peoples Union of Norvask', expect: 'PUN', kind: 'spelling variant' },
  { typed: 'Vesc', expect: 'VSK', kind: 'misspelling' },
  { typed: 'Amarran', expect: 'AMR', kind: 'misspelling' },
  { typed: 'Zemeran Emirate', expect: 'ZMR', kind: 'misspelling' },
  { typed: 'Tesaly Maritime League', expect: 'TML', kind: 'misspelling' },
  { typed: 'Norvsk', expect: 'PUN', kind: 'misspelling' },
  { typed: 'Federal Republik of Vesk', expect: 'VSK', kind: 'misspelling' },
  { typed: 'Kiranse Red Netwrok', expect: 'KRN', kind: 'misspelling' },
  { typed: 'Vesk’s', expect: 'VSK', kind: 'spelling variant' },
  { typed: "norvask's", expect: 'PUN', kind: 'spelling variant' },
  { typed: 'Darova', expect: ['DRV', 'DLM'], kind: 'shared name' },
];

export interface ResolutionOutcome {
  case: ResolutionCase;
  ok: boolean;
  /** What it resolved to: a code, `did you mean A, B`, or `nothing`. */
  got: string;
}

export function runResolutionCases(
  engine: Engine,
  cases: readonly ResolutionCase[] = RESOLUTION_CASES,
): ResolutionOutcome[] {
  return cases.map((c) => {
    const r = resolveActor(engine.actors, c.typed);
    if (r.kind === 'found') return { case: c, ok: r.actor.code === c.expect, got: r.actor.code };
    if (r.kind === 'none') return { case: c, ok: false, got: 'nothing' };
    const offered = r.candidates.map((m) => m.actor.code);
    const ok = Array.isArray(c.expect) && c.expect.every((code) => offered.includes(code));
    return { case: c, ok, got: `did you mean ${offered.join(', ')}` };
  });
}
