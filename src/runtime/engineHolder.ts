// Holds the Engine every request reads, and replaces it on reload. A reload re-reads the data directory, re-parses
// only the files whose bytes changed, and re-indexes only what reads differently; bad data keeps the last good
// Engine serving.
import { buildEngine, type Engine, updateEngine } from '../engine.ts';
import type { Logger } from '../log/logger.ts';
import { counted } from '../plural.ts';
import { assembleCorpusInSlices, errorCount } from '../profiles/corpus.ts';
import { type DataChanges, dataChanges, everythingAdded, hasChanges } from '../profiles/dataChanges.ts';
import { describeKind, diagnosticKinds } from '../profiles/diagnosticKinds.ts';
import { EMPTY_DIRECTORY } from '../profiles/directory.ts';
import { formatDiagnostic, sortDiagnostics } from '../profiles/formatDiagnostic.ts';
import { type ChangedFiles, type LoadedFiles, loadData } from '../profiles/loadCorpus.ts';
import type { Diagnostic } from '../profiles/schema.ts';
import { releaseBuffer } from '../releaseBuffer.ts';
import { SectionIndex } from '../search/sectionIndex.ts';
import { eachInSlices, Slicer } from '../slices.ts';
import {
  CancellableSlicer,
  readSnapshot,
  SnapshotCancelled,
  setAside,
  snapshotFile,
  writeSnapshot,
} from './snapshot.ts';
import { snapshotVersion } from './snapshotVersion.ts';

/** What the running bot knows of itself, as /help and the health endpoint report it. */
export interface Status {
  startedAt: Date;
  lastReload?: { at: Date; ok: boolean; message: string };
}

export interface ReloadOutcome {
  ok: boolean;
  message: string;
  profiles: number;
  ms: number;
  /** What this reload changed; absent when it was refused or failed. */
  changes?: DataChanges;
}

/** A successful load: what is served now, and what changed from what was served before. */
export interface DataLoad {
  engine: Engine;
  changes: DataChanges;
  reason: string;
  at: Date;
}

export class EngineHolder {
  readonly status: Status;
  /** The latest successful load (the first load counts every profile as added). */
  lastLoad: DataLoad;
  private running: Promise<ReloadOutcome> | null = null;
  /** What calls made during the running reload named: the next run looks at it. */
  private again: ChangedFiles | null = null;
  /** What the last reload looked at when it was refused or failed (the data served does not reflect it). */
  private unsettled: ChangedFiles | null = null;
  private readonly listeners = new Set<(load: DataLoad) => void>();
  /** The snapshot being written, and whether a reload asked it to stop (it reads the index as it goes). */
  private snapshotting: Promise<void> | null = null;
  private snapshotStop = false;
  private snapshotTimer: NodeJS.Timeout | null = null;

  private constructor(
    public engine: Engine,
    private files: LoadedFiles,
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly snapshotPath: string | null,
    changes: DataChanges,
  ) {
    this.status = { startedAt: new Date() };
    this.lastLoad = { engine, changes, reason: 'start', at: new Date() };
  }

  /**
   * First load: files with errors are skipped (and logged) so the team still gets the rest. With a STATE_DIR, a
   * snapshot of the last index is loaded and only what changed since is re-parsed and re-indexed; the snapshot
   * is then brought up to date in the background.
   */
  static async load(
    dataDir: string,
    logger: Logger,
    options: { stateDir?: string } = {},
  ): Promise<EngineHolder> {
    const started = performance.now();
    const file = options.stateDir ? snapshotFile(options.stateDir, dataDir) : null;
    const snapshot = file ? await readSnapshot(file, snapshotVersion(), logger) : null;
    const { corpus, files } = await loadData(dataDir, snapshot?.files);
    await logDiagnostics(logger, corpus.diagnostics);
    let engine: Engine | null = null;
    let changes = everythingAdded(corpus);
    let fromSnapshot = false;
    if (snapshot && file) {
      try {
        // With no file changed since, the corpus just loaded is the one the snapshot was built from.
        const saved = sameFiles(snapshot.files, files)
          ? corpus
          : await assembleCorpusInSlices({
              profiles: [...snapshot.files.profiles.values()].flatMap((f) => (f.profile ? [f.profile] : [])),
              directory: snapshot.files.directory?.directory ?? EMPTY_DIRECTORY,
              teams: [],
              diagnostics: [],
            });
        const sections = await SectionIndex.restore(snapshot.sections, saved);
        changes = dataChanges({ corpus: saved, files: snapshot.files }, { corpus, files });
        await updateEngine(
          { corpus: saved, sections },
          corpus,
          (e) => {
            engine = e;
          },
          Number.POSITIVE_INFINITY,
        );
        fromSnapshot = true;
      } catch (err) {
        await setAside(file, (err as Error).message, logger);
      }
    }
    engine ??= await buildEngine(corpus);
    const holder = new EngineHolder(engine, files, dataDir, logger, file, changes);
    if (!fromSnapshot || hasChanges(changes)) holder.saveSnapshot(0);
    const ms = Math.round(performance.now() - started);
    holder.status.lastReload = {
      at: new Date(),
      ok: true,
      message: `loaded ${counted(corpus.profiles.length, 'profile')}`,
    };
    logger.info(
      {
        profiles: corpus.profiles.length,
        actors: corpus.actors.length,
        diagnostics: corpus.diagnostics.length,
        index: fromSnapshot ? `from snapshot (${describeChanges(changes)} since)` : 'built',
        ms,
      },
      'data loaded',
    );
    return holder;
  }

