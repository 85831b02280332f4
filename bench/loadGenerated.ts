// Turns a generated corpus into the Corpus the engine is built from, through the real parsers (in memory, so
// file reads do not blur the engine figures), and writes it out as a data directory for the bot and reloads.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assembleCorpus, type Corpus } from '../src/profiles/corpus.ts';
import { DIRECTORY_FILE, parseDirectory } from '../src/profiles/directory.ts';
import { PROFILES_DIR } from '../src/profiles/loadCorpus.ts';
import { parseProfile } from '../src/profiles/parseProfile.ts';
import type { Diagnostic, Profile } from '../src/profiles/schema.ts';
import type { GeneratedCorpus } from './corpus.ts';

export function parseGenerated(generated: GeneratedCorpus): Corpus {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseDirectory(generated.actorsYaml, DIRECTORY_FILE);
  diagnostics.push(...parsed.diagnostics);
  const categoryNames = parsed.directory.categories.map((c) => c.name);
  const profiles: Profile[] = [];
  for (const [name, text] of generated.files) {
    const result = parseProfile(text, { file: `${PROFILES_DIR}/${name}`, categoryNames });
    diagnostics.push(...result.diagnostics);
    if (result.profile) profiles.push(result.profile);
  }
  const corpus = assembleCorpus({ profiles, directory: parsed.directory, teams: [], diagnostics });
  // A generator bug would otherwise show up only as odd figures.
  if (corpus.diagnostics.length > 0) {
    const first = corpus.diagnostics[0]!;
    throw new Error(
      `generated corpus has ${corpus.diagnostics.length} diagnostics, first: ${first.file}:${first.line} ${first.message}`,
    );
  }
  return corpus;
}

/** Writes profiles/*.txt and actors.yaml into a fresh temporary directory; returns it and how to remove it. */
export async function writeDataDir(
  generated: GeneratedCorpus,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-bench-'));
  await mkdir(path.join(dir, PROFILES_DIR));
  await writeFile(path.join(dir, DIRECTORY_FILE), generated.actorsYaml);
  const entries = [...generated.files];
  // Bounded parallelism: 10,000 concurrent writes would only queue in libuv and hold every buffer at once.
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries.slice(i, i + 64).map(([name, text]) => writeFile(path.join(dir, PROFILES_DIR, name), text)),
    );
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
