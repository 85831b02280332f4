// The change feed end to end, through the real bot process: the baseline line, one message naming a moved
// relationship and a rewritten interest, its before-and-after button, /changes, a restart that posts nothing,
// a removed profile whose text stays retrievable, and a feed channel that refuses or fails before it accepts.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { button, type DiscordSimulator, type Json, slash } from '../sim/index.ts';
import { type BotProcess, getHealth } from './botProcess.ts';
import { type FeedWorld, feedWorld } from './feedWorld.ts';
import { firstEmbed, isEphemeralReply, replyData, replyText, type TempData } from './opsSupport.ts';

let world: FeedWorld;
let sim: DiscordSimulator;
let bot: BotProcess;
let data: TempData;
let stateDir: string;
let feedChannel: string;
let general: { guildId: string; channelId: string };

const start = () => world.start();

beforeAll(async () => {
  world = await feedWorld('dossier-feed-state-');
  ({ sim, data, stateDir, feedChannel, general } = world);
  bot = await start();
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
  await data?.remove();
  await rm(stateDir, { recursive: true, force: true });
});

const feed = () => world.feed();
const embedOf = (m: Json) => (m.embeds as APIEmbed[])[0]!;
const buttonsOf = (m: Json) =>
  (m.components as { components: { custom_id?: string; label?: string }[] }[]).flatMap((r) => r.components);

