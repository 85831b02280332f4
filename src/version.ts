// Dossier's own version, from package.json: saved with what Dossier writes, so a newer Dossier never trusts it.
import { readFileSync } from 'node:fs';

export const DOSSIER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
