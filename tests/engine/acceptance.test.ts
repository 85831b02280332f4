// The acceptance checks of the feature, on the real seed in data/: lookups, autocomplete, relations, search,
// each checked on the engine's answer and on what the user would see.
import type { APIEmbed } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileCommand } from '../../commands/profile.ts';
import { relationsCommand } from '../../commands/relations.ts';
import { searchCommand } from '../../commands/search.ts';
import type { Response } from '../../src/dispatch/response.ts';
import type { Engine } from '../../src/engine.ts';
import { relationsOfEmbed, relationsTowardEmbed } from '../../src/render/relationsReplies.ts';
import { resolveActor } from '../../src/search/resolveActor.ts';
import { expectWithinLimits } from '../render/limitsChecker.ts';
import { autocompleteRequest, commandRequest, contextOf, loadSeedEngine } from './corpora.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await loadSeedEngine();
});

const actor = (code: string) => engine.corpus.actorByCode.get(code)!;

/** Every piece of text of an embed, in reading order. */
function embedText(embed: APIEmbed): string {
  return [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed.footer?.text,
  ]
    .filter((t) => t !== undefined)
    .join('\n');
}

function firstEmbed(response: Response): APIEmbed {
  if (response.type === 'choices') throw new Error('expected a message');
  return response.reply.data.embeds![0]!;
}

describe('actor lookups on the seed', () => {
  it.each(['taj', 'Tajik', 'TJK', 'tadjikistan'])('%s resolves to Tajikistan (TJK)', (query) => {
    const r = resolveActor(engine.actors, query);
    expect(r.kind).toBe('found');
    if (r.kind === 'found') {
      expect(r.actor.code).toBe('TJK');
      expect(r.actor.name).toBe('Tajikistan');
    }
  });

  it.each([
    ['Taliban', 'IEA'],
    ['china', 'PRC'],
  ])('%s resolves to %s', (query, code) => {
    const r = resolveActor(engine.actors, query);
    expect(r.kind === 'found' && r.actor.code).toBe(code);
  });

  it('/profile with each of those answers with the Tajikistan profile', () => {
    for (const query of ['taj', 'Tajik', 'TJK', 'tadjikistan']) {
      const response = profileCommand.run(
        commandRequest('profile', { actor: query }),
        contextOf(engine),
      ) as Response;
      expect(response.type).toBe('message');
      expectWithinLimits(response, query);
      expect(firstEmbed(response).title).toBe('🇹🇯 Tajikistan');
    }
  });

  it('autocomplete "rus" lists Russia first, by its code', () => {
    const response = profileCommand.autocomplete!(
      autocompleteRequest('profile', { name: 'actor', value: 'rus' }),
      contextOf(engine),
    );
    expect(response.type).toBe('choices');
    if (response.type !== 'choices') return;
    expect(response.choices[0]).toEqual({ name: '🇷🇺 Russia (RUS) — no profile', value: 'RUS' });
    expectWithinLimits(response, 'autocomplete rus');
  });
});