  /** Called after each successful reload, once the new data is served; returns how to stop listening. */
  onLoad(listener: (load: DataLoad) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reloads; calls made while one runs are folded into one more run after it, which looks at every file any of
   * them named. `changed`: the profile files that may have changed (a watcher's names), or all of them.
   */
  reload(reason: string, changed: ChangedFiles = 'all'): Promise<ReloadOutcome> {
    if (this.running) {
      this.again = this.again ? unionOf(this.again, changed) : changed;
      return this.running;
    }
    this.running = this.reloadOnce(reason, changed).finally(() => {
      this.running = null;
      const again = this.again;
      if (again) {
        this.again = null;
        void this.reload('changes during the last reload', again);
      }
    });
    return this.running;
  }

  /**
   * Writes the snapshot after `delayMs` (several reloads in a row write it once). A reload that starts meanwhile
   * stops the write first: the write reads the index, which the reload changes.
   */
  private saveSnapshot(delayMs: number): void {
    if (!this.snapshotPath) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.writeSnapshotNow();
    }, delayMs);
    this.snapshotTimer.unref();
  }

  private async writeSnapshotNow(): Promise<void> {
    const file = this.snapshotPath;
    if (!file) return;
    if (this.running) {
      this.saveSnapshot(SNAPSHOT_DELAY_MS);
      return;
    }
    await this.stopSnapshot();
    const started = performance.now();
    this.snapshotStop = false;
    const { engine, files } = this;
    const cancelled = () => this.snapshotStop;
    // A reload waits for this write to stop before it changes the index in place, which the save reads.
    this.snapshotting = engine.sections
      .save(new CancellableSlicer(cancelled))
      .then((sections) =>
        writeSnapshot(file, snapshotVersion(), { files, sections }, cancelled).finally(() => {
          // The saved index is a copy made for this write: tens of megabytes, freed now.
          releaseBuffer(sections.index.postings);
          releaseBuffer(sections.index.lengths);
        }),
      )
      .then(() =>
        this.logger.info({ file, ms: Math.round(performance.now() - started) }, 'index snapshot saved'),
      )
      .catch((err) => {
        if (err instanceof SnapshotCancelled) return;
        this.logger.warn({ file, err }, 'index snapshot not saved; the next start rebuilds the index');
      })
      .finally(() => {
        this.snapshotting = null;
      });
    await this.snapshotting;
  }

