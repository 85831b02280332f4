// /relations of | toward | between | network: how actors list each other, as an embed and a map picture.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule, Context } from '../src/dispatch/commandModule.ts';
import { commandOptions } from '../src/dispatch/commandOptions.ts';
import type { AutocompleteRequest, CommandRequest } from '../src/dispatch/request.ts';
import type { Response } from '../src/dispatch/response.ts';
import { truncate } from '../src/render/budget.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX } from '../src/render/limits.ts';
import { missingActor } from '../src/render/notices.ts';
import { relationsMapAttachment, relationsMapPicture } from '../src/render/relationsMapAttachment.ts';
import { type RelationsQuery, relationsNetworkModel } from '../src/render/relationsMapModel.ts';
import { relationsNetworkEmbed } from '../src/render/relationsNetworkReply.ts';
import {
  relationsBetweenEmbed,
  relationsOfEmbed,
  relationsTowardEmbed,
} from '../src/render/relationsReplies.ts';
import { teamNote } from '../src/teams/teamActor.ts';
import {
  AUDIENCE_OPTIONS,
  actorAutocomplete,
  actorOption,
  actorOptionDefinition,
  answer,
  askedPrivate,
  GUILD_ONLY,
} from './shared.ts';

const CATEGORY_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'category',
  description: 'Only this category (Allies, Partners, …)',
  autocomplete: true,
  max_length: 60,
} as const;

/** `of` and `toward` take the same options: an actor and an optional category. */
function listingSubcommand<const N extends string>(name: N, description: string) {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description,
    options: [actorOptionDefinition('actor', 'Name, code or alias'), CATEGORY_OPTION, ...AUDIENCE_OPTIONS],
  } as const;
}

const declared = commandOptions({
  type: ApplicationCommandType.ChatInput,
  name: 'relations',
  description: 'How actors list each other: allies, partners, rivals…',
  ...GUILD_ONLY,
  options: [
    listingSubcommand('of', 'Whom an actor lists, and as what'),
    listingSubcommand('toward', 'Which profiles list an actor, and as what'),
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'between',
      description: 'How two actors list each other',
      options: [
        actorOptionDefinition('actor', 'First actor (in a team channel, defaults to the team’s actor)'),
        actorOptionDefinition('other', 'Second actor'),
        ...AUDIENCE_OPTIONS,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'network',
      description: 'Every profiled actor and who lists whom, as one map',
      options: [CATEGORY_OPTION, ...AUDIENCE_OPTIONS],
    },
  ],
});

/** What, besides the data version, determines a map picture: the subcommand, its actors and category. */
function mapRequest(query: RelationsQuery, category?: string): (string | undefined)[] {
  if (query.kind === 'between') return ['between', query.result.a.code, query.result.b.code];
  return [query.kind, query.result.subject.code, category];
}

export const relationsCommand: CommandModule = {
  definition: declared.definition,

  isPrivate: askedPrivate,

  async run(request: CommandRequest, context: Context): Promise<Response> {
    const o = declared.parse(request);
    if (o.subcommand === 'network') {
      const model = relationsNetworkModel(context.engine, o.category);
      const embed = relationsNetworkEmbed(model);
      const map = await relationsMapPicture(
        context.engine,
        ['network', o.category?.toLowerCase()],
        () => model,
      );
      embed.image = { url: `attachment://${map.name}` };
      return answer(o, { embeds: [embed], files: [map] });
    }
    const { graph } = context.engine;
    const first = actorOption(o.actor, request, context);
    if (!first.ok) return first.response;
    const notes = first.team ? [teamNote(first.team, request.channel?.name ?? null)] : [];
    /** The embed with the query's map picture, when there is one to draw. */
    const reply = async (
      embed: ReturnType<typeof relationsOfEmbed>,
      query: RelationsQuery,
      category?: string,
    ) => {
      const map = await relationsMapAttachment(context.engine, query, mapRequest(query, category));
      if (map) embed.image = { url: `attachment://${map.name}` };
      return answer(o, { embeds: [embed], files: map ? [map] : [], content: notes.join('\n') || undefined });
    };

    switch (o.subcommand) {
      case 'of': {
        const result = graph.of(first.actor, o.category);
        return reply(relationsOfEmbed(result, o.category), { kind: 'of', result }, o.category);
      }
      case 'toward': {
        const result = graph.toward(first.actor, o.category);
        return reply(relationsTowardEmbed(result, o.category), { kind: 'toward', result }, o.category);
      }
      case 'between': {
        if (!o.other) return { type: 'message', reply: missingActor() };
        const second = actorOption(o.other, request, context, { teamDefault: false });
        if (!second.ok) return second.response;
        const result = graph.between(first.actor, second.actor);
        return reply(relationsBetweenEmbed(result), { kind: 'between', result });
      }
    }
  },

  autocomplete(request: AutocompleteRequest, context: Context): Response {
    if (request.focused.name !== 'category') return actorAutocomplete(request, context);
    const typed = request.focused.value.toLowerCase();
    const choices = context.engine.corpus.categories
      .filter((c) => c.name.toLowerCase().includes(typed))
      .slice(0, AUTOCOMPLETE_CHOICES_MAX)
      .map((c) => ({
        name: truncate(
          c.meaning ? `${c.name} — ${c.meaning}` : `${c.name} — meaning not given in the source`,
          CHOICE_NAME_MAX,
        ),
        value: c.name,
      }));
    return { type: 'choices', choices };
  },
};
