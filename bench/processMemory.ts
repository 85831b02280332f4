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
 * The process and every process it started (the bot's map render process): what the bot costs the machine.
 * The peak adds each process's own high-water mark, which may not have been reached at the same moment.
 * Undefined when the process is gone or /proc is not there.
 */
export function readProcessMemory(pid: number | undefined): ProcessMemory | undefined {
  if (pid === undefined) return undefined;
  let own: ProcessMemory | undefined;
  try {
    own = parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
  if (!own) return undefined;
  for (const child of childrenOf(pid)) {
    const memory = readProcessMemory(child);
    if (!memory) continue;
    own = { rssBytes: own.rssBytes + memory.rssBytes, peakRssBytes: own.peakRssBytes + memory.peakRssBytes };
  }
  return own;
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
