// Prints each section's figures as plain aligned tables.
import type { EngineFigures } from './engine.ts';
import type { StallReport } from './eventLoop.ts';
import type { FuseFigures } from './fuse.ts';
import { type GoalResult, verdict } from './goals.ts';
import type { InteractionFigures } from './interactions.ts';
import { MAPS_AT_ONCE, type MapFigures, type MapLoadFigures } from './map.ts';
import type { Check } from './ranking.ts';
import type { RestartFigures } from './restart.ts';
import type { ReloadFigures } from './stall.ts';
import { type Cell, count, mb, ms, printTable, ratio } from './table.ts';

export function printEngine(title: string, engine: EngineFigures, fuse: FuseFigures | undefined): void {
  printTable(
    `${title}: index build`,
    ['index', 'build ms', 'heap'],
    [
      ['Dossier (buildEngine)', engine.buildMs, mb(engine.heapBytes)],
      ...(fuse ? [['Fuse.js (actors + sections)', fuse.buildMs, mb(fuse.heapBytes)]] : []),
    ],
  );
  printStall(`${title}: event loop while buildEngine runs`, engine.stall);
  printTable(
    `${title}: latency in ms (after warm-up)`,
    ['operation', 'p50', 'p99', 'n', 'Fuse p50', 'Fuse p99', 'Fuse n', 'Fuse/Dossier p50'],
    engine.operations.map((op) => {
      const f = fuse?.byLabel.get(op.label);
      return [
        op.label,
        op.dossier.p50,
        op.dossier.p99,
        count(op.dossier.n),
        f ? f.p50 : '—',
        f ? f.p99 : '—',
        f ? count(f.n) : '—',
        f ? ratio(f.p50 / op.dossier.p50) : '—',
      ];
    }),
  );
}

export function printStall(title: string, stall: StallReport): void {
  printTable(
    title,
    ['phase', 'worst gap', 'on CPU', 'waiting for a core', 'longest held', 'gaps > 50', 'typical gap'],
    stall.phases.map((p) => [
      p.phase,
      p.worst.gapMs,
      p.worst.runMs,
      p.worst.waitMs,
      p.heldMs,
      count(p.over50),
      p.typicalMs,
    ]),
  );
  console.log(
    `ms. "held": a gap less its wait for a core, i.e. what this process itself held the loop for. ` +
      `Longest GC pause ${ms(stall.worstGcMs)} ms; GC in all ${ms(stall.gcMs)} ms.`,
  );
}

export function printRanking(title: string, checks: Check[]): void {
  printTable(
    title,
    ['check', 'result', 'detail'],
    checks.map((c) => [c.name, c.ok ? 'OK' : 'FAIL', c.detail]),
  );
}

export function printReload(reload: ReloadFigures): void {
  const title = `Hot reload of ${count(reload.size)} profiles from disk (loadCorpus + buildEngine, ${ms(reload.totalMs)} ms, CPU-profiled)`;
  printStall(`${title}: event loop`, reload.stall);
  printTable(
    'Longest stalls of the reload, and what the CPU profile sampled in them',
    ['phase', 'gap', 'ran', 'waited', 'sampled in it (ms; samples run on while the thread waits)'],
    reload.gaps.map(({ gap, where }) => [
      gap.phase,
      gap.gapMs,
      gap.runMs,
      gap.waitMs,
      describeWhere(where, 3),
    ]),
  );
  printTable(
    'CPU of the whole reload by part (deepest Dossier function → library it was in)',
    ['part', 'ms', 'share'],
    topParts(reload.parts, 14),
  );
}

function describeWhere(where: [string, number][], n: number): string {
  return where
    .slice(0, n)
    .map(([label, t]) => `${label} ${ms(t)}`)
    .join('; ');
}

function topParts(parts: [string, number][], n: number): Cell[][] {
  const total = parts.reduce((a, [, t]) => a + t, 0);
  const rows: Cell[][] = parts
    .slice(0, n)
    .map(([label, t]) => [label, t, `${((100 * t) / total).toFixed(1)}%`]);
  const rest = parts.slice(n).reduce((a, [, t]) => a + t, 0);
  if (rest > 0) rows.push([`(${parts.length - n} others)`, rest, `${((100 * rest) / total).toFixed(1)}%`]);
  return rows;
}

