// `npm run bench`: Dossier's performance on synthetic corpora of 100, 1,000 and 10,000 profiles, compared with
// Fuse.js, plus event-loop stalls during a reload, interactions through the Discord simulator, relations map
// rendering, and the bot from the outside (`npm start`'s process: start, restart, an edit under traffic, RSS).
// A script, not a test: it prints figures and PASS/MISS against the goals, and never fails a build.
import os from 'node:os';
import type { Engine } from '../src/engine.ts';
import { buildBot } from '../tests/buildBot.ts';
import { type GeneratedCorpus, generateCorpus } from './corpus.ts';
import { benchEngine } from './engine.ts';
import {
  buildStallGoal,
  engineGoals,
  GOAL_SIZE,
  interactionGoals,
  mapGoals,
  outsideGoals,
  rankingGoal,
  reloadStallGoal,
  restartGoals,
} from './evaluate.ts';
import { benchFuse } from './fuse.ts';
import { goalResults } from './goals.ts';
import { benchInteractions } from './interactions.ts';
import { parseGenerated } from './loadGenerated.ts';
import { benchAutocompleteUnderMaps, benchMap, benchMapHolds, MAP_PROFILES } from './map.ts';
import { parseOptions } from './options.ts';
import { benchOutside } from './outside.ts';
import { type Check, rankingChecks } from './ranking.ts';
import { benchRelevance, printRelevance, relevanceGoals } from './relevance/index.ts';
import {
  printEngine,
  printGoals,
  printInteractions,
  printMap,
  printOutside,
  printRanking,
  printReload,
  printRestart,
} from './report.ts';
import { benchResolution, printResolution, resolutionGoal } from './resolution.ts';
import { benchRestart } from './restart.ts';
import { benchReload } from './stall.ts';
import { count, ms } from './table.ts';

const options = parseOptions(process.argv.slice(2));
const { sizes, sections, iterations: it } = options;
// Sections that start the bot (interactions, map, outside) start it as `npm start` does: built, and built from
// what is checked out now (under a second).
buildBot();
const largest = sizes[sizes.length - 1]!;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(
  `Dossier bench${options.quick ? ' (quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores, ` +
    `${os.platform()} ${os.arch()}; sizes ${sizes.map(count).join(', ')}; load average ${load()}`,
);
const started = performance.now();

let largestGenerated: GeneratedCorpus | undefined;
const rankings: { size: number; checks: Check[] }[] = [];
let engineGoalsRecorded = false;
let mapEngine: Engine | undefined;

if (sections.has('engine')) {
  for (const size of sizes) {
    const t0 = performance.now();
    const generated = generateCorpus(size);
    const t1 = performance.now();
    const corpus = parseGenerated(generated);
    const t2 = performance.now();
    const title = `${count(size)} profiles`;
    console.log(
      `\n=== ${title}: ${count(corpus.actors.length)} actors, ` +
        `${([...generated.files.values()].reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB of text; ` +
        `generated in ${ms(t1 - t0)} ms, parsed in ${ms(t2 - t1)} ms ===`,
    );
    const engine = await benchEngine(corpus, generated.probes, it, size === GOAL_SIZE);
    const fuseSearch = !options.quick || size === sizes[0];
    const fuse = await benchFuse(corpus, engine.operations, it, fuseSearch);
    console.log(`\n${count(engine.engine.sections.size)} sections indexed`);
    if (!fuseSearch)
      console.log('Fuse.js full-text search left out of --quick runs above the smallest size.');
    printEngine(title, engine, fuse);
    const checks = rankingChecks(engine.engine, generated);
    rankings.push({ size, checks });
    printRanking(`${title}: ranking checks`, checks);
    if (size === GOAL_SIZE) {
      printGoals(`${title}: goals`, engineGoals({ engine, fuse }));
      engineGoalsRecorded = true;
    }
    if (size === MAP_PROFILES) mapEngine = engine.engine;
    if (size === largest) {
      buildStallGoal(size, engine);
      largestGenerated = generated;
    }
  }
  rankingGoal(rankings);
}
if (!engineGoalsRecorded) engineGoals(undefined);

if (sections.has('resolution')) {
  const resolution = await benchResolution();
  printResolution(resolution);
  resolutionGoal(resolution);
}

if (sections.has('relevance')) {
  const relevance = await benchRelevance();
  printRelevance(relevance);
  relevanceGoals(relevance);
}

if (sections.has('stall')) {
  const generated = largestGenerated ?? generateCorpus(largest);
  largestGenerated = undefined;
  const reload = await benchReload(generated);
  printReload(reload);
  reloadStallGoal(reload);
}

if (sections.has('restart')) {
  const generated = largestGenerated ?? generateCorpus(largest);
  largestGenerated = undefined;
  const figures = await benchRestart(generated, it.search);
  printRestart(figures);
  restartGoals(figures);
}

if (sections.has('interactions')) {
  const figures = await benchInteractions(it.interactions);
  printInteractions(figures);
  interactionGoals(figures);
}

if (sections.has('map')) {
  const figures = await benchMap(it.map, mapEngine);
  const holds = await benchMapHolds(mapEngine);
  mapEngine = undefined;
  const load = { ...holds, autocomplete: await benchAutocompleteUnderMaps(it.interactions) };
  printMap(figures, load);
  mapGoals(figures, load);
}

if (sections.has('outside')) {
  // Its own corpus (another seed), so nothing generated above is kept for it.
  largestGenerated = undefined;
  const figures = await benchOutside(largest, it.outside);
  printOutside(figures);
  outsideGoals(figures);
}

printGoals('Goals', goalResults());
console.log(`\nfinished in ${ms((performance.now() - started) / 1000)} s; load average ${load()}`);
