// A Response as Discord's interaction callback JSON: what the bot posts and what the console's --json prints.
import { type APIInteractionResponse, InteractionResponseType } from 'discord-api-types/v10';
import type { Response } from './response.ts';

export function callbackBody(response: Response): APIInteractionResponse {
  switch (response.type) {
    case 'choices':
      return {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: response.choices },
      };
    case 'message':
      return { type: InteractionResponseType.ChannelMessageWithSource, data: response.reply.data };
    case 'update':
      return { type: InteractionResponseType.UpdateMessage, data: response.reply.data };
  }
}