  private async stopSnapshot(): Promise<void> {
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = null;
    }
    this.snapshotStop = true;
    await this.snapshotting;
  }

  /** Stops writing snapshots (at shutdown): a write in progress is abandoned, the previous snapshot stays. */
  async close(): Promise<void> {
    await this.stopSnapshot();
  }

  private async reloadOnce(reason: string, named: ChangedFiles): Promise<ReloadOutcome> {
    // Files named to a reload that did not go through are still unlike what is served: looked at again.
    const changed = this.unsettled ? unionOf(this.unsettled, named) : named;
    this.unsettled = changed;
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let wantSnapshot = this.snapshotTimer !== null || this.snapshotting !== null;
    try {
      // Where a reload's time went, in the log line that ends it: a slow one says which step to look at.
      const steps: Record<string, number> = {};
      let stepStart = performance.now();
      const step = (name: string) => {
        const now = performance.now();
        steps[name] = Math.round(now - stepStart);
        stepStart = now;
      };
      await this.stopSnapshot();
      step('snapshotStop');
      const loaded = await loadData(this.dataDir, this.files, changed);
      step('read');
      const { corpus } = loaded;
      await logDiagnostics(this.logger, corpus.diagnostics);
      step('diagnostics');
      const errors = errorCount(corpus);
      if (errors > 0) {
        const message = `${counted(errors, 'error')} in the data; still serving the data loaded ${this.engine.corpus.loadedAt.toISOString()}`;
        this.status.lastReload = { at: new Date(), ok: false, message };
        this.logger.error({ reason, errors, ms: ms() }, `reload refused: ${message}`);
        return { ok: false, message, profiles: this.engine.corpus.profiles.length, ms: ms() };
      }
      const changes = dataChanges({ corpus: this.engine.corpus, files: this.files }, loaded);
      await new Slicer(0).pause();
      step('diff');
      // Even with nothing changed the new corpus is swapped in (it says when the data was last read); only the
      // actor index, names and graph are rebuilt then.
      const update = await updateEngine(this.engine, corpus, (engine) => {
        this.engine = engine;
        this.files = loaded.files;
        this.unsettled = null;
      });
      step('index');
      const message = `loaded ${counted(this.engine.corpus.profiles.length, 'profile')}`;
      this.status.lastReload = { at: new Date(), ok: true, message };
      this.logger.info(
        {
          reason,
          filesNamed: changed === 'all' ? 'all' : changed.size,
          profiles: this.engine.corpus.profiles.length,
          warnings: corpus.diagnostics.length,
          changes: describeChanges(changes),
          index: update.mode,
          sectionsReindexed: update.sectionsReindexed,
          ms: ms(),
          steps,
        },
        'data reloaded',
      );
      wantSnapshot ||= hasChanges(changes);
      if (hasChanges(changes)) {
        this.lastLoad = { engine: this.engine, changes, reason, at: new Date() };
        for (const listener of this.listeners) listener(this.lastLoad);
      }
      return { ok: true, message, profiles: this.engine.corpus.profiles.length, ms: ms(), changes };
    } catch (err) {
      const message = `reload failed: ${(err as Error).message}`;
      this.status.lastReload = { at: new Date(), ok: false, message };
      this.logger.error({ reason, err, ms: ms() }, message);
      return { ok: false, message, profiles: this.engine.corpus.profiles.length, ms: ms() };
    } finally {
      if (wantSnapshot) this.saveSnapshot(SNAPSHOT_DELAY_MS);
    }
  }
}

/** Whether two loads read the same bytes in every file (their profile files' parses are reused, or equal). */
function sameFiles(a: LoadedFiles, b: LoadedFiles): boolean {
  if (a.profiles.size !== b.profiles.size) return false;
  if (a.directory?.hash !== b.directory?.hash || a.teams?.hash !== b.teams?.hash) return false;
  for (const [name, file] of a.profiles) {
    const other = b.profiles.get(name);
    if (other !== file && other?.hash !== file.hash) return false;
  }
  return true;
}

/** Quiet time after a reload before the snapshot is written, so a burst of edits writes it once. */
const SNAPSHOT_DELAY_MS = 2000;

/** `1 added, 2 changed, directory changed`. */
export function describeChanges(changes: DataChanges): string {
  const parts = [
    changes.added.length > 0 ? `${changes.added.length} added` : '',
    changes.removed.length > 0 ? `${changes.removed.length} removed` : '',
    changes.changed.length > 0 ? `${changes.changed.length} changed` : '',
    changes.directoryChanged ? 'directory changed' : '',
    changes.teamsChanged ? 'teams changed' : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing changed';
}

/**
 * Errors (which refuse a reload, and are few) one line each; warnings one line per kind at info, with the count
 * and the first few file:lines, and each one at debug. Written a slice at a time: there may be thousands.
 */
async function logDiagnostics(logger: Logger, diagnostics: readonly Diagnostic[]): Promise<void> {
  for (const kind of diagnosticKinds(diagnostics)) {
    if (kind.severity === 'warning') logger.info({ warnings: kind.count, at: kind.at }, describeKind(kind));
  }
  // Sorting a hundred thousand warnings costs a second: only what is logged one by one is sorted.
  const debug = logger.isLevelEnabled('debug');
  const oneByOne = debug ? diagnostics : diagnostics.filter((d) => d.severity === 'error');
  await eachInSlices(sortDiagnostics(oneByOne), (d) => {
    if (d.severity === 'error') logger.error({ file: d.file, line: d.line }, formatDiagnostic(d));
    else logger.debug({ file: d.file, line: d.line }, formatDiagnostic(d));
  });
}

function unionOf(a: ChangedFiles, b: ChangedFiles): ChangedFiles {
  return a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]);
}
