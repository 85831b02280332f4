// A reload reads again only the profile files that were written since the last load (their size, inode, or
// modification or change time differ), and re-parses only those whose bytes changed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadData } from '../../src/profiles/loadCorpus.ts';
import { copyFixtureData, profileText, type TempData } from '../e2e/opsSupport.ts';

let data: TempData;
beforeEach(async () => {
  data = await copyFixtureData();
});
afterEach(async () => {
  await data.remove();
});

describe('profile files across loads', () => {
  it('reuses what an unwritten file gave, without reading it', async () => {
    const first = await loadData(data.dir);
    const second = await loadData(data.dir, first.files);
    for (const [name, parsed] of first.files.profiles) {
      expect(parsed.fingerprint).toMatch(/^\d+:\d+:\d+:\d+$/);
      expect(second.files.profiles.get(name)).toBe(parsed);
    }
  });

  it('keeps the parse of a file written again with the same bytes, under its new fingerprint', async () => {
    const first = await loadData(data.dir);
    const file = path.join(data.profilesDir, 'kesh.txt');
    await writeFile(file, await readFile(file));
    const second = await loadData(data.dir, first.files);
    const before = first.files.profiles.get('kesh.txt')!;
    const after = second.files.profiles.get('kesh.txt')!;
    expect(after.profile).toBe(before.profile);
    expect(after.hash).toBe(before.hash);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('sees a change of the same length made at once after the load', async () => {
    const file = path.join(data.profilesDir, 'kesh.txt');
    await writeFile(file, profileText('Kesh', 'Salt barges on the river.', {}));
    const first = await loadData(data.dir);
    await writeFile(file, profileText('Kesh', 'Salt canoes on the river.', {}));
    const second = await loadData(data.dir, first.files);
    const kesh = second.corpus.profileById.get('kesh')!;
    expect(kesh.summary?.paragraphs.map((p) => p.text).join(' ')).toContain('canoes');
  });
});
