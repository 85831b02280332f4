// The relations graph over a fictional corpus: of / toward / between, asymmetric listings, an actor without a
// profile, actors both list in the same category, category filters, codes the directory does not know; and the
// embeds that show them.
import { describe, expect, it } from 'vitest';
import { relationsCommand } from '../../commands/relations.ts';
import {
  relationsBetweenEmbed,
  relationsOfEmbed,
  relationsTowardEmbed,
} from '../../src/render/relationsReplies.ts';
import { expectEmbedsWithinLimits, expectWithinLimits } from '../render/limitsChecker.ts';
import { commandRequest, contextOf, makeEngine } from './corpora.ts';

const engine = await makeEngine({
  actors: [
    { code: 'VSR', name: 'Vessaria', profile: 'vessaria', flag: '🏴' },
    { code: 'KDR', name: 'Kadros', profile: 'kadros' },
    { code: 'OSL', name: 'Osland', profile: 'osland' },
    { code: 'PLX', name: 'Pellix' },
    { code: 'MRD', name: 'Meridian Accord', kind: 'organisation' },
    { code: 'SLF', name: 'Saltmarsh Front', kind: 'non-state armed group' },
  ],
  profiles: [
    {
      id: 'vessaria',
      name: 'Vessaria',
      relationships: {
        categories: [
          { name: 'Allies', codes: ['PLX', 'MRD'] },
          { name: 'Partners', codes: ['KDR'] },
          { name: 'Rivals', codes: [] },
          { name: 'AAOs', codes: ['SLF', 'ZZQ'] },
        ],
      },
    },
    {
      id: 'kadros',
      name: 'Kadros',
      relationships: {
        categories: [
          { name: 'Allies', codes: ['MRD', 'OSL'] },
          { name: 'Rivals', codes: ['VSR'] },
          { name: 'AAOs', codes: ['SLF'] },
        ],
      },
    },
    {
      id: 'osland',
      name: 'Osland',
      relationships: {
        categories: [
          { name: 'allies', codes: ['KDR'] },
          { name: 'Smugglers', codes: ['PLX', 'VSR'] },
        ],
      },
    },
  ],
});
const { graph, corpus } = engine;
const actor = (code: string) => corpus.actorByCode.get(code)!;

describe('of', () => {
  it('lists every category in the profile’s order, codes in order, unknown codes kept raw', () => {
    const r = graph.of(actor('VSR'));
    expect(r.hasProfile).toBe(true);
    expect(r.categories.map((c) => [c.name, c.actors.map((a) => a.code)])).toEqual([
      ['Allies', ['PLX', 'MRD']],
      ['Partners', ['KDR']],
      ['Rivals', []],
      ['AAOs', ['SLF', 'ZZQ']],
    ]);
    const zzq = r.categories[3]!.actors[1]!;
    expect(zzq.actor).toBeUndefined();
    const embed = relationsOfEmbed(r);
    expect(embed.fields!.find((f) => f.name.includes('AAOs'))!.value).toContain('ZZQ (not in the directory)');
    expect(embed.fields!.find((f) => f.name.includes('Rivals'))!.value).toContain('_none listed_');
  });

  it('a category filter keeps that category, whatever its case', () => {
    expect(graph.of(actor('VSR'), 'allies').categories.map((c) => c.name)).toEqual(['Allies']);
    expect(graph.of(actor('VSR'), 'RIVALS').categories.map((c) => c.name)).toEqual(['Rivals']);
    const none = graph.of(actor('VSR'), 'Adversaries');
    expect(none.categories).toEqual([]);
    expect(relationsOfEmbed(none, 'Adversaries').description).toBe(
      "Vessaria's profile has no category named “Adversaries”.",
    );
  });

  it('a category the directory does not know is shown, its meaning not given', () => {
    const r = graph.of(actor('OSL'), 'Smugglers');
    expect(r.categories[0]!.info).toMatchObject({ inDirectory: false, polarity: 'unknown' });
    expect(relationsOfEmbed(r).fields![0]!.value).toContain('_Meaning not given in the source._');
  });

  it('an actor without a profile lists nobody, and the reply says why', () => {
    const r = graph.of(actor('PLX'));
    expect(r).toMatchObject({ hasProfile: false, categories: [] });
    expect(relationsOfEmbed(r).description).toContain('Pellix has no profile');
  });
});

