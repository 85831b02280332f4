// One load of a data directory as the bot starts it (EngineHolder with a STATE_DIR), in a process of its own:
// a start or a restart is a new process, whose heap holds nothing but Dossier, while the bench's own process holds
// generated corpora and baselines that make every garbage collection there slower. With --edits, the profile file
// named by --edit-file is then edited that many times, each edit reloaded as the bot's watcher would, in this same
// process: a bot's reloads run beside nothing but the bot. Prints one JSON line: how long the load took, with
// --wait-snapshot how long the snapshot written after it took to appear, and for edits how long each took until
// /search found its new word and the heap after the load, the first edit and the last (edits need --expose-gc).
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/log/logger.ts';
import { PROFILES_DIR } from '../src/profiles/loadCorpus.ts';
import { EngineHolder } from '../src/runtime/engineHolder.ts';
import { snapshotFile } from '../src/runtime/snapshot.ts';
import { settledHeap } from './stats.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'wait-snapshot': { type: 'boolean', default: false },
    edits: { type: 'string', default: '0' },
    'edit-file': { type: 'string' },
  },
});
const [dataDir, stateDir] = positionals;
if (!dataDir || !stateDir)
  throw new Error(
    'usage: loadInProcess.ts DATA_DIR STATE_DIR [--wait-snapshot] [--edits N --edit-file NAME]',
  );

const t0 = performance.now();
const holder = await EngineHolder.load(dataDir, createLogger({ level: 'silent' }), { stateDir });
const loadMs = performance.now() - t0;
let snapshotWriteMs = 0;
if (values['wait-snapshot']) {
  const t1 = performance.now();
  while ((await stat(snapshotFile(stateDir, dataDir)).catch(() => null)) === null)
    await new Promise((r) => setTimeout(r, 50));
  snapshotWriteMs = performance.now() - t1;
}
await holder.close();

const edits = Number(values.edits);
const editMs: number[] = [];
const heapAfterLoad = edits > 0 ? settledHeap() : 0;
let heapAfterOne = 0;
if (edits > 0) {
  if (!values['edit-file']) throw new Error('--edits needs --edit-file');
  const full = path.join(dataDir, PROFILES_DIR, values['edit-file']);
  for (let i = 1; i <= edits; i++) {
    const word = `zqxedit${i}`;
    const text = await readFile(full, 'utf8');
    await writeFile(full, text.replace(/\nProfile\n\n/, `\nProfile\n\nA ${word} sentence. `));
    const t1 = performance.now();
    await holder.reload('bench edit');
    editMs.push(performance.now() - t1);
    if (holder.engine.sections.search(word).total === 0) throw new Error(`edit ${i} is not searchable`);
    await holder.close();
    if (i === 1) heapAfterOne = settledHeap();
  }
}
const heapAfterLast = edits > 0 ? settledHeap() : 0;
console.log(JSON.stringify({ loadMs, snapshotWriteMs, editMs, heapAfterLoad, heapAfterOne, heapAfterLast }));
