// The data watcher asks for one reload once changes settle, naming the profile files that changed; a change to the
// profiles folder itself, or more files than it names, asks for a look at every file.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import type { ChangedFiles } from '../../src/profiles/loadCorpus.ts';
import { DataWatcher, MAX_NAMED_FILES } from '../../src/runtime/dataWatcher.ts';

const DEBOUNCE_MS = 150;
let dir: string;
let watcher: DataWatcher;
let calls: ChangedFiles[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-watch-'));
  await mkdir(path.join(dir, 'profiles'));
  calls = [];
  watcher = new DataWatcher(
    dir,
    DEBOUNCE_MS,
    (changed) => calls.push(changed),
    createLogger({ level: 'silent' }),
  );
  watcher.start();
});
afterEach(async () => {
  watcher.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Waits until the watcher has asked for a reload and changes have settled (no second call follows). */
async function settled(): Promise<ChangedFiles[]> {
  for (let waited = 0; calls.length === 0 && waited < 5000; waited += 20)
    await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, DEBOUNCE_MS * 2));
  return calls;
}

/** What the calls named between them (a slow machine may let changes settle between two writes). */
const union = (got: ChangedFiles[]) =>
  got.includes('all') ? 'all' : [...new Set(got.flatMap((c) => [...(c as Set<string>)]))].sort();

it('names the profile files written, removed or renamed, once changes settle', async () => {
  await writeFile(path.join(dir, 'profiles', 'kesh.txt'), 'Kesh\n');
  await writeFile(path.join(dir, 'profiles', 'oruna.txt'), 'Oruna\n');
  await rename(path.join(dir, 'profiles', 'oruna.txt'), path.join(dir, 'profiles', 'orunai.txt'));
  expect(union(await settled())).toEqual(['kesh.txt', 'oruna.txt', 'orunai.txt']);
});

it('asks for a reload naming no profile when only the directory changes', async () => {
  await writeFile(path.join(dir, 'actors.yaml'), 'actors: []\n');
  const got = await settled();
  expect(got.length).toBeGreaterThan(0);
  expect(union(got)).toEqual([]);
});

it('asks for a look at every file when the profiles folder itself is replaced', async () => {
  await rename(path.join(dir, 'profiles'), path.join(dir, 'profiles-old'));
  await mkdir(path.join(dir, 'profiles'));
  expect(union(await settled())).toBe('all');
});

it('asks for a look at every file past the most it names', async () => {
  await Promise.all(
    Array.from({ length: MAX_NAMED_FILES + 1 }, (_, i) =>
      writeFile(path.join(dir, 'profiles', `p${i}.txt`), `P${i}\n`),
    ),
  );
  expect(union(await settled())).toBe('all');
});
