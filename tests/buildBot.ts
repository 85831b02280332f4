// Builds dist/ as `npm start` does (scripts/build.mjs), so the end-to-end tests and the bench run what a team
// runs. Vitest's global setup calls it once per run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function buildBot(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

export default function setup(): void {
  buildBot();
}
