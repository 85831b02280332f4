// Dossier from the outside, as a team runs it: the real bot process (`npm start`'s command) against the Discord
// simulator, on a corpus generated with a seed no other section uses (nothing was tuned on it), with a fresh
// STATE_DIR and file watching on, its reload debounce included. Everything is timed from the simulator's side:
// spawn until the first answer, /search end to end, one edited file until /search finds its new word while
// traffic runs, the process's RSS (read from /proc), and a restart on the same data and STATE_DIR. The bot's own
// log lines (at info, as `npm start` logs by default) say where a start or a reload spent its time.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROFILES_DIR } from '../src/profiles/loadCorpus.ts';
import type { LogLine } from '../tests/e2e/botProcess.ts';
import { replyText } from '../tests/e2e/opsSupport.ts';
import { DiscordSimulator, slash } from '../tests/sim/index.ts';
import { type RunningBot, spawnBot } from './botProcess.ts';
import { type GeneratedActor, type GeneratedCorpus, generateCorpus } from './corpus.ts';
import { type Job, mixedTraffic, type Outcome, steadyRate } from './interactions.ts';
import { writeDataDir } from './loadGenerated.ts';
import type { Iterations } from './options.ts';
import { RssSampler } from './processMemory.ts';
import { pick, seeded } from './random.ts';
import { type Summary, summarize } from './stats.ts';

/** Not the seed the other sections (and the code's tuning) use. */
export const OUTSIDE_SEED = 7_331_029;
/** Interactions a second while a profile is edited: a busy team. */
export const TRAFFIC_RATE = 30;
/** What `npm start` waits after the last file event before reloading (RELOAD_DEBOUNCE_MS's default). */
export const DEFAULT_DEBOUNCE_MS = 500;
export const POLL_EVERY_MS = 100;
/** Quiet time before a "settled" RSS reading. */
export const SETTLE_MS = 3000;
/** Traffic before the edit, so the edit lands on a bot already serving it. */
const TRAFFIC_LEAD_MS = 2000;
const WARMUP_SEARCHES = 10;
const LONG_MS = 600_000;
/** How long to wait for a log line the figures only explain (a renamed line costs this, not the run). */
const LOG_WAIT_MS = 180_000;
const NEW_WORD = 'zorquelvinthax';

export interface StartFigures {
  /** Spawn until the first /profile answer arrived. */
  answerMs: number;
  /** Spawn until the bot identified on the simulator's gateway (data loaded, logging in). */
  identifyMs: number;
  /** From the bot's history line (a first start records a baseline; a restart with no change logs none). */
  history?: { atMs: number; ms: number };
  /** From the bot's `connected to Discord` line, ms after spawn (after the history is recorded and the handlers
   * warmed up). */
  connectedMs?: number;
  /** From the bot's `data loaded` line: when it came (ms after spawn), the load's own ms, and how the index came. */
  loaded?: { atMs: number; ms: number; index: string };
  /** Interactions sent before one was answered (1 unless one was lost). */
  attempts: number;
}

export interface EditFigures {
  /** From the write until a /search answer listing the edited profile arrived. */
  searchableMs: number;
  /** From the write until the first poll that found it was dispatched (polls go every POLL_EVERY_MS). */
  foundPollSentMs: number;
  /** From the bot's `data reloaded` line: when it came (ms after the write) and the reload's own ms. */
  reloaded?: { atMs: number; ms: number; index: string; changes: string; steps: string };
  polls: number;
  /** The traffic that ran meanwhile, ms from dispatch to answer. */
  traffic: Summary;
  trafficCount: number;
  trafficFailures: number;
}

export interface OutsideFigures {
  size: number;
  seed: number;
  firstStart: StartFigures;
  /** The first start's snapshot: when its `index snapshot saved` line came (ms after spawn) and its own ms. */
  snapshot?: { atMs: number; ms: number };
  search: { common: Summary; rare: Summary; failures: number; perSecond: number; commonQuery: string };
  edit: EditFigures;
  rss: {
    /** The high-water mark once the first start's snapshot was written (load, build and snapshot). */
    startPeak: number;
    servingPeak: number;
    servingSettled: number;
    reloadPeak: number;
    afterReload: number;
    afterRestart: number;
  };
  /** SIGTERM until the process exited. */
  stopMs: number;
  restart: StartFigures;
  violations: number;
}

