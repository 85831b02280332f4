// Discord's documented limits that the OpenAPI spec cannot express (name pattern, lowercase, totals across
// embeds, code-point lengths, component layout). Each check returns messages; empty means Discord would
// accept the body. Lengths count Unicode code points, as Discord does.

import type { Json } from './types.ts';

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const COMPONENTS_V2_FLAG = 1 << 15;

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;

const BUTTON = 2;
const ACTION_ROW = 1;
const STRING_SELECT = 3;
const LINK_BUTTON_STYLE = 5;
const PREMIUM_BUTTON_STYLE = 6;

/** Length as Discord counts it: Unicode code points. */
export function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function lengthBetween(out: string[], where: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string') {
    if (min > 0) out.push(`${where} is required`);
    return;
  }
  const n = codePoints(value);
  if (n < min || n > max) out.push(`${where} must be ${min}–${max} characters, has ${n}`);
}

// ---------------------------------------------------------------------------------------------------------
// Application commands

function checkChatInputName(out: string[], where: string, name: unknown): void {
  if (typeof name !== 'string') {
    out.push(`${where} is required`);
    return;
  }
  if (!CHAT_INPUT_NAME.test(name)) out.push(`${where} "${name}" does not match the command name pattern`);
  // Letters with a lowercase form must use it; uncased scripts pass unchanged.
  if (name !== name.toLowerCase()) out.push(`${where} "${name}" must be lowercase`);
}

function checkLocalizations(where: string, map: unknown, each: (w: string, value: unknown) => void): void {
  if (!isObject(map)) return;
  for (const [locale, value] of Object.entries(map)) each(`${where}.${locale}`, value);
}

/** Longest of a field and its localizations: that is what counts towards the 8,000 total. */
function longest(value: unknown, localizations: unknown): number {
  let max = typeof value === 'string' ? codePoints(value) : 0;
  if (isObject(localizations)) {
    for (const v of Object.values(localizations))
      if (typeof v === 'string') max = Math.max(max, codePoints(v));
  }
  return max;
}

function checkChoices(out: string[], where: string, option: Json): number {
  const choices = asArray(option.choices);
  let size = 0;
  if (choices.length > 25) out.push(`${where}.choices has ${choices.length} entries, at most 25`);
  if (choices.length > 0 && option.autocomplete === true) {
    out.push(`${where} cannot set both choices and autocomplete`);
  }
  choices.forEach((choice, i) => {
    if (!isObject(choice)) return;
    const w = `${where}.choices[${i}]`;
    lengthBetween(out, `${w}.name`, choice.name, 1, 100);
    checkLocalizations(`${w}.name_localizations`, choice.name_localizations, (lw, v) =>
      lengthBetween(out, lw, v, 1, 100),
    );
    if (option.type === STRING) lengthBetween(out, `${w}.value`, choice.value, 1, 100);
    size += longest(choice.name, choice.name_localizations) + codePoints(String(choice.value ?? ''));
  });
  return size;
}

/** Checks one level of options; returns their size towards the per-command 8,000 total. */
function checkOptions(
  out: string[],
  where: string,
  options: unknown,
  level: 'command' | 'group' | 'sub',
): number {
  const list = asArray(options).filter(isObject);
  let size = 0;
  if (list.length > 25) out.push(`${where} has ${list.length} options, at most 25`);

  const names = new Set<string>();
  const nested = list.filter((o) => o.type === SUBCOMMAND || o.type === SUBCOMMAND_GROUP);
  if (level === 'command' && nested.length > 0 && nested.length < list.length) {
    out.push(`${where} mixes subcommands with other options`);
  }
  let sawOptional = false;

  list.forEach((option, i) => {
    const w = `${where}[${i}]`;
    const name = str(option.name);
    checkChatInputName(out, `${w}.name`, option.name);
    if (name !== undefined) {
      if (names.has(name)) out.push(`${w}.name "${name}" is used twice at this level`);
      names.add(name);
    }
    checkLocalizations(`${w}.name_localizations`, option.name_localizations, (lw, v) =>
      checkChatInputName(out, lw, v),
    );
    lengthBetween(out, `${w}.description`, option.description, 1, 100);
    checkLocalizations(`${w}.description_localizations`, option.description_localizations, (lw, v) =>
      lengthBetween(out, lw, v, 1, 100),
    );
    size += longest(option.name, option.name_localizations);
    size += longest(option.description, option.description_localizations);

    if (option.type === SUBCOMMAND_GROUP) {
      if (level !== 'command') out.push(`${w} subcommand groups are only allowed at the top level`);
      const inner = asArray(option.options).filter(isObject);
      if (inner.some((o) => o.type !== SUBCOMMAND)) out.push(`${w}.options may only hold subcommands`);
      size += checkOptions(out, `${w}.options`, option.options, 'group');
      return;
    }
    if (option.type === SUBCOMMAND) {
      if (level === 'sub') out.push(`${w} subcommands cannot be nested in a subcommand`);
      size += checkOptions(out, `${w}.options`, option.options, 'sub');
      return;
    }
    if (option.required === true && sawOptional) {
      out.push(`${w} "${name}" is required but listed after an optional option`);
    }
    if (option.required !== true) sawOptional = true;
    size += checkChoices(out, w, option);
  });
  return size;
}

