// Turns figures into the goals' PASS/MISS. Engine goals are set at 10,000 profiles; a run without that size
// reports them as not measured rather than judging a smaller corpus by them.
import type { EngineFigures } from './engine.ts';
import type { StallReport } from './eventLoop.ts';
import type { FuseFigures } from './fuse.ts';
import { type GoalResult, recordGoal } from './goals.ts';
import { type InteractionFigures, TARGET_RATE } from './interactions.ts';
import { MAPS_AT_ONCE, type MapFigures, type MapLoadFigures } from './map.ts';
import { DEFAULT_DEBOUNCE_MS, type OutsideFigures, TRAFFIC_RATE } from './outside.ts';
import type { Check } from './ranking.ts';
import type { RestartFigures } from './restart.ts';
import type { ReloadFigures } from './stall.ts';
import { count, mb, ms, ratio } from './table.ts';

export const GOAL_SIZE = 10_000;
const STALL_GOAL_MS = 50;

export function engineGoals(figures: { engine: EngineFigures; fuse: FuseFigures } | undefined): GoalResult[] {
  const out: GoalResult[] = [];
  const at = `at ${count(GOAL_SIZE)}`;
  const ops = figures?.engine.operations ?? [];
  const labels = (kind: string, fallback: string[]) =>
    figures ? ops.filter((o) => o.kind === kind).map((o) => o.label) : fallback;

  for (const label of labels('autocomplete', ['autocomplete'])) {
    const op = ops.find((o) => o.label === label);
    out.push(
      recordGoal({
        goal: `${label} p99 ${at}`,
        target: '≤ 1 ms',
        measured: op ? `${ms(op.dossier.p99)} ms` : '—',
        pass: op ? op.dossier.p99 <= 1 : null,
      }),
    );
    const fuse = figures?.fuse.byLabel.get(label);
    const speedup = op && fuse ? fuse.p50 / op.dossier.p50 : Number.NaN;
    out.push(
      recordGoal({
        goal: `${label} vs Fuse.js (p50 ratio) ${at}`,
        target: '≥ 100×',
        measured: ratio(speedup),
        pass: op && fuse ? speedup >= 100 : null,
      }),
    );
  }
  const engine = figures?.engine;
  const baseline = engine?.baseline;
  for (const label of labels('search', ['search'])) {
    const op = ops.find((o) => o.label === label);
    const before = op?.query ? baseline?.search.get(op.query) : undefined;
    out.push(
      recordGoal({
        goal: `${label.replace(/ ".*"$/, '')} p99 ${at}`,
        target: '≤ 50 ms',
        measured: op ? `${ms(op.dossier.p99)} ms` : '—',
        pass: op ? op.dossier.p99 <= 50 : null,
        baseline: before ? `${ms(before.p99)} ms (one MiniSearch, its AND search)` : undefined,
      }),
    );
  }
  for (const op of ops.filter((o) => o.kind === 'index')) {
    const before = op.query ? baseline?.search.get(op.query) : undefined;
    out.push(
      recordGoal({
        goal: `rare words, section index alone, p99 ${at}`,
        target: '≤ baseline',
        measured: `${ms(op.dossier.p99)} ms (p50 ${ms(op.dossier.p50)})`,
        pass: before ? op.dossier.p99 <= before.p99 : null,
        baseline: before
          ? `${ms(before.p99)} ms (one MiniSearch, its AND search; p50 ${ms(before.p50)})`
          : undefined,
      }),
    );
  }
  out.push(
    recordGoal({
      goal: `index build (buildEngine) ${at}`,
      target: '≤ 10 s',
      measured: engine ? `${ms(engine.buildMs)} ms` : '—',
      pass: engine ? engine.buildMs <= 10_000 : null,
      baseline: baseline
        ? `${ms(baseline.buildMs)} ms (the section index alone, as one MiniSearch)`
        : undefined,
    }),
    recordGoal({
      goal: `index heap (JS heap and buffers) ${at}`,
      target: '≤ 200 MB',
      measured: engine ? mb(engine.heapBytes) : '—',
      pass: engine ? engine.heapBytes <= 200 * 1024 * 1024 : null,
      baseline: baseline
        ? `${mb(baseline.heapBytes)} (the section index alone, as one MiniSearch)`
        : undefined,
    }),
  );
  return out;
}

