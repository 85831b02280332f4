// Relations maps: how long one takes to draw (cold, in the render process, beside a worker thread as before) and
// to serve from the cache, and what drawing costs everyone else while 20 maps are requested at once: the main
// thread's own map work in one turn (bench/mapWork.ts) and the longest the event loop is held (drawn in the render
// process, beside a worker thread and the main thread as before), and autocomplete latency through the bot.
import { buildEngine, type Engine } from '../src/engine.ts';
import { renderRelationsMapPng } from '../src/render/relationsMap/index.ts';
import { MapCache } from '../src/render/relationsMap/mapCache.ts';
import type { RelationsMapModel } from '../src/render/relationsMap/model.ts';
import {
  closeRenderProcess,
  renderOffThread,
  renderProcessChild,
} from '../src/render/relationsMap/renderProcess.ts';
import { relationsMapModel } from '../src/render/relationsMapModel.ts';
import { autocomplete, DiscordSimulator, slash } from '../tests/sim/index.ts';
import { startQuietBot } from './botProcess.ts';
import { generateCorpus, SPECIAL } from './corpus.ts';
import { StallMonitor } from './eventLoop.ts';
import { withRarerFullCollections } from './instrumentGc.ts';
import { parseGenerated, writeDataDir } from './loadGenerated.ts';
import { MapWorkTimer, timeChannel } from './mapWork.ts';
import type { Iterations } from './options.ts';
import { pick, seeded } from './random.ts';
import { measure, type Summary, summarize } from './stats.ts';
import { startWorkerRender } from './workerRender.ts';

export const MAP_PROFILES = 1000;
/** Maps requested at once in the load figures. */
export const MAPS_AT_ONCE = 20;

export interface MapFigures {
  edges: number;
  kind: string;
  /** Drawn in the render process, cache bypassed. */
  cold: Summary;
  /** Drawn in a worker thread at the same priority, as before the render process. */
  worker: Summary;
  /** The same picture again, through the cache (model, key, lookup). */
  cached: Summary;
  /** Drawn on the calling thread, as every map was before maps were drawn apart. */
  inline: Summary;
  bytes: number;
  size: string;
}

export interface MapLoadFigures {
  /**
   * Longest map work on the main thread in one tick of a 1 ms timer, timed where it runs (bench/mapWork.ts), while
   * MAPS_AT_ONCE distinct maps are requested at once: drawn in the render process, and drawn on the main thread.
   */
  mapWorkMs: { offThread: number; inline: number };
  /** Longest event-loop hold (gap between ticks of a 1 ms timer) while MAPS_AT_ONCE maps are requested at once. */
  heldMs: { offThread: number; worker: number; inline: number };
  /** The same, measured for as long with nothing to do: what this machine alone makes of the gaps. */
  idleHeldMs: number;
  /**
   * Of that longest hold, the time the main thread was on a core (from its scheduler counters): the rest it was
   * neither running nor waiting for a core, asleep while its 1 ms timer was due, as a descheduled virtual CPU looks
   * from inside. NaN where the counters are missing.
   */
  heldOnCoreMs: { offThread: number; worker: number; inline: number };
  /** Wall time until all MAPS_AT_ONCE pictures are ready. */
  allReadyMs: { offThread: number; worker: number; inline: number };
  /**
   * Autocomplete through the bot: alone; while MAPS_AT_ONCE /relations are answered with maps not drawn before
   * (`mapsDrawn` of them in all); and, as a control, while maps drawn before are requested at the pace a drawn
   * round's answers went out and answered from the cache (`mapsFromCache`): everything a map request costs but the
   * drawing. `roundMs`: median time from a round's first request to its last answer.
   */
  autocomplete: {
    alone: Summary;
    withMaps: Summary;
    withCachedMaps: Summary;
    failures: number;
    /** Map requests whose answer came without its picture: the rounds then measured something else. */
    mapFailures: number;
    mapsDrawn: number;
    mapsFromCache: number;
    roundMs: { drawn: number; cached: number };
  };
}

