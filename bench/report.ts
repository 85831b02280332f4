// Prints each section's figures as plain aligned tables.
import type { EngineFigures } from './engine.ts';
import type { StallReport } from './eventLoop.ts';
import type { FuseFigures } from './fuse.ts';
import { type GoalResult, verdict } from './goals.ts';
import { TIMING_HEAP_GROWING_PERCENT } from './instrumentGc.ts';
import type { InteractionFigures } from './interactions.ts';
import { MAPS_AT_ONCE, type MapFigures, type MapLoadFigures } from './map.ts';
import {
  DEFAULT_DEBOUNCE_MS,
  type OutsideFigures,
  POLL_EVERY_MS,
  SETTLE_MS,
  type StartFigures,
  TRAFFIC_RATE,
} from './outside.ts';
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
      ...(engine.baseline
        ? [['one MiniSearch (section index alone)', engine.baseline.buildMs, mb(engine.baseline.heapBytes)]]
        : []),
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
    'Relations map, ms (cold: drawn in the render process; worker: in a worker thread, as before; inline: on the calling thread)',
    [
      'map',
      'cold p50',
      'cold p99',
      'worker p50',
      'worker p99',
      'cached p50',
      'cached p99',
      'inline p50',
      'inline p99',
      'image',
    ],
    figures.map((f) => [
      `${f.kind}, ${f.edges} edges`,
      f.cold.p50,
      f.cold.p99,
      f.worker.p50,
      f.worker.p99,
      f.cached.p50,
      f.cached.p99,
      f.inline.p50,
      f.inline.p99,
      `${f.size}, ${Math.round(f.bytes / 1024)} KB`,
    ]),
  );
  if (!load) return;
  printTable(
    `${MAPS_AT_ONCE} maps requested at once (each started in a turn of its own, as the bot starts commands), ms`,
    ['', 'render process', 'worker thread (before)', 'main thread'],
    [
      [
        'longest map work in one turn (timed where it runs)',
        load.mapWorkMs.offThread,
        '',
        load.mapWorkMs.inline,
      ],
      ['longest event-loop hold', load.heldMs.offThread, load.heldMs.worker, load.heldMs.inline],
      [
        '  of it on a core (the rest asleep)',
        load.heldOnCoreMs.offThread,
        load.heldOnCoreMs.worker,
        load.heldOnCoreMs.inline,
      ],
      ['all pictures ready', load.allReadyMs.offThread, load.allReadyMs.worker, load.allReadyMs.inline],
    ],
  );
  console.log(
    `The event loop's gaps include time this machine did not run the process: with nothing to do for 500 ms, the longest was ${ms(load.idleHeldMs)} ms.`,
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
      [
        `  control: the same from the cache`,
        a.withCachedMaps.p50,
        a.withCachedMaps.p99,
        a.withCachedMaps.max,
        count(a.withCachedMaps.n),
      ],
    ],
  );
  console.log(
    `Counted while maps were answered: only autocompletes sent before the last of ${MAPS_AT_ONCE} maps requested at once was answered, over ${count(a.mapsDrawn / MAPS_AT_ONCE)} such rounds (${count(a.mapsDrawn)} maps, none drawn twice; a round took ${ms(a.roundMs.drawn)} ms at the median).`,
  );
  console.log(
    `The control asks for the last round's ${MAPS_AT_ONCE} maps again, one by one over as long as a round took, ${count(a.mapsFromCache / MAPS_AT_ONCE)} times (a round took ${ms(a.roundMs.cached)} ms): the bot answers them from its cache, so requests, answers and uploads come at about the same pace but nothing is drawn.`,
  );
  console.log(
    `While it times these, the measuring process (the simulator) lets its heap grow to ${TIMING_HEAP_GROWING_PERCENT} % past what its last full collection kept, so that its own collections, counted as the bot's latency, come several times less often.`,
  );
  if (a.failures > 0) console.log(`${a.failures} autocomplete requests failed`);
  if (a.mapFailures > 0) console.log(`${a.mapFailures} map requests were answered without their picture`);
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
      ['first start: no snapshot, full build (a process of its own)', f.firstLoadMs, ''],
      ['snapshot written in the background after it', f.snapshotWriteMs, mb(f.snapshotBytes)],
      [
        'restart from the snapshot, data unchanged (median; each a process of its own)',
        f.restartMs,
        f.restarts.map((m) => `${Math.round(m)}`).join(', '),
      ],
      ['the same restart inside the bench process (its heap holds the bench)', f.restartInBenchMs, ''],
      ...f.editMs.map((m, i): Cell[] => [
        `one profile edited → searchable (reload ${i + 1})`,
        m,
        i === 0 ? 'in another process of its own, after its restart' : '',
      ]),
      ['heap of that process after its restart', '', mb(f.heapAfterLoad)],
      ['heap after 1 edit reload', '', mb(f.heapAfterOne)],
      ['heap after 5 edit reloads', '', mb(f.heapAfterFive)],
    ],
  );
}

