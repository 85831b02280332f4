// Profiles joined to the actor directory, so that one entity is one actor everywhere. Over the fictional corpus in
// tests/fixtures/join: a profile titled by an alias, by `profile:`, with a leading "The", under its code, without
// accents; an ambiguous title; a profile with no directory entry; directory actors with no profile. And the
// conflicts a directory can hold, built in memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { actorAutocomplete } from '../../commands/shared.ts';
import type { Engine } from '../../src/engine.ts';
import { buildEngine } from '../../src/engine.ts';
import { assembleCorpus, type CorpusParts } from '../../src/profiles/corpus.ts';
import type { Directory } from '../../src/profiles/directory.ts';
import { formatDiagnostic } from '../../src/profiles/formatDiagnostic.ts';
import { loadCorpus } from '../../src/profiles/loadCorpus.ts';
import { parseProfile } from '../../src/profiles/parseProfile.ts';
import { helpEmbed } from '../../src/render/helpReply.ts';
import { relationsMapModel } from '../../src/render/relationsMapModel.ts';
import { resolveActor } from '../../src/search/resolveActor.ts';
import { teamActor } from '../../src/teams/teamActor.ts';
import { autocompleteRequest, contextOf } from '../engine/corpora.ts';
import { JOIN_DIR, RESOLUTION_CASES, runResolutionCases } from '../engine/resolutionSet.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await buildEngine(await loadCorpus(JOIN_DIR));
});

const joined = (profileId: string) => engine.corpus.actorOfProfile.get(profileId);
const codeOf = (typed: string) => {
  const r = resolveActor(engine.actors, typed);
  return r.kind === 'found' ? r.actor.code : r.kind;
};

describe('joining profiles to the directory', () => {
  it('a profile titled by an alias belongs to that directory actor, which is then the only one', () => {
    expect(joined('vesk')).toMatchObject({
      code: 'VSK',
      name: 'Federal Republic of Vesk',
      joinedBy: 'title',
    });
    expect(joined('amaran')).toMatchObject({ code: 'AMR', joinedBy: 'title' });
    expect(engine.corpus.actorByCode.get('VSK')?.profileId).toBe('vesk');
    expect(engine.corpus.actors.filter((a) => /vesk/i.test(a.name))).toHaveLength(1);
    expect(engine.corpus.actorByCode.has('VESK')).toBe(false);
  });

  it('joins by profile:, by a title with "The", without accents or punctuation, and by file name', () => {
    expect(joined('okaro-federation')).toMatchObject({ code: 'OKR', joinedBy: 'profile' });
    expect(joined('zemaran')).toMatchObject({ code: 'ZMR', joinedBy: 'title' });
    expect(joined('saint-emeric')).toMatchObject({ code: 'SEM', joinedBy: 'title' });
    expect(joined('norvask')).toMatchObject({ code: 'PUN', joinedBy: 'title' });
    expect(joined('hlx')).toMatchObject({ code: 'HLX', joinedBy: 'file' });
  });

  it('an ambiguous title is a warning naming every candidate at file:line; the profile stays loaded', () => {
    expect(engine.corpus.diagnostics.map(formatDiagnostic)).toContain(
      'profiles/darova.txt:3: warning: "Darova" could be any of DRV Republic of Darova (actors.yaml:57), ' +
        'DLM Darova Liberation Movement (actors.yaml:61): add profile: darova to the right one; until then it ' +
        'stands as an actor of its own',
    );
    expect(joined('darova')).toMatchObject({ code: 'DAROVA', inDirectory: false });
    expect(engine.corpus.actorByCode.get('DRV')?.profileId).toBeUndefined();
    expect(engine.corpus.actorByCode.get('DLM')?.profileId).toBeUndefined();
    const r = resolveActor(engine.actors, 'darova');
    expect(r.kind).toBe('ambiguous');
  });

  it('a profile with no directory entry is an actor of its own, with a warning', () => {
    expect(joined('brannoch')).toMatchObject({
      code: 'BRANNOCH',
      name: 'Brannoch Collective',
      kind: 'other',
      inDirectory: false,
    });
    expect(engine.corpus.diagnostics.map(formatDiagnostic)).toContain(
      'profiles/brannoch.txt:3: warning: "Brannoch Collective" has no entry in the actor directory (add one with profile: brannoch); it is found by name only',
    );
    expect(engine.corpus.diagnostics).toHaveLength(2);
  });

  it('a directory actor with no profile is still one actor that others list', () => {
    const tml = engine.corpus.actorByCode.get('TML')!;
    expect(tml.profileId).toBeUndefined();
    expect(engine.graph.toward(tml).edges.map((e) => e.from.code)).toEqual(['VSK']);
    expect(engine.graph.of(tml).hasProfile).toBe(false);
  });

  it('codes are unique and every profile has exactly one actor', () => {
    const codes = engine.corpus.actors.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(engine.corpus.actors).toHaveLength(12 + 2);
    for (const p of engine.corpus.profiles)
      expect(engine.corpus.actors.filter((a) => a.profileId === p.id)).toHaveLength(1);
  });

  it('relations of, toward and between see the joined actor on both sides', () => {
    const vsk = engine.corpus.actorByCode.get('VSK')!;
    const amr = engine.corpus.actorByCode.get('AMR')!;
    expect(engine.graph.of(vsk).hasProfile).toBe(true);
    expect(
      engine.graph
        .toward(vsk)
        .edges.map((e) => e.from.code)
        .sort(),
    ).toEqual(['AMR', 'BRANNOCH', 'HLX', 'OKR']);
    const between = engine.graph.between(vsk, amr);
    expect(between.aToB).toEqual({ categories: [expect.objectContaining({ name: 'Rivals' })], known: true });
    expect(between.bToA).toEqual({
      categories: [expect.objectContaining({ name: 'Adversaries' })],
      known: true,
    });
  });

  it('the relations map draws the joined actor, with its profile', () => {
    const amr = engine.corpus.actorByCode.get('AMR')!;
    const model = relationsMapModel(engine, { kind: 'of', result: engine.graph.of(amr) });
    expect(model.actors.filter((a) => /vesk/i.test(a.name))).toEqual([
      expect.objectContaining({ code: 'VSK', name: 'Federal Republic of Vesk', hasProfile: true }),
    ]);
  });

  it('autocomplete offers the entity once, with its profile, by any of its names', () => {
    for (const typed of ['vesk', 'VSK', 'Federal Republic', 'karsg']) {
      const response = actorAutocomplete(
        autocompleteRequest('profile', { name: 'actor', value: typed }),
        contextOf(engine),
      );
      if (response.type !== 'choices') throw new Error('expected choices');
      expect(response.choices[0]).toMatchObject({ value: 'VSK' });
      expect(response.choices.filter((c) => c.value === 'VSK')).toHaveLength(1);
    }
  });

  it('Find actors knows a joined actor by its profile title too', () => {
    const found = engine.names.find(
      'The Federation of Okaro leases harbours to Vesk; Halix Isles fish nearby.',
    );
    expect(found.map((a) => a.code)).toEqual(['OKR', 'VSK', 'HLX']);
  });

  it('a team channel named after any name of an actor defaults to that one actor', () => {
    const team = (name: string) => teamActor(engine, { id: '300000000000000009', name })?.actor.code ?? null;
    expect(team('team-vesk')).toBe('VSK');
    expect(team('team-vsk')).toBe('VSK');
    expect(team('team-maritime-league')).toBe('TML');
    expect(team('okaro-federation')).toBe('OKR');
    expect(team('team-darova')).toBe('DAROVA');
    expect(team('general')).toBeNull();
  });

  it('/help counts each entity once', () => {
    const data = helpEmbed(engine.corpus).fields?.find((f) => f.name === 'Data')?.value;
    expect(data).toContain('**9** profiles, **14** actors');
  });

  it('resolves what people type: formal names, codes, aliases, profile titles, "The", accents, misspellings', () => {
    expect(RESOLUTION_CASES.length).toBeGreaterThanOrEqual(30);
    const misses = runResolutionCases(engine).filter((o) => !o.ok);
    expect(misses.map((o) => `${o.case.typed} → ${o.got}`)).toEqual([]);
    expect(codeOf('the federation of okaro')).toBe('OKR');
    expect(codeOf('halix')).toBe('HLX');
  });
});

