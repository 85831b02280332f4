// Entry point of the map render process: draws each model it is sent and sends the PNG back. The TypeScript
// renderer is loaded through tsx, registered here because the process is started without the parent's loader.
import { register } from 'tsx/esm/api';

register();
const { renderRelationsMapPng } = await import('./png.ts');

// The parent let go of the process (idle, shut down, or gone): nothing is left to draw for.
const done = () => process.exit(0);
/** A parent that is gone cannot be told anything: the process ends quietly instead of with an EPIPE. */
const tell = (message) => {
  if (process.connected) process.send(message, (error) => error && done());
};

process.on('message', ({ id, model }) => {
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
