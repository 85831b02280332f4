// Reads a data directory (profiles/*.txt, actors.yaml, teams.yaml) into a Corpus without holding the event
// loop: files are read asynchronously and parsing yields between slices, so a bot keeps answering during a reload.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unaccountedLines } from './accountedLines.ts';
import { assembleCorpusInSlices, type Corpus, TEAMS_FILE } from './corpus.ts';
import { DIRECTORY_FILE, type Directory, EMPTY_DIRECTORY } from './directory.ts';
import { parseDirectoryOffThread } from './parseDirectoryOffThread.ts';
import { parseProfile } from './parseProfile.ts';
import type { Diagnostic, Profile } from './schema.ts';
import { parseTeams } from './teams.ts';

export const PROFILES_DIR = 'profiles';
const PROFILE_EXTENSION = '.txt';
/** Longest stretch of parsing before giving other work a turn. */
const SLICE_MS = 8;
const READ_CONCURRENCY = 32;

export class DataDirectoryError extends Error {}

/** A file's bytes, hashed: what tells a reload which files changed. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** What one profile file gave: kept per file so the next load re-parses only files whose bytes changed. */
export interface ParsedProfileFile {
  hash: string;
  /**
   * The file's size, inode, modification and change times when it was read. A file that shows the same again
   * was not written since (nothing can set a change time back), so it need not be read and hashed again.
   */
  fingerprint?: string;
  profile: Profile | null;
  diagnostics: Diagnostic[];
}

/** Every file a load read, by hash, with what parsing it gave. */
export interface LoadedFiles {
  /** File name in profiles/ → its parse. */
  profiles: Map<string, ParsedProfileFile>;
  /** Null when the file is missing. `fingerprint` as a profile file's: unchanged, the file is not read again. */
  directory: { hash: string; fingerprint?: string; directory: Directory; diagnostics: Diagnostic[] } | null;
  teams: { hash: string } | null;
}

export interface LoadResult {
  corpus: Corpus;
  files: LoadedFiles;
}

export async function loadCorpus(dataDir: string): Promise<Corpus> {
  return (await loadData(dataDir)).corpus;
}

/**
 * Which profile files may have been written since the earlier load, by name, as a watcher of the folder reports
 * them; `all` when that is not known (a start, SIGHUP, a watcher that gave no name).
 */
export type ChangedFiles = ReadonlySet<string> | 'all';

/**
 * Loads a data directory. Given the files of an earlier load, a profile file whose bytes (and the directory's
 * categories, which parsing depends on) are unchanged is not parsed again: its earlier result is reused. With
 * `changed` named, a file of the earlier load that is not named is not even looked at (at ten thousand files
 * the look, one stat each, is most of a reload's reading while the bot serves); files added or removed are still
 * found by listing the folder.
 */