/**
 * Judged on the longest this process itself held the loop: on a shared machine a gap also holds time spent
 * waiting for a core, which no code change removes. The raw worst gap is shown beside it.
 */
function stallGoal(goal: string, stall: StallReport): GoalResult {
  return recordGoal({
    goal,
    target: `≤ ${STALL_GOAL_MS} ms`,
    measured: `${ms(stall.heldMs)} ms held (worst gap ${ms(stall.worstMs)})`,
    pass: stall.heldMs <= STALL_GOAL_MS,
  });
}

export function buildStallGoal(size: number, engine: EngineFigures): GoalResult {
  return stallGoal(`event-loop stall during buildEngine (${count(size)})`, engine.stall);
}

export function reloadStallGoal(reload: ReloadFigures): GoalResult {
  return stallGoal(`event-loop stall during loadCorpus + buildEngine (${count(reload.size)})`, reload.stall);
}

export function rankingGoal(checks: { size: number; checks: Check[] }[]): GoalResult {
  const all = checks.flatMap((c) => c.checks);
  const failed = all.filter((c) => !c.ok).length;
  return recordGoal({
    goal: `ranking checks (sizes ${checks.map((c) => count(c.size)).join(', ')})`,
    target: 'all OK',
    measured: `${all.length - failed}/${all.length} OK`,
    pass: all.length > 0 ? failed === 0 : null,
  });
}

export function interactionGoals(figures: InteractionFigures): GoalResult[] {
  const at = `(${count(figures.profiles)} profiles)`;
  return [
    recordGoal({
      goal: `interaction throughput ${at}`,
      target: '≥ 500 /s',
      measured: `${Math.round(figures.closed.perSecond)} /s`,
      pass: figures.closed.perSecond >= 500,
    }),
    recordGoal({
      goal: `interaction p99 arriving at ${TARGET_RATE}/s ${at}`,
      target: '≤ 25 ms',
      measured: `${ms(figures.open.all.p99)} ms`,
      pass: figures.open.failures === 0 && figures.open.all.p99 <= 25,
    }),
  ];
}

export function mapGoals(figures: MapFigures[], load: MapLoadFigures | undefined): GoalResult[] {
  const seed = figures.find((f) => f.edges === 13);
  const goals: GoalResult[] = [];
  if (seed) {
    goals.push(
      recordGoal({
        goal: 'relations map p99 cold, 13 edges',
        target: '≤ 50 ms',
        measured: `${ms(seed.cold.p99)} ms (worker ${ms(seed.worker.p99)}, inline ${ms(seed.inline.p99)})`,
        pass: seed.cold.p99 <= 50,
      }),
      recordGoal({
        goal: 'relations map p99 from the cache',
        target: '≤ 2 ms',
        measured: `${ms(Math.max(...figures.map((f) => f.cached.p99)))} ms`,
        pass: figures.every((f) => f.cached.p99 <= 2),
      }),
    );
  }
  if (load) {
    goals.push(
      recordGoal({
        goal: `autocomplete p99 while ${MAPS_AT_ONCE} maps are drawn`,
        target: '≤ 10 ms',
        measured: `${ms(load.autocomplete.withMaps.p99)} ms (from the cache ${ms(load.autocomplete.withCachedMaps.p99)}, alone ${ms(load.autocomplete.alone.p99)})`,
        pass:
          load.autocomplete.failures === 0 &&
          load.autocomplete.mapFailures === 0 &&
          load.autocomplete.withMaps.p99 <= 10,
      }),
      recordGoal({
        goal: `longest event-loop hold by map work, ${MAPS_AT_ONCE} maps at once`,
        target: '≤ 5 ms',
        measured: `${ms(load.mapWorkMs.offThread)} ms of map work in one turn (longest gap ${ms(load.heldMs.offThread)} ms; idle ${ms(load.idleHeldMs)} ms)`,
        pass: load.mapWorkMs.offThread <= 5,
        baseline: `${ms(load.mapWorkMs.inline)} ms (drawn on the main thread)`,
      }),
    );
  }
  return goals;
}

