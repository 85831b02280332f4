// The smallest end-to-end check: the real bot process logs in to the simulator and answers /profile.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscordSimulator, slash } from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';

let sim: DiscordSimulator;
let bot: BotProcess;

beforeAll(async () => {
  sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }] }],
  }).start();
  // As `npm start` runs by default: warmed up before going online, so the first answer comes at once.
  bot = await startBot(sim, { env: { WARM_UP: 'true' } });
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

it('answers /profile with the profile overview', async () => {
  const guild = sim.guilds[0]!;
  const r = await sim.interact(
    slash('profile', { actor: 'valdoria' }, { guildId: guild.id, channelId: guild.channels![0]!.id }),
  );
  expect(r.callback?.type).toBe(4);
  expect((r.original as APIInteractionResponseCallbackData | undefined)?.embeds?.[0]?.title).toContain(
    'Valdoria',
  );
  expect(sim.violations).toEqual([]);
  expect(await bot.stop()).toBe(0);
});
