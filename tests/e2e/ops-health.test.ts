// GET /healthz end to end: 503 while the bot is logging in (the simulator holds READY back), 200 with the gateway,
// data, last reload, uptime and interactions served once ready (the count grows with interactions), and 503 again
// while the gateway connection is down.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscordSimulator, slash } from '../sim/index.ts';
import { type BotProcess, getHealth } from './botProcess.ts';
import { here, startOpsBot } from './opsSupport.ts';

let sim: DiscordSimulator;
let bot: BotProcess;

beforeAll(async () => {
  // Frequent heartbeats, so that the gateway ping is measured within the test.
  sim = await new DiscordSimulator({ heartbeatIntervalMs: 1_000 }).start();
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

it('answers 503 while logging in, then 200 with what an operator needs', async () => {
  const release = sim.holdReady();
  bot = await startOpsBot(sim, {}, { waitForReady: false });
  await sim.waitFor(() => sim.identifies.length === 1, 15_000, 'the bot to identify');
  const starting = await getHealth(bot);
  expect(starting.status).toBe(503);
  expect(starting.body).toMatchObject({ serving: false, status: 'starting' });

  release();
  await bot.waitForLog((l) => l.msg === 'commands synced', 15_000, 'commands synced');
  await expect.poll(async () => (await getHealth(bot)).status, { timeout: 5_000 }).toBe(200);
  // The first heartbeat acknowledgement gives the ping.
  await expect
    .poll(async () => ((await getHealth(bot)).body.gateway as { ping: number }).ping, { timeout: 5_000 })
    .toBeGreaterThanOrEqual(0);

  const { body } = await getHealth(bot);
  expect(body).toMatchObject({
    serving: true,
    status: 'serving',
    gateway: { status: 'Ready', shards: [0] },
    data: { profiles: 3, actors: 8, diagnostics: expect.any(Number) },
    lastReload: { ok: true, message: 'loaded 3 profiles' },
    uptimeSeconds: expect.any(Number),
    interactionsServed: expect.any(Number),
  });
  const data = body.data as { loadedAt: string };
  expect(Number.isNaN(Date.parse(data.loadedAt))).toBe(false);
  expect(Number.isNaN(Date.parse((body.lastReload as { at: string }).at))).toBe(false);

  const served = body.interactionsServed as number;
  await sim.interact(slash('profile', { actor: 'valdoria' }, here(sim)));
  await sim.interact(slash('help', {}, here(sim)));
  await expect
    .poll(async () => (await getHealth(bot)).body.interactionsServed, { timeout: 2_000 })
    .toBe(served + 2);
});

it('answers 503 while the gateway connection is down, and 200 once it is back', async () => {
  const release = sim.holdReady();
  // The bot reconnects and resumes at once; the simulator holds RESUMED back, so it stays reconnecting.
  const before = sim.resumes.length;
  sim.dropGatewayConnections();
  await sim.waitFor(() => sim.resumes.length > before, 10_000, 'the bot to resume');
  const down = await getHealth(bot);
  expect(down.status).toBe(503);
  expect(down.body).toMatchObject({ serving: false, status: 'disconnected' });

  release();
  await expect.poll(async () => (await getHealth(bot)).status, { timeout: 5_000 }).toBe(200);
  const r = await sim.interact(slash('profile', { actor: 'kesh' }, here(sim)));
  expect(r.callback?.type).toBe(4);
  expect(sim.violations).toEqual([]);
});
