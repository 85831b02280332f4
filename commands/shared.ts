// What the command modules share: the common option declarations, resolving an actor option, and the reply
// shape of an answer that can be private or pointed at a teammate.
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from 'discord-api-types/v10';
import type { Context } from '../src/dispatch/commandModule.ts';
import type { AutocompleteRequest, CommandRequest, Requester } from '../src/dispatch/request.ts';
import type { Response } from '../src/dispatch/response.ts';
import type { CorpusActor } from '../src/profiles/corpus.ts';
import { actorChoices } from '../src/render/autocompleteChoices.ts';
import { AUTOCOMPLETE_CHOICES_MAX } from '../src/render/limits.ts';
import { didYouMean, missingActor, notFound } from '../src/render/notices.ts';
import { type MessageOptions, message } from '../src/render/reply.ts';
import { resolveActor } from '../src/search/resolveActor.ts';
import { type TeamDefault, teamActor } from '../src/teams/teamActor.ts';

/** What a user may type into a text option; longer input is cut before it reaches the engine. */
export const MAX_QUERY_LENGTH = 200;

/** The options that take an actor's name, all declared by actorOptionDefinition. */
export const ACTOR_OPTION_NAMES = ['actor', 'other'] as const;
export type ActorOptionName = (typeof ACTOR_OPTION_NAMES)[number];

/** A text option naming an actor, completed from the actor index. */
export function actorOptionDefinition<const N extends ActorOptionName>(name: N, description: string) {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    description,
    autocomplete: true,
    max_length: MAX_QUERY_LENGTH,
  } as const;
}

/** The options that choose who sees an answer: `private` (only the asker) and `mention` (one teammate). */
export const AUDIENCE_OPTIONS = [
  {
    type: ApplicationCommandOptionType.Boolean,
    name: 'private',
    description: 'Answer only you (default: everyone in the channel sees it)',
  },
  {
    type: ApplicationCommandOptionType.User,
    name: 'mention',
    description: 'Point the answer at a teammate (they are pinged)',
  },
] as const;

/** Who an answer is for, as the audience options parse. */
export interface Audience {
  private: boolean;
  mention?: string;
}

/** For `isPrivate`: a command with the audience options is private when asked to be. */
export const askedPrivate = (request: CommandRequest): boolean => request.options.private === true;

/** A new message for the audience the user chose: private to them, or pinging the teammate they pointed at. */
export function answer(
  audience: Audience,
  options: Omit<MessageOptions, 'ephemeral' | 'mentionUserId'>,
): Response {
  return {
    type: 'message',
    reply: message({ ...options, ephemeral: audience.private, mentionUserId: audience.mention }),
  };
}

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

export type ActorOption =
  | { ok: true; actor: CorpusActor; team: TeamDefault | null }
  | { ok: false; response: Response };

/**
 * Resolves an actor option the same way in every command: the typed or picked value, else the team channel's
 * actor; a miss becomes an ephemeral "did you mean" or "not found".
 */
export function actorOption(
  value: string | undefined,
  request: Requester,
  context: Context,
  options: { teamDefault: boolean } = { teamDefault: true },
): ActorOption {
  const { engine } = context;
  if (value === undefined || value.trim() === '') {
    const team = options.teamDefault ? teamActor(engine, request.channel) : null;
    if (team) return { ok: true, actor: team.actor, team };
    return { ok: false, response: { type: 'message', reply: missingActor() } };
  }
  const resolution = resolveActor(engine.actors, value);
  switch (resolution.kind) {
    case 'found':
      return { ok: true, actor: resolution.actor, team: null };
    case 'ambiguous':
      return { ok: false, response: { type: 'message', reply: didYouMean(value, resolution.candidates) } };
    case 'none':
      return { ok: false, response: { type: 'message', reply: notFound(value) } };
  }
}