export async function benchOutside(size: number, it: Iterations['outside']): Promise<OutsideFigures> {
  const generated = generateCorpus(size, OUTSIDE_SEED);
  const data = await writeDataDir(generated);
  const stateDir = await mkdtemp(path.join(tmpdir(), 'dossier-bench-outside-'));
  const sim = await new DiscordSimulator({
    guilds: [{ name: 'Outside', channels: [{ name: 'general' }] }],
    // A slow answer is a figure here, not a failure.
    responseTimeoutMs: 60_000,
  }).start();
  const env = { DATA_DIR: data.dir, STATE_DIR: stateDir, WATCH_DATA: 'true', LOG_LEVEL: 'info' };
  const random = seeded(OUTSIDE_SEED);
  const withProfile = generated.actors.filter((a) => a.profileId);
  const probe = pick(random, withProfile);
  let bot: RunningBot | undefined;
  let sampler: RssSampler | undefined;
  try {
    const first = await startUntilAnswer(sim, env, probe);
    bot = first.bot;
    sampler = new RssSampler(bot.pid);
    const saved = await waitForLog(bot, 0, (l) => l.msg === 'index snapshot saved', LOG_WAIT_MS);
    const snapshot = saved && { atMs: (saved.time as number) - bot.spawnedAt, ms: saved.ms as number };
    const startPeak = bot.memory()?.peakRssBytes ?? Number.NaN;

    const search = await searchPass(sim, generated, it);
    const servingPeak = sampler.peakBetween(search.from);
    await sleep(SETTLE_MS);
    const servingSettled = sampler.read() ?? Number.NaN;

    const editFrom = performance.now();
    const edit = await editUnderTraffic(sim, bot, data.dir, pick(random, withProfile), generated);
    await sleep(SETTLE_MS);
    const afterReload = sampler.read() ?? Number.NaN;
    const reloadPeak = sampler.peakBetween(editFrom);

    const stopping = performance.now();
    await bot.stop();
    const stopMs = performance.now() - stopping;
    sampler.stop();

    const second = await startUntilAnswer(sim, env, probe);
    bot = second.bot;
    const afterRestart = bot.memory()?.rssBytes ?? Number.NaN;
    return {
      size,
      seed: OUTSIDE_SEED,
      firstStart: first.figures,
      snapshot,
      search,
      edit,
      rss: { startPeak, servingPeak, servingSettled, reloadPeak, afterReload, afterRestart },
      stopMs,
      restart: second.figures,
      violations: sim.violations.length,
    };
  } catch (error) {
    if (bot) console.error(`bot output, last lines:\n${bot.output.slice(-20).join('\n')}`);
    throw error;
  } finally {
    sampler?.stop();
    await bot?.stop();
    await sim.stop();
    await data.remove();
    await rm(stateDir, { recursive: true, force: true });
  }
}

/**
 * Spawns the bot and sends `/profile` as soon as it has identified on the gateway (before that no interaction can
 * reach it); the start is over when the answer names the actor.
 */