async function editProfile(file: string, edit: (text: string) => string): Promise<void> {
  const full = path.join(data.profilesDir, file);
  const before = await readFile(full, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  await writeFile(full, after);
}

it('posts one line for the baseline on the first run', async () => {
  const [baseline] = await world.feedSettlesAt(bot, 1);
  expect(baseline!.content).toBe('baseline recorded: 3 profiles');
  expect(sim.violations).toEqual([]);
});

it('posts one message naming a moved relationship and a rewritten interest', async () => {
  await editProfile('kesh.txt', (t) =>
    t
      .replace(/Allies(\r?\n)\r?\nPartners\r?\n\r?\nPLX\r?\noru/, 'Allies$1$1oru$1$1Partners$1$1PLX')
      .replace(
        'Kesh wants the Greyhaven Network kept out of its valleys.',
        'Kesh now lets the Greyhaven Network trade in its lower valleys, for a toll.',
      ),
  );
  const messages = await world.feedSettlesAt(bot, 2);
  const posted = messages[1]!;
  const embed = embedOf(posted);
  expect(embed.title).toBe('What changed: 2 changes in 1 profile');
  expect(embed.description).toContain('**Kesh**');
  expect(embed.description).toContain('ORU (Oruna) Partners → Allies');
  expect(embed.description).toMatch(/Interest 2 “Border Quiet” rewritten \(\+\d+ words, −\d+ words?\)/);
  expect(posted.nonce).toEqual(expect.any(String));
  const sent = sim.requests.filter(
    (r) => r.method === 'POST' && r.path === `/channels/${feedChannel}/messages`,
  );
  expect(sent.at(-1)!.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
  expect(sim.violations).toEqual([]);
});

it('the button on the rewritten interest shows its old and new text', async () => {
  const posted = feed()[1]!;
  const interest = buttonsOf(posted).find((b) => b.label?.includes('Border Quiet'));
  expect(interest?.custom_id).toMatch(/^c1:d:/);
  const r = await sim.interact(button(interest!.custom_id!, { ...general, message: posted }));
  expect(isEphemeralReply(r)).toBe(true);
  const [before, after] = replyData(r).embeds!;
  expect(before!.title).toBe('Before — Kesh: Border Quiet');
  expect(before!.description).toContain('Kesh wants the Greyhaven Network kept out of its valleys.');
  expect(after!.description).toContain(
    'Kesh now lets the Greyhaven Network trade in its lower valleys, for a toll.',
  );
});

it('/changes kesh lists the change set, newest first; /help and /healthz say when it was recorded', async () => {
  const r = await sim.interact(slash('changes', { actor: 'kesh' }, general));
  const embed = firstEmbed(r)!;
  expect(embed.title).toBe('Recent changes about Kesh');
  expect(embed.description).toMatch(/^\*\*#2\*\* · .* · 2 changes in 1 profile\n\*\*Kesh\*\*/);
  expect(embed.description).toContain('ORU (Oruna) Partners → Allies');
  expect(embed.description).not.toContain('baseline');
  // Opening it from the menu shows the feed's view.
  const opened = await sim.interact({
    ...button('c1:o', { ...general, message: replyData(r) as Json }),
    data: { custom_id: 'c1:o', component_type: 3, values: ['2'] },
  });
  expect(firstEmbed(opened)?.title).toBe('What changed: 2 changes in 1 profile');

  const help = replyText(await sim.interact(slash('help', {}, general)));
  expect(help).toMatch(
    /History: last change set recorded \d{4}-\d\d-\d\d \d\d:\d\d UTC; feed outbox empty\./,
  );
  const health = await getHealth(bot);
  expect(health.body.history).toEqual({
    available: true,
    lastChangeSetAt: expect.any(String),
    outboxPending: 0,
  });
});

it('a restart posts nothing new', async () => {
  await bot.stop();
  bot = await start();
  await bot.waitForLog((l) => l.msg === 'no changes to record', 10_000, 'the start recording nothing');
  await world.feedSettlesAt(bot, 2);
}, 60_000);

it('a removed profile is recorded, and its text stays retrievable', async () => {
  const text = await readFile(path.join(data.profilesDir, 'oruna.txt'), 'utf8');
  await rm(path.join(data.profilesDir, 'oruna.txt'));
  const posted = (await world.feedSettlesAt(bot, 3))[2]!;
  expect(embedOf(posted).description).toContain('🗑️ **Oruna** — profile removed (`profiles/oruna.txt`)');

  const listed = await sim.interact(slash('changes', { actor: 'oruna' }, general));
  expect(firstEmbed(listed)?.description).toMatch(/^\*\*#3\*\* .*\n🗑️ \*\*Oruna\*\* — profile removed/);
  const removed = buttonsOf(posted).find((b) => b.label === 'Oruna (removed)')!;
  const r = await sim.interact(button(removed.custom_id!, { ...general, message: posted }));
  const [before, after] = replyData(r).embeds!;
  // The whole page as it was (markdown escaped for display): its summary and an interest.
  const summary = /Oruna is[^\r\n]*/.exec(text)![0].trim();
  expect(before!.description).toContain(summary.slice(0, 60));
  expect(after!.description).toBe('_Profile removed._');
});

it('a feed channel that refuses (403) or fails (5xx) gets the post once it accepts, exactly once', async () => {
  sim.failNextRestWith(403, { match: `/channels/${feedChannel}/messages`, code: 50001 });
  await editProfile('valdoria.txt', (t) => t.replace(/Valdoria is/, 'Valdoria, a fictional republic, is'));
  await bot.waitForLog(
    (l) => l.msg.startsWith('the feed channel refused the post'),
    10_000,
    'the refusal logged',
  );
  const posted = (await world.feedSettlesAt(bot, 4))[3]!;
  expect(embedOf(posted).description).toContain('**Valdoria**');
  // The log line comes through the bot's stdout, which may arrive after /healthz said the outbox is empty.
  await bot.waitForLog(
    (l) => l.msg === 'change set posted to the feed' && l.attempts === 2,
    5_000,
    'the post logged as sent on its second try',
  );

  // discord.js retries a 5xx three times itself; a fourth failure is ours to retry later.
  sim.failNextRestWith(503, { match: `/channels/${feedChannel}/messages`, times: 4 });
  await editProfile('valdoria.txt', (t) => t.replace('a fictional republic', 'a fictional river republic'));
  await bot.waitForLog(
    (l) => l.msg === 'could not post to the feed; will retry',
    15_000,
    'the outage logged',
  );
  await world.feedSettlesAt(bot, 5);
  const nonces = sim.requests
    .filter((r) => r.method === 'POST' && r.path === `/channels/${feedChannel}/messages`)
    .slice(-5)
    .map((r) => (r.body as Json).nonce);
  // Every try of the same post carries the same nonce.
  expect(new Set(nonces).size).toBe(1);
  // Answering never waited on the feed.
  expect(firstEmbed(await sim.interact(slash('profile', { actor: 'kesh' }, general)))?.title).toContain(
    'Kesh',
  );
});
