// Measures how long the event loop is held while something runs: a 1 ms interval notes every gap between its
// ticks, attributed to the phase that was running when the gap began. On Linux each gap is split, from the main
// thread's scheduler counters, into time on a core, time ready but waiting for a core (other processes' doing on
// a loaded machine), and the rest (blocked: GC waiting for its helper threads, I/O). GC pauses are noted too.
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { nowUs, type Window } from './cpuProfile.ts';
import { summarize } from './stats.ts';

/** One gap between ticks, with its time window so a CPU profile can say what ran in it. */
export interface Gap extends Window {
  phase: string;
  gapMs: number;
  /** The main thread was on a core. */
  runMs: number;
  /** It was ready to run but got no core. */
  waitMs: number;
  /** The gap less the wait for a core: how long this process itself held the loop. */
  heldMs: number;
}

export interface PhaseStall {
  /** Phase running when the gap began; `a → b` when the loop was held across the change. */
  phase: string;
  /** The longest gap, as a user would feel it. */
  worst: Gap;
  /** The longest time the process itself held the loop in one gap. */
  heldMs: number;
  /** Gaps over the goal (50 ms). */
  over50: number;
  /** Median of the gaps longer than 2 ms: the usual length of one slice or chunk of work. */
  typicalMs: number;
}

export interface StallReport {
  worstMs: number;
  /** Longest the process itself held the loop (equals the gap where scheduler counters are missing). */
  heldMs: number;
  phases: PhaseStall[];
  /** The gaps held longest, then the longest of all, without repeats. */
  longest: Gap[];
  worstGcMs: number;
  gcMs: number;
}

const TICK_MS = 1;
const KEPT = 6;
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** Main-thread time on a core and waiting for one, in ms; undefined off Linux. */
function schedTimes(): { run: number; wait: number } | undefined {
  try {
    const [run, wait] = readFileSync(SCHEDSTAT, 'utf8').split(' ');
    return { run: Number(run) / 1e6, wait: Number(wait) / 1e6 };
  } catch {
    return undefined;
  }
}

export class StallMonitor {
  private phase: string;
  private phaseAtLastTick: string;
  private last = 0;
  private lastUs = 0;
  private lastSched = schedTimes();
  private timer: NodeJS.Timeout | undefined;
  private readonly gaps = new Map<string, Gap[]>();
  private readonly gcPauses: number[] = [];
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.gcPauses.push(entry.duration);
  });

  constructor(firstPhase: string) {
    this.phase = firstPhase;
    this.phaseAtLastTick = firstPhase;
  }

  start(): this {
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.last = performance.now();
    this.lastUs = nowUs();
    this.lastSched = schedTimes();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    return this;
  }

  mark(phase: string): void {
    this.phase = phase;
  }

  /** Gives the interval one last turn, so a stall at the very end is counted too. */
  async stop(): Promise<StallReport> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearInterval(this.timer);
    this.gcObserver.disconnect();
    const all = [...this.gaps.values()].flat();
    const phases = [...this.gaps].map(([phase, gaps]): PhaseStall => {
      const long = gaps.filter((g) => g.gapMs > 2).map((g) => g.gapMs);
      return {
        phase,
        worst: top(gaps, 'gapMs', 1)[0]!,
        heldMs: Math.max(...gaps.map((g) => g.heldMs)),
        over50: gaps.filter((g) => g.gapMs > 50).length,
        typicalMs: long.length > 0 ? summarize(long).p50 : 0,
      };
    });
    const longest = [...top(all, 'heldMs', KEPT), ...top(all, 'gapMs', 3)];
    return {
      worstMs: Math.max(0, ...phases.map((p) => p.worst.gapMs)),
      heldMs: Math.max(0, ...phases.map((p) => p.heldMs)),
      phases,
      longest: longest.filter((g, i) => longest.indexOf(g) === i && g.gapMs > 2),
      worstGcMs: this.gcPauses.length > 0 ? Math.max(...this.gcPauses) : 0,
      gcMs: this.gcPauses.reduce((a, b) => a + b, 0),
    };
  }

  private tick(): void {
    const now = performance.now();
    const us = nowUs();
    const sched = schedTimes();
    // The interval itself accounts for 1 ms of every gap; the rest is time the loop was not free.
    const gapMs = Math.max(0, now - this.last - TICK_MS);
    const counted = sched !== undefined && this.lastSched !== undefined;
    const runMs = counted ? Math.min(gapMs, sched.run - this.lastSched!.run) : gapMs;
    const waitMs = counted ? Math.min(gapMs - runMs, sched.wait - this.lastSched!.wait) : 0;
    const phase =
      this.phaseAtLastTick === this.phase ? this.phase : `${this.phaseAtLastTick} → ${this.phase}`;
    const gap: Gap = { phase, gapMs, runMs, waitMs, heldMs: gapMs - waitMs, startUs: this.lastUs, endUs: us };
    const list = this.gaps.get(phase);
    if (list) list.push(gap);
    else this.gaps.set(phase, [gap]);
    this.last = now;
    this.lastUs = us;
    this.lastSched = sched;
    this.phaseAtLastTick = this.phase;
  }
}

function top(gaps: Gap[], key: 'gapMs' | 'heldMs', n: number): Gap[] {
  return [...gaps].sort((a, b) => b[key] - a[key]).slice(0, n);
}