export function printInteractions(f: InteractionFigures): void {
  const passes = [f.serial, f.closed, f.open];
  printTable(
    `Interactions through the simulator: ${count(f.profiles)} profiles, real bot process; ms from dispatch to answer`,
    [
      'pass',
      'n',
      'per s',
      'p50',
      'p99',
      'max',
      'failed',
      'autocomplete p50/p99',
      '/profile p50/p99',
      '/search p50/p99',
    ],
    passes.map((p) => [
      p.name,
      count(p.count),
      `${Math.round(p.perSecond)}`,
      p.all.p50,
      p.all.p99,
      p.all.max,
      count(p.failures),
      ...[...p.byKind.values()].map((s) => `${ms(s.p50)} / ${ms(s.p99)}`),
    ]),
  );
  console.log(
    `${f.violations} spec violations. The times include the simulator's own work in this process (HTTP, gateway, ` +
      `OpenAPI and limit validation of every body: ${ms(f.validationMsPerInteraction)} ms per interaction, measured). ` +
      `With ${f.concurrency} in flight, latency is at least ${f.concurrency}/throughput (Little's law), so p99 is ` +
      'judged on the pass arriving at the goal rate.',
  );
  const { botMs, simulatorMs } = f.cpu;
  console.log(
    `CPU per interaction (${f.concurrency} in flight): bot process ${botMs === undefined ? 'unknown' : `${ms(botMs)} ms`}, ` +
      `simulator and bench process ${ms(simulatorMs)} ms` +
      (botMs === undefined ? '.' : `; one core for the bot allows at most ${Math.round(1000 / botMs)}/s.`),
  );
}

export function printMap(figures: MapFigures[], load: MapLoadFigures | undefined): void {
  printTable(
    'Relations map, ms (cold: drawn in the render threads; inline: on the calling thread, as before)',
    ['map', 'cold p50', 'cold p99', 'cached p50', 'cached p99', 'inline p50', 'inline p99', 'image'],
    figures.map((f) => [
      `${f.kind}, ${f.edges} edges`,
      f.cold.p50,
      f.cold.p99,
      f.cached.p50,
      f.cached.p99,
      f.inline.p50,
      f.inline.p99,
      `${f.size}, ${Math.round(f.bytes / 1024)} KB`,
    ]),
  );
  if (!load) return;
  printTable(
    `${MAPS_AT_ONCE} maps requested at once, ms`,
    ['', 'render threads', 'main thread (before)'],
    [
      ['longest event-loop hold', load.heldMs.offThread, load.heldMs.inline],
      ['all pictures ready', load.allReadyMs.offThread, load.allReadyMs.inline],
    ],
  );
  const a = load.autocomplete;
  printTable(
    'Autocomplete through the bot at 100/s, ms',
    ['', 'p50', 'p99', 'max', 'n'],
    [
      ['alone', a.alone.p50, a.alone.p99, a.alone.max, count(a.alone.n)],
      [
        `while ${MAPS_AT_ONCE} maps are answered`,
        a.withMaps.p50,
        a.withMaps.p99,
        a.withMaps.max,
        count(a.withMaps.n),
      ],
    ],
  );
  if (a.failures > 0) console.log(`${a.failures} autocomplete requests failed`);
}

export function printGoals(title: string, goals: readonly GoalResult[]): void {
  printTable(
    title,
    ['goal', 'target', 'measured', 'verdict', 'baseline (same run)'],
    goals.map((g) => [g.goal, g.target, g.measured, verdict(g.pass), g.baseline ?? '']),
  );
}

export function printRestart(f: RestartFigures): void {
  printTable(
    `Restart and reload of ${count(f.size)} profiles from disk, as the bot runs them (EngineHolder + STATE_DIR)`,
    ['step', 'ms', 'note'],
    [
      ['first start: no snapshot, full build', f.firstLoadMs, ''],
      ['snapshot written in the background after it', f.snapshotWriteMs, mb(f.snapshotBytes)],
      ['restart from the snapshot, data unchanged', f.restartMs, ''],
      ...f.editMs.map((m, i): Cell[] => [`one profile edited → searchable (reload ${i + 1})`, m, '']),
      ['heap after the restart', '', mb(f.heapAfterLoad)],
      ['heap after 1 edit reload', '', mb(f.heapAfterOne)],
      ['heap after 5 edit reloads', '', mb(f.heapAfterFive)],
    ],
  );
}
