// Every reply builder, on the seed, the fixtures and a deliberately oversized fictional corpus: each payload
// within every Discord limit, nothing able to ping; and every button a profile page offers leads somewhere.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ComponentType,
} from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIND_ACTORS, findActorsCommand } from '../../commands/findActors.ts';
import { helpCommand } from '../../commands/help.ts';
import { profileCommand } from '../../commands/profile.ts';
import { relationsCommand } from '../../commands/relations.ts';
import { searchCommand } from '../../commands/search.ts';
import type { OptionValue } from '../../src/dispatch/request.ts';
import type { Response } from '../../src/dispatch/response.ts';
import type { Engine } from '../../src/engine.ts';
import { actorCardsEmbed } from '../../src/render/actorCards.ts';
import { actorChoices } from '../../src/render/autocompleteChoices.ts';
import { parseCustomId } from '../../src/render/customId.ts';
import { helpEmbed } from '../../src/render/helpReply.ts';
import {
  didYouMean,
  guildOnly,
  missingActor,
  notFound,
  refused,
  restarting,
  slowDown,
  somethingWentWrong,
  staleComponent,
} from '../../src/render/notices.ts';
import { profileMessage } from '../../src/render/profileMessage.ts';
import { profilePages } from '../../src/render/profilePages.ts';
import {
  relationsBetweenEmbed,
  relationsOfEmbed,
  relationsTowardEmbed,
} from '../../src/render/relationsReplies.ts';
import { ephemeral, message } from '../../src/render/reply.ts';
import { searchEmbed } from '../../src/render/searchReply.ts';
import {
  type ActorSpec,
  autocompleteRequest,
  CATEGORIES,
  commandRequest,
  componentRequest,
  contextOf,
  loadFixtureEngine,
  loadSeedEngine,
  makeEngine,
  type ProfileSpec,
} from '../engine/corpora.ts';
import {
  choiceViolations,
  embedViolations,
  expectChoicesWithinLimits,
  expectWithinLimits,
} from './limitsChecker.ts';

const MARKDOWN = '**_~`|<>[]\\#-+1. @everyone <@&1234567890123456789> 湖🦆 e\u0301 مرفأ ';
const longText = (n: number) =>
  MARKDOWN.repeat(Math.ceil(n / MARKDOWN.length))
    .slice(0, n)
    .trim();

/** 60 actors at the directory's limits (100-character names, three 80-character aliases), 4 with profiles. */
function oversizedEngine(): Promise<Engine> {
  const actors: ActorSpec[] = Array.from({ length: 60 }, (_, i) => ({
    code: `OV${String(i).padStart(2, '0')}`,
    name: `${longText(90)} ${i}`.slice(0, 100),
    flag: i % 2 ? '🇦🇶' : undefined,
    kind: i % 3 ? 'state' : 'non-state armed group',
    aliases: [0, 1, 2].map((k) => `Alias ${i}-${k} ${longText(70)}`.slice(0, 80)),
    profile: i < 4 ? `ov-${i}` : undefined,
  }));
  const codes = actors.map((a) => a.code);
  const profiles: ProfileSpec[] = Array.from({ length: 4 }, (_, i) => ({
    id: `ov-${i}`,
    name: `${longText(200)} ${i}`,
    image: `${longText(40).replace(/\s/g, '_')}.png`,
    summary: [longText(9000), longText(300)],
    interests: {
      intro: [longText(500)],
      items: Array.from({ length: 40 }, (_, k) => ({ title: longText(150), body: [longText(k * 50 + 10)] })),
    },
    relationships: {
      categories: [...CATEGORIES.map((c) => c.name), 'Unlisted _Category_'].map((name, k) => ({
        name,
        codes: [...codes.filter((_, j) => (j + i) % 6 === k), 'ZZQ9'],
      })),
    },
    sections: Array.from({ length: 8 }, (_, k) => ({
      heading: longText(120),
      paragraphs: k % 4 === 0 ? [] : [longText(2500 * k)],
    })),
  }));
  return makeEngine({
    actors,
    profiles,
    categories: [
      ...CATEGORIES,
      ...Array.from({ length: 30 }, (_, k) => ({
        name: `Category ${k} ${longText(40)}`.slice(0, 60),
        meaning: longText(200),
        polarity: 'unknown' as const,
        colour: '#123456',
      })),
    ],
  });
}

