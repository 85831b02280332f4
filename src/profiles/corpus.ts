// Everything loaded from one data directory as one immutable value. The search index and the relations graph
// are built from it; a reload builds a new Corpus beside the old one and swaps a single reference.

import { runSteps, runStepsInSlices } from '../slices.ts';
import type { Category, Directory, DirectoryActor } from './directory.ts';
import { joinProfiles } from './joinProfiles.ts';
import type { Diagnostic, Profile } from './schema.ts';

/** How a profile found its directory actor: the actor's `profile:`, the profile's title, or its file name. */
export type JoinedBy = 'profile' | 'title' | 'file';

/** A directory actor, or one made up from a profile the directory does not know. */
export interface CorpusActor extends DirectoryActor {
  /** Id of the actor's profile, when it has one. */
  profileId?: string;
  /** How its profile was joined to it; absent for made-up actors and actors without a profile. */
  joinedBy?: JoinedBy;
  inDirectory: boolean;
}

export interface Corpus {
  loadedAt: Date;
  profiles: readonly Profile[];
  profileById: ReadonlyMap<string, Profile>;
  actors: readonly CorpusActor[];
  actorByCode: ReadonlyMap<string, CorpusActor>;
  /** Profile id → the actor it is about. */
  actorOfProfile: ReadonlyMap<string, CorpusActor>;
  categories: readonly Category[];
  /** Channel id → actor code, from data/teams.yaml. */
  teamChannels: ReadonlyMap<string, string>;
  diagnostics: readonly Diagnostic[];
}

export const TEAMS_FILE = 'teams.yaml';

/** Unknown categories still need a colour and polarity to be drawn; the meaning stays unsaid. */
export const UNLISTED_CATEGORY_COLOUR = '#8A8F98';

export type CategoryInfo = Category & { inDirectory: boolean };

/**
 * One answer per category name and directory, shared: the relations graph asks once per listing, over a hundred
 * thousand times at 10,000 profiles, and each fresh copy of a directory category also got a hidden class of its
 * own (about 200 bytes) from V8. Callers only read it.
 */
const infoByDirectory = new WeakMap<readonly Category[], Map<string, Readonly<CategoryInfo>>>();

export function categoryInfo(corpus: Corpus, name: string): Readonly<CategoryInfo> {
  let known = infoByDirectory.get(corpus.categories);
  if (!known) {
    known = new Map();
    infoByDirectory.set(corpus.categories, known);
  }
  let info = known.get(name);
  if (!info) {
    const found = corpus.categories.find((c) => c.name.toLowerCase() === name.toLowerCase());
    info = found
      ? { ...found, inDirectory: true }
      : { name, polarity: 'unknown', colour: UNLISTED_CATEGORY_COLOUR, inDirectory: false };
    known.set(name, info);
  }
  return info;
}

/** The order of `localeCompare`, several times faster on thousands of profiles. */
const byText = new Intl.Collator();

export interface CorpusParts {
  profiles: Profile[];
  directory: Directory;
  teams: { channel: string; ref: string; line: number }[];
  diagnostics: Diagnostic[];
  loadedAt?: Date;
}

/**
 * The warnings about each profile's relationships, for the actors and categories they were checked against: a
 * reload that reuses the join (the same actors) and the directory skips checking unchanged profiles again.
 */
const listingWarnings = new WeakMap<
  Profile,
  { actors: readonly CorpusActor[]; categories: readonly Category[]; warnings: Diagnostic[] }
>();

/** Joins profiles to the directory and binds teams, adding a warning for every reference that does not resolve. */
export function assembleCorpus(parts: CorpusParts): Corpus {
  return runSteps(assembling(parts));
}

/** The same, giving other work a turn every few milliseconds: for a reload of thousands of profiles. */
export function assembleCorpusInSlices(parts: CorpusParts): Promise<Corpus> {
  return runStepsInSlices(assembling(parts));
}

/** Profiles indexed between two pauses of the assembly. */
const PROFILES_PER_STEP = 64;

/** The work of assembleCorpus, pausing (`yield`) after each unit of work (a profile checked, or a few indexed). */
function* assembling(parts: CorpusParts): Generator<void, Corpus> {
  const diagnostics = [...parts.diagnostics];
  const warn = (file: string, line: number, message: string) =>
    diagnostics.push({ severity: 'warning', file, line, message });

  const profiles = [...parts.profiles].sort(
    (a, b) => byText.compare(a.name, b.name) || byText.compare(a.id, b.id),
  );
  const profileById = new Map<string, Profile>();
  for (const p of profiles) {
    const other = profileById.get(p.id);
    if (other) {
      warn(
        p.file,
        p.nameLine,
        `profile id "${p.id}" is already used by ${other.file}; this profile is not loaded`,
      );
      continue;
    }
    profileById.set(p.id, p);
    // Indexing a profile takes well under a microsecond: a pause after each cost more than the work.
    if (profileById.size % PROFILES_PER_STEP === 0) yield;
  }

  const { actors, actorOfProfile } = yield* joinProfiles(
    parts.directory.actors,
    [...profileById.values()],
    warn,
  );
  const actorByCode = new Map(actors.map((a) => [a.code, a]));

  const categories = parts.directory.categories;
  for (const profile of profileById.values()) {
    const known = listingWarnings.get(profile);
    if (known?.actors === actors && known.categories === categories) {
      diagnostics.push(...known.warnings);
      continue;
    }
    const warnings: Diagnostic[] = [];
    const note = (line: number, message: string) =>
      warnings.push({ severity: 'warning', file: profile.file, line, message });
    for (const category of profile.relationships?.categories ?? []) {
      if (!categories.some((c) => c.name.toLowerCase() === category.name.toLowerCase())) {
        note(
          category.line,
          `category "${category.name}" is not in the directory: shown as written, meaning not given`,
        );
      }
      for (const { code, line } of category.codes) {
        if (!actorByCode.has(code))
          note(line, `code ${code} is not in the actor directory: shown as the raw code`);
      }
    }
    listingWarnings.set(profile, { actors, categories, warnings });
    diagnostics.push(...warnings);
    yield;
  }

  const teamChannels = new Map<string, string>();
  for (const { channel, ref, line } of parts.teams) {
    const code = actorByCode.has(ref.toUpperCase()) ? ref.toUpperCase() : actorOfProfile.get(ref)?.code;
    if (code) teamChannels.set(channel, code);
    else
      warn(
        TEAMS_FILE,
        line,
        `channel ${channel} is bound to "${ref}", which is neither an actor code nor a profile id`,
      );
  }

  return {
    loadedAt: parts.loadedAt ?? new Date(),
    profiles: [...profileById.values()],
    profileById,
    actors,
    actorByCode,
    actorOfProfile,
    categories,
    teamChannels,
    diagnostics,
  };
}

export function edgeCount(corpus: Corpus): number {
  let n = 0;
  for (const p of corpus.profiles) for (const c of p.relationships?.categories ?? []) n += c.codes.length;
  return n;
}

export function errorCount(corpus: Pick<Corpus, 'diagnostics'>): number {
  return corpus.diagnostics.filter((d) => d.severity === 'error').length;
}
