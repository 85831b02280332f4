// Dossier's memory of its data: opens the history database, records a change set after each successful load
// (one at a time, in order), and says how things stand for /help and /healthz. Without a usable database the
// bot still serves; /changes then says history is unavailable.
import type { Logger } from '../log/logger.ts';
import { counted } from '../plural.ts';
import type { Corpus } from '../profiles/corpus.ts';
import type { Profile } from '../profiles/schema.ts';
import type { ChangeSet } from './changeSet.ts';
import { HistoryStore } from './historyStore.ts';
import { openHistoryDatabase } from './openDatabase.ts';
import { directorySnapshot, type KnownSource, readSources, recordChangeSet } from './recordChanges.ts';

export interface HistoryStatus {
  available: boolean;
  lastChangeSetAt: string | null;
  /** Feed posts not yet accepted by Discord. */
  outboxPending: number;
}

export interface HistoryOptions {
  stateDir: string;
  dataDir: string;
  logger: Logger;
  /** CHANGES_CHANNEL_ID: each change set is queued for posting there. */
  feedChannelId?: string;
}

export class History {
  private queue: Promise<unknown> = Promise.resolve();
  /** Each profile object's file and text hash when last read: an unchanged profile is not read again. */
  private readonly known = new WeakMap<Profile, KnownSource>();
  private readonly listeners = new Set<(set: ChangeSet) => void>();

  private constructor(
    readonly store: HistoryStore | null,
    private readonly options: HistoryOptions,
  ) {}

  static open(options: HistoryOptions): History {
    const opened = openHistoryDatabase(options.stateDir, options.logger);
    return new History(opened ? new HistoryStore(opened.db, options.logger) : null, options);
  }

  /** Called after each change set is written (the feed poster listens). */
  onRecorded(listener: (set: ChangeSet) => void): void {
    this.listeners.add(listener);
  }

  /** Records what `corpus` changed since the last record; runs after any record still in progress. */
  record(corpus: Corpus, reason: string): Promise<ChangeSet | null> {
    const run = this.queue.then(() => this.recordNow(corpus, reason));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async recordNow(corpus: Corpus, reason: string): Promise<ChangeSet | null> {
    const { store } = this;
    const { logger } = this.options;
    if (!store) return null;
    try {
      const started = performance.now();
      const sources = await readSources(this.options.dataDir, corpus, this.known);
      const set = await recordChangeSet(store, {
        sources,
        directory: await directorySnapshot(corpus),
        categoryNames: corpus.categories.map((c) => c.name),
        reason,
        feedChannelId: this.options.feedChannelId,
      });
      const ms = Math.round(performance.now() - started);
      if (!set) {
        logger.debug({ reason, ms }, 'no changes to record');
        return null;
      }
      if (set.baseline)
        logger.info(
          { changeSet: set.id, profiles: set.profileCount, ms },
          `baseline recorded: ${counted(set.profileCount, 'profile')}`,
        );
      else
        logger.info(
          {
            changeSet: set.id,
            reason,
            profiles: set.changes.profiles.length,
            directory: set.changes.directory.length,
            ms,
          },
          'change set recorded',
        );
      for (const listener of this.listeners) listener(set);
      return set;
    } catch (err) {
      logger.error({ err, reason }, 'could not record the change set');
      return null;
    }
  }

  status(): HistoryStatus {
    if (!this.store) return { available: false, lastChangeSetAt: null, outboxPending: 0 };
    try {
      return {
        available: true,
        lastChangeSetAt: this.store.lastRecordedAt()?.toISOString() ?? null,
        outboxPending: this.store.pendingPosts(),
      };
    } catch {
      return { available: false, lastChangeSetAt: null, outboxPending: 0 };
    }
  }

  close(): void {
    this.store?.db.close();
  }
}
