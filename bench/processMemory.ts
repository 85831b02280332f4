// Memory of another process as Linux reports it in /proc/PID/status: its resident set now (VmRSS) and the
// highest it has been (VmHWM). The bot runs in its own process, so process.memoryUsage() cannot see it; and RSS,
// not heap, is what the machine has to provide (heap, code, buffers and native memory together).
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssBytes: number;
  /** The process's high-water mark since it started. */
  peakRssBytes: number;
}

/** `VmRSS:\t  123456 kB` → bytes; undefined when a field is missing (not Linux, or a kernel thread). */
export function parseProcStatus(text: string): ProcessMemory | undefined {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s*(\\d+)\\s*kB\\s*$`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : undefined;
  };
  const rssBytes = field('VmRSS');
  const peakRssBytes = field('VmHWM');
  return rssBytes === undefined || peakRssBytes === undefined ? undefined : { rssBytes, peakRssBytes };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * A started process's share of memory: its proportional set (Pss: private pages, plus its share of the pages it
 * maps together with others, such as Node's own binary, which the bot's RSS already counts in full).
 */
function proportionalBytes(pid: number): number | undefined {
  try {
    const match = /^Pss:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The process, plus every process it started (the bot's map render process): what the bot costs the machine.
 * A started process adds its proportional set (or its RSS where that is not known) now, and its own high-water
 * mark to the peak. Undefined when the process is gone or /proc is not there.
 */
export function readProcessMemory(pid: number | undefined): ProcessMemory | undefined {
  const own = readOneProcess(pid);
  if (!own || pid === undefined) return own;
  for (const child of descendantsOf(pid)) {
    const memory = readOneProcess(child);
    if (!memory) continue;
    own.rssBytes += proportionalBytes(child) ?? memory.rssBytes;
    own.peakRssBytes += memory.peakRssBytes;
  }
  return own;
}

function descendantsOf(pid: number): number[] {
  const children = childrenOf(pid);
  return [...children, ...children.flatMap(descendantsOf)];
}

function readOneProcess(pid: number | undefined): ProcessMemory | undefined {
  if (pid === undefined) return undefined;
  try {
    return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

export interface RssSample {
  /** performance.now() of the reading. */
  at: number;
  rssBytes: number;
}

/**
 * Reads a process's RSS every `everyMs` until stopped, so a phase's peak can be told from its settled value
 * (the high-water mark alone covers the whole life of the process).
 */
export class RssSampler {
  readonly samples: RssSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number | undefined,
    everyMs = 100,
  ) {
    this.timer = setInterval(() => this.read(), everyMs);
    this.timer.unref();
  }

  /** Takes a reading now (also returned), in addition to the periodic ones. */
  read(): number | undefined {
    const memory = readProcessMemory(this.pid);
    if (memory) this.samples.push({ at: performance.now(), rssBytes: memory.rssBytes });
    return memory?.rssBytes;
  }

  /** The highest reading taken from `from` to `to` (performance.now() times); NaN without one. */
  peakBetween(from: number, to = Number.POSITIVE_INFINITY): number {
    let peak = Number.NaN;
    for (const s of this.samples) {
      if (s.at >= from && s.at <= to && !(s.rssBytes <= peak)) peak = s.rssBytes;
    }
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
