// Opens the history database in STATE_DIR: WAL mode, schema migrated. A database that is corrupt, unreadable or
// from a newer Dossier is moved aside with a timestamp and a fresh one started, so the bot keeps serving; when
// even that fails (a read-only disk), Dossier runs without history and says so.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import type { Logger } from '../log/logger.ts';
import { migrate } from './migrations.ts';

export const DATABASE_FILE = 'dossier.db';
/** How long a write waits for another process (another shard) to finish its own. */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenedDatabase {
  db: SqliteDatabase;
  file: string;
  /** Where a corrupt database was moved, when one was. */
  movedAside?: string;
}

export function databasePath(stateDir: string): string {
  return path.join(stateDir, DATABASE_FILE);
}

/** Opens, checks and migrates; throws when the file cannot be used as it is. */
export function openChecked(file: string): SqliteDatabase {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL with synchronous=NORMAL is durable against a process crash, which is what the outbox relies on.
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function openHistoryDatabase(stateDir: string, logger: Logger): OpenedDatabase | null {
  const file = databasePath(stateDir);
  try {
    mkdirSync(stateDir, { recursive: true });
  } catch (err) {
    logger.error({ err, stateDir }, 'cannot create STATE_DIR: running without history');
    return null;
  }
  try {
    return { db: openChecked(file), file };
  } catch (err) {
    const movedAside = moveAside(file, logger);
    if (!movedAside) return null;
    logger.error(
      { err: { message: (err as Error).message, code: (err as { code?: string }).code }, file, movedAside },
      'history database unusable: moved aside, starting a fresh one',
    );
    try {
      return { db: openChecked(file), file, movedAside };
    } catch (again) {
      logger.error({ err: again, file }, 'cannot start a fresh history database: running without history');
      return null;
    }
  }
}

/** Renames the database and its WAL files to `<name>.corrupt-<time>`; returns the new name of the database. */
function moveAside(file: string, logger: Logger): string | null {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  try {
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
    return target;
  } catch (err) {
    logger.error({ err, file }, 'cannot move the unusable history database aside: running without history');
    return null;
  }
}
