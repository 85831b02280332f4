// Long loops over a whole corpus (a reload of thousands of profiles) must not hold the event loop: interactions
// keep arriving and have 3 s to be answered. A Slicer tells a loop when it has run long enough to give other work
// (network I/O, timers) a turn.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of work before giving other work a turn. */
export const SLICE_MS = 8;

export class Slicer {
  private started = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Whether this slice has run its time: the loop should `await slicer.pause()`. */
  get due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Lets pending I/O and timers run, then starts a new slice. */
  async pause(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }
}

/** Runs `body` over `items`, pausing whenever a slice has run its time. */
export async function eachInSlices<T>(
  items: Iterable<T>,
  body: (item: T) => void,
  slicer: Slicer = new Slicer(),
): Promise<void> {
  for (const item of items) {
    body(item);
    if (slicer.due) await slicer.pause();
  }
}

/**
 * Runs to its end a generator that pauses (`yield`) after each unit of work, in one go: the synchronous form of
 * work written once for both (assembling a corpus, diffing profiles, writing a change set).
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, giving other work a turn whenever a slice has run its time. */
export async function runStepsInSlices<T>(steps: Generator<void, T>, slicer = new Slicer()): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slicer.due) await slicer.pause();
  }
}
