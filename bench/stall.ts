// Event-loop stalls during a hot reload of a large data directory: loadCorpus from disk, then buildEngine, as
// EngineHolder runs them. A CPU profile taken at the same time says what ran in each long stall and how the
// reload's CPU splits between its parts.
import { buildEngine } from '../src/engine.ts';
import { loadCorpus } from '../src/profiles/loadCorpus.ts';
import type { GeneratedCorpus } from './corpus.ts';
import { CpuSampler } from './cpuProfile.ts';
import { type Gap, StallMonitor, type StallReport } from './eventLoop.ts';
import { writeDataDir } from './loadGenerated.ts';

export interface AttributedGap {
  gap: Gap;
  /** Sampled milliseconds by part, most first. */
  where: [string, number][];
}

export interface ReloadFigures {
  size: number;
  totalMs: number;
  stall: StallReport;
  gaps: AttributedGap[];
  /** CPU of the whole reload by part, most first. */
  parts: [string, number][];
}

export async function benchReload(generated: GeneratedCorpus): Promise<ReloadFigures> {
  const data = await writeDataDir(generated);
  try {
    globalThis.gc?.();
    const sampler = new CpuSampler();
    await sampler.start();
    const monitor = new StallMonitor('loadCorpus').start();
    const started = performance.now();
    const corpus = await loadCorpus(data.dir);
    monitor.mark('buildEngine');
    await buildEngine(corpus);
    monitor.mark('after');
    const totalMs = performance.now() - started;
    const stall = await monitor.stop();
    const samples = await sampler.stop();
    return {
      size: generated.size,
      totalMs,
      stall,
      gaps: stall.longest.map((gap) => ({ gap, where: samples.breakdown(gap) })),
      parts: samples.breakdown(),
    };
  } finally {
    await data.remove();
  }
}
