// The render tests' view of the simulator's limits checker (tests/sim/checkLimits.ts, the one that also validates
// every body the bot sends): the violations in a payload the renderers built, plus Dossier's own rule that no
// payload lets anything ping (allowed_mentions.parse is empty). `expectWithinLimits` fails a test with all of them.
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { Response } from '../../src/dispatch/response.ts';
import type { MessageReply } from '../../src/render/reply.ts';
import {
  checkAutocomplete,
  checkComponents,
  checkEmbeds,
  checkMessage,
  codePoints,
} from '../sim/checkLimits.ts';

type Choice = APIApplicationCommandOptionChoice<string | number>;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Counted independently of the code under test: one per Unicode code point. */
export const length = codePoints;

export function embedViolations(embeds: readonly APIEmbed[]): string[] {
  const out: string[] = [];
  checkEmbeds(out, embeds);
  return out;
}

export function componentViolations(rows: readonly Row[]): string[] {
  const out: string[] = [];
  checkComponents(out, rows);
  return out;
}

export function dataViolations(data: APIInteractionResponseCallbackData): string[] {
  const out = checkMessage(data, { creates: false });
  const parse = data.allowed_mentions?.parse;
  if (!Array.isArray(parse) || parse.length !== 0)
    out.push(`allowed_mentions.parse is ${JSON.stringify(parse)}, expected []`);
  if (data.allowed_mentions?.roles?.length) out.push('allowed_mentions.roles is not empty');
  return out;
}

export const replyViolations = (reply: MessageReply): string[] => dataViolations(reply.data);

export const choiceViolations = (choices: readonly Choice[]): string[] => checkAutocomplete({ choices });

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
