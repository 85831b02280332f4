// Interactions end to end: the simulator dispatches autocomplete, /profile and /search to the real bot process
// over its gateway and times each one from dispatch until the bot's answer has arrived. Three passes: one at a
// time (the floor), a fixed number in flight (the most the pair can do), and arrivals at the goal's rate.
import { autocomplete, DiscordSimulator, type InteractionSpec, slash } from '../tests/sim/index.ts';
import { startQuietBot } from './botProcess.ts';
import { type GeneratedCorpus, generateCorpus } from './corpus.ts';
import { writeDataDir } from './loadGenerated.ts';
import type { Iterations } from './options.ts';
import { pick, type Random, seeded } from './random.ts';
import { type Summary, summarize } from './stats.ts';

export const INTERACTION_PROFILES = 1000;
export const TARGET_RATE = 500;

type Kind = 'autocomplete' | '/profile' | '/search';
export interface Job {
  kind: Kind;
  spec: InteractionSpec;
}
export interface Outcome {
  kind: Kind;
  ms: number;
  ok: boolean;
}

/**
 * What users send, one interaction at a time: half autocomplete (a name or code being typed), three tenths
 * /profile, a fifth a two-word /search.
 */
export function mixedTraffic(generated: GeneratedCorpus, random: Random): () => Job {
  return () => {
    const r = random();
    const actor = pick(random, generated.actors);
    if (r < 0.5) {
      const typed = (random() < 0.3 ? actor.code : actor.name).slice(0, 1 + Math.floor(random() * 6));
      return { kind: 'autocomplete', spec: autocomplete('profile', { actor: typed }, 'actor') };
    }
    if (r < 0.8) return { kind: '/profile', spec: slash('profile', { actor: actor.code }) };
    const query = `${pick(random, generated.searchWords)} ${pick(random, generated.searchWords)}`;
    return { kind: '/search', spec: slash('search', { query }) };
  };
}

export interface Pass {
  name: string;
  count: number;
  wallMs: number;
  perSecond: number;
  all: Summary;
  byKind: Map<Kind, Summary>;
  failures: number;
}

export interface InteractionFigures {
  profiles: number;
  concurrency: number;
  /** One at a time. */
  serial: Pass;
  /** `concurrency` in flight: the throughput. */
  closed: Pass;
  /** Dispatched at TARGET_RATE whatever the answers do: the latency at the goal's load. */
  open: Pass;
  violations: number;
  /** Time the simulator spent validating bodies against the OpenAPI spec and Discord's limits. */
  validationMsPerInteraction: number;
  /** CPU per interaction in the closed pass: where the two cores go. */
  cpu: { botMs: number | undefined; simulatorMs: number };
}

export async function benchInteractions(it: Iterations['interactions']): Promise<InteractionFigures> {
  const generated = generateCorpus(INTERACTION_PROFILES);
  const data = await writeDataDir(generated);
  const sim = await new DiscordSimulator({
    guilds: [{ name: 'Bench', channels: [{ name: 'general' }] }],
    // Discord drops an interaction unanswered after 3 s; waiting much longer only stretches a collapsed pass.
    responseTimeoutMs: 10_000,
    // The measuring process keeps no record of each interaction: thousands of them would be its own collections.
    keepRecords: false,
  }).start();
  const validation = timeValidation(sim);
  const bot = await startQuietBot(sim, data.dir).catch(async (error) => {
    await sim.stop();
    await data.remove();
    throw error;
  });
  try {
    const job = mixedTraffic(generated, seeded(99));
    const jobs = (n: number) => Array.from({ length: n }, job);

    await closedLoop(sim, jobs(it.warmup), it.concurrency);
    sim.clearRecords();
    validation.reset();
    const serial = await closedLoop(sim, jobs(Math.max(50, Math.round(it.count / 8))), 1);
    const botCpu = bot.cpuMs();
    const ownCpu = process.cpuUsage();
    const closed = await closedLoop(sim, jobs(it.count), it.concurrency);
    const ownUsed = process.cpuUsage(ownCpu);
    const botUsed = bot.cpuMs();
    const cpu = {
      botMs: botCpu !== undefined && botUsed !== undefined ? (botUsed - botCpu) / closed.count : undefined,
      simulatorMs: (ownUsed.user + ownUsed.system) / 1000 / closed.count,
    };
    const open = await openLoop(sim, jobs(it.count), TARGET_RATE);
    const total = serial.count + closed.count + open.count;
    return {
      profiles: INTERACTION_PROFILES,
      concurrency: it.concurrency,
      serial: { ...serial, name: 'one at a time' },
      closed: { ...closed, name: `${it.concurrency} in flight` },
      open: { ...open, name: `arriving at ${TARGET_RATE}/s` },
      violations: sim.violations.length,
      validationMsPerInteraction: validation.totalMs() / total,
      cpu,
    };
  } finally {
    await bot.stop();
    await sim.stop();
    await data.remove();
  }
}

