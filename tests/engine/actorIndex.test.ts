// Actor resolution and autocomplete over fictional directories: normalisation, the exact > prefix > fuzzy
// tiers, codes kept exact, "did you mean", and the autocomplete choices Discord receives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileCommand } from '../../commands/profile.ts';
import { actorAutocomplete } from '../../commands/shared.ts';
import type { Response } from '../../src/dispatch/response.ts';
import { actorChoices } from '../../src/render/autocompleteChoices.ts';
import { AUTOCOMPLETE_CHOICES_MAX } from '../../src/render/limits.ts';
import { didYouMean } from '../../src/render/notices.ts';
import type { ActorMatch, MatchTier } from '../../src/search/actorIndex.ts';
import { normalizeKey } from '../../src/search/normalize.ts';
import { DID_YOU_MEAN_MAX, resolveActor } from '../../src/search/resolveActor.ts';
import { expectChoicesWithinLimits, expectWithinLimits, length } from '../render/limitsChecker.ts';
import { type ActorSpec, autocompleteRequest, commandRequest, contextOf, makeEngine } from './corpora.ts';

const ACTORS: ActorSpec[] = [
  { code: 'MOR', name: 'Mora', profile: 'mora' },
  { code: 'MRV', name: 'Moravia' },
  { code: 'MUR', name: 'Mura' },
  { code: 'ABC', name: 'Azure Bay Coalition', kind: 'organisation' },
  { code: 'ABD', name: 'Amber Dominion' },
  { code: 'KRU', name: 'Kel Ruin' },
  { code: 'EMR', name: 'Émaré Highlands', aliases: ['Highland Émirs', 'Çörek Lake'] },
  { code: 'PVS', name: 'Port Vessar', profile: 'port-vessar' },
  { code: 'PVL', name: 'Port Vessaline' },
  { code: 'OVS', name: 'Lantern Guild of the Northern Reaches', aliases: ['Old Vessar'] },
  { code: 'VSC', name: 'Vesser' },
  { code: 'PVR', name: 'Port Vessarine' },
  { code: 'QZ', name: 'Quillon Zone', flag: '🏳️', aliases: ['The Quills'] },
  { code: 'CRV', name: 'Corvia' },
  { code: 'FCF', name: 'Free Corvian Front', kind: 'non-state armed group' },
];

const engine = await makeEngine({
  actors: ACTORS,
  profiles: [
    { id: 'mora', name: 'Mora', summary: ['Mora is an invented marsh state.'] },
    { id: 'port-vessar', name: 'Port Vessar', summary: ['Port Vessar is an invented harbour city.'] },
  ],
});
const TIER_RANK: Record<MatchTier, number> = { exact: 0, prefix: 1, fuzzy: 2 };
const tiers = (ms: readonly ActorMatch[]) => ms.map((m) => m.tier);
const codes = (ms: readonly ActorMatch[]) => ms.map((m) => m.actor.code);
const resolvedCode = (query: string) => {
  const r = resolveActor(engine.actors, query);
  return r.kind === 'found' ? r.actor.code : r.kind;
};

describe('normalisation', () => {
  it('case, accents and punctuation do not matter', () => {
    for (const query of [
      'emare highlands',
      'ÉMARÉ HIGHLANDS',
      'Emare-Highlands',
      '  émaré   highlands ',
      'EMR',
      'emr',
    ])
      expect(resolvedCode(query), query).toBe('EMR');
    expect(resolvedCode('corek lake')).toBe('EMR');
    expect(resolvedCode('ÇÖREK LAKE')).toBe('EMR');
    expect(resolvedCode('highland emirs')).toBe('EMR');
  });

  it('normalizeKey strips combining marks however the accent is encoded', () => {
    expect(normalizeKey('E\u0301mare\u0301')).toBe('emare');
    expect(normalizeKey('Émaré')).toBe('emare');
    expect(normalizeKey("  Port   Vessar's  ")).toBe('port vessars');
  });
});

