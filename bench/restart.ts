// Restarts and reloads as the bot runs them (EngineHolder, from files on disk, with a STATE_DIR): the first load
// (a full build) and restarts from the snapshot with unchanged data, each in a process of its own as a start is;
// then, in another such process, one edited profile until /search finds its new word, and that process's heap
// after one and after five such reloads; in this process, a three-common-word search against the same index's
// search that scores every posting. Each figure has its baseline from the same run beside it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createLogger } from '../src/log/logger.ts';
import { EngineHolder } from '../src/runtime/engineHolder.ts';
import { snapshotFile } from '../src/runtime/snapshot.ts';
import type { GeneratedCorpus } from './corpus.ts';
import { writeDataDir } from './loadGenerated.ts';
import { measure, type Summary, timeOnce } from './stats.ts';

export interface RestartFigures {
  size: number;
  firstLoadMs: number;
  snapshotWriteMs: number;
  snapshotBytes: number;
  /** Median of RESTARTS restarts, each in a new process. */
  restartMs: number;
  restarts: number[];
  /** The same restart inside the bench's process, whose heap holds the generated corpora and baselines. */
  restartInBenchMs: number;
  /** Each edit: from the reload's start until the engine answering the new word is served (own process). */
  editMs: number[];
  /** That process's heap (JS heap and buffers) after its load, after one edit reload and after five. */
  heapAfterLoad: number;
  heapAfterOne: number;
  heapAfterFive: number;
  commonSearch: Summary;
  /** The same search scoring every posting of every word before intersecting them (as MiniSearch does). */
  commonSearchFull: Summary;
}

const silent = createLogger({ level: 'silent' });
const EDITS = 5;
const RESTARTS = 3;
const run = promisify(execFile);

export async function benchRestart(
  generated: GeneratedCorpus,
  searchIterations: { iterations: number; budgetMs: number },
): Promise<RestartFigures> {
  const data = await writeDataDir(generated);
  const stateDir = await mkdtemp(path.join(tmpdir(), 'dossier-bench-state-'));
  const snapshot = snapshotFile(stateDir, data.dir);
  try {
    const first = await loadInOwnProcess(data.dir, stateDir, true);
    const snapshotBytes = (await stat(snapshot)).size;
    const restarts: number[] = [];
    for (let i = 0; i < RESTARTS; i++)
      restarts.push((await loadInOwnProcess(data.dir, stateDir, false)).loadMs);

    globalThis.gc?.();
    const restart = await timeOnce(() => EngineHolder.load(data.dir, silent, { stateDir }));
    const holder = restart.value;
    await holder.close();

    // Edits in a process of their own too, as the bot reloads them: beside nothing but Dossier.
    const [file] = [...generated.files.keys()];
    const edited = await loadInOwnProcess(data.dir, stateDir, false, { edits: EDITS, file: file! });
    const { editMs, heapAfterLoad, heapAfterOne } = edited;
    const heapAfterFive = edited.heapAfterLast;

    const query = generated.probes.commonQuery;
    const { sections } = holder.engine;
    return {
      size: generated.size,
      firstLoadMs: first.loadMs,
      snapshotWriteMs: first.snapshotWriteMs,
      snapshotBytes,
      restartMs: [...restarts].sort((a, b) => a - b)[Math.floor(RESTARTS / 2)]!,
      restarts,
      restartInBenchMs: restart.ms,
      editMs,
      heapAfterLoad,
      heapAfterOne,
      heapAfterFive,
      commonSearch: measure(() => holder.engine.sections.search(query), searchIterations),
      commonSearchFull: measure(() => sections.searchScoringAll(query), searchIterations),
    };
  } finally {
    await data.remove();
    await rm(stateDir, { recursive: true, force: true });
  }
}

/** One load in a new process (bench/loadInProcess.ts), timed there from the load's start to its end. */
async function loadInOwnProcess(
  dataDir: string,
  stateDir: string,
  waitSnapshot: boolean,
  edits?: { edits: number; file: string },
): Promise<{
  loadMs: number;
  snapshotWriteMs: number;
  editMs: number[];
  heapAfterLoad: number;
  heapAfterOne: number;
  heapAfterLast: number;
}> {
  const script = path.join(import.meta.dirname, 'loadInProcess.ts');
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(edits ? ['--expose-gc'] : []),
      script,
      dataDir,
      stateDir,
      ...(waitSnapshot ? ['--wait-snapshot'] : []),
      ...(edits ? ['--edits', String(edits.edits), '--edit-file', edits.file] : []),
    ],
    { maxBuffer: 1 << 20, timeout: 600_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!);
}
