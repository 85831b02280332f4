// Entry point of the worker thread that copies the write-ahead log into the history database (see
// checkpointInWorker.ts). Plain JavaScript: a worker does not get the parent's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { timeout: workerData.timeoutMs });
try {
  // PASSIVE: copies what it can without waiting for readers or holding up the bot's own connection.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage(result);
} finally {
  db.close();
}
