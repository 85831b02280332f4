// A large actors.yaml holds the YAML parser for a long time (about a second for 10,000 actors), which a bot must
// not spend on its event loop while it answers interactions. Large directories are parsed in a worker thread,
// with the very same parseDirectory; small ones, and any case where a worker cannot start, in place.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BUILT } from '../projectFiles.ts';
import { type Directory, parseDirectory } from './directory.ts';
import type { Diagnostic } from './schema.ts';

/** Below this size (a few hundred actors, parsed in a few milliseconds) a worker costs more than it saves. */
export const OFF_THREAD_CHARS = 32 * 1024;

type Parsed = { directory: Directory; diagnostics: Diagnostic[] };

export async function parseDirectoryOffThread(text: string, file: string): Promise<Parsed> {
  if (text.length < OFF_THREAD_CHARS) return parseDirectory(text, file);
  try {
    return await inWorker(text, file);
  } catch {
    return parseDirectory(text, file);
  }
}

function inWorker(text: string, file: string): Promise<Parsed> {
  const worker = BUILT
    ? new Worker(new URL('./directoryWorker.js', import.meta.url), { workerData: { text, file } })
    : sourceWorker(text, file);
  return new Promise<Parsed>((resolve, reject) => {
    worker.once('message', (parsed: Parsed) => resolve(parsed));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`directory worker exited with code ${code}`)));
  }).finally(() => void worker.terminate());
}

/** From the sources the worker runs TypeScript like the rest of Dossier: through tsx, registered in the worker. */
function sourceWorker(text: string, file: string): Worker {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const script = fileURLToPath(new URL('./directoryWorker.ts', import.meta.url));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(script)});`, {
    eval: true,
    workerData: { text, file },
  });
}