describe('toward', () => {
  it('every listing of an actor, with its category', () => {
    const r = graph.toward(actor('MRD'));
    expect(r.edges.map((e) => `${e.from.code} ${e.category}`)).toEqual(['KDR Allies', 'VSR Allies']);
    const embed = relationsTowardEmbed(r);
    expect(embed.fields!.map((f) => f.name)).toEqual(['🟢 as Allies (2)']);
    expect(embed.fields![0]!.value.split('\n')).toEqual([
      'Kadros → Allies · KDR',
      '🏴 Vessaria → Allies · VSR',
    ]);
  });

  it('listings in different categories are grouped by category', () => {
    const r = graph.toward(actor('PLX'));
    expect(r.edges.map((e) => `${e.from.code} ${e.category}`).sort()).toEqual([
      'OSL Smugglers',
      'VSR Allies',
    ]);
    expect(
      relationsTowardEmbed(r)
        .fields!.map((f) => f.name)
        .sort(),
    ).toEqual(['⚪ as Smugglers (1)', '🟢 as Allies (1)']);
  });

  it('a category filter, whatever its case; nobody listing is said plainly', () => {
    expect(graph.toward(actor('SLF'), 'aaos').edges.length).toBe(2);
    expect(graph.toward(actor('SLF'), 'Allies').edges).toEqual([]);
    expect(relationsTowardEmbed(graph.toward(actor('SLF'), 'Allies'), 'Allies').description).toBe(
      'No profile lists Saltmarsh Front under “Allies”.',
    );
  });
});

describe('between', () => {
  it('asymmetry: one lists the other as Partners, the other lists it back as Rivals', () => {
    const r = graph.between(actor('VSR'), actor('KDR'));
    expect(r.aToB).toEqual({ known: true, categories: [expect.objectContaining({ name: 'Partners' })] });
    expect(r.bToA).toEqual({ known: true, categories: [expect.objectContaining({ name: 'Rivals' })] });
    expect(r.asymmetric).toBe(true);
    const embed = relationsBetweenEmbed(r);
    expect(embed.description).toContain('Asymmetric');
    expect(embed.fields!.slice(0, 2)).toEqual([
      { name: 'How Vessaria lists Kadros', value: '🟢 **Partners**' },
      { name: 'How Kadros lists Vessaria', value: '🔴 **Rivals**' },
    ]);
  });

  it('the same listing both ways (category names in any case) is not asymmetric', () => {
    const r = graph.between(actor('KDR'), actor('OSL'));
    expect(r.aToB.categories.map((c) => c.name)).toEqual(['Allies']);
    expect(r.bToA.categories.map((c) => c.name)).toEqual(['allies']);
    expect(r.asymmetric).toBe(false);
    expect(relationsBetweenEmbed(r).description).toBe('The two profiles list each other the same way.');
  });

  it('one lists the other, the other does not list it back: asymmetric, "not listed"', () => {
    const r = graph.between(actor('VSR'), actor('OSL'));
    expect(r.aToB).toEqual({ known: true, categories: [] });
    expect(r.bToA.categories.map((c) => c.name)).toEqual(['Smugglers']);
    expect(r.asymmetric).toBe(true);
    expect(relationsBetweenEmbed(r).fields![0]).toEqual({
      name: 'How Vessaria lists Osland',
      value: '_not listed_',
    });
  });

  it('an actor without a profile: its view is unknown (known: false), never "asymmetric"', () => {
    const r = graph.between(actor('VSR'), actor('PLX'));
    expect(r.aToB.known).toBe(true);
    expect(r.aToB.categories.map((c) => c.name)).toEqual(['Allies']);
    expect(r.bToA).toEqual({ known: false, categories: [] });
    expect(r.asymmetric).toBe(false);
    const embed = relationsBetweenEmbed(r);
    expect(embed.fields![1]!.value).toBe('_Pellix has no profile: its view is unknown._');
    expect(embed.description).toBeUndefined();
  });

  it('shared: actors both list in the same category, neither of the two themselves', () => {
    const r = graph.between(actor('VSR'), actor('KDR'));
    expect(r.shared.map((s) => [s.category, s.actors.map((a) => a.code)])).toEqual([
      ['Allies', ['MRD']],
      ['AAOs', ['SLF']],
    ]);
    const embed = relationsBetweenEmbed(r);
    expect(embed.fields!.map((f) => f.name)).toContain('Both list as Allies (1)');
    expect(graph.between(actor('VSR'), actor('PLX')).shared).toEqual([]);
    expect(relationsBetweenEmbed(graph.between(actor('VSR'), actor('PLX'))).fields!.at(-1)).toEqual({
      name: 'In common',
      value: '_No actor is listed by both in the same category._',
    });
  });

  it('every embed here is within limits', () => {
    const codes = corpus.actors.map((a) => a.code);
    const embeds = codes.flatMap((a) => [
      relationsOfEmbed(graph.of(actor(a))),
      relationsTowardEmbed(graph.toward(actor(a))),
      ...codes.map((b) => relationsBetweenEmbed(graph.between(actor(a), actor(b)))),
    ]);
    for (const e of embeds) expectEmbedsWithinLimits([e], e.title);
  });

  it('/relations between resolves both actors; a missing second actor is asked for', async () => {
    const ctx = contextOf(engine);
    const ok = await relationsCommand.run(
      commandRequest('relations', { actor: 'vessaria', other: 'kadros' }, { subcommand: 'between' }),
      ctx,
    );
    expectWithinLimits(ok, 'between');
    const missing = await relationsCommand.run(
      commandRequest('relations', { actor: 'vessaria' }, { subcommand: 'between' }),
      ctx,
    );
    if (missing.type === 'choices') throw new Error('expected a message');
    expect(missing.reply.data.embeds![0]!.title).toBe('Which actor?');
  });
});
