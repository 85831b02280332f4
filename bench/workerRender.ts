// Drawing in a worker thread of the calling process, as maps were drawn before the render process: the same-run
// baseline for the render process's figures.
import { Worker } from 'node:worker_threads';
import type { RelationsMapModel } from '../src/render/relationsMap/model.ts';
import type { MapPicture } from '../src/render/relationsMap/renderProcess.ts';
import { RENDER_NICE } from '../src/render/relationsMap/renderProcess.ts';

export interface WorkerRender {
  render(model: RelationsMapModel): Promise<MapPicture>;
  close(): Promise<void>;
}

export async function startWorkerRender(): Promise<WorkerRender> {
  const worker = new Worker(new URL('./workerRenderEntry.mjs', import.meta.url), {
    workerData: { nice: RENDER_NICE },
  });
  const waiting = new Map<number, (picture: MapPicture) => void>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on(
      'message',
      (m: { ready?: true; id: number; png: Uint8Array; width: number; height: number }) => {
        if (m.ready) return resolve();
        const done = waiting.get(m.id)!;
        waiting.delete(m.id);
        done({
          png: Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength),
          width: m.width,
          height: m.height,
        });
      },
    );
  });
  return {
    render: (model) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        worker.postMessage({ id, model });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