describe('relations on the seed', () => {
  const EXPECTED: [string, string[]][] = [
    ['Allies', ['RUS']],
    ['Partners', ['FRA', 'US', 'PRC', 'NRF', 'TKM', 'KAZ', 'IRA']],
    ['Rivals', []],
    ['Adversaries', []],
    ['AAOs', ['UZB', 'KGZ', 'IEA', 'HQN', 'JA']],
  ];

  it('of Tajikistan: every category in the profile’s order, empty ones included', () => {
    const result = engine.graph.of(actor('TJK'));
    expect(result.hasProfile).toBe(true);
    expect(result.categories.map((c) => [c.name, c.actors.map((a) => a.code)])).toEqual(EXPECTED);
    expect(result.categories.flatMap((c) => c.actors).every((a) => a.actor !== undefined)).toBe(true);
  });

  it('of Tajikistan, rendered: one field per category in order, empty ones say "none listed"', () => {
    const embed = relationsOfEmbed(engine.graph.of(actor('TJK')));
    const fields = embed.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([
      '🟢 Allies (1)',
      '🟢 Partners (7)',
      '🔴 Rivals (0)',
      '🔴 Adversaries (0)',
      '⚪ AAOs (5)',
    ]);
    for (const [i, [, codes]] of EXPECTED.entries()) {
      const value = fields[i]!.value;
      if (codes.length === 0) expect(value).toContain('_none listed_');
      // Codes appear in the profile's order.
      const positions = codes.map((code) => value.indexOf(`(${code})`));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('the AAOs category says its meaning is not given in the source', () => {
    const embed = relationsOfEmbed(engine.graph.of(actor('TJK')));
    const aaos = embed.fields!.find((f) => f.name.includes('AAOs'))!;
    expect(aaos.value.split('\n')[0]).toBe('_Meaning not given in the source._');
    const allies = embed.fields!.find((f) => f.name.includes('Allies'))!;
    expect(allies.value.split('\n')[0]).toBe('_Actors it counts as allies._');
  });

  it('the profile’s relationships page: the same categories, AAOs without a meaning', () => {
    const response = profileCommand.run(
      commandRequest('profile', { actor: 'TJK', section: 'relationships' }),
      contextOf(engine),
    ) as Response;
    expectWithinLimits(response, 'relationships page');
    const fields = firstEmbed(response).fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([
      'Allies (1)',
      'Partners (7)',
      'Rivals (0)',
      'Adversaries (0)',
      'AAOs (5)',
    ]);
    expect(fields[2]!.value).toBe('_Actors it counts as rivals._\n_none listed_');
    expect(fields[4]!.value.split('\n')).toEqual([
      '_Meaning not given in the source._',
      '🇺🇿 Uzbekistan (UZB)',
      '🇰🇬 Kyrgyzstan (KGZ)',
      'Islamic Emirate of Afghanistan (IEA)',
      'Haqqani Network (HQN)',
      'Jamaat Ansarullah (JA)',
    ]);
  });

  it('toward Russia: Tajikistan → Allies', () => {
    const result = engine.graph.toward(actor('RUS'));
    expect(result.edges.map((e) => `${e.from.name} → ${e.category}`)).toEqual(['Tajikistan → Allies']);
    const embed = relationsTowardEmbed(result);
    // The line names the lister as every reply does (flag, name, code), then the category.
    expect(embedText(embed)).toContain('🇹🇯 Tajikistan → Allies · TJK');
    expect(embed.fields!.map((f) => f.name)).toEqual(['🟢 as Allies (1)']);
  });

  it('/relations commands answer within limits, with the map attached', async () => {
    const ctx = contextOf(engine);
    for (const [subcommand, options] of [
      ['of', { actor: 'Tajikistan' }],
      ['toward', { actor: 'RUS' }],
      ['between', { actor: 'TJK', other: 'Taliban' }],
      ['of', { actor: 'TJK', category: 'AAOs' }],
    ] as const) {
      const response = await relationsCommand.run(commandRequest('relations', options, { subcommand }), ctx);
      expectWithinLimits(response, `relations ${subcommand}`);
      if (response.type === 'choices') throw new Error('expected a message');
      expect(response.reply.files.length).toBe(1);
    }
    const toward = await relationsCommand.run(
      commandRequest('relations', { actor: 'Russia' }, { subcommand: 'toward' }),
      ctx,
    );
    expect(embedText(firstEmbed(toward))).toContain('Tajikistan → Allies');
  });
});

describe('search on the seed', () => {
  it('"heroin trafficking" ranks the Narcotics interest first', () => {
    const result = engine.sections.search('heroin trafficking');
    expect(result.mode).toBe('AND');
    expect(result.hits[0]?.section.id).toBe('tajikistan:interest-2');
    expect(result.hits[0]?.section.title).toBe('2. Narcotics');
  });

  it('/search "heroin trafficking": Narcotics is the first field, with the words in bold', () => {
    const response = searchCommand.run(
      commandRequest('search', { query: 'heroin trafficking' }),
      contextOf(engine),
    ) as Response;
    expectWithinLimits(response, 'search');
    const first = firstEmbed(response).fields![0]!;
    expect(first.name).toBe('Tajikistan › 2. Narcotics');
    expect(first.value).toMatch(/\*\*heroin\*\*/i);
  });

  it('"herion" finds nothing and suggests "heroin"', () => {
    const result = engine.sections.search('herion');
    expect(result.hits).toEqual([]);
    expect(result.suggestions).toContain('heroin');
  });
});
