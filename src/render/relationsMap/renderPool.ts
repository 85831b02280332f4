// Map pictures are drawn in worker threads: a map costs tens of milliseconds of CPU, which on the main thread
// would hold every other interaction (autocomplete included) for that long. The pool starts on first use and
// lets its threads go when idle, so a console run or a test that drew one map still exits.
import os from 'node:os';
import { Piscina } from 'piscina';
import type { RelationsMapModel } from './model.ts';
import type { RenderedPng } from './renderInThread.ts';

export interface MapPicture {
  png: Buffer;
  width: number;
  height: number;
}

/** Two threads at most: the bot shares its machine, and a queue of maps is better than starving the main thread. */
const MAX_THREADS = Math.max(1, Math.min(2, os.availableParallelism() - 1));
/**
 * Render threads run at a lower OS priority (nice +10; per thread on Linux, so the main thread keeps its own):
 * when an interaction arrives while maps are drawn, the main thread gets a core at once instead of waiting for a
 * render thread's time slice to end. At +10 a render thread still gets about a tenth of a core that other
 * programs keep busy, so maps slow down on a saturated machine but are not starved.
 */
const RENDER_NICE = 10;
/** An idle thread is let go after this long; a busy server keeps its threads warm. */
const IDLE_TIMEOUT_MS = 30_000;

let pool: Piscina<RelationsMapModel, RenderedPng> | undefined;

function thePool(): Piscina<RelationsMapModel, RenderedPng> {
  pool ??= new Piscina({
    filename: new URL('./renderThread.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: MAX_THREADS,
    idleTimeout: IDLE_TIMEOUT_MS,
    niceIncrement: RENDER_NICE,
  });
  return pool;
}

export async function renderOffThread(model: RelationsMapModel): Promise<MapPicture> {
  const rendered = await thePool().run(model);
  return {
    ...rendered,
    png: Buffer.from(rendered.png.buffer, rendered.png.byteOffset, rendered.png.byteLength),
  };
}

/** Ends the threads now (shutdown, end of a console run); the next map starts a new pool. */
export async function closeRenderPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}
