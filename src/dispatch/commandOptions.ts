// A slash command's options are declared once, as the Discord JSON registered with Discord; the zod schema that
// checks what arrives, and the TypeScript type of the parsed options, are derived from that declaration.
import {
  ApplicationCommandOptionType as OptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { snowflakeSchema } from '../snowflake.ts';
import type { CommandModule, Context } from './commandModule.ts';
import type { CommandRequest, OptionValue } from './request.ts';
import type { Response } from './response.ts';

/** An option as declared (readonly, so `as const` and literal declarations keep their names and types). */
export interface DeclaredOption {
  readonly type: OptionType;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly max_length?: number;
  readonly min_value?: number;
  readonly max_value?: number;
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
  readonly options?: readonly DeclaredOption[];
}

export interface DeclaredCommand {
  readonly name: string;
  readonly options?: readonly DeclaredOption[];
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type Simplify<T> = { [K in keyof T]: T[K] };
type NoOptions = Record<never, never>;

type ValueOf<O extends DeclaredOption> = O['choices'] extends readonly { value: infer V }[]
  ? V
  : O['type'] extends OptionType.String
    ? string
    : O['type'] extends OptionType.Integer | OptionType.Number
      ? number
      : O['type'] extends OptionType.Boolean
        ? boolean
        : string; // users, channels, roles, mentionables, attachments: their ids

/** Required options and booleans (an optional one defaults to false) are always present; others may be absent. */
type FieldOf<O> = O extends DeclaredOption
  ? O['required'] extends true
    ? { [K in O['name']]: ValueOf<O> }
    : O['type'] extends OptionType.Boolean
      ? { [K in O['name']]: boolean }
      : { [K in O['name']]?: ValueOf<O> }
  : never;

type Fields<Os> = Os extends readonly DeclaredOption[]
  ? Os extends readonly []
    ? NoOptions
    : Simplify<UnionToIntersection<FieldOf<Os[number]>>>
  : NoOptions;

type SubcommandArguments<S> = S extends { type: OptionType.Subcommand; name: infer N }
  ? Simplify<{ subcommand: N } & Fields<S extends { options: infer Os } ? Os : []>>
  : never;

/**
 * The parsed options of a command: one field per option; for a command with subcommands, a union keyed by
 * `subcommand`, so a `switch` on it narrows to that subcommand's options.
 */
export type ArgumentsOf<D extends DeclaredCommand> = D['options'] extends readonly DeclaredOption[]
  ? Extract<D['options'][number], { type: OptionType.Subcommand }> extends never
    ? Fields<D['options']>
    : SubcommandArguments<D['options'][number]>
  : NoOptions;

/** What a value may be once it arrives: text is cut to its declared length and numbers brought into range, as
 * Discord's client does; the console's typed commands get the same treatment. */
function valueSchema(option: DeclaredOption): z.ZodType {
  const { type, choices } = option;
  if (choices && choices.length > 0) {
    const values = choices.map((c) => z.literal(c.value));
    return values.length === 1 ? values[0]! : z.union(values);
  }
  switch (type) {
    case OptionType.String: {
      const max = option.max_length;
      return max === undefined ? z.string() : z.string().transform((s) => s.slice(0, max));
    }
    case OptionType.Integer:
    case OptionType.Number: {
      const base = type === OptionType.Integer ? z.number().int() : z.number();
      const { min_value: min = -Infinity, max_value: max = Infinity } = option;
      return base.transform((n) => Math.min(max, Math.max(min, n)));
    }
    case OptionType.Boolean:
      return z.boolean();
    case OptionType.User:
    case OptionType.Channel:
    case OptionType.Role:
    case OptionType.Mentionable:
    case OptionType.Attachment:
      return snowflakeSchema();
    default:
      throw new Error(`option ${option.name}: type ${type} has no value`);
  }
}

function objectSchema(options: readonly DeclaredOption[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const option of options) {
    const value = valueSchema(option);
    shape[option.name] = option.required
      ? value
      : option.type === OptionType.Boolean
        ? z.boolean().default(false)
        : value.optional();
  }
  return z.object(shape);
}

export interface CommandOptions<D extends DeclaredCommand> {
  /** The declaration as the Discord API takes it. */
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Checks and types a request's options (throws on what the declaration does not allow). */
  parse(request: { subcommand?: string; options: Record<string, OptionValue> }): ArgumentsOf<D>;
}

/**
 * Reads a chat-input command's declaration once: `parse` checks requests against it. Subcommand groups are not
 * supported (no command uses them); a declaration with one fails here, at start, not on a user's request.
 */
export function commandOptions<const D extends DeclaredCommand>(declaration: D): CommandOptions<D> {
  const declared = declaration.options ?? [];
  if (declared.some((o) => o.type === OptionType.SubcommandGroup))
    throw new Error(`/${declaration.name}: subcommand groups are not supported`);
  const subcommands = declared.filter((o) => o.type === OptionType.Subcommand);
  const schemas = new Map(subcommands.map((s) => [s.name, objectSchema(s.options ?? [])]));
  const flat = subcommands.length === 0 ? objectSchema(declared) : null;
  return {
    // Readonly arrays are the only difference from the API type: the JSON is the same.
    definition: declaration as unknown as RESTPostAPIChatInputApplicationCommandsJSONBody,
    parse(request) {
      if (flat) return flat.parse(request.options) as ArgumentsOf<D>;
      const schema = request.subcommand === undefined ? undefined : schemas.get(request.subcommand);
      if (!schema) throw new Error(`unknown /${declaration.name} subcommand ${request.subcommand}`);
      return { subcommand: request.subcommand, ...schema.parse(request.options) } as ArgumentsOf<D>;
    },
  };
}

/** A chat-input command's handlers, `run` taking the options already parsed from its declaration. */
export interface ChatInputHandlers<D extends DeclaredCommand>
  extends Omit<CommandModule, 'definition' | 'run'> {
  run(options: ArgumentsOf<D>, request: CommandRequest, context: Context): Response | Promise<Response>;
}

/** A command module from its declaration and handlers: the definition registered and the options parsed once. */
export function chatInputCommand<const D extends DeclaredCommand>(
  declaration: D,
  handlers: ChatInputHandlers<D>,
): CommandModule {
  const declared = commandOptions(declaration);
  return {
    ...handlers,
    definition: declared.definition,
    run: (request, context) => handlers.run(declared.parse(request), request, context),
  };
}
