// Map pictures are drawn in a child process: a map costs tens of milliseconds of CPU, which on the main thread
// would hold every other interaction (autocomplete included) for that long. A process rather than a worker
// thread, because a thread shares the bot's process: while one drew, the main thread's event loop woke late by
// over 8 ms several times as often, and fewer maps were drawn a second (see README, "Off the event loop").
// The process starts on first use and is let go when idle, so a console run or a test that drew one map exits.
import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { BUILT } from '../../projectFiles.ts';
import type { RelationsMapModel } from './model.ts';

export interface MapPicture {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * The render process runs at a lower OS priority: when an interaction arrives while maps are drawn, the bot gets
 * a core at once instead of waiting for the drawing's time slice to end. At +10 the drawing still gets about a
 * tenth of a core that other programs keep busy, so maps slow down on a saturated machine but are not starved.
 */
export const RENDER_NICE = 10;
/** The process is let go after this long without a map; a busy server keeps it warm. */
const IDLE_TIMEOUT_MS = 30_000;

type Reply =
  | { ready: true }
  | { id: number; error: string }
  | { id: number; png: Uint8Array; width: number; height: number };

interface Job {
  resolve(picture: MapPicture): void;
  reject(error: Error): void;
}

/** On Linux a nice value belongs to a thread: every thread the process has started by now is lowered. */
function lowerPriority(pid: number): void {
  let threads: number[];
  try {
    threads = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    threads = [pid];
  }
  for (const thread of threads) {
    try {
      os.setPriority(thread, RENDER_NICE);
    } catch {
      // A thread that ended meanwhile, or a system that does not allow it: the map is drawn all the same.
    }
  }
}

class RenderProcess {
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  readonly ready: Promise<void>;
  readonly child: ChildProcess;

  constructor(private readonly onExit: (self: RenderProcess) => void) {
    this.child = fork(new URL(BUILT ? './renderChildLoop.js' : './renderChild.mjs', import.meta.url), [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        reject(error);
        for (const job of this.jobs.values()) job.reject(error);
        this.jobs.clear();
        clearTimeout(this.idleTimer);
        this.onExit(this);
      };
      this.child.once('error', fail);
      this.child.once('exit', (code, signal) =>
        fail(new Error(`the map render process stopped (${signal ?? `exit code ${code}`})`)),
      );
      this.child.on('message', (reply: Reply) => {
        if (!('ready' in reply)) return this.settle(reply);
        lowerPriority(this.child.pid!);
        resolve();
      });
    });
    this.ready.catch(() => {}); // a start that fails is reported to each job waiting on it
    this.idleIfDone();
  }

  async render(model: RelationsMapModel): Promise<MapPicture> {
    clearTimeout(this.idleTimer);
    this.hold(true);
    const id = this.nextId++;
    const picture = new Promise<MapPicture>((resolve, reject) => this.jobs.set(id, { resolve, reject }));
    try {
      await this.ready;
      this.child.send({ id, model });
    } catch (error) {
      this.jobs.delete(id);
      this.idleIfDone();
      throw error;
    }
    return picture;
  }

  /** The next map starts a new process; this one ends once it has read that it is let go. */
  stop(): void {
    this.onExit(this);
    if (this.child.connected) this.child.disconnect();
  }

  private settle(reply: Exclude<Reply, { ready: true }>): void {
    const job = this.jobs.get(reply.id);
    this.jobs.delete(reply.id);
    if (job) {
      if ('error' in reply) job.reject(new Error(reply.error));
      else
        job.resolve({
          png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength),
          width: reply.width,
          height: reply.height,
        });
    }
    this.idleIfDone();
  }

  private idleIfDone(): void {
    if (this.jobs.size > 0) return;
    this.hold(false);
    this.idleTimer = setTimeout(() => this.stop(), IDLE_TIMEOUT_MS).unref();
  }

  /** While maps are owed the process keeps the bot alive; otherwise it must not keep a console run from exiting. */
  private hold(owed: boolean): void {
    if (owed) {
      this.child.ref();
      this.child.channel?.ref();
    } else {
      this.child.unref();
      this.child.channel?.unref();
    }
  }
}

let current: RenderProcess | undefined;

function theProcess(): RenderProcess {
  current ??= new RenderProcess((ended) => {
    if (current === ended) current = undefined;
  });
  return current;
}

export function renderOffThread(model: RelationsMapModel): Promise<MapPicture> {
  return theProcess().render(model);
}

/**
 * Starts the render process now, without waiting for it: a bot calls this before loading its data, so that
 * starting Node and loading skia (about half a second) is done by the time the warm-up draws its map.
 */
export function startRenderProcess(): void {
  theProcess();
}

/** The render process's pid while one runs: for tests that check its priority or stop it. */
export function renderProcessPid(): number | undefined {
  return current?.child.pid;
}

/** The render process while one runs: for the bench, which times the main thread's side of its channel. */
export function renderProcessChild(): ChildProcess | undefined {
  return current?.child;
}

/** Ends the render process now (shutdown, end of a console run); the next map starts a new one. */
export async function closeRenderProcess(): Promise<void> {
  const ending = current;
  current = undefined;
  if (!ending || ending.child.exitCode !== null || ending.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => ending.child.once('exit', () => resolve()));
  ending.child.ref(); // the wait for its exit keeps this process alive
  ending.stop();
  await exited;
}
