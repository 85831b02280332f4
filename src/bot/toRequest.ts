// Turns a discord.js interaction into the plain request the handlers take. Nothing past this file sees
// discord.js objects.
import { ApplicationCommandOptionType, type CommandInteractionOption, type Interaction } from 'discord.js';
import type { OptionValue, Request, Requester } from '../dispatch/request.ts';

function requester(interaction: Interaction): Requester {
  const channel = interaction.channel;
  const name = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : null;
  return {
    user: { id: interaction.user.id, name: interaction.user.username },
    guildId: interaction.guildId,
    channel: interaction.channelId ? { id: interaction.channelId, name } : null,
  };
}

/** Flattens options: subcommand (and group) names come out separately, values keyed by option name. */
function flatten(data: readonly CommandInteractionOption[]): {
  subcommand?: string;
  options: Record<string, OptionValue>;
} {
  const options: Record<string, OptionValue> = {};
  let subcommand: string | undefined;
  const walk = (list: readonly CommandInteractionOption[]) => {
    for (const o of list) {
      if (
        o.type === ApplicationCommandOptionType.Subcommand ||
        o.type === ApplicationCommandOptionType.SubcommandGroup
      ) {
        if (o.type === ApplicationCommandOptionType.Subcommand) subcommand = o.name;
        walk(o.options ?? []);
      } else if (o.value !== undefined) {
        options[o.name] = o.value;
      }
    }
  };
  walk(data);
  return { subcommand, options };
}

export function toRequest(interaction: Interaction): Request | null {
  const base = requester(interaction);
  if (interaction.isChatInputCommand()) {
    return {
      ...base,
      kind: 'command',
      command: interaction.commandName,
      ...flatten(interaction.options.data),
    };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    return {
      ...base,
      kind: 'command',
      command: interaction.commandName,
      options: {},
      targetMessage: { id: target.id, content: target.content ?? '' },
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    const { subcommand, options } = flatten(interaction.options.data);
    return {
      ...base,
      kind: 'autocomplete',
      command: interaction.commandName,
      subcommand,
      options,
      focused: { name: focused.name, value: String(focused.value) },
    };
  }
  if (interaction.isButton())
    return { ...base, kind: 'component', customId: interaction.customId, values: [] };
  if (interaction.isStringSelectMenu())
    return { ...base, kind: 'component', customId: interaction.customId, values: [...interaction.values] };
  return null;
}
