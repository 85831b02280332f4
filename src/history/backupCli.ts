// `npm run backup [-- FILE]`: copies the history database with SQLite's online backup API, which is safe while
// the bot writes (copying the file is not: it may catch a write halfway, and misses what is still in the WAL).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { configOrExit } from '../config/startupConfig.ts';
import { databasePath } from './openDatabase.ts';

const config = configOrExit();
const source = databasePath(config.STATE_DIR);
if (!existsSync(source)) {
  console.error(`no history database at ${source} (STATE_DIR=${config.STATE_DIR}): nothing to back up`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? path.join(config.STATE_DIR, 'backups', `dossier-${stamp}.db`);
if (existsSync(target)) {
  console.error(`${target} already exists: give another file name`);
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(target);
  const check = new Database(target, { readonly: true });
  const sets = (check.prepare('SELECT COUNT(*) AS n FROM change_sets').get() as { n: number }).n;
  check.close();
  console.log(`backed up ${source} to ${target} (${sets} change sets)`);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
