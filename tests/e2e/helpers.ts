// Small readers over what the simulator recorded, shared by the end-to-end test files: the message a reply left,
// its embed, fields and buttons, whether only the invoker saw it, and every string it carries.
import type {
  APIEmbed,
  APIEmbedField,
  APIInteractionResponseCallbackData,
  APIMessageComponent,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { DiscordSimulator, InteractionResult, SimGuild } from '../sim/index.ts';

export const EPHEMERAL = 1 << 6;

/** Callback types Discord defines, by the names tests read best. */
export const CALLBACK = { message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, choices: 8 } as const;

export type Message = APIInteractionResponseCallbackData;

/** The message the interaction left: the callback's data, with any later edit applied. */
export function messageOf(r: InteractionResult): Message {
  expect(r.original, `no message for interaction ${r.id}`).toBeDefined();
  return r.original as Message;
}

/** The reply's only embed (every Dossier reply carries exactly one). */
export function embedOf(r: InteractionResult): APIEmbed {
  const embeds = messageOf(r).embeds ?? [];
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
}

export function fieldsOf(r: InteractionResult): APIEmbedField[] {
  return embedOf(r).fields ?? [];
}

export function field(r: InteractionResult, name: string | RegExp): APIEmbedField {
  const found = fieldsOf(r).find((f) => (typeof name === 'string' ? f.name === name : name.test(f.name)));
  expect(
    found,
    `no field ${String(name)} among ${fieldsOf(r)
      .map((f) => f.name)
      .join(' | ')}`,
  ).toBeDefined();
  return found!;
}

/** Whether only the invoker sees the answer, however it was delivered (direct, deferred, or follow-up). */
export function isEphemeral(r: InteractionResult): boolean {
  const deferredFlags =
    r.callback?.type === CALLBACK.deferredMessage
      ? Number((r.callback.data as Message | undefined)?.flags ?? 0)
      : 0;
  return ((deferredFlags | Number(r.original?.flags ?? 0)) & EPHEMERAL) !== 0;
}

/** A new message (type 4), or one that came after a deferral (type 5). */
export function expectNewMessage(r: InteractionResult): void {
  expect([CALLBACK.message, CALLBACK.deferredMessage]).toContain(r.callback?.type);
}

/** An update of the message the component sits on (type 7, or 6 then an edit). */
export function expectUpdate(r: InteractionResult): void {
  expect([CALLBACK.update, CALLBACK.deferredUpdate]).toContain(r.callback?.type);
}

export interface Choice {
  name: string;
  value: string;
}

/** The choices of an autocomplete answer (callback type 8). */
export function choicesOf(r: InteractionResult): Choice[] {
  expect(r.callback?.type).toBe(CALLBACK.choices);
  return ((r.callback?.data ?? {}) as { choices?: Choice[] }).choices ?? [];
}

export interface Control {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  style?: number;
  options?: { label: string; value: string; default?: boolean }[];
}

/** Buttons and menus of a message, in order, with their rows flattened. */
export function controlsOf(message: Message): Control[] {
  const rows = (message.components ?? []) as APIMessageComponent[];
  return rows.flatMap((row) => ('components' in row ? (row.components as unknown as Control[]) : []));
}

export function buttonLabelled(message: Message, label: string | RegExp): Control {
  const found = controlsOf(message).find(
    (c) => c.type === 2 && (typeof label === 'string' ? c.label === label : label.test(c.label ?? '')),
  );
  expect(found, `no button ${String(label)}`).toBeDefined();
  return found!;
}

/** Every string anywhere in a value (content, titles, descriptions, field names and values, footers…). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The text a user reads: content and embeds, without custom ids or attachment names. */
export function visibleText(message: Message): string[] {
  return [...stringsIn(message.content ?? ''), ...stringsIn(message.embeds ?? [])];
}

/** Nothing the bot sent broke Discord's spec or limits, and it asked for nothing the simulator does not know. */
export function expectClean(sim: DiscordSimulator): void {
  expect(sim.violations).toEqual([]);
  expect(sim.unexpectedRequests).toEqual([]);
}

export function channelId(guild: SimGuild, name: string): string {
  const channel = guild.channels.find((c) => c.name === name);
  if (!channel) throw new Error(`no channel #${name} in ${guild.name}`);
  return channel.id;
}
