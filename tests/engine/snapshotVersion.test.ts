// The version a snapshot is written under names the code that makes what it saves: changing a file of that code
// changes it, so a snapshot written before the change is rebuilt rather than read as if it were current.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexCodeDigest, snapshotVersion } from '../../src/runtime/snapshotVersion.ts';
import { DOSSIER_VERSION } from '../../src/version.ts';

let root: string;
let folders: string[];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dossier-code-'));
  folders = [`${root}/profiles/`, `${root}/search/`];
  for (const folder of folders) await mkdir(folder);
  await writeFile(`${folders[0]}parse.js`, 'export const parse = (t) => t.split("\\n");\n');
  await writeFile(`${folders[1]}stem.js`, 'export const stem = (w) => w;\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('snapshot version', () => {
  it('is this Dossier’s version with a digest of its indexing code', () => {
    expect(snapshotVersion()).toMatch(
      new RegExp(`^${DOSSIER_VERSION.replace(/\./g, '\\.')}\\+code\\.[0-9a-f]{16}$`),
    );
    expect(snapshotVersion()).toBe(snapshotVersion());
  });

  it('stays the same for the same code and changes with any change to it', async () => {
    const before = indexCodeDigest(folders);
    expect(indexCodeDigest(folders)).toBe(before);
    await writeFile(`${folders[1]}stem.js`, 'export const stem = (w) => w.toLowerCase();\n');
    const edited = indexCodeDigest(folders);
    expect(edited).not.toBe(before);
    await writeFile(`${folders[0]}joinProfiles.js`, 'export {};\n');
    const added = indexCodeDigest(folders);
    expect(added).not.toBe(edited);
    await rm(`${folders[0]}joinProfiles.js`);
    expect(indexCodeDigest(folders)).toBe(edited);
  });

  it('does not depend on where the code is, only on what it is', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'dossier-code-'));
    try {
      const copies = [`${copy}/a/`, `${copy}/b/`];
      for (const [i, folder] of copies.entries()) await cp(folders[i]!, folder, { recursive: true });
      expect(indexCodeDigest(copies)).toBe(indexCodeDigest(folders));
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('gives a digest, not an error, when a folder cannot be read', () => {
    const missing = [`${root}/nowhere/`, folders[1]!];
    expect(indexCodeDigest(missing)).toMatch(/^[0-9a-f]{16}$/);
    expect(indexCodeDigest(missing)).not.toBe(indexCodeDigest(folders));
  });
});