export function printOutside(f: OutsideFigures): void {
  const e = f.edit;
  printTable(
    `From the outside: npm start's process against the simulator, ${count(f.size)} profiles of seed ${f.seed}, ` +
      'fresh STATE_DIR, WATCH_DATA=true, LOG_LEVEL=info',
    ['step', 'ms', 'note'],
    [
      ['spawn until the first /profile answer', f.firstStart.answerMs, 'no snapshot yet'],
      [
        '  its snapshot saved, after spawn',
        f.snapshot?.atMs ?? '—',
        f.snapshot ? `written in ${ms(f.snapshot.ms)} ms` : '',
      ],
      [
        '/search three common words p50 / p99',
        `${ms(f.search.common.p50)} / ${ms(f.search.common.p99)}`,
        `"${f.search.commonQuery}", ${count(f.search.common.n)} at ${f.search.perSecond / 2}/s`,
      ],
      [
        '/search three rare words p50 / p99',
        `${ms(f.search.rare.p50)} / ${ms(f.search.rare.p99)}`,
        `alternating with them; ${f.search.failures} failed`,
      ],
      [
        'one file edited until /search finds its new word',
        e.searchableMs,
        `debounce ${DEFAULT_DEBOUNCE_MS} ms`,
      ],
      [
        `  traffic meanwhile (${TRAFFIC_RATE}/s) p50 / p99`,
        `${ms(e.traffic.p50)} / ${ms(e.traffic.p99)}`,
        `${count(e.trafficCount)} interactions, ${e.trafficFailures} failed, worst ${ms(e.traffic.max)} ms`,
      ],
      ['SIGTERM until the process exited', f.stopMs, ''],
      ['restart until the first /profile answer', f.restart.answerMs, 'same data and STATE_DIR'],
    ],
  );
  console.log("Where the time went, from the bot's own log lines (ms after spawn, or after the write):");
  console.log(`- first start: ${startPhases(f.firstStart)}`);
  console.log(`- restart: ${startPhases(f.restart)}`);
  console.log(
    `- edit: ${
      e.reloaded
        ? `the reload began ~${ms(e.reloaded.atMs - e.reloaded.ms)} ms after the write (file event and debounce) ` +
          `and took ${ms(e.reloaded.ms)} ms (${e.reloaded.changes}, index ${e.reloaded.index}; ${e.reloaded.steps} ms); `
        : ''
    }found by a /search sent ${ms(e.foundPollSentMs)} ms after the write (${e.polls} sent, one every ${POLL_EVERY_MS} ms)`,
  );
  const r = f.rss;
  printTable(
    "From the outside: the bot's RSS (/proc VmRSS, read every 100 ms; VmHWM for the start), plus the proportional set (Pss) of the map render process it starts",
    ['when', 'RSS'],
    [
      ['peak of the first start (load, build, snapshot)', mb(r.startPeak)],
      ['serving /search: peak', mb(r.servingPeak)],
      [`serving: settled (${SETTLE_MS / 1000} s idle)`, mb(r.servingSettled)],
      ['edit and reload under traffic: peak', mb(r.reloadPeak)],
      [`after the reload: settled (${SETTLE_MS / 1000} s idle)`, mb(r.afterReload)],
      ["right after the restart's first answer", mb(r.afterRestart)],
    ],
  );
  console.log(`${f.violations} spec violations.`);
}

/** Process start (imports, config) is what comes before the load began. */
function startPhases(s: StartFigures): string {
  return [
    s.loaded ? `process up at ~${ms(s.loaded.atMs - s.loaded.ms)}` : '',
    s.loaded
      ? `'data loaded' at ${ms(s.loaded.atMs)} (load ${ms(s.loaded.ms)} ms, index ${s.loaded.index})`
      : '',
    s.history ? `history recorded at ${ms(s.history.atMs)} (${ms(s.history.ms)} ms)` : '',
    s.connectedMs !== undefined
      ? `'connected to Discord' at ${ms(s.connectedMs)} (after the history, the handlers' warm-up and the login)`
      : '',
    `identified on the gateway at ${ms(s.identifyMs)}`,
    `answered at ${ms(s.answerMs)}`,
    s.attempts > 1 ? `${s.attempts} tries` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
