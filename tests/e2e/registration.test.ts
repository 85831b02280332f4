// Command registration as the real bot process does it: one bulk overwrite with valid, guild-only commands
// (slash commands and the "Find actors" message command), none when Discord already has the same commands,
// and the guild route when DISCORD_GUILD_ID is set.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkCommandList, DiscordSimulator, type Json, type SimRequest, slash } from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import { embedOf, expectClean, isEphemeral } from './helpers.ts';

/** Discord's pattern for command and option names; chat input names must also be lowercase. */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

let sim: DiscordSimulator;
const bots: BotProcess[] = [];

beforeAll(async () => {
  sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }] }],
  }).start();
});

afterEach(() => expectClean(sim));

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await sim?.stop();
});

async function start(env: Record<string, string> = {}): Promise<{ bot: BotProcess; requests: SimRequest[] }> {
  const from = sim.requests.length;
  const bot = await startBot(sim, { env });
  bots.push(bot);
  return { bot, requests: sim.requests.slice(from) };
}

const commandRequests = (requests: SimRequest[]) => requests.filter((r) => r.path.endsWith('/commands'));

/** Checks one option list the way Discord does: names, descriptions, counts, required options first. */
function expectValidOptions(options: Json[], where: string): void {
  expect(options.length, `${where}: options`).toBeLessThanOrEqual(25);
  let seenOptional = false;
  for (const option of options) {
    const name = String(option.name);
    expect(name, `${where}: option name`).toMatch(NAME);
    expect(name).toBe(name.toLowerCase());
    const description = String(option.description ?? '');
    expect(description.length, `${where} ${name}: description`).toBeGreaterThan(0);
    expect([...description].length, `${where} ${name}: description`).toBeLessThanOrEqual(100);
    if (option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP) {
      expectValidOptions((option.options as Json[] | undefined) ?? [], `${where} ${name}`);
      continue;
    }
    if (option.required === true)
      expect(seenOptional, `${where}: ${name} required after optional`).toBe(false);
    else seenOptional = true;
  }
}

describe('global registration', () => {
  it('registers every command in one bulk overwrite that Discord accepts', async () => {
    const { bot, requests } = await start();
    const calls = commandRequests(requests);
    expect(calls.map((r) => r.method)).toEqual(['GET', 'PUT']);
    const put = calls[1]!;
    expect(put.route).toBe('PUT /applications/{app}/commands');
    expect(put.path).toBe(`/applications/${sim.applicationId}/commands`);
    expect(put.status).toBe(200);
    expect(checkCommandList(put.body)).toEqual([]);

    const body = put.body as Json[];
    const chatInput = body.filter((c) => (c.type ?? 1) === 1);
    expect(chatInput.map((c) => c.name).sort()).toEqual([
      'changes',
      'help',
      'profile',
      'relations',
      'search',
    ]);
    for (const command of chatInput) {
      const name = String(command.name);
      expect(name).toMatch(NAME);
      expect(name).toBe(name.toLowerCase());
      const description = String(command.description);
      expect(description.length).toBeGreaterThan(0);
      expect([...description].length).toBeLessThanOrEqual(100);
      expectValidOptions((command.options as Json[] | undefined) ?? [], name);
    }
    const relations = chatInput.find((c) => c.name === 'relations')!;
    expect((relations.options as Json[]).map((o) => [o.name, o.type])).toEqual([
      ['of', SUBCOMMAND],
      ['toward', SUBCOMMAND],
      ['between', SUBCOMMAND],
      ['network', SUBCOMMAND],
    ]);

    const messageCommands = body.filter((c) => c.type === 3);
    expect(messageCommands).toHaveLength(1);
    expect(messageCommands[0]).toMatchObject({ name: 'Find actors', type: 3 });
    expect(messageCommands[0]!.options).toBeUndefined();

    for (const command of body) {
      expect(command.contexts, String(command.name)).toEqual([0]);
      expect(command.integration_types, String(command.name)).toEqual([0]);
    }
    expect(sim.registeredCommands().map((c) => c.name)).toEqual(body.map((c) => c.name));
    expect(sim.registeredCommands(sim.guilds[0]!.id)).toEqual([]);

    const synced = await bot.waitForLog((l) => l.msg === 'commands synced');
    expect(synced).toMatchObject({ scope: 'global', outcome: 'updated' });
    expect(await bot.stop()).toBe(0);
  });

  it('does not overwrite on a second start when Discord already has the same commands', async () => {
    const before = sim.registeredCommands().map((c) => c.id);
    const { bot, requests } = await start();
    expect(commandRequests(requests).map((r) => `${r.method} ${r.route}`)).toEqual([
      'GET GET /applications/{app}/commands',
    ]);
    expect(sim.registeredCommands().map((c) => c.id)).toEqual(before);
    const synced = await bot.waitForLog((l) => l.msg === 'commands synced');
    expect(synced).toMatchObject({ scope: 'global', outcome: 'unchanged' });

    // The commands it did not re-register still work.
    const guild = sim.guilds[0]!;
    const r = await sim.interact(slash('help', {}, { guildId: guild.id }));
    expect(embedOf(r).title).toContain('Dossier');
    expect(isEphemeral(r)).toBe(true);
    expect(await bot.stop()).toBe(0);
  });
});

describe('guild registration', () => {
  it('with DISCORD_GUILD_ID, registers the same commands on the guild route only', async () => {
    const guild = sim.guilds[0]!;
    const globalIds = sim.registeredCommands().map((c) => c.id);
    const { bot, requests } = await start({ DISCORD_GUILD_ID: guild.id });
    const calls = commandRequests(requests);
    expect(calls.map((r) => `${r.method} ${r.route}`)).toEqual([
      'GET GET /applications/{app}/guilds/{guild}/commands',
      'PUT PUT /applications/{app}/guilds/{guild}/commands',
    ]);
    expect(calls[1]!.path).toBe(`/applications/${sim.applicationId}/guilds/${guild.id}/commands`);
    expect(checkCommandList(calls[1]!.body)).toEqual([]);
    const inGuild = sim.registeredCommands(guild.id);
    expect(inGuild.map((c) => c.name).sort()).toEqual([
      'Find actors',
      'changes',
      'help',
      'profile',
      'relations',
      'search',
    ]);
    for (const command of inGuild) expect(command.guild_id).toBe(guild.id);
    // The global commands were left alone.
    expect(sim.registeredCommands().map((c) => c.id)).toEqual(globalIds);
    const synced = await bot.waitForLog((l) => l.msg === 'commands synced');
    expect(synced).toMatchObject({ scope: `guild ${guild.id}`, outcome: 'updated' });

    // An interaction against the guild command is answered.
    const r = await sim.interact(slash('profile', { actor: 'oruna' }, { guildId: guild.id }));
    expect(r.payload.data).toMatchObject({ guild_id: guild.id });
    expect(embedOf(r).title).toBe('Oruna');
    expect(await bot.stop()).toBe(0);
  });
});
