// Message context menu "Find actors": a private card for each actor the message names.
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule, Context } from '../src/dispatch/commandModule.ts';
import type { CommandRequest } from '../src/dispatch/request.ts';
import type { Response } from '../src/dispatch/response.ts';
import { actorCardsEmbed } from '../src/render/actorCards.ts';
import { ephemeral } from '../src/render/reply.ts';
import { GUILD_ONLY } from './shared.ts';

export const FIND_ACTORS = 'Find actors';

export const findActorsCommand: CommandModule = {
  definition: { type: ApplicationCommandType.Message, name: FIND_ACTORS, ...GUILD_ONLY },

  isPrivate: () => true,

  run(request: CommandRequest, context: Context): Response {
    const { engine } = context;
    const actors = engine.names.find(request.targetMessage?.content ?? '');
    return {
      type: 'message',
      reply: ephemeral({ embeds: [actorCardsEmbed(engine.corpus, engine.graph, actors)] }),
    };
  },
};
