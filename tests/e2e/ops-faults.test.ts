// Discord faults end to end: a dropped gateway connection is resumed (an interaction sent meanwhile is replayed
// and answered); a 429 on the callback is retried after Retry-After; a 5xx is retried, and a persistent one is
// logged as an error; an interaction already acknowledged (40060) or expired (10062) is a warning. After each,
// the process is still up and answers the next interaction.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscordSimulator, type InteractionResult, slash } from '../sim/index.ts';
import type { BotProcess, LogLine } from './botProcess.ts';
import { firstEmbed, here, startOpsBot } from './opsSupport.ts';

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

let sim: DiscordSimulator;
let bot: BotProcess;

beforeAll(async () => {
  sim = await new DiscordSimulator().start();
  bot = await startOpsBot(sim, {});
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

const profile = (actor = 'valdoria') => sim.interact(slash('profile', { actor }, here(sim)));

/** The bot is still up and answers as usual. */
async function stillAnswers(): Promise<void> {
  expect(bot.child.exitCode).toBeNull();
  const r = await profile('oruna');
  expect(r.callback?.type).toBe(4);
  expect(firstEmbed(r)?.title).toContain('Oruna');
}

/** The callback requests the bot sent for interaction `r`, retries included. */
const callbacksOf = (r: InteractionResult) =>
  sim.requests.filter((q) => CALLBACK.test(q.path) && q.path.startsWith(`/interactions/${r.id}/`));

it('resumes a dropped gateway connection and answers what was sent meanwhile', async () => {
  const resumes = sim.resumes.length;
  const identifies = sim.identifies.length;
  sim.dropGatewayConnections();
  // Sent while the connection is down: the simulator replays it when the bot resumes.
  const during = sim.dispatchInteraction(slash('profile', { actor: 'kesh' }, here(sim)));
  await sim.waitFor(() => sim.resumes.length > resumes, 10_000, 'a RESUME');
  expect(sim.identifies.length).toBe(identifies);
  await bot.waitForLog((l) => l.msg === 'gateway resumed', 5_000, 'the resume logged');
  expect(firstEmbed(await during.response())?.title).toContain('Kesh');
  expect(sim.resumes.at(-1)?.replayed).toBeGreaterThanOrEqual(1);
  await stillAnswers();
});

it('retries a callback answered 429 after Retry-After, and delivers it', async () => {
  sim.failNextCallbackWith429(0.3);
  const r = await profile();
  expect(r.rejected).toEqual([expect.objectContaining({ status: 429 })]);
  expect(firstEmbed(r)?.title).toContain('Valdoria');
  expect(r.callback!.at - r.rejected[0]!.at).toBeGreaterThanOrEqual(300);
  expect(r.elapsedMs).toBeGreaterThanOrEqual(300);
  expect(callbacksOf(r)).toHaveLength(2);
});

it('retries a callback answered 5xx, and delivers it once the fault clears', async () => {
  sim.failNextRestWith(502, { match: CALLBACK, times: 2 });
  const r = await profile();
  expect(r.rejected.map((x) => x.status)).toEqual([502, 502]);
  expect(firstEmbed(r)?.title).toContain('Valdoria');
  expect(callbacksOf(r)).toHaveLength(3);
});

it('logs a persistent 5xx as an error and keeps serving', async () => {
  // discord.js tries a request 4 times in all (3 retries) before giving up.
  sim.failNextRestWith(500, { match: CALLBACK, times: 4 });
  const tracked = sim.dispatchInteraction(slash('profile', { actor: 'kesh' }, here(sim)));
  const line = await bot.waitForLog(
    (l) => l.msg === 'could not send the answer' && l.command === 'profile' && l.level === 50,
    10_000,
    'the failure logged',
  );
  expect(callbacksOf(tracked.snapshot())).toHaveLength(4);
  expect(tracked.snapshot().callback).toBeUndefined();
  expect(line.discord).toMatchObject({ status: 500, method: 'POST' });
  // The line names the route, never the interaction's token nor the whole answer it could not send.
  expect(JSON.stringify(line)).not.toContain(tracked.token);
  expect(JSON.stringify(line)).not.toContain('highland federation');
  await stillAnswers();
});

it.each([
  { code: 40060, status: 400, message: 'interaction already acknowledged' },
  { code: 10062, status: 404, message: 'interaction expired before the answer' },
])('logs $code as a warning, without crashing', async ({ code, status, message }) => {
  sim.failNextRestWith(status, { match: CALLBACK, code });
  const tracked = sim.dispatchInteraction(slash('profile', { actor: 'kesh' }, here(sim)));
  const line: LogLine = await bot.waitForLog(
    (l) => l.msg === message && l.code === code,
    5_000,
    `the ${code} warning`,
  );
  expect(line.level).toBe(40);
  expect(line).toMatchObject({ command: 'profile', guild: sim.guilds[0]!.id });
  expect(callbacksOf(tracked.snapshot())).toHaveLength(1);
  expect(bot.logs.filter((l) => l.level >= 50 && l.msg === 'could not send the answer')).toHaveLength(1);
  await stillAnswers();
  expect(sim.violations).toEqual([]);
});
