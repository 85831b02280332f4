// The history database's schema, as numbered migrations. `PRAGMA user_version` says how many have run; each
// runs once, in order, inside a transaction, so a database is always at one version and never half-migrated.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'change sets, every version of every profile, directory entries',
    sql: `
      CREATE TABLE change_sets (
        id            INTEGER PRIMARY KEY,
        recorded_at   TEXT    NOT NULL,
        reason        TEXT    NOT NULL,
        baseline      INTEGER NOT NULL DEFAULT 0,
        profile_count INTEGER NOT NULL,
        changes       TEXT    NOT NULL
      );
      -- One row per version of a profile's file; a removal is a row with no text.
      CREATE TABLE profile_versions (
        id            INTEGER PRIMARY KEY,
        profile_id    TEXT    NOT NULL,
        file          TEXT    NOT NULL,
        change_set_id INTEGER NOT NULL REFERENCES change_sets(id),
        text          TEXT,
        hash          TEXT
      );
      CREATE INDEX profile_versions_by_profile ON profile_versions (profile_id, id);
      -- The last recorded state of each directory entry; a removal deletes its row.
      CREATE TABLE directory_entries (
        kind          TEXT    NOT NULL,
        key           TEXT    NOT NULL,
        json          TEXT    NOT NULL,
        change_set_id INTEGER NOT NULL REFERENCES change_sets(id),
        PRIMARY KEY (kind, key)
      );
      -- What a change set is about (profile:<id>, code:<CODE>), for /changes <actor>.
      CREATE TABLE change_set_subjects (
        change_set_id INTEGER NOT NULL REFERENCES change_sets(id),
        subject       TEXT    NOT NULL,
        PRIMARY KEY (subject, change_set_id)
      );
    `,
  },
  {
    version: 2,
    description: 'outbox of feed posts',
    sql: `
      -- A post is done only once Discord has accepted it; until then it is retried, with the same nonce.
      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        change_set_id   INTEGER NOT NULL REFERENCES change_sets(id),
        channel_id      TEXT    NOT NULL,
        nonce           TEXT    NOT NULL UNIQUE,
        created_at      TEXT    NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT    NOT NULL,
        last_error      TEXT,
        posted_at       TEXT,
        message_id      TEXT
      );
      CREATE INDEX outbox_pending ON outbox (posted_at, next_attempt_at);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class NewerSchemaError extends Error {}

/** Brings the database up to SCHEMA_VERSION; returns the versions it applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest)
    throw new NewerSchemaError(
      `the history database is at schema version ${current}, newer than this Dossier knows (${latest})`,
    );
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