/** One command of a bulk overwrite or a create. */
export function checkCommand(command: unknown, where = 'command'): string[] {
  const out: string[] = [];
  if (!isObject(command)) return [`${where} must be an object`];
  const type = command.type ?? 1;
  if (type === 1) {
    checkChatInputName(out, `${where}.name`, command.name);
    checkLocalizations(`${where}.name_localizations`, command.name_localizations, (lw, v) =>
      checkChatInputName(out, lw, v),
    );
    lengthBetween(out, `${where}.description`, command.description, 1, 100);
    checkLocalizations(`${where}.description_localizations`, command.description_localizations, (lw, v) =>
      lengthBetween(out, lw, v, 1, 100),
    );
    let size = longest(command.name, command.name_localizations);
    size += longest(command.description, command.description_localizations);
    size += checkOptions(out, `${where}.options`, command.options, 'command');
    if (size > 8000)
      out.push(`${where} has ${size} characters in names, descriptions and choices, at most 8000`);
  } else {
    // User and message commands: any case, spaces allowed, no description, no options.
    lengthBetween(out, `${where}.name`, command.name, 1, 32);
    if (typeof command.description === 'string' && command.description !== '') {
      out.push(`${where}.description must be empty for user and message commands`);
    }
    if (asArray(command.options).length > 0)
      out.push(`${where}.options are not allowed on context menu commands`);
  }
  return out;
}

