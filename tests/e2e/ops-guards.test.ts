// The guards in front of every command, end to end: ALLOWED_GUILD_IDS refuses other servers briefly and privately
// (no profile data, no autocomplete choices, a log line), and the per-user cooldown answers the command past the
// burst with "try again in N s", never limits autocomplete, and lifts once the window has passed.
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

it('answers the command past the burst with "try again in N s", never limits autocomplete, and lifts', async () => {
  const user = here(sim, { userId: snowflake() });
  const first = Date.now();
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

  // The limit lifts once the window has passed (asked every 100 ms: refused asks do not extend it).
  let lifted = false;
  while (!lifted && Date.now() - first < 5_000) {
    const r = await sim.interact(slash('profile', { actor: 'kesh' }, user));
    lifted = firstEmbed(r)?.title?.includes('Kesh') ?? false;
    if (!lifted) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(lifted).toBe(true);
  expect(Date.now() - first).toBeGreaterThanOrEqual(1_900);
  expect(sim.violations).toEqual([]);
});
