// The guards in front of every command, end to end: ALLOWED_GUILD_IDS refuses other servers briefly and privately
// (no profile data, no autocomplete choices, a log line), and the per-user cooldown answers the command past the
// burst with "try again in N s" and never limits autocomplete (the window lifting is tested on a fake clock in
// tests/dispatch/cooldown.test.ts, not by waiting here).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { autocomplete, DiscordSimulator, slash, snowflake } from '../sim/index.ts';
import type { BotProcess } from './botProcess.ts';
import { choices, firstEmbed, here, isEphemeralReply, replyText, startOpsBot } from './opsSupport.ts';

let sim: DiscordSimulator;
let bot: BotProcess;

beforeAll(async () => {
  sim = await new DiscordSimulator({
    guilds: [
      { name: 'Allowed', channels: [{ name: 'general' }] },
      { name: 'Elsewhere', channels: [{ name: 'general' }] },
    ],
  }).start();
  bot = await startOpsBot(sim, {
    ALLOWED_GUILD_IDS: sim.guilds[0]!.id,
    COOLDOWN_COMMANDS: '3',
    COOLDOWN_SECONDS: '2',
  });
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

const elsewhere = () => {
  const guild = sim.guilds[1]!;
  return { guildId: guild.id, channelId: guild.channels[0]!.id };
};

it('refuses a server that is not allowed, briefly, privately and without data', async () => {
  const user = snowflake();
  const r = await sim.interact(slash('profile', { actor: 'valdoria' }, { ...elsewhere(), userId: user }));
  expect(r.callback?.type).toBe(4);
  expect(isEphemeralReply(r)).toBe(true);
  expect(firstEmbed(r)?.description).toContain('not enabled in this server');
  const body = JSON.stringify(r.original);
  for (const profileData of ['Valdoria', 'Valmont', 'Saltmarsh', 'Port Security', 'PLX'])
    expect(body).not.toContain(profileData);
  expect(body.length).toBeLessThan(400);

  const completion = await sim.interact(
    autocomplete('profile', { actor: 'val' }, 'actor', { ...elsewhere(), userId: user }),
  );
  expect(completion.callback?.type).toBe(8);
  expect(choices(completion)).toEqual([]);

  const refusal = (l: { msg: string; user?: unknown }) =>
    l.msg === 'refused: guild not allowed' && l.user === user;
  await bot.waitForLog(() => bot.logs.filter(refusal).length === 2, 2_000, 'both refusals logged');
  const refusals = bot.logs.filter(refusal);
  expect(refusals[0]).toMatchObject({ level: 40, guild: sim.guilds[1]!.id });

  // The allowed server is answered as usual.
  const allowed = await sim.interact(slash('profile', { actor: 'valdoria' }, here(sim)));
  expect(firstEmbed(allowed)?.title).toContain('Valdoria');
  expect(sim.violations).toEqual([]);
});

it('answers the command past the burst with "try again in N s" and never limits autocomplete', async () => {
  const user = here(sim, { userId: snowflake() });
  for (let i = 0; i < 3; i++) {
    const ok = await sim.interact(slash('profile', { actor: 'kesh' }, user));
    expect(firstEmbed(ok)?.title).toContain('Kesh');
  }
  const limited = await sim.interact(slash('profile', { actor: 'kesh' }, user));
  expect(isEphemeralReply(limited)).toBe(true);
  const wait = /try again in (\d+) s/.exec(replyText(limited));
  expect(wait, replyText(limited)).not.toBeNull();
  expect(Number(wait![1])).toBeGreaterThanOrEqual(1);
  expect(Number(wait![1])).toBeLessThanOrEqual(2);
  await bot.waitForLog(
    (l) => l.msg === 'interaction' && l.user === user.userId && l.outcome === 'cooldown',
    2_000,
    'the cooldown logged',
  );

  // Autocomplete keeps answering inside the window, however often.
  for (let i = 0; i < 5; i++) {
    const completion = await sim.interact(autocomplete('profile', { actor: 'ke' }, 'actor', user));
    expect(
      choices(completion)
        .map((c) => c.name)
        .join(' '),
    ).toContain('Kesh');
  }

  // Another user is not limited by this one's burst.
  const other = await sim.interact(slash('profile', { actor: 'kesh' }, here(sim, { userId: snowflake() })));
  expect(firstEmbed(other)?.title).toContain('Kesh');
  expect(sim.violations).toEqual([]);
});
