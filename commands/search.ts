// /search: full text over every section of every profile, with snippets; in a team channel the team's
// profile ranks first.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule } from '../src/dispatch/commandModule.ts';
import { chatInputCommand } from '../src/dispatch/commandOptions.ts';
import { noProfileToSearchEmbed, searchEmbed } from '../src/render/searchReply.ts';
import { searchSections } from '../src/search/searchSections.ts';
import { teamActor, teamNote } from '../src/teams/teamActor.ts';
import {
  AUDIENCE_OPTIONS,
  actorAutocomplete,
  actorOption,
  actorOptionDefinition,
  answer,
  askedPrivate,
  GUILD_ONLY,
  MAX_QUERY_LENGTH,
} from './shared.ts';

export const searchCommand: CommandModule = chatInputCommand(
  {
    type: ApplicationCommandType.ChatInput,
    name: 'search',
    description: 'Search the text of every profile',
    ...GUILD_ONLY,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words to look for',
        required: true,
        max_length: MAX_QUERY_LENGTH,
      },
      actorOptionDefinition('actor', 'Only this actor’s profile'),
      ...AUDIENCE_OPTIONS,
    ],
  },
  {
    isPrivate: askedPrivate,

    run(o, request, context) {
      const { engine } = context;
      let profileId: string | undefined;
      let scopeName: string | undefined;
      if (o.actor) {
        const chosen = actorOption(o.actor, request, context, { teamDefault: false });
        if (!chosen.ok) return chosen.response;
        if (!chosen.actor.profileId)
          return answer({ private: true }, { embeds: [noProfileToSearchEmbed(o.query, chosen.actor.name)] });
        profileId = chosen.actor.profileId;
        scopeName = chosen.actor.name;
      }
      const team = o.actor ? null : teamActor(engine, request.channel);
      const result = searchSections(engine, o.query, { profileId, favourProfileId: team?.actor.profileId });
      const embed = searchEmbed(engine.corpus, o.query, result, scopeName);
      const noHits = result.hits.length === 0;
      // A miss is a did-you-mean: only the one who asked needs it.
      return answer(noHits ? { private: true } : o, {
        embeds: [embed],
        content: team?.actor.profileId
          ? teamNote(team, request.channel?.name ?? null, 'Team profile ranked first')
          : undefined,
      });
    },

    autocomplete: actorAutocomplete,
  },
);
