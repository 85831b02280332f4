// Reads a typed command line (`/profile islamic republic of iran`, `/relations between tajikistan russia`,
// `/search heroin trafficking`, `/profile actor:kesh section:interests private:true`) into the same request the
// bot builds from Discord. Unquoted words fill the first free text option until a `name:value` word or the end of
// the line; where two options take actor names, the words are split where both names resolve.
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

/**
 * What the parser needs to know of actor names: which options take one, and how well typed words name an actor
 * (`exact`: a code, name or alias as written; `found`: one clear best match; null: none, or no clear one).
 */
export interface ActorNames {
  takesName(option: APIApplicationCommandBasicOption): boolean;
  resolve(text: string): 'exact' | 'found' | null;
}

interface Word {
  text: string;
  quoted: boolean;
}

/** Splits on spaces, keeping "quoted text" (and name:"quoted text") together. */
export function tokenize(line: string): string[] {
  return words(line).map((w) => w.text);
}

function words(line: string): Word[] {
  return [...line.matchAll(/(?:[^\s"]+:)?"[^"]*"?|\S+/g)].map((m) => ({
    text: m[0].replace(/"/g, ''),
    quoted: m[0].startsWith('"'),
  }));
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
  names?: ActorNames,
): ParsedLine {
  const tokens = words(line.trim().replace(/^\//, ''));
  const name = tokens.shift()?.text.toLowerCase();
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
    const sub = subcommands.find((s) => s.name === tokens[0]?.text.toLowerCase());
    if (!sub)
      return { ok: false, error: `/${name} needs one of: ${subcommands.map((s) => s.name).join(', ')}.` };
    tokens.shift();
    subcommand = sub.name;
    optionDefs = basicOptions('options' in sub ? sub.options : []);
  }

  const options: Record<string, OptionValue> = {};
  // Runs of positional words, each ended by a name:value word or the end of the line.
  const runs: Word[][] = [[]];
  for (const token of tokens) {
    const m = token.quoted ? null : /^([a-z_-]+):(.*)$/s.exec(token.text);
    const def = m ? optionDefs.find((o) => o.name === m[1]) : undefined;
    if (m && def) {
      const value = convert(def, m[2]!);
      if (value === undefined)
        return { ok: false, error: `${def.name} takes ${typeName(def)}, not “${m[2]}”.` };
      options[def.name] = value;
      runs.push([]);
    } else {
      runs[runs.length - 1]!.push(token);
    }
  }
  const command = `/${name}${subcommand ? ` ${subcommand}` : ''}`;
  const free = optionDefs.filter(
    (o) => o.type === ApplicationCommandOptionType.String && !(o.name in options),
  );
  const filled = fillOptions(
    runs.filter((r) => r.length > 0),
    free,
    names,
    command,
  );
  if (!filled.ok) return filled;
  Object.assign(options, filled.options);
  const missing = optionDefs.find((o) => o.required && !(o.name in options));
  if (missing) return { ok: false, error: `${command} needs ${missing.name}.` };
  return { ok: true, request: { ...requester, kind: 'command', command: name, subcommand, options } };
}

type Filled = { ok: true; options: Record<string, string> } | { ok: false; error: string };

/**
 * Each run fills the next free text option whole. The last run, when two options that take names are still
 * free, is split between them where both names resolve (without `names`, it is never split).
 */
function fillOptions(
  runs: Word[][],
  free: APIApplicationCommandBasicOption[],
  names: ActorNames | undefined,
  command: string,
): Filled {
  const options: Record<string, string> = {};
  const takesName = (o: APIApplicationCommandBasicOption | undefined) =>
    o !== undefined && names?.takesName(o) === true;
  let next = 0;
  for (const [i, run] of runs.entries()) {
    const def = free[next];
    if (!def) {
      const rest = runs
        .slice(i)
        .flat()
        .map((w) => w.text);
      return { ok: false, error: `Did not understand “${rest.join(' ')}”. Try name:value.` };
    }
    const second = free[next + 1];
    if (i === runs.length - 1 && run.length > 1 && takesName(def) && takesName(second)) {
      const split = splitNames(run, names!, command);
      if (!split.ok) return split;
      options[def.name] = split.first;
      if (split.second !== undefined) options[second!.name] = split.second;
      return { ok: true, options };
    }
    options[def.name] = run.map((w) => w.text).join(' ');
    next++;
  }
  return { ok: true, options };
}

type Split = { ok: true; first: string; second?: string } | { ok: false; error: string };

/** Where two names typed one after the other part: the one split at which both resolve. */
function splitNames(run: Word[], names: ActorNames, command: string): Split {
  const text = (ws: Word[]) => ws.map((w) => w.text).join(' ');
  const quoted = (a: Word[], b: Word[]) => `${command} "${text(a)}" "${text(b)}"`;
  const splits = Array.from({ length: run.length - 1 }, (_, k) => ({
    a: run.slice(0, k + 1),
    b: run.slice(k + 1),
  }));
  const resolved = splits.map((s) => ({ ...s, ra: names.resolve(text(s.a)), rb: names.resolve(text(s.b)) }));
  const both = resolved.filter((s) => s.ra !== null && s.rb !== null);
  // The whole run naming one actor is a reading too (the second may have a default); a reading whose names are all
  // written exactly is the one meant, over readings that only resolve by a near match.
  const whole = names.resolve(text(run));
  const exact = [
    ...both.filter((s) => s.ra === 'exact' && s.rb === 'exact'),
    ...(whole === 'exact' ? [{ a: run, b: [] }] : []),
  ];
  const chosen =
    exact.length === 1 ? exact[0] : exact.length === 0 && both.length === 1 ? both[0] : undefined;
  if (chosen)
    return chosen.b.length > 0
      ? { ok: true, first: text(chosen.a), second: text(chosen.b) }
      : { ok: true, first: text(chosen.a) };
  const readings = exact.length > 1 ? exact : both;
  if (readings.length > 1) {
    const forms = readings.map((s) => (s.b.length > 0 ? quoted(s.a, s.b) : `${command} "${text(s.a)}"`));
    return {
      ok: false,
      error: `“${text(run)}” splits into two actor names more than one way: ${forms.join(' or ')}. Type the one you mean, with the names quoted.`,
    };
  }
  // No split names two actors. One name for the first option is still a command (the second may have a default);
  // two words can only part one way, and the command's "did you mean" says more than a refusal would.
  if (whole !== null) return { ok: true, first: text(run) };
  const [only] = splits;
  if (only && splits.length === 1) return { ok: true, first: text(only.a), second: text(only.b) };
  return {
    ok: false,
    error: `“${text(run)}” does not split into two actor names that Dossier knows. Quote each name: ${command} "first actor" "second actor".`,
  };
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
