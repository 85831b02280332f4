// What a snapshot must have been written by to be trusted: this Dossier's version and the very code that makes what
// it saves. The package version alone is not bumped for every change, and a snapshot saves parsed profiles and an
// index of section documents: a parser, a tokeniser or a document that reads differently makes them stale while
// everything else about the file is sound. Hashing that code (src/profiles and src/search, as this process runs it)
// and the stemmer's version turns any such change into "written by another version", so the snapshot is rebuilt.
// It replaces a SHA-1 over every indexed document's text, which a restart had to make and hash in full (about 160 ms
// of hashing at ten thousand profiles, besides joining the texts) before it could trust the saved index.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DOSSIER_VERSION } from '../version.ts';

/** The folders whose code decides what a snapshot holds, relative to this module's own folder. */
const CODE_FOLDERS = ['../profiles/', '../search/'];
/** Packages that code calls to make index terms. */
const PACKAGES = ['porter2'];

/**
 * A SHA-1 over every file in CODE_FOLDERS (name and bytes, in name order) and the packages' versions. What cannot
 * be read (an odd install) is hashed as unreadable rather than stopping a start: the snapshot is then tied to the
 * package version and whatever could be read.
 */
export function indexCodeDigest(
  folders = CODE_FOLDERS.map((f) => fileURLToPath(new URL(f, import.meta.url))),
): string {
  const hash = createHash('sha1');
  for (const folder of folders) {
    try {
      const names = readdirSync(folder, { withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.endsWith('.map'))
        .map((e) => e.name)
        .sort();
      for (const name of names)
        hash
          .update(`${name}\u0000`)
          .update(readFileSync(folder + name))
          .update('\u0001');
    } catch {
      hash.update(`${folder} unreadable\u0001`);
    }
  }
  const require = createRequire(import.meta.url);
  for (const name of PACKAGES) {
    let version = 'unknown';
    try {
      ({ version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
        version: string;
      });
    } catch {
      // A package without its manifest where Node finds it: the folders' digest still stands.
    }
    hash.update(`${name}@${version}\u0001`);
  }
  hash.update(`unicode ${process.versions.unicode}`);
  return hash.digest('hex').slice(0, 16);
}

let cached: string | undefined;

/** `<package version>+code.<digest>`: what a snapshot's header names as the Dossier that wrote it. */
export function snapshotVersion(): string {
  cached ??= `${DOSSIER_VERSION}+code.${indexCodeDigest()}`;
  return cached;
}
