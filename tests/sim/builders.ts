// Short builders for the interactions tests send most: slash commands, autocomplete, buttons and message
// context menu commands. They return a partial INTERACTION_CREATE body; the simulator fills in ids, the
// guild, channel, member, token and the other fields Discord always sends.

import type { Json, SimUser } from './types.ts';

export type OptionValue = string | number | boolean;

/** An option as Discord sends it in `data.options`. */
export interface RawOption {
  name: string;
  type: number;
  value?: OptionValue;
  options?: RawOption[];
  focused?: boolean;
}

/** Options as raw objects, or `{ name: value }` with the type inferred (and corrected from the registered command). */
export type OptionsInput = RawOption[] | Record<string, OptionValue>;

/** Where and by whom the interaction happens; defaults are the first guild, its first channel and a test user. */
export interface InteractionContext {
  /** `null` for a direct message. */
  guildId?: string | null;
  channelId?: string;
  userId?: string;
  username?: string;
  locale?: string;
}

/**
 * A partial INTERACTION_CREATE body. Raw payload keys not listed here (e.g. `app_permissions`) are copied
 * over the completed payload, so a test can override anything.
 */
export interface InteractionSpec {
  type: number;
  data?: Json;
  guild_id?: string | null;
  channel_id?: string;
  user?: Partial<SimUser>;
  message?: Json;
  locale?: string;
  [key: string]: unknown;
}

export const InteractionType = {
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function toRawOptions(input: OptionsInput | undefined, focused?: string): RawOption[] {
  const list: RawOption[] = Array.isArray(input)
    ? input.map((o) => ({ ...o }))
    : Object.entries(input ?? {}).map(([name, value]) => ({ name, type: inferType(value), value }));
  if (focused !== undefined) {
    const target = list.find((o) => o.name === focused);
    if (!target) throw new Error(`focused option "${focused}" is not among the options`);
    target.focused = true;
    // Discord sends what the user has typed so far, which is always text.
    target.value = String(target.value ?? '');
  }
  return list;
}

/** `"profile show"` → command `profile`, subcommand `show`; three words add a subcommand group. */
function nest(path: string, options: RawOption[]): { name: string; options: RawOption[] } {
  const parts = path.trim().split(/\s+/);
  const [name, ...rest] = parts;
  if (!name || rest.length > 2) throw new Error(`"${path}" is not a command path (1–3 words)`);
  if (rest.length === 0) return { name, options };
  if (rest.length === 1) return { name, options: [{ type: OptionType.Subcommand, name: rest[0]!, options }] };
  const sub: RawOption = { type: OptionType.Subcommand, name: rest[1]!, options };
  return { name, options: [{ type: OptionType.SubcommandGroup, name: rest[0]!, options: [sub] }] };
}

function context(ctx: InteractionContext | undefined): Partial<InteractionSpec> {
  const out: Partial<InteractionSpec> = {};
  if (!ctx) return out;
  if (ctx.guildId !== undefined) out.guild_id = ctx.guildId;
  if (ctx.channelId !== undefined) out.channel_id = ctx.channelId;
  if (ctx.userId !== undefined || ctx.username !== undefined) {
    out.user = {
      ...(ctx.userId === undefined ? {} : { id: ctx.userId }),
      ...(ctx.username === undefined ? {} : { username: ctx.username }),
    };
  }
  if (ctx.locale !== undefined) out.locale = ctx.locale;
  return out;
}

/** A chat-input command; `name` may include a subcommand (and group): `slash('profile show', { id: 'x' })`. */
export function slash(name: string, options?: OptionsInput, ctx?: InteractionContext): InteractionSpec {
  const { name: command, options: nested } = nest(name, toRawOptions(options));
  return {
    type: InteractionType.ApplicationCommand,
    data: { type: 1, name: command, ...(nested.length > 0 ? { options: nested } : {}) },
    ...context(ctx),
  };
}

/** Autocomplete while the user types in option `focused`. */
export function autocomplete(
  name: string,
  options: OptionsInput,
  focused: string,
  ctx?: InteractionContext,
): InteractionSpec {
  const { name: command, options: nested } = nest(name, toRawOptions(options, focused));
  return {
    type: InteractionType.Autocomplete,
    data: { type: 1, name: command, options: nested },
    ...context(ctx),
  };
}

/**
 * A click on a button. `message` is the message carrying it (partial: missing fields are filled, and a
 * row holding the button is added when it has no components).
 */
export function button(customId: string, ctx?: InteractionContext & { message?: Json }): InteractionSpec {
  const { message, ...rest } = ctx ?? {};
  return {
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: 2 },
    message: message ?? {},
    ...context(rest),
  };
}

/** A message context menu command on `message` (partial: id, author and the rest are filled). */
export function messageCommand(name: string, message: Json, ctx?: InteractionContext): InteractionSpec {
  return {
    type: InteractionType.ApplicationCommand,
    data: { type: 3, name },
    message,
    ...context(ctx),
  };
}