export function restartGoals(f: RestartFigures): GoalResult[] {
  const at = `at ${count(f.size)}`;
  const worstEdit = Math.max(...f.editMs);
  const growth = f.heapAfterFive / f.heapAfterOne - 1;
  return [
    recordGoal({
      goal: `restart with unchanged data until Dossier answers ${at} (median of ${f.restarts.length})`,
      target: '≤ 3 s',
      measured: `${ms(f.restartMs)} ms`,
      pass: f.restartMs <= 3000,
      baseline: `${ms(f.firstLoadMs)} ms (full build, as every start was)`,
    }),
    recordGoal({
      goal: `one changed profile until searchable ${at} (worst of ${f.editMs.length})`,
      target: '≤ 300 ms',
      measured: `${ms(worstEdit)} ms`,
      pass: worstEdit <= 300,
      baseline: `${ms(f.firstLoadMs)} ms (full reload, as every reload was)`,
    }),
    recordGoal({
      goal: `heap after 5 reloads vs after 1 ${at}`,
      target: '≤ +10 %',
      measured: `${(growth * 100).toFixed(1)} % (${mb(f.heapAfterOne)} → ${mb(f.heapAfterFive)})`,
      pass: growth <= 0.1,
    }),
    recordGoal({
      goal: `search three common words p99, same index ${at}`,
      target: '≤ 50 ms',
      measured: `${ms(f.commonSearch.p99)} ms (p50 ${ms(f.commonSearch.p50)})`,
      pass: f.commonSearch.p99 <= 50,
      baseline: `${ms(f.commonSearchFull.p99)} ms (the index's full AND search, every posting scored; p50 ${ms(f.commonSearchFull.p50)})`,
    }),
  ];
}

/**
 * The same goals seen from the outside (`npm start` against the simulator, on a corpus of another seed). Judged at
 * GOAL_SIZE only; at other sizes the figures are printed and the verdict is n/a.
 */
export function outsideGoals(f: OutsideFigures): GoalResult[] {
  const at = `at ${count(f.size)}`;
  const judged = (pass: boolean) => (f.size === GOAL_SIZE ? pass : null);
  const MB = 1024 * 1024;
  const firstLoad = f.firstStart.loaded ? `${ms(f.firstStart.loaded.ms)} ms` : '—';
  return [
    recordGoal({
      goal: `outside: start until the first answer, fresh STATE_DIR ${at}`,
      target: '≤ 20 s',
      measured: `${ms(f.firstStart.answerMs)} ms`,
      pass: judged(f.firstStart.answerMs <= 20_000),
    }),
    recordGoal({
      goal: `outside: restart until the first answer, same data ${at}`,
      target: '≤ 6 s',
      measured: `${ms(f.restart.answerMs)} ms`,
      pass: judged(f.restart.answerMs <= 6000),
      baseline: `${ms(f.firstStart.answerMs)} ms (the first start)`,
    }),
    recordGoal({
      goal: `outside: one edited file until /search finds it, ${TRAFFIC_RATE}/s traffic, ${DEFAULT_DEBOUNCE_MS} ms debounce ${at}`,
      target: '≤ 1.5 s',
      measured: `${ms(f.edit.searchableMs)} ms`,
      pass: judged(f.edit.searchableMs <= 1500),
      baseline: `${firstLoad} (the first start's full load)`,
    }),
    recordGoal({
      goal: `outside: RSS serving, peak while /search runs ${at}`,
      target: '≤ 600 MB',
      measured: `${mb(f.rss.servingPeak)} (settled ${mb(f.rss.servingSettled)})`,
      pass: judged(f.rss.servingPeak <= 600 * MB),
    }),
    recordGoal({
      goal: `outside: RSS after a reload, settled ${at}`,
      target: '≤ 700 MB',
      measured: `${mb(f.rss.afterReload)} (peak during it ${mb(f.rss.reloadPeak)})`,
      pass: judged(f.rss.afterReload <= 700 * MB),
      baseline: `${mb(f.rss.servingSettled)} (settled before the edit)`,
    }),
    recordGoal({
      goal: `outside: /search three common words p99 end to end ${at}`,
      target: '≤ 150 ms',
      measured: `${ms(f.search.common.p99)} ms (p50 ${ms(f.search.common.p50)})`,
      pass: judged(f.search.failures === 0 && f.search.common.p99 <= 150),
      baseline: `${ms(f.search.rare.p99)} ms (three rare words; p50 ${ms(f.search.rare.p50)})`,
    }),
  ];
}
