// A reload reads again only the profile files that were written since the last load (their size, inode, or
// modification or change time differ), and re-parses only those whose bytes changed. Told which files changed
// (the data watcher's names), it looks at those alone, and still finds files added and removed.
import { readFile, unlink, writeFile } from 'node:fs/promises';
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

  it('told which files changed, reads those and takes the others as they were, unlooked at', async () => {
    const first = await loadData(data.dir);
    await writeFile(path.join(data.profilesDir, 'kesh.txt'), profileText('Kesh', 'Salt canoes.', {}));
    await writeFile(path.join(data.profilesDir, 'oruna.txt'), profileText('Oruna', 'Reed boats.', {}));
    const second = await loadData(data.dir, first.files, new Set(['kesh.txt']));
    const summary = (id: string) =>
      second.corpus.profileById
        .get(id)
        ?.summary?.paragraphs.map((p) => p.text)
        .join(' ');
    expect(summary('kesh')).toBe('Salt canoes.');
    // Not named: the earlier parse, though the file was written (a full load would read it).
    expect(second.files.profiles.get('oruna.txt')).toBe(first.files.profiles.get('oruna.txt'));
    expect(summary('oruna')).not.toBe('Reed boats.');
    const full = await loadData(data.dir, second.files);
    expect(full.corpus.profileById.get('oruna')?.summary?.paragraphs[0]?.text).toBe('Reed boats.');
  });

  it('told which files changed, still finds the files added and removed', async () => {
    const first = await loadData(data.dir);
    await writeFile(path.join(data.profilesDir, 'zarn.txt'), profileText('Zarn', 'Salt flats.', {}));
    await unlink(path.join(data.profilesDir, 'valdoria.txt'));
    const second = await loadData(data.dir, first.files, new Set());
    expect([...second.files.profiles.keys()].sort()).toEqual(['kesh.txt', 'oruna.txt', 'zarn.txt']);
    expect(second.corpus.profileById.has('zarn')).toBe(true);
    expect(second.corpus.profileById.has('valdoria')).toBe(false);
  });

  it('takes the actor directory as it was while its file is unwritten, and reads it once written', async () => {
    const first = await loadData(data.dir);
    expect(first.files.directory?.fingerprint).toMatch(/^\d+:\d+:\d+:\d+$/);
    const second = await loadData(data.dir, first.files);
    expect(second.files.directory).toBe(first.files.directory);
    const text = await readFile(data.actorsFile, 'utf8');
    await writeFile(data.actorsFile, text.replace('Kesh', 'Keshwa'));
    const third = await loadData(data.dir, second.files);
    expect(third.files.directory?.hash).not.toBe(first.files.directory?.hash);
    expect(third.corpus.actors.some((a) => a.name.startsWith('Keshwa'))).toBe(true);
  });
});