async function startUntilAnswer(
  sim: DiscordSimulator,
  env: Record<string, string>,
  actor: GeneratedActor,
): Promise<{ bot: RunningBot; figures: StartFigures }> {
  const identified = sim.identifies.length;
  const started = performance.now();
  const bot = spawnBot(sim, env);
  const died = bot.exited.then(() => {
    throw new Error(`the bot exited while starting:\n${bot.output.slice(-20).join('\n')}`);
  });
  try {
    await Promise.race([
      sim.waitFor(() => sim.identifies.length > identified, LONG_MS, 'the bot to identify'),
      died,
    ]);
    const identifyMs = performance.now() - started;
    let attempts = 0;
    for (;;) {
      attempts++;
      const answer = await Promise.race([
        sim.interact(slash('profile', { actor: actor.code }), { timeoutMs: 30_000 }).catch(() => null),
        died,
      ]);
      if (answer && replyText(answer).includes(actor.name)) break;
      if (attempts === 3) throw new Error(`no /profile answer naming ${actor.name} after 3 tries`);
    }
    const answerMs = performance.now() - started;
    const loaded = bot.logs.find((l) => l.msg === 'data loaded');
    // The answer can come before the bot has logged that its login finished.
    const connected = await waitForLog(bot, 0, (l) => l.msg === 'connected to Discord', 5000);
    const at = (line: LogLine | undefined) => line && (line.time as number) - bot.spawnedAt;
    const history = bot.logs.find(
      (l) => l.msg.startsWith('baseline recorded') || l.msg === 'change set recorded',
    );
    return {
      bot,
      figures: {
        answerMs,
        identifyMs,
        connectedMs: at(connected),
        history: history && { atMs: at(history)!, ms: history.ms as number },
        loaded: loaded && {
          atMs: at(loaded)!,
          ms: loaded.ms as number,
          index: String(loaded.index),
        },
        attempts,
      },
    };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}

/** Three common words and three rare ones alternately, at a steady rate, after a short warm-up. */
async function searchPass(
  sim: DiscordSimulator,
  generated: GeneratedCorpus,
  it: Iterations['outside'],
): Promise<OutsideFigures['search'] & { from: number }> {
  const { commonQuery, rareQuery } = generated.probes;
  const found = replyText(await sim.interact(slash('search', { query: commonQuery })));
  if (found.includes('No section matches')) throw new Error(`"${commonQuery}" finds nothing`);
  const job = (i: number): Job => ({
    kind: '/search',
    spec: slash('search', { query: i % 2 === 0 ? commonQuery : rareQuery }),
  });
  await steadyRate(sim, it.perSecond, (i) => (i < 2 * WARMUP_SEARCHES ? job(i) : undefined)).finished;
  const from = performance.now();
  const outcomes = await steadyRate(sim, it.perSecond, (i) => (i < 2 * it.searches ? job(i) : undefined))
    .finished;
  const times = (parity: number) =>
    summarize(outcomes.filter((o, i) => o.ok && i % 2 === parity).map((o) => o.ms));
  return {
    common: times(0),
    rare: times(1),
    failures: outcomes.filter((o) => !o.ok).length,
    perSecond: it.perSecond,
    commonQuery,
    from,
  };
}

/**
 * With traffic at TRAFFIC_RATE, adds a new word to one profile's summary and polls `/search word` until an
 * answer lists that profile; then waits for the snapshot the reload brings, so the memory after it is read
 * once the bot has done everything the edit caused.
 */
async function editUnderTraffic(
  sim: DiscordSimulator,
  bot: RunningBot,
  dataDir: string,
  actor: GeneratedActor,
  generated: GeneratedCorpus,
): Promise<EditFigures> {
  const file = path.join(dataDir, PROFILES_DIR, `${actor.profileId}.txt`);
  const text = await readFile(file, 'utf8');
  const edited = text.replace(/\nProfile\n\n/, `\nProfile\n\nA ${NEW_WORD} sentence. `);
  if (edited === text) throw new Error(`${file} has no Profile section to edit`);
  if ([...generated.files.values()].some((t) => t.includes(NEW_WORD)))
    throw new Error(`${NEW_WORD} is not new`);

  const traffic = steadyRate(sim, TRAFFIC_RATE, mixedTraffic(generated, seeded(OUTSIDE_SEED + 1)));
  let outcomes: Outcome[] = [];
  try {
    await sleep(TRAFFIC_LEAD_MS);
    const fromLog = bot.logs.length;
    const writtenAt = Date.now();
    const written = performance.now();
    await writeFile(file, edited);
    const found = await untilSearchable(sim, NEW_WORD, actor.name, written);
    const reloaded = await waitForLog(bot, fromLog, (l) => l.msg === 'data reloaded', 5000);
    await waitForLog(bot, fromLog, (l) => l.msg === 'index snapshot saved', LOG_WAIT_MS);
    outcomes = await traffic.stop();
    return {
      searchableMs: found.answeredAt - written,
      foundPollSentMs: found.sentAt - written,
      reloaded: reloaded && {
        atMs: (reloaded.time as number) - writtenAt,
        ms: reloaded.ms as number,
        index: String(reloaded.index),
        changes: String(reloaded.changes),
        steps: Object.entries((reloaded.steps as Record<string, number> | undefined) ?? {})
          .map(([name, ms]) => `${name} ${ms}`)
          .join(', '),
      },
      polls: found.polls,
      traffic: summarize(outcomes.filter((o) => o.ok).map((o) => o.ms)),
      trafficCount: outcomes.length,
      trafficFailures: outcomes.filter((o) => !o.ok).length,
    };
  } finally {
    if (outcomes.length === 0) await traffic.stop();
  }
}

/** Sends `/search word` every POLL_EVERY_MS until an answer lists `name`'s profile. */
async function untilSearchable(
  sim: DiscordSimulator,
  word: string,
  name: string,
  from: number,
): Promise<{ sentAt: number; answeredAt: number; polls: number }> {
  const pending: Promise<void>[] = [];
  const poll: { found?: { sentAt: number; answeredAt: number } } = {};
  while (!poll.found) {
    if (performance.now() - from > LONG_MS) throw new Error(`"${word}" not searchable after ${LONG_MS} ms`);
    const sentAt = performance.now();
    pending.push(
      sim.interact(slash('search', { query: word }), { timeoutMs: 30_000 }).then(
        (answer) => {
          // A hit is a field titled "Name › Section"; a miss names no profile.
          if (!poll.found && replyText(answer).includes(`${name} ›`))
            poll.found = { sentAt, answeredAt: performance.now() };
        },
        () => {},
      ),
    );
    await sleep(POLL_EVERY_MS);
  }
  const polls = pending.length;
  // Polls still in flight are answered before the next phase starts.
  await Promise.all(pending);
  return { ...poll.found, polls };
}

/** The first line from `from` on that matches, or undefined after `timeoutMs`. */
async function waitForLog(
  bot: RunningBot,
  from: number,
  predicate: (l: LogLine) => boolean,
  timeoutMs: number,
): Promise<LogLine | undefined> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const line = bot.logs.slice(from).find(predicate);
    if (line || performance.now() > until) return line;
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
