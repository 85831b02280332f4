// Dossier's own version, from package.json: saved with what Dossier writes, so a newer Dossier never trusts it.
import { readFileSync } from 'node:fs';
import { projectFile } from './projectFiles.ts';

export const DOSSIER_VERSION: string = (
  JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string }
).version;
