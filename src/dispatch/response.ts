// What a handler answers, one to one with Discord's interaction callback types.
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { MessageReply } from '../render/reply.ts';

export type Response =
  /** A new message (callback type 4). */
  | { type: 'message'; reply: MessageReply }
  /** Replace the message a component sits on (callback type 7). */
  | { type: 'update'; reply: MessageReply }
  /** Autocomplete choices (callback type 8). */
  | { type: 'choices'; choices: APIApplicationCommandOptionChoice<string>[] };
