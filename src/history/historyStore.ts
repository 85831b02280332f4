// Reads and writes the history database: change sets, every version of every profile's text, the directory as
// last recorded, and the outbox of feed posts. Every row read back goes through zod.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Logger } from '../log/logger.ts';
import { runSteps, runStepsInSlices } from '../slices.ts';
import { type ChangeSet, type Changes, changesSchema, subjects } from './changeSet.ts';
import { type CheckpointResult, checkpointInWorker } from './checkpointInWorker.ts';

export interface CurrentProfile {
  versionId: number;
  file: string;
  hash: string;
}

export interface OutboxItem {
  id: number;
  changeSetId: number;
  channelId: string;
  nonce: string;
  attempts: number;
}

export interface ChangeSetQuery {
  /** `profile:<id>` and `code:<CODE>`: change sets about any of them. */
  subjects?: string[];
  since?: Date;
  offset: number;
  limit: number;
}

const changeSetRow = z.object({
  id: z.number(),
  recorded_at: z.string(),
  reason: z.string(),
  baseline: z.number(),
  profile_count: z.number(),
  changes: z.string(),
});

const outboxRow = z.object({
  id: z.number(),
  change_set_id: z.number(),
  channel_id: z.string(),
  nonce: z.string(),
  attempts: z.number(),
});

/** Discord takes a nonce of at most 25 characters; random, so a fresh database never reuses an old one. */
function newNonce(changeSetId: number): string {
  return `d${changeSetId.toString(36)}-${randomBytes(8).toString('hex')}`;
}

/** One change set as written: what changed, and each profile version and directory entry that is new. */
export interface ChangeSetWrite {
  recordedAt: Date;
  reason: string;
  baseline: boolean;
  profileCount: number;
  changes: Changes;
  /**
   * A text may be given as a function that reads it: a baseline writes thousands, read one at a time as each is
   * written rather than all held at once.
   */
  versions: { profileId: string; file: string; text: string | null | (() => string); hash: string | null }[];
  directory: { kind: 'actor' | 'category'; key: string; json: string | null }[];
  feedChannelId?: string;
}

/** SQLite's default: a commit that takes the write-ahead log past this many pages copies it into the database. */
const AUTO_CHECKPOINT_PAGES = 1000;

export class HistoryStore {
  /** The current profiles as of change set `after` (see currentProfiles). */
  private current: { after: number | null; profiles: Map<string, CurrentProfile> } | null = null;
  /** The directory's entries of each kind as of change set `after`. */
  private directories = new Map<string, { after: number | null; entries: Map<string, string> }>();

  /** The background checkpoint after the last sliced write, while one runs or once it ran. */
  checkpointing: Promise<CheckpointResult | null> = Promise.resolve(null);

  constructor(
    readonly db: Database,
    private readonly logger?: Logger,
  ) {}

