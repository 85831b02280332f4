// One checker for every payload the renderers build: each Discord limit from src/render/limits.ts, lengths in
// code points, plus the rule that no payload lets anything ping (allowed_mentions.parse is empty). Each function
// returns the violations it found; `expectWithinLimits` fails a test with all of them at once.
import {
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
  ComponentType,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { Response } from '../../src/dispatch/response.ts';
import {
  ACTION_ROWS_MAX,
  AUTOCOMPLETE_CHOICES_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  CHOICE_NAME_MAX,
  CHOICE_VALUE_MAX,
  CUSTOM_ID_MAX,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_TEXT_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  EMBEDS_TOTAL_MAX,
  MESSAGE_CONTENT_MAX,
  SELECT_OPTION_LABEL_MAX,
  SELECT_OPTIONS_MAX,
} from '../../src/render/limits.ts';
import type { MessageReply } from '../../src/render/reply.ts';

type Choice = APIApplicationCommandOptionChoice<string | number>;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Counted independently of the code under test: one per Unicode code point. */
export const length = (text: string): number => [...text].length;

function atMost(
  out: string[],
  where: string,
  text: string | undefined,
  max: number,
  required = false,
): number {
  if (text === undefined) {
    if (required) out.push(`${where} is missing`);
    return 0;
  }
  const n = length(text);
  if (n > max) out.push(`${where} has ${n} code points, at most ${max}`);
  if (required && n === 0) out.push(`${where} is empty`);
  return n;
}

export function embedViolations(embeds: readonly APIEmbed[], where = 'embeds'): string[] {
  const out: string[] = [];
  if (embeds.length > EMBEDS_PER_MESSAGE_MAX)
    out.push(`${where}: ${embeds.length} embeds, at most ${EMBEDS_PER_MESSAGE_MAX}`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const w = `${where}[${i}]`;
    total += atMost(out, `${w}.title`, embed.title, EMBED_TITLE_MAX);
    total += atMost(out, `${w}.description`, embed.description, EMBED_DESCRIPTION_MAX);
    total += atMost(
      out,
      `${w}.footer.text`,
      embed.footer?.text,
      EMBED_FOOTER_TEXT_MAX,
      embed.footer !== undefined,
    );
    total += atMost(
      out,
      `${w}.author.name`,
      embed.author?.name,
      EMBED_AUTHOR_NAME_MAX,
      embed.author !== undefined,
    );
    const fields = embed.fields ?? [];
    if (fields.length > EMBED_FIELDS_MAX)
      out.push(`${w}: ${fields.length} fields, at most ${EMBED_FIELDS_MAX}`);
    fields.forEach((f, j) => {
      total += atMost(out, `${w}.fields[${j}].name`, f.name, EMBED_FIELD_NAME_MAX, true);
      total += atMost(out, `${w}.fields[${j}].value`, f.value, EMBED_FIELD_VALUE_MAX, true);
    });
  });
  if (total > EMBEDS_TOTAL_MAX)
    out.push(`${where}: ${total} code points in all, at most ${EMBEDS_TOTAL_MAX}`);
  return out;
}

export function componentViolations(rows: readonly Row[], where = 'components'): string[] {
  const out: string[] = [];
  if (rows.length > ACTION_ROWS_MAX) out.push(`${where}: ${rows.length} rows, at most ${ACTION_ROWS_MAX}`);
  const ids = new Set<string>();
  const customId = (w: string, id: string | undefined) => {
    atMost(out, `${w}.custom_id`, id, CUSTOM_ID_MAX, true);
    if (id === undefined) return;
    if (ids.has(id)) out.push(`${w}.custom_id "${id}" is used twice in one message`);
    ids.add(id);
  };
  rows.forEach((row, i) => {
    const w = `${where}[${i}]`;
    if (row.type !== ComponentType.ActionRow) out.push(`${w} is not an action row`);
    const items = row.components;
    if (items.length === 0) out.push(`${w} is empty`);
    const selects = items.filter((c) => c.type !== ComponentType.Button);
    if (selects.length > 0 && items.length > 1) out.push(`${w}: a select menu must be alone in its row`);
    if (items.length > BUTTONS_PER_ROW_MAX)
      out.push(`${w}: ${items.length} components, at most ${BUTTONS_PER_ROW_MAX}`);
    items.forEach((c, j) => {
      const cw = `${w}.components[${j}]`;
      if (c.type === ComponentType.Button) {
        if ('custom_id' in c) customId(cw, c.custom_id);
        if ('label' in c) atMost(out, `${cw}.label`, c.label, BUTTON_LABEL_MAX, !('emoji' in c && c.emoji));
      } else if (c.type === ComponentType.StringSelect) {
        customId(cw, c.custom_id);
        if (c.options.length === 0 || c.options.length > SELECT_OPTIONS_MAX)
          out.push(`${cw}: ${c.options.length} options, 1 to ${SELECT_OPTIONS_MAX}`);
        const values = new Set<string>();
        c.options.forEach((o, k) => {
          atMost(out, `${cw}.options[${k}].label`, o.label, SELECT_OPTION_LABEL_MAX, true);
          atMost(out, `${cw}.options[${k}].value`, o.value, SELECT_OPTION_LABEL_MAX, true);
          if (values.has(o.value)) out.push(`${cw}.options[${k}].value "${o.value}" is used twice`);
          values.add(o.value);
        });
      } else if ('custom_id' in c) {
        customId(cw, c.custom_id);
      }
    });
  });
  return out;
}

export function dataViolations(data: APIInteractionResponseCallbackData, where = 'data'): string[] {
  const out: string[] = [];
  atMost(out, `${where}.content`, data.content ?? undefined, MESSAGE_CONTENT_MAX);
  const parse = data.allowed_mentions?.parse;
  if (!Array.isArray(parse) || parse.length !== 0)
    out.push(`${where}.allowed_mentions.parse is ${JSON.stringify(parse)}, expected []`);
  if (data.allowed_mentions?.roles?.length) out.push(`${where}.allowed_mentions.roles is not empty`);
  out.push(...embedViolations(data.embeds ?? [], `${where}.embeds`));
  out.push(...componentViolations((data.components ?? []) as Row[], `${where}.components`));
  return out;
}

export const replyViolations = (reply: MessageReply): string[] => dataViolations(reply.data);

export function choiceViolations(choices: readonly Choice[], where = 'choices'): string[] {
  const out: string[] = [];
  if (choices.length > AUTOCOMPLETE_CHOICES_MAX)
    out.push(`${where}: ${choices.length} choices, at most ${AUTOCOMPLETE_CHOICES_MAX}`);
  choices.forEach((c, i) => {
    atMost(out, `${where}[${i}].name`, c.name, CHOICE_NAME_MAX, true);
    if (typeof c.value === 'string') atMost(out, `${where}[${i}].value`, c.value, CHOICE_VALUE_MAX, true);
  });
  return out;
}

export function responseViolations(response: Response): string[] {
  return response.type === 'choices' ? choiceViolations(response.choices) : replyViolations(response.reply);
}

/** Fails with every violation listed; `label` says which payload it was. */
export function expectWithinLimits(x: MessageReply | Response, label = 'payload'): void {
  const found = 'data' in x ? replyViolations(x) : responseViolations(x);
  expect(found, label).toEqual([]);
}

export const expectEmbedsWithinLimits = (embeds: readonly APIEmbed[], label = 'embeds'): void =>
  expect(embedViolations(embeds), label).toEqual([]);

export const expectChoicesWithinLimits = (choices: readonly Choice[], label = 'choices'): void =>
  expect(choiceViolations(choices), label).toEqual([]);
