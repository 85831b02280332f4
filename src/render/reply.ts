// The shape every handler returns: Discord API JSON for the interaction response, plus files to attach.
// Built here, sent unchanged by the bot, printed unchanged by the console's --json.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
  MessageFlags,
} from 'discord-api-types/v10';

export interface Attachment {
  name: string;
  data: Buffer;
}

export interface MessageReply {
  data: APIInteractionResponseCallbackData;
  files: Attachment[];
}

export interface MessageOptions {
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  content?: string;
  ephemeral?: boolean;
  /** The one user a public answer may ping (the `mention` option). */
  mentionUserId?: string;
  files?: Attachment[];
}

/**
 * Every message goes through here: mentions are off unless one user is pointed at on purpose, so nothing a
 * profile or a user typed can ping anyone.
 */
export function message(options: MessageOptions): MessageReply {
  const lines: string[] = [];
  if (options.mentionUserId) lines.push(`<@${options.mentionUserId}>`);
  if (options.content) lines.push(options.content);
  const data: APIInteractionResponseCallbackData = {
    allowed_mentions: options.mentionUserId ? { parse: [], users: [options.mentionUserId] } : { parse: [] },
  };
  if (lines.length > 0) data.content = lines.join('\n');
  if (options.embeds) data.embeds = options.embeds;
  data.components = options.components ?? [];
  if (options.ephemeral) data.flags = MessageFlags.Ephemeral;
  const files = options.files ?? [];
  if (files.length > 0) data.attachments = files.map((f, i) => ({ id: String(i), filename: f.name }));
  return { data, files };
}

export function ephemeral(options: Omit<MessageOptions, 'ephemeral' | 'mentionUserId'>): MessageReply {
  return message({ ...options, ephemeral: true });
}
