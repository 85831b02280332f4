// Reads a typed command line (`/relations between tajikistan russia`, `/search "heroin trafficking"`,
// `/profile actor:kesh section:interests private:true`) into the same request the bot builds from Discord.
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from 'discord-api-types/v10';
import type { CommandModule } from '../dispatch/commandModule.ts';
import type { CommandRequest, OptionValue, Requester } from '../dispatch/request.ts';
import { SNOWFLAKE } from '../snowflake.ts';

export type ParsedLine = { ok: true; request: CommandRequest } | { ok: false; error: string };

/** Splits on spaces, keeping "quoted text" (and name:"quoted text") together. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  for (const m of line.matchAll(/(?:[^\s"]+:)?"[^"]*"?|\S+/g)) tokens.push(m[0].replace(/"/g, ''));
  return tokens;
}

function basicOptions(
  options: readonly APIApplicationCommandOption[] | undefined,
): APIApplicationCommandBasicOption[] {
  return (options ?? []).filter(
    (o): o is APIApplicationCommandBasicOption =>
      o.type !== ApplicationCommandOptionType.Subcommand &&
      o.type !== ApplicationCommandOptionType.SubcommandGroup,
  );
}

export function parseCommandLine(
  line: string,
  commands: readonly CommandModule[],
  requester: Requester,
): ParsedLine {
  const tokens = tokenize(line.trim().replace(/^\//, ''));
  const name = tokens.shift()?.toLowerCase();
  if (!name) return { ok: false, error: 'Type a command, like /profile tajikistan. /help lists them.' };
  const module = commands.find(
    (c) => c.definition.name === name && (c.definition.type ?? 1) === ApplicationCommandType.ChatInput,
  );
  if (!module)
    return { ok: false, error: `No command /${name}. Commands: ${chatCommandNames(commands).join(', ')}.` };
  const definition = module.definition as { options?: APIApplicationCommandOption[] };

  let subcommand: string | undefined;
  let optionDefs = basicOptions(definition.options);
  const subcommands = (definition.options ?? []).filter(
    (o) => o.type === ApplicationCommandOptionType.Subcommand,
  );
  if (subcommands.length > 0) {
    const sub = subcommands.find((s) => s.name === tokens[0]?.toLowerCase());
    if (!sub)
      return { ok: false, error: `/${name} needs one of: ${subcommands.map((s) => s.name).join(', ')}.` };
    tokens.shift();
    subcommand = sub.name;
    optionDefs = basicOptions('options' in sub ? sub.options : []);
  }

  const options: Record<string, OptionValue> = {};
  const positional: string[] = [];
  for (const token of tokens) {
    const m = /^([a-z_-]+):(.*)$/s.exec(token);
    const def = m ? optionDefs.find((o) => o.name === m[1]) : undefined;
    if (m && def) {
      const value = convert(def, m[2]!);
      if (value === undefined)
        return { ok: false, error: `${def.name} takes ${typeName(def)}, not “${m[2]}”.` };
      options[def.name] = value;
    } else {
      positional.push(token);
    }
  }
  // Positional words fill string options in order: an autocompleted option (an actor) takes one word
  // (quote longer names); a free-text option (a query) takes all that remain.
  const free = optionDefs.filter(
    (o) => o.type === ApplicationCommandOptionType.String && !(o.name in options),
  );
  for (const def of free) {
    if (positional.length === 0) break;
    const autocomplete = 'autocomplete' in def && def.autocomplete;
    options[def.name] = autocomplete ? positional.shift()! : positional.splice(0).join(' ');
  }
  if (positional.length > 0)
    return { ok: false, error: `Did not understand “${positional.join(' ')}”. Try name:value.` };
  const missing = optionDefs.find((o) => o.required && !(o.name in options));
  if (missing)
    return { ok: false, error: `/${name}${subcommand ? ` ${subcommand}` : ''} needs ${missing.name}.` };
  return { ok: true, request: { ...requester, kind: 'command', command: name, subcommand, options } };
}

function convert(def: APIApplicationCommandBasicOption, raw: string): OptionValue | undefined {
  switch (def.type) {
    case ApplicationCommandOptionType.Boolean:
      return /^(true|yes|1)$/i.test(raw) ? true : /^(false|no|0)$/i.test(raw) ? false : undefined;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case ApplicationCommandOptionType.User: {
      const id = raw.replace(/^<@!?|>$/g, '');
      return SNOWFLAKE.test(id) ? id : undefined;
    }
    default:
      return raw;
  }
}

function typeName(def: APIApplicationCommandBasicOption): string {
  if (def.type === ApplicationCommandOptionType.Boolean) return 'true or false';
  if (def.type === ApplicationCommandOptionType.User) return 'a user id';
  return 'a value';
}

export function chatCommandNames(commands: readonly CommandModule[]): string[] {
  return commands
    .filter((c) => (c.definition.type ?? 1) === ApplicationCommandType.ChatInput)
    .map((c) => `/${c.definition.name}`);
}
