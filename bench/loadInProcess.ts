// One load of a data directory as the bot starts it (EngineHolder with a STATE_DIR), in a process of its own:
// a start or a restart is a new process, whose heap holds nothing but Dossier, while the bench's own process holds
// generated corpora and baselines that make every garbage collection there slower. Prints one JSON line: how long
// the load took and, with --wait-snapshot, how long the snapshot written after it took to appear.
import { stat } from 'node:fs/promises';
import { createLogger } from '../src/log/logger.ts';
import { EngineHolder } from '../src/runtime/engineHolder.ts';
import { snapshotFile } from '../src/runtime/snapshot.ts';

const [dataDir, stateDir, flag] = process.argv.slice(2);
if (!dataDir || !stateDir) throw new Error('usage: loadInProcess.ts DATA_DIR STATE_DIR [--wait-snapshot]');
const t0 = performance.now();
const holder = await EngineHolder.load(dataDir, createLogger({ level: 'silent' }), { stateDir });
const loadMs = performance.now() - t0;
let snapshotWriteMs = 0;
if (flag === '--wait-snapshot') {
  const t1 = performance.now();
  while ((await stat(snapshotFile(stateDir, dataDir)).catch(() => null)) === null)
    await new Promise((r) => setTimeout(r, 50));
  snapshotWriteMs = performance.now() - t1;
}
await holder.close();
console.log(JSON.stringify({ loadMs, snapshotWriteMs }));
