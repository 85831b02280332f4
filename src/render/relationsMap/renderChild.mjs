// Entry point of the map render process when Dossier runs from its sources: registers tsx (the process is started
// without the parent's loader) and runs the render loop. The build starts dist/renderChild.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./renderChildLoop.ts');
