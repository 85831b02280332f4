// Reloads told which files changed (the data watcher's names) look at those alone. What a refused reload was told
// is not forgotten: the next reload looks at it again, so a file still broken keeps the reload refused, though the
// next change named another file. Names given while a reload runs are looked at by the run after it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { EngineHolder } from '../../src/runtime/engineHolder.ts';
import { copyFixtureData, profileText, type TempData } from '../e2e/opsSupport.ts';

let data: TempData;
let holder: EngineHolder;
beforeEach(async () => {
  data = await copyFixtureData();
  holder = await EngineHolder.load(data.dir, createLogger({ level: 'silent' }));
});
afterEach(async () => {
  await holder.close();
  await data.remove();
});

const write = (name: string, text: string) => writeFile(path.join(data.profilesDir, name), text);
const summary = (id: string) =>
  holder.engine.corpus.profileById
    .get(id)
    ?.summary?.paragraphs.map((p) => p.text)
    .join(' ');

it('keeps looking at a file a refused reload was told of until a reload goes through', async () => {
  await write('kesh.txt', 'Profile\nNo title before this.\n'); // an error: no title
  expect((await holder.reload('watch', new Set(['kesh.txt']))).ok).toBe(false);
  await write('oruna.txt', profileText('Oruna', 'Reed boats.', {}));
  // Told of oruna alone, the reload still sees kesh as it is on disk.
  expect((await holder.reload('watch', new Set(['oruna.txt']))).ok).toBe(false);
  expect(summary('oruna')).not.toBe('Reed boats.');
  await write('kesh.txt', profileText('Kesh', 'Salt canoes.', {}));
  const fixed = await holder.reload('watch', new Set(['kesh.txt']));
  expect(fixed.ok).toBe(true);
  expect(summary('kesh')).toBe('Salt canoes.');
  expect(summary('oruna')).toBe('Reed boats.');
});

it('looks, in the run after a reload, at every file named while it ran', async () => {
  await write('kesh.txt', profileText('Kesh', 'Salt canoes.', {}));
  const running = holder.reload('watch', new Set(['kesh.txt']));
  await write('oruna.txt', profileText('Oruna', 'Reed boats.', {}));
  await write('valdoria.txt', profileText('Valdoria', 'Glass towers.', {}));
  void holder.reload('watch', new Set(['oruna.txt']));
  void holder.reload('watch', new Set(['valdoria.txt']));
  await running;
  // The two calls were folded into one run, started as the first ended: a call now waits for that run.
  await holder.reload('watch', new Set());
  expect(summary('oruna')).toBe('Reed boats.');
  expect(summary('valdoria')).toBe('Glass towers.');
  expect(summary('kesh')).toBe('Salt canoes.');
});
