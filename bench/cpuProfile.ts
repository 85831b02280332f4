// Says where the time of a stall went: a V8 CPU profile (sampled every millisecond through the inspector) is
// cut to a time window, and each sample is charged to the deepest Dossier function on its stack, with the
// library it was in when sampled (minisearch, yaml, …), or to GC.
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A time window in microseconds of the monotonic clock (process.hrtime), which V8 samples on too. */
export interface Window {
  startUs: number;
  endUs: number;
}

export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export class CpuSampler {
  private readonly session = new Session();

  async start(intervalUs = 1000): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.session.post('Profiler.start');
  }

  async stop(): Promise<Samples> {
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: Profile };
    await this.session.post('Profiler.disable');
    this.session.disconnect();
    return new Samples(profile);
  }
}

export class Samples {
  private readonly times: number[] = [];
  private readonly labels: string[] = [];

  constructor(profile: Profile) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const memo = new Map<number, string>();
    let t = profile.startTime;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i] ?? 0;
      let label = memo.get(id);
      if (label === undefined) {
        label = labelOf(id, byId, parent);
        memo.set(id, label);
      }
      this.times.push(t);
      this.labels.push(label);
    });
  }

  /** Milliseconds charged to each label within the window (all samples when none), most first. */
  breakdown(window?: Window): [string, number][] {
    const totals = new Map<string, number>();
    for (let i = 0; i < this.times.length; i++) {
      const t = this.times[i]!;
      if (window && (t < window.startUs || t > window.endUs)) continue;
      const label = this.labels[i]!;
      // Each sample stands for the interval since the one before it.
      const ms = (t - (this.times[i - 1] ?? t)) / 1000;
      totals.set(label, (totals.get(label) ?? 0) + ms);
    }
    totals.delete('(idle)');
    return [...totals].sort((a, b) => b[1] - a[1]);
  }
}

function labelOf(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const leaf = byId.get(id)!.callFrame;
  if (leaf.functionName === '(garbage collector)') return 'GC';
  if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') return leaf.functionName;
  const library = libraryOf(leaf.url);
  // The deepest Dossier frame says which part of Dossier the time belongs to; a callback is named after the
  // function around it in the same file (the loop helper that calls it says nothing).
  let ours: CallFrame | undefined;
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!.callFrame;
    if (!isOurs(frame.url) || (ours && frame.url !== ours.url)) continue;
    ours ??= frame;
    if (frame.functionName) {
      const where = `${frame.functionName}${frame === ours ? '' : ' › callback'} (${shortPath(frame.url)})`;
      return library ? `${where} → ${library}` : where;
    }
  }
  if (ours) return `callback (${shortPath(ours.url)})${library ? ` → ${library}` : ''}`;
  return library ?? (leaf.functionName || '(anonymous)');
}

function shortPath(url: string): string {
  return path.relative(path.join(REPO, 'src'), fileURLToPath(url));
}

function isOurs(url: string): boolean {
  return url.startsWith('file://') && !url.includes('/node_modules/') && !url.includes('/bench/');
}

function libraryOf(url: string): string | undefined {
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:') || (url !== '' && !url.startsWith('file://'))) return 'node';
  return undefined;
}
