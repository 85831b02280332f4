// Entry point of the map render process: draws each model it is sent and sends the PNG back. The TypeScript
// renderer is loaded through tsx, registered here because the process is started without the parent's loader.
import { register } from 'tsx/esm/api';

register();
const { renderRelationsMapPng } = await import('./png.ts');

process.on('message', ({ id, model }) => {
  try {
    const { png, width, height } = renderRelationsMapPng(model);
    process.send({ id, png, width, height });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The parent let go of the process (idle, shut down, or gone): nothing is left to draw for.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
