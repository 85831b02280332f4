// Where Dossier's own files are, and whether it runs from its TypeScript sources (through tsx, or under the tests)
// or from the JavaScript that `npm start` builds into dist/src and dist/commands (scripts/build.mjs). A worker or a
// child process started from the sources must register tsx itself; built, it is plain JavaScript.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** Whether this is the built JavaScript (dist/), not the TypeScript sources. */
export const BUILT = here.endsWith('.js');

/** The folder holding Dossier's package.json. */
const PROJECT_ROOT = findRoot(path.dirname(here));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export function projectFile(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
