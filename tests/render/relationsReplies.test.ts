// Relations embeds (of / toward / between) for generated worlds with up to 200 listed codes and many profiles
// listing the same actors: always within every limit, and what does not fit is counted, never dropped silently.
import type { APIEmbed } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relationsCommand } from '../../commands/relations.ts';
import { buildEngine } from '../../src/engine.ts';
import {
  relationsBetweenEmbed,
  relationsOfEmbed,
  relationsTowardEmbed,
} from '../../src/render/relationsReplies.ts';
import { commandRequest, contextOf, makeCorpus, makeEngine } from '../engine/corpora.ts';
import { SUBJECT_CODE, world } from './arbitraries.ts';
import { embedViolations, expectWithinLimits } from './limitsChecker.ts';

/** Lines shown in fields other than the closing "More" one, and the count that field gives. */
function shownAndOmitted(embed: APIEmbed): { shown: number; omitted: number } {
  const fields = embed.fields ?? [];
  const more = fields.find((f) => f.name === 'More');
  const omitted = more ? Number(/…and (\d+) more/.exec(more.value)?.[1]) : 0;
  const shown = fields.filter((f) => f !== more).reduce((n, f) => n + f.value.split('\n').length, 0);
  return { shown, omitted };
}

describe('relations embeds, generated worlds', () => {
  it('of, toward and between are within limits; every line is shown or counted', async () => {
    await fc.assert(
      fc.asyncProperty(world({ maxCodes: 200, maxInterests: 0, maxListers: 60 }), async (w) => {
        const { graph, corpus } = await buildEngine(makeCorpus(w.spec));
        const subject = corpus.actorByCode.get(SUBJECT_CODE)!;
        const check = (embed: APIEmbed, what: string) => expect(embedViolations([embed]), what).toEqual([]);

        const of = graph.of(subject);
        const ofEmbed = relationsOfEmbed(of);
        check(ofEmbed, 'of');
        if (of.categories.length > 0) {
          // One meaning line per category, then its actors or "none listed".
          const lines = of.categories.reduce((n, c) => n + 1 + Math.max(1, c.actors.length), 0);
          const { shown, omitted } = shownAndOmitted(ofEmbed);
          expect(shown + omitted, 'of: shown + counted').toBe(lines);
        }
        for (const c of of.categories)
          check(relationsOfEmbed(graph.of(subject, c.name), c.name), `of ${c.name}`);
        check(relationsOfEmbed(graph.of(subject, 'No Such Category'), 'No Such Category'), 'of, no category');

        for (const a of corpus.actors) {
          const toward = graph.toward(a);
          const towardEmbed = relationsTowardEmbed(toward);
          check(towardEmbed, `toward ${a.code}`);
          if (toward.edges.length > 0) {
            const { shown, omitted } = shownAndOmitted(towardEmbed);
            expect(shown + omitted, `toward ${a.code}: shown + counted`).toBe(toward.edges.length);
          }
        }
        for (const other of corpus.actors.slice(0, 30)) {
          check(relationsBetweenEmbed(graph.between(subject, other)), `between ${other.code}`);
          check(relationsBetweenEmbed(graph.between(other, subject)), `between ${other.code} (reversed)`);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('relations embeds, the largest listings', async () => {
  // 200 codes, every one known, with names at the directory's 100 characters: far more than one embed holds.
  const codes = Array.from({ length: 200 }, (_, i) => `Q${i.toString(36).toUpperCase().padStart(3, '0')}`);
  const longName = (i: number) => `${'Ꮭ'.repeat(90)} Realm ${i}`.slice(0, 100);
  const listers = Array.from({ length: 120 }, (_, i) => `L${String(i).padStart(3, '0')}`);
  const engine = await makeEngine({
    actors: [
      { code: 'VSR', name: 'Vessaria', profile: 'vessaria', flag: '🏴' },
      ...codes.map((code, i) => ({ code, name: longName(i), flag: '🇦🇶' })),
      ...listers.map((code, i) => ({ code, name: longName(i), profile: code.toLowerCase() })),
    ],
    profiles: [
      {
        id: 'vessaria',
        name: 'Vessaria',
        relationships: {
          categories: ['Allies', 'Partners', 'Rivals', 'Adversaries', 'AAOs'].map((name, k) => ({
            name,
            codes: codes.filter((_, i) => i % 5 === k),
          })),
        },
      },
      ...listers.map((code, i) => ({
        id: code.toLowerCase(),
        name: longName(i),
        relationships: {
          categories: [{ name: i % 2 ? 'Allies' : 'Rivals', codes: ['VSR', ...codes.slice(0, 3)] }],
        },
      })),
    ],
  });
  const vsr = engine.corpus.actorByCode.get('VSR')!;

  it('of: within limits, the rest counted', () => {
    const embed = relationsOfEmbed(engine.graph.of(vsr));
    expect(embedViolations([embed])).toEqual([]);
    const { shown, omitted } = shownAndOmitted(embed);
    expect(omitted).toBeGreaterThan(0);
    expect(shown + omitted).toBe(205);
  });

  it('toward: 120 listings, within limits, the rest counted', () => {
    const embed = relationsTowardEmbed(engine.graph.toward(vsr));
    expect(embedViolations([embed])).toEqual([]);
    const { shown, omitted } = shownAndOmitted(embed);
    expect(omitted).toBeGreaterThan(0);
    expect(shown + omitted).toBe(120);
  });

  it('between: many shared actors, within limits', () => {
    const a = engine.corpus.actorByCode.get('L000')!;
    const b = engine.corpus.actorByCode.get('L002')!;
    expect(embedViolations([relationsBetweenEmbed(engine.graph.between(a, b))])).toEqual([]);
    expect(embedViolations([relationsBetweenEmbed(engine.graph.between(vsr, a))])).toEqual([]);
  });

  it('the /relations commands answer within limits (the map attached)', async () => {
    const ctx = contextOf(engine);
    for (const [subcommand, options] of [
      ['of', { actor: 'VSR' }],
      ['of', { actor: 'VSR', category: 'aaos' }],
      ['toward', { actor: 'VSR' }],
      ['toward', { actor: 'VSR', category: '@everyone <@&1234567890123456789>' }],
      ['between', { actor: 'VSR', other: 'L001' }],
    ] as const) {
      const response = await relationsCommand.run(commandRequest('relations', options, { subcommand }), ctx);
      expectWithinLimits(response, `${subcommand} ${JSON.stringify(options)}`);
    }
  });
});
