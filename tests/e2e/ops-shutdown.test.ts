// Shutdown end to end: on SIGTERM an interaction in flight (its callback held by the simulator) is still answered,
// new ones get the private "restarting" notice, /healthz says 503 stopping, and the process exits 0. SIGINT exits
// 0 as well, and so does a SIGTERM that arrives while the bot is still logging in.
import { afterEach, expect, it } from 'vitest';
import { DiscordSimulator, slash } from '../sim/index.ts';
import { type BotProcess, getHealth } from './botProcess.ts';
import { firstEmbed, here, isEphemeralReply, startOpsBot } from './opsSupport.ts';

let sim: DiscordSimulator | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop('SIGKILL');
  await sim?.stop();
  bot = undefined;
  sim = undefined;
});

it('answers the interaction in flight on SIGTERM, turns new ones away, and exits 0', async () => {
  sim = await new DiscordSimulator().start();
  bot = await startOpsBot(sim, { SHUTDOWN_GRACE_MS: '10000' });
  const running = bot;

  const hold = sim.holdNextCallback();
  const inFlight = sim.dispatchInteraction(slash('profile', { actor: 'valdoria' }, here(sim)));
  await hold.arrived;

  running.child.kill('SIGTERM');
  const waiting = await running.waitForLog(
    (l) => l.msg === 'waiting for interactions in flight',
    5_000,
    'the wait for the interaction in flight',
  );
  expect(waiting.inFlight).toBe(1);
  const health = await getHealth(running);
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ serving: false, status: 'stopping' });

  const late = await sim.interact(slash('profile', { actor: 'kesh' }, here(sim)));
  expect(isEphemeralReply(late)).toBe(true);
  expect(firstEmbed(late)?.title).toBe('Restarting');
  expect(running.child.exitCode).toBeNull();

  hold.release();
  expect(firstEmbed(await inFlight.response())?.title).toContain('Valdoria');
  expect(await running.exited).toBe(0);
  const answered = running.logs.findIndex(
    (l) => l.msg === 'interaction' && l.command === 'profile' && l.outcome === 'ok',
  );
  const stopped = running.logs.findIndex((l) => l.msg === 'stopped');
  expect(answered).toBeGreaterThanOrEqual(0);
  expect(stopped).toBeGreaterThan(answered);
  expect(sim.violations).toEqual([]);
});

it('exits 0 on SIGINT', async () => {
  sim = await new DiscordSimulator().start();
  bot = await startOpsBot(sim, {});
  const r = await sim.interact(slash('profile', { actor: 'oruna' }, here(sim)));
  expect(firstEmbed(r)?.title).toContain('Oruna');
  expect(await bot.stop('SIGINT')).toBe(0);
  expect(bot.logs.find((l) => l.msg === 'shutting down')?.signal).toBe('SIGINT');
  expect(bot.logs.some((l) => l.msg === 'stopped')).toBe(true);
});

it('exits 0 on a SIGTERM that arrives while the bot is still logging in', async () => {
  sim = await new DiscordSimulator().start();
  sim.holdReady();
  bot = await startOpsBot(sim, {}, { waitForReady: false });
  await sim.waitFor(() => sim?.identifies.length === 1, 15_000, 'the bot to identify');
  expect(await bot.stop('SIGTERM')).toBe(0);
  // The wait for the gateway to close is bounded (discord.js never settles it while waiting for READY): the bot
  // gives up on it, then stops.
  // Ordered by each line's own time: warnings and info lines may reach the test through different pipes.
  const at = ['shutting down', 'gateway did not close in time', 'stopped'].map(
    (msg) => bot!.logs.find((l) => l.msg === msg)?.time as number | undefined,
  );
  expect(
    at.every((t) => typeof t === 'number'),
    JSON.stringify(at),
  ).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a! - b!));
});