describe('tiers: exact beats prefix beats fuzzy', () => {
  it('"mora": the exact name, then the longer name it starts, then the one-letter-off name', () => {
    const ms = engine.actors.match('mora', 10);
    expect(codes(ms)).toEqual(['MOR', 'MRV', 'MUR']);
    expect(tiers(ms)).toEqual(['exact', 'prefix', 'fuzzy']);
    expect(resolvedCode('mora')).toBe('MOR');
  });

  it('a word typed in full (an alias word) ranks before a close match of another name', () => {
    const ms = engine.actors.match('vessar', 10);
    const order = tiers(ms).map((t) => TIER_RANK[t]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const oldVessar = ms.find((m) => m.actor.code === 'OVS');
    const vesser = ms.find((m) => m.actor.code === 'VSC');
    expect(oldVessar?.tier).toBe('prefix');
    expect(oldVessar?.matched).toBe('Old Vessar');
    expect(vesser?.tier).toBe('fuzzy');
    expect(ms.indexOf(oldVessar!)).toBeLessThan(ms.indexOf(vesser!));
  });

  it('a word prefix is a prefix match, not a close match', () => {
    const ms = engine.actors.match('vessa', 10);
    expect(ms.length).toBeGreaterThan(0);
    expect(new Set(tiers(ms))).toEqual(new Set(['prefix']));
  });

  it('a name that starts with what was typed leads over one where it only starts a word', () => {
    const ms = engine.actors.match('corvi', 10);
    expect(codes(ms)).toEqual(['CRV', 'FCF']);
    expect(tiers(ms)).toEqual(['prefix', 'prefix']);
    expect(resolvedCode('corvi')).toBe('CRV');
    expect(resolvedCode('corvian')).toBe('FCF');
  });

  it('no fuzzy matching under 4 characters', () => {
    expect(engine.actors.match('mra', 10)).toEqual([]);
    expect(engine.actors.match('kex', 10)).toEqual([]);
    expect(resolveActor(engine.actors, 'kex').kind).toBe('none');
    expect(tiers(engine.actors.match('ves', 10))).not.toContain('fuzzy');
    // From four characters on, one edit is forgiven.
    expect(codes(engine.actors.match('ruix', 10))).toEqual(['KRU']);
    expect(engine.actors.match('ruix', 10)[0]?.tier).toBe('fuzzy');
  });

  it('a 3-letter code never fuzzy-matches another code', () => {
    expect(codes(engine.actors.match('ABC', 10))).toEqual(['ABC']);
    expect(codes(engine.actors.match('abd', 10))).toEqual(['ABD']);
    expect(engine.actors.match('ABE', 10)).toEqual([]);
    expect(engine.actors.match('ABX', 10)).toEqual([]);
    expect(resolveActor(engine.actors, 'ABE').kind).toBe('none');
    expect(resolvedCode('ABC')).toBe('ABC');
    // A shorter prefix is a prefix of both: that is not fuzziness, and it is ambiguous.
    expect(codes(engine.actors.match('AB', 10)).sort()).toEqual(['ABC', 'ABD']);
    expect(resolveActor(engine.actors, 'AB').kind).toBe('ambiguous');
  });

  it('property: tiers never go backwards, one entry per actor, at most `limit`, codes never fuzzy', () => {
    const typed = fc.oneof(
      fc.constantFrom(...ACTORS.flatMap((a) => [a.code, a.name, ...(a.aliases ?? [])])),
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[A-Za-zÉé ]{1,10}$/),
    );
    const mutated = fc
      .tuple(typed, fc.nat(12), fc.constantFrom('', 'x', 'e'), fc.boolean())
      .map(([t, at, insert, cut]) => (cut ? t.slice(0, at) : t.slice(0, at) + insert + t.slice(at)));
    fc.assert(
      fc.property(mutated, fc.integer({ min: 1, max: 25 }), (query, limit) => {
        const ms = engine.actors.match(query, limit);
        expect(ms.length).toBeLessThanOrEqual(limit);
        expect(new Set(codes(ms)).size).toBe(ms.length);
        const order = tiers(ms).map((t) => TIER_RANK[t]);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        for (const m of ms) if (m.field === 'code') expect(m.tier).not.toBe('fuzzy');
        if (normalizeKey(query).replace(/ /g, '').length < 4) expect(tiers(ms)).not.toContain('fuzzy');
      }),
      { numRuns: 300 },
    );
  });
});

describe('did you mean', () => {
  it('two names that both start with what was typed: ambiguous, both offered', () => {
    const r = resolveActor(engine.actors, 'port vess');
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(codes(r.candidates)).toEqual(expect.arrayContaining(['PVS', 'PVL', 'PVR']));
    expect(r.candidates.length).toBeLessThanOrEqual(DID_YOU_MEAN_MAX);
  });

  it('the command answers privately with the candidates, and a miss with "not found"', () => {
    const ctx = contextOf(engine);
    const ambiguous = profileCommand.run(commandRequest('profile', { actor: 'port vess' }), ctx) as Response;
    expectWithinLimits(ambiguous, 'did you mean');
    if (ambiguous.type === 'choices') throw new Error('expected a message');
    expect(ambiguous.reply.data.flags).toBe(64);
    const text = ambiguous.reply.data.embeds![0]!.description!;
    expect(ambiguous.reply.data.embeds![0]!.title).toBe('Did you mean…');
    for (const name of ['Port Vessar (PVS)', 'Port Vessaline (PVL)', 'Port Vessarine (PVR)'])
      expect(text).toContain(name);
    const none = profileCommand.run(commandRequest('profile', { actor: 'zzzzqqq' }), ctx) as Response;
    if (none.type === 'choices') throw new Error('expected a message');
    expect(none.reply.data.embeds![0]!.title).toBe('Not found');
  });

  it('an alias candidate says which alias matched', () => {
    const ms = engine.actors.match('old', 5);
    const reply = didYouMean('old', ms);
    expect(reply.data.embeds![0]!.description).toContain('— alias: Old Vessar');
  });
});