async function measureAsync(
  fn: (i: number) => Promise<unknown>,
  it: Iterations['map'],
  warmup = 3,
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < it.iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
    if (samples.length >= 5 && performance.now() - start > it.budgetMs) break;
  }
  return summarize(samples);
}

function benchModels(engine: Engine): RelationsMapModel[] {
  const { corpus } = engine;
  const seedLike = corpus.actorByCode.get(SPECIAL.tajikar.code)!;
  // The actor most profiles list gives a 'toward' map with as many edges as wanted.
  const popular = corpus.actors.reduce((best, a) =>
    engine.graph.toward(a).edges.length > engine.graph.toward(best).edges.length ? a : best,
  );
  const toward = engine.graph.toward(popular);
  return [
    relationsMapModel(engine, { kind: 'of', result: engine.graph.of(seedLike) }),
    relationsMapModel(engine, { kind: 'toward', result: { ...toward, edges: toward.edges.slice(0, 200) } }),
  ];
}

/** `engine`: one already built over the generated MAP_PROFILES corpus, to save building another. */
export async function benchMap(it: Iterations['map'], engine?: Engine): Promise<MapFigures[]> {
  engine ??= await buildEngine(parseGenerated(generateCorpus(MAP_PROFILES)));
  const figures: MapFigures[] = [];
  const worker = await startWorkerRender();
  for (const [i, model] of benchModels(engine).entries()) {
    const cache = new MapCache(renderOffThread);
    // A hit, as a request makes it: the key from data version and request; the model is not built.
    const key = () => `1:${JSON.stringify([model.kind, String(i), undefined])}`;
    const rendered = await cache.get(key(), () => model);
    figures.push({
      edges: model.edges.length,
      kind: model.kind,
      cold: await measureAsync(() => renderOffThread(model), it),
      worker: await measureAsync(() => worker.render(model), it),
      cached: await measureAsync(() => cache.get(key(), () => model), {
        ...it,
        iterations: it.iterations * 10,
      }),
      inline: measure(() => renderRelationsMapPng(model), { ...it, warmup: 3 }),
      bytes: rendered.png.length,
      size: `${rendered.width}×${rendered.height}`,
    });
  }
  await closeRenderProcess();
  await worker.close();
  return figures;
}

/** Distinct 'of' maps of profiled actors, so none is served from a cache. */
function manyModels(engine: Engine, count: number, offset: number): RelationsMapModel[] {
  const profiled = engine.corpus.actors.filter((a) => a.profileId);
  return Array.from({ length: count }, (_, i) => {
    const actor = profiled[(offset + i * 7) % profiled.length]!;
    return relationsMapModel(engine, { kind: 'of', result: engine.graph.of(actor) });
  });
}

/**
 * Starts `request` for each model in a turn of its own, as the bot's pipeline starts each command (src/bot/
 * turnQueue.ts), and waits for all of them.
 */
async function oneATurn(
  models: RelationsMapModel[],
  request: (m: RelationsMapModel, i: number) => Promise<unknown>,
) {
  const pending: Promise<unknown>[] = [];
  for (const [i, model] of models.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    pending.push(request(model, i));
  }
  return Promise.all(pending);
}

async function holdWhile(
  run: () => Promise<unknown>,
): Promise<{ heldMs: number; onCoreMs: number; wallMs: number }> {
  const monitor = new StallMonitor('maps').start();
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const report = await monitor.stop();
  const held = report.longest.find((g) => g.heldMs === report.heldMs);
  return { heldMs: report.heldMs, onCoreMs: held ? held.runMs : Number.NaN, wallMs };
}