export async function loadData(
  dataDir: string,
  previous?: LoadedFiles,
  changed: ChangedFiles = 'all',
): Promise<LoadResult> {
  const started = new Date();
  const info = await stat(dataDir).catch(() => null);
  if (!info?.isDirectory())
    throw new DataDirectoryError(`data directory ${dataDir} does not exist or is not a directory`);
  const profilesDir = path.join(dataDir, PROFILES_DIR);
  const names = await readdir(profilesDir).catch(() => {
    throw new DataDirectoryError(`data directory ${dataDir} has no ${PROFILES_DIR}/ folder`);
  });

  const diagnostics: Diagnostic[] = [];
  const directoryPath = path.join(dataDir, DIRECTORY_FILE);
  // Thousands of actors make a large file: read and hashed only when it may have been written since.
  const directoryFingerprint = fingerprintOf(directoryPath) ?? undefined;
  const unwritten =
    previous?.directory?.fingerprint !== undefined && previous.directory.fingerprint === directoryFingerprint;
  const directoryText = unwritten ? null : await readOptional(directoryPath);
  let directory = EMPTY_DIRECTORY;
  let directoryFile: LoadedFiles['directory'] = null;
  const directoryHash = directoryText === null ? null : hashBytes(directoryText);
  if (unwritten || (directoryText !== null && previous?.directory?.hash === directoryHash)) {
    diagnostics.push(...previous!.directory!.diagnostics);
    directory = previous!.directory!.directory;
    directoryFile = unwritten
      ? previous!.directory
      : { ...previous!.directory!, fingerprint: directoryFingerprint };
  } else if (directoryText === null) {
    diagnostics.push({
      severity: 'warning',
      file: DIRECTORY_FILE,
      line: 1,
      message: 'no actor directory: codes are shown raw',
    });
  } else {
    const parsed = await parseDirectoryOffThread(directoryText, DIRECTORY_FILE);
    diagnostics.push(...parsed.diagnostics);
    directory = parsed.directory;
    directoryFile = { hash: directoryHash!, fingerprint: directoryFingerprint, ...parsed };
  }
  const categoryNames = directory.categories.map((c) => c.name);
  const sameCategories =
    previous !== undefined &&
    (previous.directory?.directory.categories.map((c) => c.name).join('\n') ?? '') ===
      (directoryFile === null ? '' : categoryNames.join('\n'));

  const teams: { channel: string; ref: string; line: number }[] = [];
  const teamsText = await readOptional(path.join(dataDir, TEAMS_FILE));
  const teamsFile = teamsText === null ? null : { hash: hashBytes(teamsText) };
  if (teamsText !== null) {
    teams.push(...parseTeams(teamsText, TEAMS_FILE, diagnostics));
  }

  const files = names.filter((n) => n.endsWith(PROFILE_EXTENSION)).sort();
  for (const other of names.filter((n) => !n.endsWith(PROFILE_EXTENSION) && !n.startsWith('.')).sort()) {
    diagnostics.push({
      severity: 'warning',
      file: `${PROFILES_DIR}/${other}`,
      line: 1,
      message: `not a profile (profiles end in ${PROFILE_EXTENSION}); ignored`,
    });
  }

  const profiles: Profile[] = [];
  const parsedFiles = new Map<string, ParsedProfileFile>();
  let sliceStart = performance.now();
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const batch = files.slice(i, i + READ_CONCURRENCY);
    const earliers = batch.map((f) => (sameCategories ? previous?.profiles.get(f) : undefined));
    const look = (f: string, j: number) => !earliers[j] || changed === 'all' || changed.has(f);
    // A batch of files not named takes their earlier parses as they are, without a turn of the event loop.
    const contents = batch.some(look)
      ? await Promise.all(
          batch.map(async (f, j) => {
            const earlier = earliers[j];
            if (!look(f, j)) return { earlier };
            const full = path.join(profilesDir, f);
            const fingerprint = fingerprintOf(full);
            if (earlier && fingerprint !== null && earlier.fingerprint === fingerprint) return { earlier };
            return { earlier, fingerprint: fingerprint ?? undefined, bytes: await readFile(full) };
          }),
        )
      : earliers.map((earlier) => ({ earlier, bytes: undefined, fingerprint: undefined }));
    for (const [j, read] of contents.entries()) {
      const name = batch[j]!;
      let parsed: ParsedProfileFile;
      if (!read.bytes) parsed = read.earlier!;
      else {
        const hash = hashBytes(read.bytes);
        parsed =
          read.earlier?.hash === hash
            ? { ...read.earlier, fingerprint: read.fingerprint }
            : { ...parseProfileFile(read.bytes, hash, name, categoryNames), fingerprint: read.fingerprint };
      }
      parsedFiles.set(name, parsed);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.profile) profiles.push(parsed.profile);
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
  }

  const corpus = await assembleCorpusInSlices({ profiles, directory, teams, diagnostics, loadedAt: started });
  return { corpus, files: { profiles: parsedFiles, directory: directoryFile, teams: teamsFile } };
}

function parseProfileFile(
  bytes: Uint8Array,
  hash: string,
  name: string,
  categoryNames: readonly string[],
): ParsedProfileFile {
  const file = `${PROFILES_DIR}/${name}`;
  const result = parseProfile(bytes, { file, categoryNames });
  const diagnostics = [...result.diagnostics];
  if (result.profile) {
    // The parser promises to account for every line; checking costs one more pass and guards that promise.
    for (const line of unaccountedLines(
      new TextDecoder().decode(bytes),
      result.profile,
      result.diagnostics,
    )) {
      diagnostics.push({
        severity: 'error',
        file,
        line,
        message: 'this line was not read into the profile (a parser fault: please report it)',
      });
    }
  }
  return { hash, profile: result.profile, diagnostics };
}
/**
 * Size, inode and nanosecond modification and change times; null when the file cannot be looked at. Synchronous:
 * a stat costs microseconds, and ten thousand of them through the thread pool cost a quarter of a second.
 */
function fingerprintOf(file: string): string | null {
  try {
    const s = statSync(file, { bigint: true, throwIfNoEntry: false });
    return s ? `${s.size}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}` : null;
  } catch {
    return null;
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
