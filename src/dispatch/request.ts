// What a command handler sees of an interaction: plain data, the same from the bot and from the console.

export interface Requester {
  user: { id: string; name: string };
  guildId: string | null;
  channel: { id: string; name: string | null } | null;
}

export type OptionValue = string | number | boolean;

export interface CommandRequest extends Requester {
  kind: 'command';
  command: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
  /** For message context-menu commands: the message acted on. */
  targetMessage?: { id: string; content: string };
}

export interface AutocompleteRequest extends Requester {
  kind: 'autocomplete';
  command: string;
  subcommand?: string;
  focused: { name: string; value: string };
  options: Record<string, OptionValue>;
}

export interface ComponentRequest extends Requester {
  kind: 'component';
  customId: string;
  /** Chosen values of a select menu. */
  values: string[];
}

export type Request = CommandRequest | AutocompleteRequest | ComponentRequest;