/** What 20 maps at once cost the event loop that asks for them: drawn apart, beside drawn on it as before. */
export async function benchMapHolds(
  engine?: Engine,
): Promise<Pick<MapLoadFigures, 'mapWorkMs' | 'heldMs' | 'idleHeldMs' | 'heldOnCoreMs' | 'allReadyMs'>> {
  engine ??= await buildEngine(parseGenerated(generateCorpus(MAP_PROFILES)));
  const cache = new MapCache(renderOffThread);
  const warm = manyModels(engine, 1, 999)[0]!;
  await cache.get('warm', () => warm); // process started, as on a bot that has drawn a map before
  // Models are built before timing, each request then starts in a turn of its own: a bot builds each model in the
  // turn that starts its request.
  const models = manyModels(engine, MAPS_AT_ONCE, 0);
  const idle = await holdWhile(() => new Promise((resolve) => setTimeout(resolve, 500)));
  const offWork = new MapWorkTimer().start();
  const untime = timeChannel(renderProcessChild()!, offWork);
  const off = await holdWhile(() =>
    oneATurn(models, (m, i) => offWork.time(() => cache.get(String(i), () => m))),
  );
  untime();
  const worker = await startWorkerRender();
  await worker.render(warm);
  const inWorker = await holdWhile(() => oneATurn(models, (m) => worker.render(m)));
  await worker.close();
  const inlineWork = new MapWorkTimer().start();
  const inline = await holdWhile(async () => {
    for (const model of models) {
      inlineWork.time(() => renderRelationsMapPng(model));
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  await closeRenderProcess();
  return {
    mapWorkMs: { offThread: offWork.stop(), inline: inlineWork.stop() },
    heldMs: { offThread: off.heldMs, worker: inWorker.heldMs, inline: inline.heldMs },
    idleHeldMs: idle.heldMs,
    heldOnCoreMs: { offThread: off.onCoreMs, worker: inWorker.onCoreMs, inline: inline.onCoreMs },
    allReadyMs: { offThread: off.wallMs, worker: inWorker.wallMs, inline: inline.wallMs },
  };
}

/** Autocompletes sampled in each measure: enough that p99 is the tenth-slowest, not the slowest two or three. */
export const AUTOCOMPLETE_SAMPLES = 1000;

/**
 * Autocomplete requests at a steady 100/s through the real bot: alone, and while MAPS_AT_ONCE maps are being
 * answered. The second is taken in rounds: MAPS_AT_ONCE maps not drawn before are requested at once, and only the
 * autocompletes sent before the last of their answers came in are counted; rounds follow until as many are counted
 * as alone. Then the control: the last drawn round's maps again, which the bot now answers from its cache, requested
 * one by one over as long as a drawn round took (drawn one after the other, a drawn round's answers go out spread
 * over it): the same requests, answers and uploads, at about the same pace, without any drawing.
 */
export function benchAutocompleteUnderMaps(
  it: Iterations['interactions'],
): Promise<MapLoadFigures['autocomplete']> {
  // The measuring process's own full collections would be counted as the bot's latency (bench/instrumentGc.ts).
  return withRarerFullCollections(() => autocompleteUnderMaps(it));
}

async function autocompleteUnderMaps(
  it: Iterations['interactions'],
): Promise<MapLoadFigures['autocomplete']> {
  let generated: ReturnType<typeof generateCorpus> | undefined = generateCorpus(MAP_PROFILES);
  const data = await writeDataDir(generated);
  // Only the actors are kept: the bench process is the instrument, and a heap it no longer needs would add its
  // own collection pauses to the latencies it measures.
  const { actors } = generated;
  generated = undefined;
  const sim = await new DiscordSimulator({
    guilds: [{ name: 'Bench', channels: [{ name: 'general' }] }],
    responseTimeoutMs: 10_000,
    // The measuring process keeps no record of each interaction: thousands of them would be its own collections.
    keepRecords: false,
  }).start();
  const bot = await startQuietBot(sim, data.dir).catch(async (error) => {
    await sim.stop();
    await data.remove();
    throw error;
  });
  const random = seeded(7);
  const typed = () => pick(random, actors).name.slice(0, 1 + Math.floor(random() * 5));
  let failures = 0;
  /** Sends one autocomplete every 10 ms while `more()` says so; resolves to the latencies of those sent. */
  const stream = async (more: (sent: number) => boolean): Promise<number[]> => {
    const times: Promise<number>[] = [];
    while (more(times.length)) {
      const spec = autocomplete('relations of', { actor: typed() }, 'actor');
      times.push(
        (async () => {
          const t0 = performance.now();
          const result = await sim.interact(spec).catch(() => undefined);
          if (result?.callback?.type !== 8) failures++;
          return performance.now() - t0;
        })(),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return Promise.all(times);
  };
  try {
    const profiled = actors.filter((a) => a.profileId);
    let nextMap = 0;
    // Stepping by a number prime to the count visits every profiled actor before any again: no map is cached.
    const step = [11, 13, 17, 19].find((n) => profiled.length % n !== 0) ?? 1;
    let mapFailures = 0;
    /** A map request, counted as failed unless its answer carries the picture. */
    const askMap = async (code: string) => {
      const result = await sim.interact(slash('relations of', { actor: code })).catch(() => undefined);
      const attachments = result?.original?.attachments;
      if (!Array.isArray(attachments) || attachments.length === 0) mapFailures++;
    };
    const mapRequest = () => askMap(profiled[(nextMap++ * step) % profiled.length]!.code);
    // Before each timed stream the bench's own garbage is cleared, so its pauses are not counted.
    const quiet = () => {
      sim.clearRecords();
      globalThis.gc?.();
    };
    const samples = Math.min(AUTOCOMPLETE_SAMPLES, it.count / 2);
    await Promise.all([stream((sent) => sent < Math.min(60, it.warmup)), mapRequest()]);
    quiet();
    const alone = await stream((sent) => sent < samples);
    quiet();
    /**
     * Rounds of MAPS_AT_ONCE map requests, until `samples` autocompletes were sent while a round was answered;
     * `spacingMs` apart (0: all at once).
     */
    const rounds = async (request: (i: number) => Promise<unknown>, spacingMs = 0) => {
      const latencies: number[] = [];
      const roundTimes: number[] = [];
      const spaced = async (i: number) => {
        if (spacingMs > 0) await new Promise((resolve) => setTimeout(resolve, i * spacingMs));
        return request(i);
      };
      while (latencies.length < samples) {
        let answered = false;
        const t0 = performance.now();
        const maps = Promise.all(Array.from({ length: MAPS_AT_ONCE }, (_, i) => spaced(i))).finally(() => {
          answered = true;
          roundTimes.push(performance.now() - t0);
        });
        latencies.push(...(await stream(() => !answered)));
        await maps;
      }
      return { latencies, roundMs: summarize(roundTimes).p50, count: roundTimes.length * MAPS_AT_ONCE };
    };
    const drawn = await rounds(() => mapRequest());
    // The last round's actors: the most recent maps drawn, so the cache (hundreds of maps) still holds them all.
    const lastRound = Array.from(
      { length: MAPS_AT_ONCE },
      (_, i) => profiled[((nextMap - MAPS_AT_ONCE + i) * step) % profiled.length]!.code,
    );
    quiet();
    // Drawn one after the other, a round's answers go out spread over the round; the control's requests are spread
    // alike, so that only the drawing differs.
    const cached = await rounds((i) => askMap(lastRound[i]!), drawn.roundMs / MAPS_AT_ONCE);
    return {
      alone: summarize(alone),
      withMaps: summarize(drawn.latencies),
      withCachedMaps: summarize(cached.latencies),
      failures,
      mapFailures,
      mapsDrawn: nextMap - 1,
      mapsFromCache: cached.count,
      roundMs: { drawn: drawn.roundMs, cached: cached.roundMs },
    };
  } finally {
    await bot.stop();
    await sim.stop();
    await data.remove();
  }
}
