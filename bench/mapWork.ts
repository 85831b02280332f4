// Times the main thread's own map work, where it runs: starting a request (the cache lookup, the model, handing it
// to the render process) and taking a picture in (the channel read that carries it: its copy and deserialisation,
// and the message handler that settles the request). Work is summed per tick of a 1 ms timer, so two spans in one
// turn of the event loop count as one hold: the figure is at least the longest hold map work caused, never less
// (and may add the work of two turns that fell between the same two ticks).
// Not timed: the few microtasks a settled request queues (the cache's set and cleanup).
//
// The event loop's own gaps are measured too (bench/eventLoop.ts), but on a virtual machine they include time the
// process was not running at all: an idle process here shows gaps of 2 to 20 ms.
import type { ChildProcess } from 'node:child_process';

export class MapWorkTimer {
  private bucket = 0;
  private longest = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): this {
    this.timer = setInterval(() => this.cut(), 1);
    return this;
  }

  time<T>(work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      this.bucket += performance.now() - t0;
    }
  }

  /** Longest map work in one tick, in ms. */
  stop(): number {
    clearInterval(this.timer);
    this.cut();
    return this.longest;
  }

  private cut(): void {
    this.longest = Math.max(this.longest, this.bucket);
    this.bucket = 0;
  }
}

/**
 * Times what the main thread does for `child`'s channel: each send (serialisation and write), each read callback
 * (Node's, which concatenates what came and deserialises whole messages), and each message handler. Returns how to
 * stop timing. Throws where Node keeps the channel otherwise, rather than time less than it says.
 */
export function timeChannel(child: ChildProcess, timer: MapWorkTimer): () => void {
  const key = Object.getOwnPropertySymbols(child).find((s) => s.description === 'kChannelHandle');
  const handle = key
    ? (child as unknown as Record<symbol, { onread?: (...a: unknown[]) => unknown }>)[key]
    : undefined;
  const onread = handle?.onread;
  if (!handle || typeof onread !== 'function')
    throw new Error('the render process channel is not where Node 20 keeps it');
  handle.onread = function (this: unknown, ...args: unknown[]) {
    return timer.time(() => onread.apply(this, args));
  };
  const send = child.send;
  child.send = ((...args: Parameters<ChildProcess['send']>) =>
    timer.time(() => send.apply(child, args))) as ChildProcess['send'];
  const listeners = child.listeners('message') as ((...a: unknown[]) => void)[];
  const timed = listeners.map(
    (l) =>
      (...a: unknown[]) =>
        timer.time(() => l(...a)),
  );
  for (const [i, l] of listeners.entries()) {
    child.off('message', l);
    child.on('message', timed[i]!);
  }
  return () => {
    handle.onread = onread;
    child.send = send;
    for (const [i, l] of listeners.entries()) {
      child.off('message', timed[i]!);
      child.on('message', l);
    }
  };
}
