// Completes a partial interaction into the full INTERACTION_CREATE body Discord sends. discord.js throws
// inside its gateway handler when fields such as `entitlements` or `authorizing_integration_owners` are
// missing, so everything Discord always sends is filled in here.

import { randomBytes } from 'node:crypto';
import type { InteractionSpec, RawOption } from './builders.ts';
import { ALL_PERMISSIONS, channelObject, messageObject, userObject } from './payloads.ts';
import { snowflake } from './snowflake.ts';
import type { Json, SimGuild, SimUser } from './types.ts';

export interface InteractionWorld {
  applicationId: string;
  bot: SimUser;
  guilds: SimGuild[];
  defaultUser: SimUser;
  /** The registered command of that name and type (guild commands first), to take its id and option types. */
  findCommand(name: string, type: number, guildId: string | null): Json | undefined;
}

export interface CompletedInteraction {
  id: string;
  token: string;
  guildId: string | null;
  payload: Json;
}

const HANDLED_KEYS = new Set(['type', 'data', 'guild_id', 'channel_id', 'user', 'message', 'locale']);
const SUBCOMMANDS = new Set([1, 2]);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function coerce(value: unknown, type: number): unknown {
  if (type === 3) return typeof value === 'string' ? value : String(value);
  if (
    (type === 4 || type === 10) &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  ) {
    return Number(value);
  }
  return value;
}

/** Aligns option types with the registered definition, so `{ limit: 5 }` arrives as the declared type. */
function alignOptions(options: RawOption[], defs: unknown): RawOption[] {
  const list = Array.isArray(defs) ? defs.filter(isObject) : [];
  return options.map((option) => {
    const def = list.find((d) => d.name === option.name);
    if (!def || typeof def.type !== 'number') return option;
    const aligned: RawOption = { ...option, type: def.type };
    if (SUBCOMMANDS.has(def.type)) aligned.options = alignOptions(option.options ?? [], def.options);
    else if (!option.focused && option.value !== undefined)
      aligned.value = coerce(option.value, def.type) as never;
    return aligned;
  });
}

/** Users, channels and roles named by options go into `resolved`, where discord.js looks them up. */
function resolveOptions(
  options: RawOption[],
  guild: SimGuild | undefined,
  resolved: Record<string, Json>,
): void {
  for (const option of options) {
    if (option.options) resolveOptions(option.options, guild, resolved);
    const id = typeof option.value === 'string' ? option.value : undefined;
    if (!id || option.focused) continue;
    if (option.type === 6 || option.type === 9) {
      resolved.users ??= {};
      resolved.users[id] = userObject({ id, username: `user${id.slice(-4)}` });
    } else if (option.type === 7) {
      const channel = guild?.channels.find((c) => c.id === id);
      resolved.channels ??= {};
      resolved.channels[id] = channel
        ? { ...channelObject(channel), permissions: ALL_PERMISSIONS }
        : { id, type: 0, name: 'unknown', permissions: ALL_PERMISSIONS };
    } else if (option.type === 8) {
      resolved.roles ??= {};
      resolved.roles[id] = {
        id,
        name: `role${id.slice(-4)}`,
        color: 0,
        hoist: false,
        position: 1,
        permissions: '0',
      };
    }
  }
}

function asUser(value: unknown, fallback: SimUser): SimUser {
  if (!isObject(value)) return fallback;
  return {
    id: typeof value.id === 'string' ? value.id : fallback.id,
    username: typeof value.username === 'string' ? value.username : fallback.username,
    bot: value.bot === true,
  };
}

export function completeInteraction(spec: InteractionSpec, world: InteractionWorld): CompletedInteraction {
  const id = snowflake();
  const token = randomBytes(48).toString('base64url');
  const guildId = spec.guild_id === undefined ? (world.guilds[0]?.id ?? null) : spec.guild_id;
  const guild = guildId ? world.guilds.find((g) => g.id === guildId) : undefined;
  const user: SimUser = { ...world.defaultUser, ...spec.user } as SimUser;
  const channelId =
    spec.channel_id ?? guild?.channels.find((c) => c.type === 0)?.id ?? guild?.channels[0]?.id ?? snowflake();
  const known = guild?.channels.find((c) => c.id === channelId);
  const channel: Json = guildId
    ? known
      ? { ...channelObject(known), permissions: ALL_PERMISSIONS }
      : { id: channelId, type: 0, guild_id: guildId, name: 'channel', permissions: ALL_PERMISSIONS }
    : { id: channelId, type: 1, recipients: [userObject(user)], last_message_id: null, flags: 0 };

  const data: Json = { ...spec.data };
  const payload: Json = {
    id,
    application_id: world.applicationId,
    type: spec.type,
    data,
    channel,
    channel_id: channelId,
    token,
    version: 1,
    app_permissions: ALL_PERMISSIONS,
    locale: spec.locale ?? 'en-US',
    entitlements: [],
    // Keys are integration types: 0 = installed to a guild, 1 = installed to a user.
    authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
  if (guildId) {
    payload.guild_id = guildId;
    payload.guild = { id: guildId, locale: 'en-US', features: [] };
    payload.guild_locale = 'en-US';
    payload.member = {
      user: userObject(user),
      nick: null,
      avatar: null,
      roles: [],
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: ALL_PERMISSIONS,
      communication_disabled_until: null,
    };
  } else {
    payload.user = userObject(user);
  }

  const messageDefaults = (partial: Json, author: SimUser): Json => ({
    ...messageObject({
      id: typeof partial.id === 'string' ? partial.id : undefined,
      channelId,
      guildId,
      author: asUser(partial.author, author),
      body: partial,
    }),
    ...partial,
    author: userObject(asUser(partial.author, author)),
  });

  if (spec.type === 2 || spec.type === 4) {
    const name = String(data.name ?? '');
    const commandType = typeof data.type === 'number' ? data.type : 1;
    const command = world.findCommand(name, commandType, guildId);
    data.id ??= command?.id ?? snowflake();
    data.type = commandType;
    if (typeof command?.guild_id === 'string') data.guild_id = command.guild_id;
    if (Array.isArray(data.options)) {
      const options = alignOptions(data.options as RawOption[], command?.options);
      data.options = options;
      const resolved: Record<string, Json> = {};
      resolveOptions(options, guild, resolved);
      if (Object.keys(resolved).length > 0) data.resolved = resolved;
    }
    if (commandType === 3) {
      const target = messageDefaults(spec.message ?? {}, { id: snowflake(), username: 'author' });
      data.target_id = target.id;
      data.resolved = { messages: { [String(target.id)]: target } };
    }
  } else if (spec.type === 3) {
    const partial = { ...spec.message };
    if (!Array.isArray(partial.components)) {
      const customId = String(data.custom_id ?? 'button');
      partial.components = [
        {
          type: 1,
          id: 1,
          components: [{ type: 2, id: 2, style: 1, custom_id: customId, label: customId.slice(0, 80) }],
        },
      ];
    }
    const message = messageDefaults(partial, world.bot);
    message.application_id ??= world.applicationId;
    payload.message = message;
  }

  for (const [key, value] of Object.entries(spec)) if (!HANDLED_KEYS.has(key)) payload[key] = value;
  return { id, token, guildId, payload };
}
