// Copies the history database's write-ahead log into the database file from a worker thread. A baseline writes
// every profile's text, tens of megabytes at ten thousand profiles; SQLite's own checkpoint, run by the commit
// that takes the log past its limit, copied them on the bot's thread and held its event loop for a third of a
// second. The worker has a connection of its own: SQLite lets one connection checkpoint while others read and
// write, and a checkpoint that stops half-way (the process ends) loses nothing.
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { BUILT } from '../projectFiles.ts';

const resultSchema = z.object({ busy: z.number(), log: z.number(), checkpointed: z.number() });
export type CheckpointResult = z.infer<typeof resultSchema>;

/** How long the worker's connection waits for a lock, as the bot's own does. */
const TIMEOUT_MS = 5000;

export function checkpointInWorker(file: string): Promise<CheckpointResult> {
  return new Promise((resolve, reject) => {
    const script = BUILT
      ? new URL('./checkpointWorker.js', import.meta.url)
      : new URL('./checkpointWorker.mjs', import.meta.url);
    const worker = new Worker(script, {
      workerData: { file, timeoutMs: TIMEOUT_MS },
      execArgv: [],
    });
    let result: CheckpointResult | undefined;
    worker.once('message', (message) => {
      const parsed = resultSchema.safeParse(message);
      if (parsed.success) result = parsed.data;
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the checkpoint worker stopped (exit code ${code})`)),
    );
  });
}
