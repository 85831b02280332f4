// The baseline the render process replaced: a worker thread at nice +10 drawing maps in the bot's own process.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { renderRelationsMapPng } = await import('../src/render/relationsMap/png.ts');
try {
  // /proc/thread-self names this thread's id, whose nice value Linux keeps apart from the process's.
  os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), workerData.nice);
} catch {
  // Not Linux: the baseline runs at the process's priority.
}
parentPort.on('message', ({ id, model }) => {
  const { png, width, height } = renderRelationsMapPng(model);
  const own = new Uint8Array(png);
  parentPort.postMessage({ id, png: own, width, height }, [own.buffer]);
});
parentPort.postMessage({ ready: true });
