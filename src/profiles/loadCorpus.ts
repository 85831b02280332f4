// Reads a data directory (profiles/*.txt, actors.yaml, teams.yaml) into a Corpus without holding the event
// loop: files are read asynchronously and parsing yields between slices, so a bot keeps answering during a reload.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unaccountedLines } from './accountedLines.ts';
import { assembleCorpusInSlices, type Corpus, TEAMS_FILE } from './corpus.ts';
import { DIRECTORY_FILE, EMPTY_DIRECTORY } from './directory.ts';
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

export async function loadCorpus(dataDir: string): Promise<Corpus> {
  const started = new Date();
  const info = await stat(dataDir).catch(() => null);
  if (!info?.isDirectory())
    throw new DataDirectoryError(`data directory ${dataDir} does not exist or is not a directory`);
  const profilesDir = path.join(dataDir, PROFILES_DIR);
  const names = await readdir(profilesDir).catch(() => {
    throw new DataDirectoryError(`data directory ${dataDir} has no ${PROFILES_DIR}/ folder`);
  });

  const diagnostics: Diagnostic[] = [];
  const directoryText = await readOptional(path.join(dataDir, DIRECTORY_FILE));
  let directory = EMPTY_DIRECTORY;
  if (directoryText === null) {
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
  }
  const categoryNames = directory.categories.map((c) => c.name);

  const teams: { channel: string; ref: string; line: number }[] = [];
  const teamsText = await readOptional(path.join(dataDir, TEAMS_FILE));
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
  let sliceStart = performance.now();
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const batch = files.slice(i, i + READ_CONCURRENCY);
    const contents = await Promise.all(batch.map((f) => readFile(path.join(profilesDir, f))));
    for (const [j, bytes] of contents.entries()) {
      const file = `${PROFILES_DIR}/${batch[j]}`;
      const result = parseProfile(bytes, { file, categoryNames });
      diagnostics.push(...result.diagnostics);
      if (result.profile) {
        profiles.push(result.profile);
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
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
  }

  return assembleCorpusInSlices({ profiles, directory, teams, diagnostics, loadedAt: started });
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
