// The bench process is also the simulator that times the bot, so its own collection pauses are counted as the bot's
// latency. Serving maps it takes in a 133 KB upload every 20 ms or so, and V8, which after each full collection lets
// the heap grow only a little past what survived, ran one every 0.6–1.2 s, each holding the simulator's event loop
// 4–12 ms and adding marking steps of up to 12 ms (`--trace-gc`). Letting the heap grow to twice what survived makes
// them several times rarer while it times the bot. V8 reads the flag each time it sets a new limit, so it can be
// set for one measure and put back after.
import v8 from 'node:v8';

/** How far past what survived the last full collection the measuring process lets its heap grow while it times. */
export const TIMING_HEAP_GROWING_PERCENT = 100;

/** Runs `measure` with the measuring process's full collections made rarer, then puts V8's own heuristic back. */
export async function withRarerFullCollections<T>(measure: () => Promise<T>): Promise<T> {
  v8.setFlagsFromString(`--heap-growing-percent=${TIMING_HEAP_GROWING_PERCENT}`);
  try {
    return await measure();
  } finally {
    // 0 is V8's default: the growing factor chosen from its measured collection and mutator speeds.
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
