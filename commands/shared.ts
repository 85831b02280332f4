// Pieces the command modules share: option schemas and the common private/mention options.
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from 'discord-api-types/v10';
import { z } from 'zod';
import type { Context } from '../src/dispatch/commandModule.ts';
import type { AutocompleteRequest } from '../src/dispatch/request.ts';
import type { Response } from '../src/dispatch/response.ts';
import { actorChoices } from '../src/render/autocompleteChoices.ts';
import { AUTOCOMPLETE_CHOICES_MAX } from '../src/render/limits.ts';
import { snowflakeSchema } from '../src/snowflake.ts';

/** What a user may type into a text option; longer input is cut before it reaches the engine. */
export const MAX_QUERY_LENGTH = 200;

export const actorText = z
  .string()
  .transform((s) => s.slice(0, MAX_QUERY_LENGTH))
  .optional();
export const privateFlag = z.boolean().default(false);
export const mentionUser = snowflakeSchema().optional();

export function actorOptionDefinition(
  name: string,
  description: string,
  required = false,
): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required,
    autocomplete: true,
    max_length: MAX_QUERY_LENGTH,
  };
}

export const privateOptionDefinition: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  description: 'Answer only you (default: everyone in the channel sees it)',
};

export const mentionOptionDefinition: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.User,
  name: 'mention',
  description: 'Point the answer at a teammate (they are pinged)',
};

/** Guild-only: used in servers (not DMs), with the app installed to the server. */
export const GUILD_ONLY: {
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

export function actorAutocomplete(request: AutocompleteRequest, context: Context): Response {
  const matches = context.engine.actors.match(
    request.focused.value.slice(0, MAX_QUERY_LENGTH),
    AUTOCOMPLETE_CHOICES_MAX,
  );
  return { type: 'choices', choices: actorChoices(matches) };
}
