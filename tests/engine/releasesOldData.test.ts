// After a reload nothing of the data it replaced stays reachable: not the earlier corpus, and not an edited
// profile's earlier parse, though the index keeps the documents of its sections that read as before. Section
// documents read their text from the profile when asked, so a document kept from before would keep that parse.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { EngineHolder } from '../../src/runtime/engineHolder.ts';
import { copyFixtureData, type TempData } from '../e2e/opsSupport.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let data: TempData;
beforeEach(async () => {
  data = await copyFixtureData();
});
afterEach(async () => {
  await data.remove();
});

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
    // A WeakRef keeps its target for the rest of the job that read it: collect between turns.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  return ref.deref() === undefined;
}

it('lets the replaced corpus and an edited profile’s earlier parse be collected', async () => {
  const holder = await EngineHolder.load(data.dir, createLogger({ level: 'silent' }));
  const corpusBefore = new WeakRef(holder.engine.corpus);
  const keshBefore = new WeakRef(holder.engine.corpus.profiles.find((p) => p.name === 'Kesh')!);
  // Only Kesh's summary changes: its interests and history read as before, and stay in the index.
  const file = path.join(data.profilesDir, 'kesh.txt');
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace('a chain of dams.', 'a chain of dams and locks.'),
  );
  const outcome = await holder.reload('test');
  await holder.close();
  expect(outcome.ok).toBe(true);
  const kesh = holder.engine.corpus.profiles.find((p) => p.name === 'Kesh')!;
  expect(holder.engine.sections.documentsOf(kesh.id).length).toBeGreaterThan(2);
  expect(holder.engine.sections.search('locks').hits.map((h) => h.section.id)).toEqual([
    `${kesh.id}:summary`,
  ]);
  expect(holder.engine.sections.search('cantons').hits.map((h) => h.section.text)).toEqual([
    'The federation was formed from three highland cantons. Its assembly meets in the summer capital.',
  ]);
  expect(await collected(corpusBefore)).toBe(true);
  expect(await collected(keshBefore)).toBe(true);
});
