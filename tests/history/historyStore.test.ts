// The history database: migrations, opening (and moving a corrupt file aside), recording change sets, the
// outbox and the feed poster's retries.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoster, feedMessage, RETRY_BASE_MS, retryDelay } from '../../src/history/feedPoster.ts';
import { HistoryStore } from '../../src/history/historyStore.ts';
import { MIGRATIONS, migrate, NewerSchemaError, SCHEMA_VERSION } from '../../src/history/migrations.ts';
import { DATABASE_FILE, openHistoryDatabase } from '../../src/history/openDatabase.ts';
import { type RecordInput, recordChangeSet } from '../../src/history/recordChanges.ts';
import { createLogger } from '../../src/log/logger.ts';
import { page, source, sources } from './fixtures.ts';

const logger = createLogger({ level: 'silent' });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dossier-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('bring a new database to the latest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual([
      'change_set_subjects',
      'change_sets',
      'directory_entries',
      'outbox',
      'profile_versions',
    ]);
    expect(migrate(db)).toEqual([]);
  });

  it('upgrade a version 1 database in place, keeping its rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO change_sets (recorded_at, reason, baseline, profile_count, changes) VALUES ('2026-01-01T00:00:00.000Z', 'start', 1, 1, '{\"profiles\":[],\"directory\":[]}')",
    ).run();
    expect(tables(db)).not.toContain('outbox');
    expect(migrate(db)).toEqual([2]);
    expect(tables(db)).toContain('outbox');
    expect(new HistoryStore(db).lastChangeSet()).toMatchObject({ id: 1, baseline: true, reason: 'start' });
  });

  it('roll a failing migration back whole', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        description: 'broken',
        sql: 'CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuse a database from a newer Dossier', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
  });
});

describe('opening', () => {
  it('creates STATE_DIR and a WAL-mode database', () => {
    const stateDir = path.join(dir, 'state');
    const opened = openHistoryDatabase(stateDir, logger)!;
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(path.join(stateDir, DATABASE_FILE))).toBe(true);
    opened.db.close();
  });

  it('moves a corrupt database aside with a timestamp and starts a fresh one', () => {
    writeFileSync(
      path.join(dir, DATABASE_FILE),
      'this is not a database, it is a fictional shopping list\n'.repeat(200),
    );
    const opened = openHistoryDatabase(dir, logger)!;
    expect(opened.movedAside).toMatch(/dossier\.db\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
    expect(new HistoryStore(opened.db).hasChangeSets()).toBe(false);
    opened.db.close();
  });
});

