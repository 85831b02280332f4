// REST routes for messages the bot posts in channels (the change feed): create a message, with Discord's
// nonce rule — with `enforce_nonce`, a nonce seen from the same author in the last few minutes returns that
// message instead of posting a second one.

import { discordError, type Reply } from './http.ts';
import { messageObject } from './payloads.ts';
import type { Route } from './rest.ts';
import type { Json, SimGuild, SimUser } from './types.ts';

/** Discord checks a nonce for uniqueness over "the past few minutes". */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface ChannelWorld {
  bot: SimUser;
  applicationId: string;
  guilds: SimGuild[];
  /** Every message posted in a channel, in order. */
  channelMessages: Json[];
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const unknownChannel = (): Reply => discordError(404, 10003, 'Unknown Channel');

export function channelRoutes(world: ChannelWorld): Route[] {
  const guildOf = (channelId: string | undefined) =>
    world.guilds.find((g) => g.channels.some((c) => c.id === channelId));

  return [
    {
      method: 'POST',
      path: '/channels/{channel}/messages',
      auth: true,
      handle: ({ params, request, validate }) => {
        const guild = guildOf(params.channel);
        if (!guild) return unknownChannel();
        const invalid = validate('channelMessage');
        if (invalid) return invalid;
        const body = isObject(request.body) ? request.body : {};
        const nonce = body.nonce;
        if (body.enforce_nonce === true && (typeof nonce === 'string' || typeof nonce === 'number')) {
          const since = request.time - NONCE_WINDOW_MS;
          const existing = world.channelMessages.find(
            (m) =>
              m.channel_id === params.channel &&
              m.nonce === nonce &&
              (m.author as Json).id === world.bot.id &&
              Date.parse(String(m.timestamp)) >= since,
          );
          if (existing) return { status: 200, body: existing };
        }
        const message = messageObject({
          channelId: params.channel!,
          guildId: guild.id,
          author: world.bot,
          body,
        });
        if (nonce !== undefined) message.nonce = nonce;
        world.channelMessages.push(message);
        return { status: 200, body: message };
      },
    },
  ];
}
