// Builds the Discord objects the simulator hands out (users, channels, guilds, members, messages) with the
// fields discord.js reads when it caches them.

import { snowflake } from './snowflake.ts';
import type { Json, SimChannel, SimGuild, SimUser } from './types.ts';

/** Every permission bit Discord currently defines; interactions report them as a decimal string. */
export const ALL_PERMISSIONS = ((1n << 51n) - 1n).toString();

/** Message flag that marks a message as only visible to the invoking user. */
export const EPHEMERAL = 1 << 6;

export function userObject(user: SimUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.global_name ?? null,
    avatar: null,
    bot: user.bot ?? false,
    public_flags: 0,
    flags: 0,
  };
}

export function memberObject(user: SimUser, joinedAt: string): Json {
  return {
    user: userObject(user),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelObject(channel: SimChannel): Json {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

/** The full GUILD_CREATE body: enough for discord.js to cache the guild, its channels and the bot member. */
export function guildCreate(guild: SimGuild, bot: SimUser, ownerId: string): Json {
  const joinedAt = new Date().toISOString();
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: ALL_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.memberCount,
    voice_states: [],
    members: [memberObject(bot, joinedAt)],
    channels: guild.channels.map(channelObject),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageSource {
  id?: string;
  channelId: string;
  guildId: string | null;
  author: SimUser;
  /** The fields the bot sent (content, embeds, components, flags, attachments…). */
  body: Json;
  applicationId?: string;
  /** Set for messages created through an interaction webhook. */
  webhookId?: string;
  type?: number;
  interactionMetadata?: Json;
  editedAt?: string;
}

/** A message as Discord returns it from webhook routes and includes in component interactions. */
export function messageObject(src: MessageSource): Json {
  const id = src.id ?? snowflake();
  const body = src.body;
  const message: Json = {
    id,
    type: src.type ?? 0,
    channel_id: src.channelId,
    author: userObject(src.author),
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: src.editedAt ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: Array.isArray(body.attachments) ? body.attachments : [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    reactions: [],
    pinned: false,
    flags: typeof body.flags === 'number' ? body.flags : 0,
  };
  if (src.guildId) message.guild_id = src.guildId;
  if (src.applicationId) message.application_id = src.applicationId;
  if (src.webhookId) message.webhook_id = src.webhookId;
  if (src.interactionMetadata) message.interaction_metadata = src.interactionMetadata;
  return message;
}
