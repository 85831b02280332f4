// The map render process's work: draws each model it is sent and sends the PNG back. Built, the process runs this
// file's JavaScript (dist/src/render/relationsMap/renderChildLoop.js); from the sources, renderChild.mjs.
import type { RelationsMapModel } from './model.ts';
import { renderRelationsMapPng } from './png.ts';

// The parent let go of the process (idle, shut down, or gone): nothing is left to draw for.
const done = () => process.exit(0);
/** A parent that is gone cannot be told anything: the process ends quietly instead of with an EPIPE. */
const tell = (message: object) => {
  if (process.connected) process.send?.(message, undefined, undefined, (error) => error && done());
};

process.on('message', ({ id, model }: { id: number; model: RelationsMapModel }) => {
  try {
    const { png, width, height } = renderRelationsMapPng(model);
    tell({ id, png, width, height });
  } catch (error) {
    tell({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', done);
if (!process.connected) done();
tell({ ready: true });