describe('actors without a profile', () => {
  it('resolve like any other, and are marked in autocomplete', () => {
    const r = resolveActor(engine.actors, 'Amber Dominion');
    expect(r.kind === 'found' && r.actor.code).toBe('ABD');
    expect(r.kind === 'found' && r.actor.profileId).toBeUndefined();
    const [choice] = actorChoices(engine.actors.match('amber', 1));
    expect(choice).toEqual({ name: 'Amber Dominion (ABD) — no profile', value: 'ABD' });
  });

  it('/profile for one answers with its card', () => {
    const response = profileCommand.run(
      commandRequest('profile', { actor: 'ABD' }),
      contextOf(engine),
    ) as Response;
    expectWithinLimits(response, 'no profile');
    if (response.type === 'choices') throw new Error('expected a message');
    expect(response.reply.data.embeds![0]!.title).toBe('Amber Dominion has no profile');
  });
});

describe('autocomplete', async () => {
  const many = await makeEngine({
    actors: Array.from({ length: 60 }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return {
        code: `NM${n}`,
        // Names up to the directory's 100 characters, aliases up to its 80.
        name: i % 3 === 0 ? `Northmark ${n} ${'Ꮭ'.repeat(85)}`.slice(0, 100) : `Northmark ${n}`,
        flag: i % 2 === 0 ? '🇦🇶' : undefined,
        aliases: [`Northmarch ${n} ${'Ꮭ'.repeat(80)}`.slice(0, 80), `Nm ${n}`],
        profile: i % 7 === 0 ? `northmark-${n}` : undefined,
      } satisfies ActorSpec;
    }),
    profiles: Array.from({ length: 60 }, (_, i) => i)
      .filter((i) => i % 7 === 0)
      .map((i) => {
        const n = String(i + 1).padStart(2, '0');
        return { id: `northmark-${n}`, name: `Northmark ${n}`, summary: ['An invented northern march.'] };
      }),
  });
  const ask = (value: string) => {
    const response = actorAutocomplete(
      autocompleteRequest('profile', { name: 'actor', value }),
      contextOf(many),
    );
    if (response.type !== 'choices') throw new Error('expected choices');
    return response.choices;
  };

  it('exactly 25 choices when more match, each within limits, values are codes', () => {
    for (const value of ['north', 'Northmark', 'NM', 'northmarch']) {
      const choices = ask(value);
      expect(choices.length, value).toBe(AUTOCOMPLETE_CHOICES_MAX);
      expectChoicesWithinLimits(choices, value);
      for (const c of choices) {
        expect(many.corpus.actorByCode.has(c.value)).toBe(true);
        expect(length(c.name)).toBeLessThanOrEqual(100);
      }
      expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    }
  });

  it('what matched is shown: an alias match names the alias', () => {
    const [first] = ask('Nm 09');
    expect(first).toEqual({ name: '🇦🇶 Northmark 09 (NM09) — alias: Nm 09', value: 'NM09' });
    const [long] = ask('northmarch 05');
    expect(long?.value).toBe('NM05');
    expect(long?.name).toMatch(/^🇦🇶 Northmark 05 \(NM05\) — alias: Northmarch 05 Ꮭ+…$/u);
    expect(long?.name.endsWith('…')).toBe(true);
    expect(length(long!.name)).toBe(100);
  });

  it('with nothing typed: actors with a profile first, then the rest, alphabetically', () => {
    const choices = ask('');
    expect(choices.length).toBe(25);
    const withProfile = many.corpus.actors.filter((a) => a.profileId).map((a) => a.code);
    expect(choices.slice(0, withProfile.length).map((c) => c.value)).toEqual(withProfile);
    for (const c of choices.slice(withProfile.length)) {
      expect(many.corpus.actorByCode.get(c.value)?.profileId).toBeUndefined();
      if (!c.name.endsWith('…')) expect(c.name).toMatch(/ — no profile$/);
    }
    const small = actorAutocomplete(
      autocompleteRequest('profile', { name: 'actor', value: '' }),
      contextOf(engine),
    );
    if (small.type !== 'choices') throw new Error('expected choices');
    expect(small.choices.slice(0, 2).map((c) => c.value)).toEqual(['MOR', 'PVS']);
  });

  it('a close match is labelled as one', () => {
    const choices = actorChoices(engine.actors.match('ruix', 5));
    expect(choices).toEqual([{ name: 'Kel Ruin (KRU) — close match', value: 'KRU' }]);
  });
});
