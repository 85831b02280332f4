// /help: what Dossier can do and what data it holds.
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule, Context } from '../src/dispatch/commandModule.ts';
import type { Response } from '../src/dispatch/response.ts';
import { helpEmbed } from '../src/render/helpReply.ts';
import { ephemeral } from '../src/render/reply.ts';
import { GUILD_ONLY } from './shared.ts';

export const helpCommand: CommandModule = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    description: 'What Dossier can do, and the data it holds',
    ...GUILD_ONLY,
  },

  isPrivate: () => true,

  run(_request, context: Context): Response {
    const last = context.status.lastReload;
    const embed = helpEmbed(context.engine.corpus, {
      lastReloadError: last && !last.ok ? last.message : undefined,
      history: context.history?.status(),
    });
    return { type: 'message', reply: ephemeral({ embeds: [embed] }) };
  },
};
