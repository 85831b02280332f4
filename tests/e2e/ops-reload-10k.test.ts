// A reload of 10,000 profiles while users keep asking: every interaction dispatched during the reload is answered
// (no expired interaction), most of them before the reload is over (a reload that held the bot would answer none
// until it ended), the reload finishes and the new data is served. Latencies and the longest event-loop stall
// seen inside the bot are printed, never asserted: speed goals are the bench's to check.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { autocomplete, DiscordSimulator, type InteractionResult, slash } from '../sim/index.ts';
import { type BotProcess, getHealth } from './botProcess.ts';
import {
  choices,
  copyFixtureData,
  firstEmbed,
  generatedActor,
  generateProfiles,
  here,
  startOpsBot,
  type TempData,
} from './opsSupport.ts';

const PROFILES = 10_000;
const DISPATCH_EVERY_MS = 100;

let sim: DiscordSimulator;
let bot: BotProcess;
let data: TempData;

beforeAll(async () => {
  data = await copyFixtureData();
  sim = await new DiscordSimulator().start();
  // No watching: the reload starts when the test says (SIGHUP), not while the files are being written.
  bot = await startOpsBot(sim, { DATA_DIR: data.dir, WATCH_DATA: 'false', LOG_LEVEL: 'info' });
});

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
  await data?.remove();
});

it('keeps answering during a 10,000-profile reload, then serves the new data', async () => {
  const generating = Date.now();
  await generateProfiles(data, PROFILES);
  const generatedMs = Date.now() - generating;

  // A first interaction pays for cold paths (the first REST call); it must not count against the reload.
  await sim.interact(slash('profile', { actor: 'valdoria' }, here(sim)));

  const from = bot.logs.length;
  bot.child.kill('SIGHUP');
  const done = bot.waitForLog(
    (l) =>
      l.msg === 'data reloaded' || l.msg.startsWith('reload refused') || l.msg.startsWith('reload failed'),
    60_000,
    'the end of the reload',
  );
  let finished = false;
  void done.then(() => {
    finished = true;
  });

  // While the reload runs: a command or an autocomplete every 100 ms, without waiting for the answers.
  // Each answer notes whether it came while the reload was still running.
  const pending: Promise<InteractionResult & { duringReload: boolean }>[] = [];
  for (let i = 0; !finished; i++) {
    const spec =
      i % 2 === 0
        ? slash('profile', { actor: 'valdoria' }, here(sim))
        : autocomplete('profile', { actor: 'ke' }, 'actor', here(sim));
    pending.push(
      sim
        .dispatchInteraction(spec)
        .response({ timeoutMs: 10_000 })
        .then((r) => ({ ...r, duringReload: !finished })),
    );
    await Promise.race([done, new Promise((r) => setTimeout(r, DISPATCH_EVERY_MS))]);
  }
  const reloaded = await done;
  const results = await Promise.all(pending);

  expect(reloaded.msg).toBe('data reloaded');
  expect(reloaded.profiles).toBe(PROFILES + 3);
  expect(results.length).toBeGreaterThan(5);
  for (const r of results) {
    expect(r.rejected).toEqual([]);
    expect([4, 8]).toContain(r.callback?.type);
  }
  const commands = results.filter((r) => r.callback?.type === 4);
  for (const r of commands) expect(firstEmbed(r)?.title).toContain('Valdoria');
  for (const r of results.filter((x) => x.callback?.type === 8)) {
    expect(
      choices(r)
        .map((c) => c.name)
        .join(' '),
    ).toContain('Kesh');
  }
  const latencies = results.map((r) => r.elapsedMs).sort((a, b) => a - b);
  const worst = latencies.at(-1) ?? 0;
  const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
  // What the probe saw inside the bot while the reload ran: wall time, and how much of it the main thread ran.
  const stalls = bot.logs
    .slice(from)
    .filter((l) => l.msg === 'event loop stall' && (l.time as number) <= (reloaded.time as number));
  const longest = Math.max(0, ...stalls.map((l) => l.ms as number));
  const busiest = Math.max(0, ...stalls.map((l) => (l.runMs as number | undefined) ?? 0));
  console.info(
    `10,000-profile reload: files written in ${generatedMs} ms; reload ${reloaded.ms} ms; ` +
      `${results.length} interactions during it: median ${median} ms, worst ${worst} ms; ` +
      `event loop held over 20 ms ${stalls.length} times, longest ${longest} ms, ` +
      `longest main-thread run in one of them ${busiest} ms`,
  );
  // The order of events, not their timing: most answers came before the reload's end.
  const answeredDuring = results.filter((r) => r.duringReload).length;
  expect(answeredDuring, `${answeredDuring} of ${results.length} answered during the reload`).toBeGreaterThan(
    results.length / 2,
  );

  // The new data is served.
  const actor = generatedActor(4242);
  const profile = await sim.interact(slash('profile', { actor: actor.name }, here(sim)));
  expect(firstEmbed(profile)?.title).toContain(actor.name);
  const health = await getHealth(bot);
  expect(health.body.data).toMatchObject({ profiles: PROFILES + 3, actors: PROFILES + 8 });
  expect(sim.violations).toEqual([]);
});