const engines: [string, () => Promise<Engine>][] = [
  ['the seed', loadSeedEngine],
  ['the fixtures', loadFixtureEngine],
  ['an oversized corpus', oversizedEngine],
];

describe.each(engines)('every builder on %s', (_name, load) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await load();
  });
  const run = (response: Response | Promise<Response>) => response as Response;

  it('profile pages: every page as a message, every button and menu option leads to a page', async () => {
    const ctx = contextOf(engine);
    for (const profile of engine.corpus.profiles) {
      const pages = profilePages(engine.corpus, profile);
      for (let index = 0; index < pages.length; index++) {
        const reply = profileMessage({ profile, pages, index }, { loadedAt: engine.corpus.loadedAt });
        expectWithinLimits(reply, `${profile.id} page ${index + 1}`);
        // Big profiles: every page is checked, the buttons of a few of them are followed (each click lays the
        // profile out again).
        const follow = pages.length <= 12 || index === 0 || index === pages.length - 1;
        if (!follow) continue;
        const rows = (reply.data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
        for (const row of rows) {
          for (const c of row.components) {
            if (c.type === ComponentType.Button && 'custom_id' in c) {
              const state = parseCustomId(c.custom_id);
              expect(state, c.custom_id).not.toBeNull();
              if (c.disabled) continue;
              const clicked = run(await profileCommand.component!(componentRequest(c.custom_id), ctx));
              expectWithinLimits(clicked, c.custom_id);
              if (clicked.type === 'choices') throw new Error('expected an update');
              expect(clicked.type).toBe('update');
              expect(clicked.reply.data.content, `${c.custom_id} finds its page`).toBeUndefined();
            } else if (c.type === ComponentType.StringSelect) {
              expect(parseCustomId(c.custom_id)).toEqual({ kind: 'profile-jump', profileId: profile.id });
              if (index > 0) continue;
              for (const option of c.options) {
                const jumped = run(
                  await profileCommand.component!(componentRequest(c.custom_id, [option.value]), ctx),
                );
                expectWithinLimits(jumped, `${c.custom_id} → ${option.value}`);
                if (jumped.type === 'choices') throw new Error('expected an update');
                expect(jumped.reply.data.content).toBeUndefined();
              }
            }
          }
        }
      }
    }
  });

  it('/profile for every actor, with and without a section, private or pointed at a teammate', () => {
    const ctx = contextOf(engine);
    for (const actor of engine.corpus.actors) {
      const variants: Record<string, OptionValue>[] = [
        { actor: actor.code },
        { actor: actor.code, section: 'relationships', private: true },
        {
          actor: actor.code,
          section: 'no such section <@&1234567890123456789>',
          mention: '100000000000000042',
        },
      ];
      for (const options of variants) {
        expectWithinLimits(
          run(profileCommand.run(commandRequest('profile', options), ctx)),
          JSON.stringify(options),
        );
      }
    }
  });

  it('relations: of, toward and between for every actor (and pair), as embeds and as commands', async () => {
    const { graph, corpus } = engine;
    const actors = corpus.actors.slice(0, 20);
    for (const a of corpus.actors) {
      const embeds: APIEmbed[] = [relationsOfEmbed(graph.of(a)), relationsTowardEmbed(graph.toward(a))];
      for (const c of corpus.categories) {
        embeds.push(
          relationsOfEmbed(graph.of(a, c.name), c.name),
          relationsTowardEmbed(graph.toward(a, c.name), c.name),
        );
      }
      for (const b of actors) embeds.push(relationsBetweenEmbed(graph.between(a, b)));
      for (const e of embeds) expect(embedViolations([e]), e.title).toEqual([]);
    }
    const ctx = contextOf(engine);
    const first = corpus.profiles[0] ? corpus.actorOfProfile.get(corpus.profiles[0].id)! : corpus.actors[0]!;
    for (const [subcommand, options] of [
      ['of', { actor: first.code }],
      ['toward', { actor: corpus.actors.at(-1)!.code, private: true }],
      ['between', { actor: first.code, other: corpus.actors.at(-1)!.code, mention: '100000000000000042' }],
    ] as const) {
      expectWithinLimits(
        run(await relationsCommand.run(commandRequest('relations', options, { subcommand }), ctx)),
        subcommand,
      );
    }
  });

  it('search: embeds and the command, hits and misses', () => {
    const ctx = contextOf(engine);
    for (const query of ['heroin trafficking', 'salt', 'herion', 'everyone', '湖', '*', '', longText(200)]) {
      const result = engine.sections.search(query);
      expect(embedViolations([searchEmbed(engine.corpus, query, result, 'A scope')]), query).toEqual([]);
      expectWithinLimits(run(searchCommand.run(commandRequest('search', { query }), ctx)), query);
    }
  });

  it('autocomplete: actor choices for any prefix, sections and categories', () => {
    const ctx = contextOf(engine);
    for (const value of ['', 'a', 'ta', 'rus', 'alias', 'ov', longText(100)]) {
      expectChoicesWithinLimits(actorChoices(engine.actors.match(value, 25)), value);
      for (const [command, focused, sub] of [
        ['profile', 'actor', undefined],
        ['profile', 'section', undefined],
        ['relations', 'category', 'of'],
        ['relations', 'other', 'between'],
      ] as const) {
        const options = { actor: engine.corpus.actors[0]!.code };
        const module = command === 'profile' ? profileCommand : relationsCommand;
        const response = module.autocomplete!(
          autocompleteRequest(command, { name: focused, value }, options, sub),
          ctx,
        );
        expect(response.type).toBe('choices');
        expectWithinLimits(response, `${command} ${focused} ${value.slice(0, 20)}`);
      }
    }
  });

  it('find actors: cards for a message naming every actor', () => {
    const text = engine.corpus.actors.map((a) => `${a.name} and ${a.code}`).join(', ');
    const response = run(
      findActorsCommand.run(commandRequest(FIND_ACTORS, {}, { targetMessage: text }), contextOf(engine)),
    );
    expectWithinLimits(response, 'find actors');
    expect(embedViolations([actorCardsEmbed(engine.corpus, engine.graph, engine.corpus.actors)])).toEqual([]);
    expect(embedViolations([actorCardsEmbed(engine.corpus, engine.graph, [])])).toEqual([]);
  });

  it('help, with and without a failed reload', () => {
    expect(embedViolations([helpEmbed(engine.corpus)])).toEqual([]);
    expect(embedViolations([helpEmbed(engine.corpus, { lastReloadError: longText(3000) })])).toEqual([]);
    const response = run(
      helpCommand.run(commandRequest('help', {}), {
        engine,
        status: { startedAt: new Date(), lastReload: { at: new Date(), ok: false, message: longText(5000) } },
      }),
    );
    expectWithinLimits(response, 'help');
  });

  it('notices: did you mean (with the longest candidates), not found, and the rest', () => {
    const hostile = `${'@everyone '.repeat(700)}<@&1234567890123456789>`;
    const echoing = [
      didYouMean(hostile, engine.actors.match('a', 5)),
      didYouMean(longText(6000), engine.actors.match('', 5)),
      notFound(hostile),
      notFound(longText(6000), 'profile'),
    ];
    for (const reply of echoing) {
      // The query is echoed on the first line: never as a live mass mention or mention.
      const echoed = reply.data.embeds![0]!.description!.split('\n')[0]!;
      expect(echoed).not.toMatch(/@(everyone|here)|(?<!\\)<@/);
    }
    for (const reply of [
      ...echoing,
      missingActor(),
      somethingWentWrong('ref-0123456789abcdef'),
      staleComponent('That profile is no longer in Dossier’s data.'),
      refused(),
      slowDown(12),
      guildOnly(),
      restarting(),
    ]) {
      expectWithinLimits(reply, reply.data.embeds?.[0]?.title ?? 'notice');
      expect(reply.data.flags).toBe(64);
    }
  });
});

describe('reply envelope', () => {
  it('allowed_mentions is empty on every payload, and names only the user pointed at', () => {
    expect(message({ content: '@everyone' }).data.allowed_mentions).toEqual({ parse: [] });
    expect(ephemeral({}).data.allowed_mentions).toEqual({ parse: [] });
    const pointed = message({ content: 'hi', mentionUserId: '100000000000000042' });
    expect(pointed.data.allowed_mentions).toEqual({ parse: [], users: ['100000000000000042'] });
    expect(pointed.data.content).toBe('<@100000000000000042>\nhi');
  });

  it('actor choices never exceed 25, each name within 100 code points', async () => {
    const engine = await oversizedEngine();
    const matches = engine.actors.match('', 60);
    expect(matches.length).toBe(60);
    const choices = actorChoices(matches);
    expect(choices.length).toBe(25);
    expect(choiceViolations(choices)).toEqual([]);
  });
});
