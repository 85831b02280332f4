// Entry point of a map render thread. The thread runs the TypeScript renderer through tsx, registered here
// because a worker started from a test runner does not inherit the main thread's loader.
import { register } from 'tsx/esm/api';

register();
const { renderMapInThread } = await import('./renderInThread.ts');

export default renderMapInThread;