  /** Runs `work` holding the write lock from the start: what it reads cannot change before it writes. */
  writing<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (err) {
      // Rolled back: what was remembered of the write is not so.
      this.current = null;
      this.directories.clear();
      throw err;
    }
  }

  /**
   * The same for a write too long for one turn of the event loop (a baseline of thousands of profiles): the
   * transaction stays open while `work` gives other work a turn. Only for a baseline, the first change set:
   * records run one at a time and there is no feed post yet to update, so no other write of this process comes
   * between; another process waits for the lock as it does for any write.
   */
  async writingInSlices<T>(work: () => Promise<T>): Promise<T> {
    try {
      // What so large a write leaves in the log is copied into the database by a worker thread, not by this one.
      this.db.pragma('wal_autocheckpoint = 0');
      this.db.exec('BEGIN IMMEDIATE');
      const result = await work();
      this.db.exec('COMMIT');
      this.checkpointing = this.checkpointAside();
      return result;
    } catch (err) {
      // The lock not taken (another process writing), or the write failed; a shutdown can also close the database
      // while the write waits for its next slice, and SQLite has then rolled it back.
      if (this.db.open) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      }
      this.current = null;
      this.directories.clear();
      throw err;
    }
  }

  /**
   * Checkpoints in a worker thread, then lets SQLite checkpoint as usual again. If the worker fails, the next
   * commit past the log's limit checkpoints here instead: slower for once, but nothing is lost.
   */
  private async checkpointAside(): Promise<CheckpointResult | null> {
    try {
      return this.db.memory ? null : await checkpointInWorker(this.db.name);
    } catch (err) {
      this.logger?.warn({ err }, 'could not checkpoint the history database in the background');
      return null;
    } finally {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    }
  }

  hasChangeSets(): boolean {
    return this.lastChangeSetId() !== null;
  }

  lastChangeSetId(): number | null {
    const row = this.db.prepare('SELECT MAX(id) AS id FROM change_sets').get() as { id: number | null };
    return row.id;
  }

  /** A profile's whole text just before and just after a change set (null where it did not exist). */
  textAround(profileId: string, changeSetId: number): { before: string | null; after: string | null } {
    const after = this.db
      .prepare(
        'SELECT text FROM profile_versions WHERE profile_id = ? AND change_set_id = ? ORDER BY id DESC',
      )
      .get(profileId, changeSetId) as { text: string | null } | undefined;
    const before = this.db
      .prepare(
        'SELECT text FROM profile_versions WHERE profile_id = ? AND change_set_id < ? AND text IS NOT NULL ORDER BY id DESC',
      )
      .get(profileId, changeSetId) as { text: string } | undefined;
    return { before: before?.text ?? null, after: after?.text ?? null };
  }

  /** The last version of every profile that is not removed. */
  currentProfiles(): ReadonlyMap<string, CurrentProfile> {
    // Remembered with the change set it follows: another process may have recorded since.
    const last = this.lastChangeSetId();
    if (this.current?.after === last) return this.current.profiles;
    const rows = this.db
      .prepare(
        `SELECT v.id, v.profile_id, v.file, v.hash FROM profile_versions v
         JOIN (SELECT profile_id, MAX(id) AS id FROM profile_versions GROUP BY profile_id) last ON last.id = v.id
         WHERE v.text IS NOT NULL`,
      )
      .all() as { id: number; profile_id: string; file: string; hash: string }[];
    const profiles = new Map(
      rows.map((r) => [r.profile_id, { versionId: r.id, file: r.file, hash: r.hash }]),
    );
    this.current = { after: last, profiles };
    return profiles;
  }

  textOf(versionId: number): string | null {
    const row = this.db.prepare('SELECT text FROM profile_versions WHERE id = ?').get(versionId) as
      | { text: string | null }
      | undefined;
    return row?.text ?? null;
  }

  /** Every version of a profile's text, oldest first (removals have no text). */
  versionsOf(profileId: string): { id: number; changeSetId: number; file: string; text: string | null }[] {
    return (
      this.db
        .prepare(
          'SELECT id, change_set_id, file, text FROM profile_versions WHERE profile_id = ? ORDER BY id',
        )
        .all(profileId) as { id: number; change_set_id: number; file: string; text: string | null }[]
    ).map((r) => ({ id: r.id, changeSetId: r.change_set_id, file: r.file, text: r.text }));
  }

  directory(kind: 'actor' | 'category'): ReadonlyMap<string, string> {
    const last = this.lastChangeSetId();
    const known = this.directories.get(kind);
    if (known?.after === last) return known.entries;
    const rows = this.db.prepare('SELECT key, json FROM directory_entries WHERE kind = ?').all(kind) as {
      key: string;
      json: string;
    }[];
    const entries = new Map(rows.map((r) => [r.key, r.json]));
    this.directories.set(kind, { after: last, entries });
    return entries;
  }

  /** Writes one change set; call inside `writing`. */
  insertChangeSet(input: ChangeSetWrite): number {
    return runSteps(this.insertSteps(input));
  }

  /** The same, giving other work a turn every few milliseconds; call inside `writingInSlices`. */
  insertChangeSetInSlices(input: ChangeSetWrite): Promise<number> {
    return runStepsInSlices(this.insertSteps(input));
  }

  /** The work of insertChangeSet, pausing (`yield`) after each profile version and directory entry. */
  private *insertSteps(input: ChangeSetWrite): Generator<void, number> {
    const { db } = this;
    const previous = this.lastChangeSetId();
    const id = Number(
      db
        .prepare(
          'INSERT INTO change_sets (recorded_at, reason, baseline, profile_count, changes) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          input.recordedAt.toISOString(),
          input.reason,
          input.baseline ? 1 : 0,
          input.profileCount,
          JSON.stringify(input.changes),
        ).lastInsertRowid,
    );
    const version = db.prepare(
      'INSERT INTO profile_versions (profile_id, file, change_set_id, text, hash) VALUES (?, ?, ?, ?, ?)',
    );
    const current = this.current?.after === previous ? this.current.profiles : null;
    for (const v of input.versions) {
      const text = typeof v.text === 'function' ? v.text() : v.text;
      const versionId = Number(version.run(v.profileId, v.file, id, text, v.hash).lastInsertRowid);
      if (text === null) current?.delete(v.profileId);
      else current?.set(v.profileId, { versionId, file: v.file, hash: v.hash! });
      yield;
    }
    this.current = current ? { after: id, profiles: current } : null;
    const upsert = db.prepare(
      `INSERT INTO directory_entries (kind, key, json, change_set_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json, change_set_id = excluded.change_set_id`,
    );
    const remove = db.prepare('DELETE FROM directory_entries WHERE kind = ? AND key = ?');
    for (const d of input.directory) {
      if (d.json === null) remove.run(d.kind, d.key);
      else upsert.run(d.kind, d.key, d.json, id);
      yield;
    }
    for (const [kind, known] of this.directories) {
      if (known.after !== previous) {
        this.directories.delete(kind);
        continue;
      }
      for (const d of input.directory.filter((e) => e.kind === kind)) {
        if (d.json === null) known.entries.delete(d.key);
        else known.entries.set(d.key, d.json);
      }
      known.after = id;
    }
    const subject = db.prepare('INSERT INTO change_set_subjects (change_set_id, subject) VALUES (?, ?)');
    for (const s of subjects(input.changes)) subject.run(id, s);
    if (input.feedChannelId) {
      const now = input.recordedAt.toISOString();
      db.prepare(
        'INSERT INTO outbox (change_set_id, channel_id, nonce, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, input.feedChannelId, newNonce(id), now, now);
    }
    return id;
  }

  changeSet(id: number): ChangeSet | null {
    const row = this.db.prepare('SELECT * FROM change_sets WHERE id = ?').get(id);
    return row === undefined ? null : toChangeSet(row);
  }

  lastRecordedAt(): Date | null {
    const row = this.db.prepare('SELECT recorded_at FROM change_sets ORDER BY id DESC LIMIT 1').get() as
      | { recorded_at: string }
      | undefined;
    return row ? new Date(row.recorded_at) : null;
  }

  lastChangeSet(): ChangeSet | null {
    const row = this.db.prepare('SELECT * FROM change_sets ORDER BY id DESC LIMIT 1').get();
    return row === undefined ? null : toChangeSet(row);
  }

  /** Newest first. Baselines are listed only when no subject filter applies (they name no one). */
  listChangeSets(query: ChangeSetQuery): { items: ChangeSet[]; total: number } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.since) {
      where.push('recorded_at >= ?');
      params.push(query.since.toISOString());
    }
    if (query.subjects) {
      where.push(
        `id IN (SELECT change_set_id FROM change_set_subjects WHERE subject IN (${query.subjects.map(() => '?').join(', ') || 'NULL'}))`,
      );
      params.push(...query.subjects);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM change_sets ${clause}`).get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`SELECT * FROM change_sets ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset);
    return { items: rows.map(toChangeSet), total };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Outbox

  nextDue(now: Date): OutboxItem | null {
    const row = this.db
      .prepare('SELECT * FROM outbox WHERE posted_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT 1')
      .get(now.toISOString());
    if (row === undefined) return null;
    const r = outboxRow.parse(row);
    return {
      id: r.id,
      changeSetId: r.change_set_id,
      channelId: r.channel_id,
      nonce: r.nonce,
      attempts: r.attempts,
    };
  }

  /** When the next pending post is due, or null when the outbox is empty. */
  nextAttemptAt(): Date | null {
    const row = this.db
      .prepare('SELECT MIN(next_attempt_at) AS at FROM outbox WHERE posted_at IS NULL')
      .get() as { at: string | null };
    return row.at ? new Date(row.at) : null;
  }

  pendingPosts(): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE posted_at IS NULL').get() as { n: number }
    ).n;
  }

  markPosted(id: number, messageId: string, at: Date): void {
    this.db
      .prepare('UPDATE outbox SET posted_at = ?, message_id = ?, attempts = attempts + 1 WHERE id = ?')
      .run(at.toISOString(), messageId, id);
  }

  markFailed(id: number, error: string, nextAttemptAt: Date): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(error.slice(0, 500), nextAttemptAt.toISOString(), id);
  }
}

function toChangeSet(row: unknown): ChangeSet {
  const r = changeSetRow.parse(row);
  return {
    id: r.id,
    recordedAt: new Date(r.recorded_at),
    reason: r.reason,
    baseline: r.baseline === 1,
    profileCount: r.profile_count,
    changes: changesSchema.parse(JSON.parse(r.changes)),
  };
}
