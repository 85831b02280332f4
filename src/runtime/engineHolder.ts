// Holds the Engine every request reads, and replaces it on reload. A reload builds the new Engine beside the
// old one and swaps one reference; bad data keeps the last good Engine serving.
import { buildEngine, type Engine } from '../engine.ts';
import type { Logger } from '../log/logger.ts';
import { counted } from '../plural.ts';
import { errorCount } from '../profiles/corpus.ts';
import { formatDiagnostic, sortDiagnostics } from '../profiles/formatDiagnostic.ts';
import { loadCorpus } from '../profiles/loadCorpus.ts';
import { eachInSlices } from '../slices.ts';

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
}

export class EngineHolder {
  readonly status: Status;
  private running: Promise<ReloadOutcome> | null = null;
  private again = false;

  private constructor(
    public engine: Engine,
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {
    this.status = { startedAt: new Date() };
  }

  /** First load: files with errors are skipped (and logged) so the team still gets the rest. */
  static async load(dataDir: string, logger: Logger): Promise<EngineHolder> {
    const started = performance.now();
    const corpus = await loadCorpus(dataDir);
    await logDiagnostics(logger, corpus.diagnostics);
    const engine = await buildEngine(corpus);
    const holder = new EngineHolder(engine, dataDir, logger);
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
        ms,
      },
      'data loaded',
    );
    return holder;
  }

  /** Reloads; calls made while one runs are folded into one more run after it. */
  reload(reason: string): Promise<ReloadOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.reloadOnce(reason).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.reload('changes during the last reload');
      }
    });
    return this.running;
  }

  private async reloadOnce(reason: string): Promise<ReloadOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const corpus = await loadCorpus(this.dataDir);
      await logDiagnostics(this.logger, corpus.diagnostics);
      const errors = errorCount(corpus);
      if (errors > 0) {
        const message = `${errors} ${errors === 1 ? 'error' : 'errors'} in the data; still serving the data loaded ${this.engine.corpus.loadedAt.toISOString()}`;
        this.status.lastReload = { at: new Date(), ok: false, message };
        this.logger.error({ reason, errors, ms: ms() }, `reload refused: ${message}`);
        return { ok: false, message, profiles: this.engine.corpus.profiles.length, ms: ms() };
      }
      this.engine = await buildEngine(corpus);
      const message = `loaded ${counted(corpus.profiles.length, 'profile')}`;
      this.status.lastReload = { at: new Date(), ok: true, message };
      this.logger.info(
        { reason, profiles: corpus.profiles.length, warnings: corpus.diagnostics.length, ms: ms() },
        'data reloaded',
      );
      return { ok: true, message, profiles: corpus.profiles.length, ms: ms() };
    } catch (err) {
      const message = `reload failed: ${(err as Error).message}`;
      this.status.lastReload = { at: new Date(), ok: false, message };
      this.logger.error({ reason, err, ms: ms() }, message);
      return { ok: false, message, profiles: this.engine.corpus.profiles.length, ms: ms() };
    }
  }
}

/** One line per problem; thousands of them (a directory missing many actors) are written a slice at a time. */
async function logDiagnostics(
  logger: Logger,
  diagnostics: Parameters<typeof sortDiagnostics>[0],
): Promise<void> {
  await eachInSlices(sortDiagnostics(diagnostics), (d) => {
    const line = formatDiagnostic(d);
    if (d.severity === 'error') logger.error({ file: d.file, line: d.line }, line);
    else logger.warn({ file: d.file, line: d.line }, line);
  });
}
