// Entry point of the map render process when Dossier runs from its sources: registers tsx (the process is started
// without the parent's loader) and runs the render loop. Built, the render loop's own file is started instead.
import { register } from 'tsx/esm/api';

register();
await import('./renderChildLoop.ts');