describe('conflicts the directory can hold', () => {
  const directory: Directory = {
    categories: [],
    actors: [
      { code: 'VAL', name: 'Valdoria', kind: 'state', aliases: ['Valdorian Republic'], line: 3 },
      { code: 'KSH', name: 'Kesh', kind: 'state', aliases: [], profile: 'kesh-old', line: 8 },
      { code: 'KSF', name: 'Keshi Federation', kind: 'state', aliases: [], profile: 'kesh', line: 12 },
      { code: 'KSX', name: 'Kesh Exiles', kind: 'other', aliases: [], profile: 'kesh', line: 16 },
    ],
  };
  const profile = (file: string, text: string) => parseProfile(text, { file }).profile!;
  const parts = (profiles: CorpusParts['profiles']): CorpusParts => ({
    profiles,
    directory,
    teams: [],
    diagnostics: [],
  });

  it('profile: wins over a title, and warns when it names no loaded profile or one already named', () => {
    const corpus = assembleCorpus(parts([profile('profiles/kesh.txt', 'Kesh\n')]));
    expect(corpus.actorOfProfile.get('kesh')).toMatchObject({ code: 'KSF', joinedBy: 'profile' });
    expect(corpus.diagnostics.map(formatDiagnostic)).toEqual([
      'actors.yaml:8: warning: KSH names profile: kesh-old, but no profile with that id is loaded',
      'actors.yaml:16: warning: KSX names profile: kesh, which KSF already names; ignored',
    ]);
  });

  it('a second profile of an actor that already has one is loaded as its own actor, with a warning', () => {
    const corpus = assembleCorpus(
      parts([
        profile('profiles/valdoria.txt', 'Valdoria\n'),
        profile('profiles/valdoria-2020.txt', 'The Valdorian Republic\n'),
      ]),
    );
    expect(corpus.actorOfProfile.get('valdoria')?.code).toBe('VAL');
    expect(corpus.actorOfProfile.get('valdoria-2020')).toMatchObject({
      code: 'VALDORIA-2020',
      inDirectory: false,
    });
    expect(corpus.diagnostics.map(formatDiagnostic)).toContain(
      'profiles/valdoria-2020.txt:1: warning: "The Valdorian Republic" is VAL Valdoria (actors.yaml:3), which ' +
        'already has profiles/valdoria.txt; this profile stands as an actor of its own until one of the two is ' +
        'removed or given its own entry',
    );
  });
});