/** A bulk overwrite: every command, plus names unique per command type. */
export function checkCommandList(commands: unknown): string[] {
  if (!Array.isArray(commands)) return ['body must be an array of commands'];
  const out: string[] = [];
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    out.push(...checkCommand(command, `[${i}]`));
    if (isObject(command) && typeof command.name === 'string') {
      const key = `${command.type ?? 1}:${command.name}`;
      if (seen.has(key)) out.push(`[${i}].name "${command.name}" is registered twice`);
      seen.add(key);
    }
  });
  const chatInput = commands.filter((c) => isObject(c) && (c.type ?? 1) === 1).length;
  if (chatInput > 100) out.push(`${chatInput} chat input commands, at most 100`);
  for (const [type, label] of [
    [2, 'user'],
    [3, 'message'],
  ] as const) {
    const n = commands.filter((c) => isObject(c) && c.type === type).length;
    if (n > 15) out.push(`${n} ${label} commands, at most 15`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Messages

/** Discord trims these fields before counting them towards the 6,000 total. */
function embedSize(embed: Json): number {
  const count = (v: unknown): number => (typeof v === 'string' ? codePoints(v.trim()) : 0);
  let n = count(embed.title) + count(embed.description);
  for (const field of asArray(embed.fields)) if (isObject(field)) n += count(field.name) + count(field.value);
  if (isObject(embed.footer)) n += count(embed.footer.text);
  if (isObject(embed.author)) n += count(embed.author.name);
  return n;
}

/** Embeds of a message: counts, lengths, and the 6,000 total across them. */
export function checkEmbeds(out: string[], embeds: unknown): void {
  const list = asArray(embeds);
  if (list.length > 10) out.push(`embeds has ${list.length} entries, at most 10`);
  let total = 0;
  list.forEach((embed, i) => {
    if (!isObject(embed)) return;
    const w = `embeds[${i}]`;
    if (typeof embed.title === 'string') lengthBetween(out, `${w}.title`, embed.title, 0, 256);
    if (typeof embed.description === 'string')
      lengthBetween(out, `${w}.description`, embed.description, 0, 4096);
    const fields = asArray(embed.fields);
    if (fields.length > 25) out.push(`${w}.fields has ${fields.length} entries, at most 25`);
    fields.forEach((field, j) => {
      if (!isObject(field)) return;
      // Discord refuses blank field names and values ("must be 1 or more in length").
      lengthBetween(out, `${w}.fields[${j}].name`, str(field.name)?.trim(), 1, 256);
      lengthBetween(out, `${w}.fields[${j}].value`, str(field.value)?.trim(), 1, 1024);
    });
    if (isObject(embed.footer)) lengthBetween(out, `${w}.footer.text`, embed.footer.text, 0, 2048);
    if (isObject(embed.author)) lengthBetween(out, `${w}.author.name`, embed.author.name, 0, 256);
    total += embedSize(embed);
  });
  if (total > 6000) out.push(`embeds total ${total} characters, at most 6000 across all embeds`);
}

function collectCustomIds(component: unknown, ids: string[]): number {
  if (!isObject(component)) return 0;
  let count = 1;
  if (typeof component.custom_id === 'string') ids.push(component.custom_id);
  for (const child of asArray(component.components)) count += collectCustomIds(child, ids);
  if (isObject(component.accessory)) count += collectCustomIds(component.accessory, ids);
  return count;
}

function checkButton(out: string[], where: string, button: Json): void {
  const link = button.style === LINK_BUTTON_STYLE;
  const premium = button.style === PREMIUM_BUTTON_STYLE;
  if (link && typeof button.url !== 'string') out.push(`${where} link buttons need a url`);
  if ((link || premium) && button.custom_id !== undefined)
    out.push(`${where} link buttons cannot have a custom_id`);
  if (!link && !premium && typeof button.custom_id !== 'string') out.push(`${where} needs a custom_id`);
  if (typeof button.label === 'string') lengthBetween(out, `${where}.label`, button.label, 0, 80);
}

/** A string select: 1–25 options, labels and values 1–100, values unique. */
function checkStringSelect(out: string[], where: string, select: Json): void {
  const options = asArray(select.options).filter(isObject);
  if (options.length < 1 || options.length > 25)
    out.push(`${where}.options has ${options.length} entries, 1–25`);
  const values = new Set<string>();
  options.forEach((o, k) => {
    lengthBetween(out, `${where}.options[${k}].label`, o.label, 1, 100);
    lengthBetween(out, `${where}.options[${k}].value`, o.value, 1, 100);
    const value = str(o.value);
    if (value !== undefined && values.has(value))
      out.push(`${where}.options[${k}].value "${value}" is used twice`);
    if (value !== undefined) values.add(value);
  });
  if (typeof select.placeholder === 'string')
    lengthBetween(out, `${where}.placeholder`, select.placeholder, 0, 150);
}

/** A message's components: action rows (or the components v2 layout when `flags` says so). */
export function checkComponents(out: string[], components: unknown, flags = 0): void {
  const rows = asArray(components);
  const ids: string[] = [];
  let total = 0;
  for (const row of rows) total += collectCustomIds(row, ids);

  if ((flags & COMPONENTS_V2_FLAG) !== 0) {
    if (total > 40) out.push(`components holds ${total} components, at most 40`);
  } else {
    if (rows.length > 5) out.push(`components has ${rows.length} action rows, at most 5`);
    rows.forEach((row, i) => {
      if (!isObject(row)) return;
      const w = `components[${i}]`;
      if (row.type !== ACTION_ROW) {
        out.push(`${w} must be an action row (type 1) unless the message sets IS_COMPONENTS_V2`);
        return;
      }
      const children = asArray(row.components).filter(isObject);
      const buttons = children.filter((c) => c.type === BUTTON);
      if (buttons.length > 5) out.push(`${w} has ${buttons.length} buttons, at most 5`);
      if (buttons.length < children.length && children.length > 1) {
        out.push(`${w} a select menu must be alone in its row`);
      }
      children.forEach((c, j) => {
        if (c.type === BUTTON) checkButton(out, `${w}.components[${j}]`, c);
        if (c.type === STRING_SELECT) checkStringSelect(out, `${w}.components[${j}]`, c);
      });
    });
  }

  const seen = new Set<string>();
  for (const id of ids) {
    lengthBetween(out, `custom_id "${id.length > 24 ? `${id.slice(0, 24)}…` : id}"`, id, 1, 100);
    if (seen.has(id)) out.push(`custom_id "${id}" is used twice in one message`);
    seen.add(id);
  }
}

export interface MessageCheckOptions {
  /** True where Discord refuses an empty message: a new reply or follow-up. */
  creates: boolean;
  hasFiles?: boolean;
  /** Flags of the message being edited: IS_COMPONENTS_V2 stays set once a message has it. */
  existingFlags?: number;
}

/** A message body: callback data, webhook edit or follow-up. */
export function checkMessage(data: unknown, options: MessageCheckOptions): string[] {
  const out: string[] = [];
  if (data === undefined || data === null) {
    if (options.creates) out.push('a message needs content, embeds, components, files or a poll');
    return out;
  }
  if (!isObject(data)) return ['message body must be an object'];
  const flags =
    (typeof data.flags === 'number' ? data.flags : 0) | ((options.existingFlags ?? 0) & COMPONENTS_V2_FLAG);

  if (typeof data.content === 'string') lengthBetween(out, 'content', data.content, 0, 2000);
  checkEmbeds(out, data.embeds);
  checkComponents(out, data.components, flags);

  if ((flags & COMPONENTS_V2_FLAG) !== 0) {
    if (typeof data.content === 'string' && data.content !== '')
      out.push('IS_COMPONENTS_V2 messages cannot set content');
    if (asArray(data.embeds).length > 0) out.push('IS_COMPONENTS_V2 messages cannot set embeds');
  }
  if (options.creates) {
    const hasContent = typeof data.content === 'string' && data.content.trim() !== '';
    const nonEmpty =
      hasContent ||
      asArray(data.embeds).length > 0 ||
      asArray(data.components).length > 0 ||
      asArray(data.attachments).length > 0 ||
      options.hasFiles === true ||
      isObject(data.poll) ||
      Array.isArray(data.sticker_ids);
    if (!nonEmpty) out.push('a message needs content, embeds, components, files or a poll');
  }
  return out;
}

/** Autocomplete result: ≤25 choices, names 1–100, string values ≤100. */
export function checkAutocomplete(data: unknown): string[] {
  const out: string[] = [];
  if (!isObject(data)) return ['autocomplete callback needs data.choices'];
  const choices = asArray(data.choices);
  if (choices.length > 25) out.push(`choices has ${choices.length} entries, at most 25`);
  choices.forEach((choice, i) => {
    if (!isObject(choice)) return;
    lengthBetween(out, `choices[${i}].name`, choice.name, 1, 100);
    if (typeof choice.value === 'string') lengthBetween(out, `choices[${i}].value`, choice.value, 1, 100);
  });
  return out;
}

function checkModal(data: unknown): string[] {
  const out: string[] = [];
  if (!isObject(data)) return ['modal callback needs data'];
  lengthBetween(out, 'custom_id', data.custom_id, 1, 100);
  lengthBetween(out, 'title', data.title, 1, 45);
  const rows = asArray(data.components);
  if (rows.length < 1 || rows.length > 5) out.push(`modal has ${rows.length} components, 1–5 allowed`);
  return out;
}

/** An interaction callback, by its type. */
export function checkCallback(body: unknown, hasFiles = false, existingFlags = 0): string[] {
  if (!isObject(body)) return ['callback body must be an object'];
  switch (body.type) {
    case 4:
      return checkMessage(body.data, { creates: true, hasFiles });
    case 7:
      return checkMessage(body.data, { creates: false, hasFiles, existingFlags });
    case 8:
      return checkAutocomplete(body.data);
    case 9:
      return checkModal(body.data);
    default:
      return [];
  }
}