describe('recording', () => {
  let store: HistoryStore;
  beforeEach(() => {
    store = new HistoryStore(openHistoryDatabase(dir, logger)!.db);
  });
  // A background checkpoint still writing into the directory would race its removal.
  afterEach(async () => {
    await store.checkpointing;
    store.db.close();
  });

  const input = (list: ReturnType<typeof source>[], extra: Partial<RecordInput> = {}): RecordInput => ({
    sources: sources(...list),
    directory: { actor: new Map(), category: new Map() },
    categoryNames: ['Allies', 'Partners', 'AAOs'],
    reason: 'test',
    ...extra,
  });

  it('records a baseline first, then nothing while nothing changes', async () => {
    const first = await recordChangeSet(
      store,
      input([source('marrow', page()), source('teller', page({ name: 'Teller' }))]),
    );
    expect(first).toMatchObject({
      baseline: true,
      profileCount: 2,
      changes: { profiles: [], directory: [] },
    });
    expect(
      await recordChangeSet(
        store,
        input([source('marrow', page()), source('teller', page({ name: 'Teller' }))]),
      ),
    ).toBeNull();
    expect(store.listChangeSets({ offset: 0, limit: 10 }).total).toBe(1);
  });

  it('records a change set, finds it by actor, and keeps every version of the text', async () => {
    await recordChangeSet(store, input([source('marrow', page())]));
    const moved = page({ relations: { Allies: ['TLR'], Partners: ['QRV'] } });
    const set = (await recordChangeSet(store, input([source('marrow', moved)])))!;
    expect(set.changes.profiles[0]!.details).toEqual([
      { kind: 'relationship', code: 'QRV', change: 'moved', from: 'AAOs', to: 'Partners' },
    ]);
    expect(
      store.listChangeSets({ subjects: ['profile:marrow'], offset: 0, limit: 5 }).items.map((s) => s.id),
    ).toEqual([set.id]);
    expect(store.listChangeSets({ subjects: ['code:QRV'], offset: 0, limit: 5 }).total).toBe(1);
    expect(store.listChangeSets({ subjects: ['code:TLR'], offset: 0, limit: 5 }).total).toBe(0);
    expect(store.versionsOf('marrow').map((v) => v.text)).toEqual([page(), moved]);
  });

  it('records a removal and keeps the removed text', async () => {
    await recordChangeSet(
      store,
      input([source('marrow', page()), source('teller', page({ name: 'Teller' }))]),
    );
    const set = (await recordChangeSet(store, input([source('marrow', page())])))!;
    expect(set.changes.profiles).toEqual([
      expect.objectContaining({ change: 'removed', profileId: 'teller' }),
    ]);
    const versions = store.versionsOf('teller');
    expect(versions.map((v) => v.text)).toEqual([page({ name: 'Teller' }), null]);
    expect(store.textAround('teller', set.id)).toEqual({ before: page({ name: 'Teller' }), after: null });
    expect(store.currentProfiles().has('teller')).toBe(false);
  });

  it('a second process recording the same data records it once', async () => {
    await recordChangeSet(store, input([source('marrow', page())]));
    const other = new HistoryStore(new Database(path.join(dir, DATABASE_FILE)));
    const changed = input([source('marrow', page({ summary: 'Marrow changed its mind.' }))]);
    expect(await recordChangeSet(other, changed)).not.toBeNull();
    expect(await recordChangeSet(store, changed)).toBeNull();
    other.db.close();
  });

  /** Enough text that writing it takes several slices of the event loop, however warm the process. */
  const manyProfiles = () =>
    Array.from({ length: 2000 }, (_, i) =>
      source(
        `actor-${i}`,
        page({ name: `Actor ${i}`, summary: 'Actor trades salt along the Sarn. '.repeat(200) }),
      ),
    );

  it('writes a large baseline a slice at a time, in one transaction', async () => {
    const many = manyProfiles();
    // Turns other work gets while the baseline's transaction is open: none if it were written in one go.
    let turnsInside = 0;
    let writing = true;
    const autoCheckpoints = new Set<unknown>();
    const tick = () => {
      if (store.db.inTransaction) {
        turnsInside++;
        autoCheckpoints.add(store.db.pragma('wal_autocheckpoint', { simple: true }));
      }
      if (writing) setImmediate(tick);
    };
    setImmediate(tick);
    const set = await recordChangeSet(store, input(many));
    writing = false;
    expect(set).toMatchObject({ baseline: true, profileCount: 2000 });
    expect(turnsInside).toBeGreaterThan(0);
    expect(store.db.inTransaction).toBe(false);
    expect(store.currentProfiles().size).toBe(2000);
    // Its log is copied into the database by a worker thread, with SQLite's own checkpoints off until then.
    expect([...autoCheckpoints]).toEqual([0]);
    const checkpoint = await store.checkpointing;
    expect(checkpoint).toMatchObject({ busy: 0 });
    expect(checkpoint!.checkpointed).toBe(checkpoint!.log);
    expect(checkpoint!.log).toBeGreaterThan(0);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // What another connection sees: every row of it.
    const other = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(other.prepare('SELECT COUNT(*) AS n FROM profile_versions').get()).toEqual({ n: 2000 });
    other.close();
  });

  it('a baseline that fails part-way leaves nothing behind', async () => {
    const many = manyProfiles();
    // A row the table refuses (its file must not be null), late in the list: rows before it were written.
    const broken = { ...many[1500]!, file: null as unknown as string };
    many[1500] = broken;
    await expect(recordChangeSet(store, input(many))).rejects.toThrow();
    expect(store.db.inTransaction).toBe(false);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(store.hasChangeSets()).toBe(false);
    expect(store.currentProfiles().size).toBe(0);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM profile_versions').get()).toEqual({ n: 0 });
    // And the next start records it whole.
    many[1500] = manyProfiles()[1500]!;
    expect(await recordChangeSet(store, input(many))).toMatchObject({ baseline: true, profileCount: 2000 });
  });

  it('a baseline cut short by the database closing (a shutdown) leaves nothing behind', async () => {
    const many = manyProfiles();
    const recording = recordChangeSet(store, input(many));
    // Closed as soon as the write has given other work a turn with its transaction open.
    const closeWhenOpen = () => (store.db.inTransaction ? store.db.close() : setImmediate(closeWhenOpen));
    setImmediate(closeWhenOpen);
    await expect(recording).rejects.toThrow();
    const reopened = new HistoryStore(openHistoryDatabase(dir, logger)!.db);
    expect(reopened.hasChangeSets()).toBe(false);
    expect(reopened.db.prepare('SELECT COUNT(*) AS n FROM profile_versions').get()).toEqual({ n: 0 });
    reopened.db.close();
    store = new HistoryStore(openHistoryDatabase(dir, logger)!.db); // for afterEach
  });

  it('a baseline that cannot take the write lock leaves SQLite checkpointing as usual', async () => {
    // Another process (a shard) holds the write lock past this connection's wait.
    const other = new Database(path.join(dir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    store.db.pragma('busy_timeout = 10');
    await expect(recordChangeSet(store, input(manyProfiles().slice(0, 10)))).rejects.toThrow(/locked|busy/i);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    other.exec('ROLLBACK');
    other.close();
  });

  it('queues a feed post only when a feed channel is set', async () => {
    await recordChangeSet(store, input([source('marrow', page())]));
    expect(store.pendingPosts()).toBe(0);
    await recordChangeSet(
      store,
      input([source('marrow', page({ summary: 'Changed.' }))], { feedChannelId: '123456789012345678' }),
    );
    expect(store.pendingPosts()).toBe(1);
  });
});

/** A short first retry, so the test does not wait out the product's two seconds. */
const RETRY_MS = 100;

describe('feed poster', () => {
  it('waits the first retry, then twice as long each time, up to ten minutes', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n))).toEqual([1, 2, 4, 8].map((k) => k * RETRY_BASE_MS));
    expect(retryDelay(30)).toBe(10 * 60_000);
    expect([0, 1].map((n) => retryDelay(n, RETRY_MS))).toEqual([RETRY_MS, 2 * RETRY_MS]);
  });

  it('marks a post done only once accepted, retrying a refusal with the same nonce and a backoff', async () => {
    const store = new HistoryStore(openHistoryDatabase(dir, logger)!.db);
    const set = (await recordChangeSet(store, {
      sources: sources(source('marrow', page())),
      directory: { actor: new Map(), category: new Map() },
      categoryNames: [],
      reason: 'test',
      feedChannelId: '123456789012345678',
    }))!;
    const sent: { channel: string; nonce: unknown }[] = [];
    let refuse = true;
    const poster = new FeedPoster(
      store,
      {
        postMessage: async (channel, body) => {
          sent.push({ channel, nonce: body.nonce });
          if (refuse) throw Object.assign(new Error('Missing Access'), { status: 403, code: 50001 });
          return { id: '999' };
        },
      },
      logger,
      undefined,
      RETRY_MS,
    );
    const before = Date.now();
    poster.kick();
    await expect.poll(() => sent.length).toBe(1);
    await expect.poll(() => store.nextAttemptAt()?.getTime() ?? 0).toBeGreaterThanOrEqual(before + RETRY_MS);
    expect(store.pendingPosts()).toBe(1);
    refuse = false;
    await expect.poll(() => store.pendingPosts(), { timeout: RETRY_MS + 3000 }).toBe(0);
    poster.stop();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.nonce).toBe(sent[0]!.nonce);
    expect(feedMessage(set, 'n')).toMatchObject({
      content: 'baseline recorded: 1 profile',
      allowed_mentions: { parse: [] },
      enforce_nonce: true,
    });
    store.db.close();
  });
});