/**
 * The simulator has no switch to skip validation (rejectInvalidBodies only stops refusals), so its validation
 * is timed instead, to say how much of each figure is the measuring side's own work.
 */
function timeValidation(sim: DiscordSimulator): { reset(): void; totalMs(): number } {
  let total = 0;
  const host = sim as unknown as { check: (...args: unknown[]) => string[] };
  const check = host.check.bind(sim);
  host.check = (...args) => {
    const t0 = performance.now();
    try {
      return check(...args);
    } finally {
      total += performance.now() - t0;
    }
  };
  return {
    reset: () => {
      total = 0;
    },
    totalMs: () => total,
  };
}

export async function timeInteraction(sim: DiscordSimulator, job: Job): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const result = await sim.interact(job.spec);
    // 8: choices; 4: a message; 5: deferred (slow, but still answered).
    const expected = job.kind === 'autocomplete' ? [8] : [4, 5];
    return { kind: job.kind, ms: performance.now() - t0, ok: expected.includes(result.callback?.type ?? 0) };
  } catch {
    return { kind: job.kind, ms: performance.now() - t0, ok: false };
  }
}

/** Keeps `concurrency` interactions in flight until every job has had its answer. */
async function closedLoop(sim: DiscordSimulator, jobs: Job[], concurrency: number): Promise<Pass> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < jobs.length) outcomes.push(await timeInteraction(sim, jobs[next++]!));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return pass(outcomes, performance.now() - started);
}

/** Dispatches on a fixed schedule, as users would, so a slow answer delays no later arrival. */
async function openLoop(sim: DiscordSimulator, jobs: Job[], perSecond: number): Promise<Pass> {
  const started = performance.now();
  const outcomes = await steadyRate(sim, perSecond, (i) => jobs[i]).finished;
  return pass(outcomes, performance.now() - started);
}

export interface SteadyTraffic {
  /** Stops dispatching; resolves with every outcome once the last answers are in. */
  stop(): Promise<Outcome[]>;
  /** Resolves the same way once `next` has no more jobs. */
  finished: Promise<Outcome[]>;
}

/**
 * Dispatches `next(0)`, `next(1)`, … at `perSecond` whatever the answers do, until `next` returns undefined or
 * `stop()` is called. Late timers catch up at once, so the rate holds on a busy machine.
 */
export function steadyRate(
  sim: DiscordSimulator,
  perSecond: number,
  next: (i: number) => Job | undefined,
): SteadyTraffic {
  const interval = 1000 / perSecond;
  const started = performance.now();
  const running: Promise<Outcome>[] = [];
  let stopped = false;
  const finished = (async () => {
    for (;;) {
      const due = Math.floor((performance.now() - started) / interval) + 1;
      while (!stopped && running.length < due) {
        const job = next(running.length);
        if (!job) stopped = true;
        else running.push(timeInteraction(sim, job));
      }
      if (stopped) break;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(1, started + due * interval - performance.now())),
      );
    }
    return Promise.all(running);
  })();
  return {
    stop: () => {
      stopped = true;
      return finished;
    },
    finished,
  };
}

function pass(outcomes: Outcome[], wallMs: number): Pass {
  const ok = outcomes.filter((o) => o.ok);
  const byKind = new Map<Kind, Summary>();
  for (const kind of ['autocomplete', '/profile', '/search'] as const) {
    byKind.set(kind, summarize(ok.filter((o) => o.kind === kind).map((o) => o.ms)));
  }
  return {
    name: '',
    count: outcomes.length,
    wallMs,
    perSecond: (outcomes.length / wallMs) * 1000,
    all: summarize(ok.map((o) => o.ms)),
    byKind,
    failures: outcomes.length - ok.length,
  };
}
