// Which actor each profile is about, so that one entity is one actor everywhere (codes, autocomplete, relations,
// maps, counts). A profile belongs to the directory actor whose `profile:` names it; otherwise to the one actor
// whose code, name or alias is the profile's title, or failing that its file name. A title several actors answer
// to is a warning naming them all, and the profile stands as its own actor until the directory says which it is.
import { entityKey } from '../search/entityKey.ts';
import type { CorpusActor, JoinedBy } from './corpus.ts';
import { DIRECTORY_FILE, type DirectoryActor } from './directory.ts';
import type { Profile } from './schema.ts';

export interface Joined {
  /** Directory actors first, in directory order, then one made-up actor per profile that joined none. */
  actors: CorpusActor[];
  actorOfProfile: Map<string, CorpusActor>;
}

type Warn = (file: string, line: number, message: string) => void;

/** `IRA Islamic Republic of Iran (actors.yaml:62)`: enough to find the entry. */
export function describeActor(actor: CorpusActor): string {
  const where = actor.line ? ` (${DIRECTORY_FILE}:${actor.line})` : '';
  return `${actor.code} ${actor.name}${where}`;
}

/**
 * Joins `profiles` (already unique by id, in a stable order) to the directory's actors. Yields after each unit of
 * work so that a caller can spread a large corpus over several turns of the event loop.
 */
/**
 * The last join: a reload that changed what profiles say, and neither the directory nor any profile's id, title
 * or file, joins them exactly as before. It reuses that join (its actors are the same objects, which tells later
 * steps that nothing about the actors changed) and repeats its warnings.
 */
let lastJoin: {
  directory: readonly DirectoryActor[];
  /** The profiles it joined, or the latest list found to read alike. */
  profiles: readonly Profile[];
  joined: Joined;
  warnings: Parameters<Warn>[];
} | null = null;

/** Whether two lists of profiles read alike to a join: the same ids, titles, files and title lines, in order. */
function sameJoinInput(a: readonly Profile[], b: readonly Profile[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    // An unwritten file gives back the same parse: most profiles of a reload compare by reference.
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.file !== y.file || x.nameLine !== y.nameLine))
      return false;
  }
  return true;
}

export function* joinProfiles(
  directoryActors: readonly DirectoryActor[],
  profiles: readonly Profile[],
  warn: Warn,
): Generator<void, Joined> {
  if (lastJoin && lastJoin.directory === directoryActors && sameJoinInput(lastJoin.profiles, profiles)) {
    // Kept as the list compared next time: the earlier list would keep the parses this one replaced.
    lastJoin.profiles = profiles;
    for (const w of lastJoin.warnings) warn(...w);
    return lastJoin.joined;
  }
  const warnings: Parameters<Warn>[] = [];
  const joined = yield* join(directoryActors, profiles, (...w) => {
    warnings.push(w);
    warn(...w);
  });
  lastJoin = { directory: directoryActors, profiles, joined, warnings };
  return joined;
}

function* join(
  directoryActors: readonly DirectoryActor[],
  profiles: readonly Profile[],
  warn: Warn,
): Generator<void, Joined> {
  // Object.assign rather than a spread: on Node 20's V8, once the spread's inline cache has seen a few shapes,
  // each copy it makes gets a hidden class of its own (about 200 bytes, and every read of an actor's field turns
  // megamorphic); Object.assign's copies share one. Ten thousand actors made 11,000 hidden classes.
  const actors: CorpusActor[] = directoryActors.map((a) => Object.assign({}, a, { inDirectory: true }));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const actorOfProfile = new Map<string, CorpusActor>();
  const join = (actor: CorpusActor, profile: Profile, by: JoinedBy) => {
    actor.profileId = profile.id;
    actor.joinedBy = by;
    actorOfProfile.set(profile.id, actor);
  };

  // An explicit `profile:` comes first: it is how the directory settles what a title cannot.
  for (const actor of actors) {
    if (actor.profile === undefined) continue;
    const profile = profileById.get(actor.profile);
    const owner = actorOfProfile.get(actor.profile);
    if (!profile)
      warn(
        DIRECTORY_FILE,
        actor.line ?? 1,
        `${actor.code} names profile: ${actor.profile}, but no profile with that id is loaded`,
      );
    else if (owner)
      warn(
        DIRECTORY_FILE,
        actor.line ?? 1,
        `${actor.code} names profile: ${actor.profile}, which ${owner.code} already names; ignored`,
      );
    else join(actor, profile, 'profile');
    yield;
  }

  const byKey = new Map<string, CorpusActor[]>();
  for (const actor of actors) {
    for (const text of [actor.code, actor.name, ...actor.aliases]) {
      const key = entityKey(text);
      if (!key) continue;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [actor]);
      else if (!list.includes(actor)) list.push(actor);
    }
    yield;
  }
  const candidates = (text: string) => byKey.get(entityKey(text)) ?? [];

  // Titles next. Two profiles may answer to one actor: the one titled by its name is the better claim, then the
  // one filed under one of its names; the other is warned about rather than joined.
  const byFileName: Profile[] = [];
  const claims = new Map<CorpusActor, Profile[]>();
  for (const profile of profiles) {
    if (actorOfProfile.has(profile.id)) continue;
    const found = candidates(profile.name);
    const [only] = found;
    if (!only) {
      byFileName.push(profile);
    } else if (found.length > 1) {
      warn(
        profile.file,
        profile.nameLine,
        `"${profile.name}" could be any of ${found.map(describeActor).join(', ')}: ` +
          `add profile: ${profile.id} to the right one; until then it stands as an actor of its own`,
      );
    } else {
      const list = claims.get(only);
      if (list) list.push(profile);
      else claims.set(only, [profile]);
    }
    yield;
  }
  for (const [actor, claimants] of claims) {
    const strength = (p: Profile) =>
      (entityKey(p.name) === entityKey(actor.name) ? 2 : 0) +
      (candidates(idWords(p)).includes(actor) ? 1 : 0);
    const best =
      actor.profileId === undefined
        ? claimants.reduce((a, b) => (strength(b) > strength(a) ? b : a))
        : undefined;
    if (best) join(actor, best, 'title');
    for (const profile of claimants) {
      if (profile === best) continue;
      const other = profileById.get(actor.profileId!);
      warn(
        profile.file,
        profile.nameLine,
        `"${profile.name}" is ${describeActor(actor)}, which already has ${other?.file ?? actor.profileId}; ` +
          'this profile stands as an actor of its own until one of the two is removed or given its own entry',
      );
    }
    yield;
  }

  // A title the directory does not know may still be filed under a code or name (`prc.txt`, `kesh.txt`).
  for (const profile of byFileName) {
    const found = candidates(idWords(profile)).filter((a) => a.profileId === undefined);
    const [only] = found;
    if (only && found.length === 1) join(only, profile, 'file');
    else
      warn(
        profile.file,
        profile.nameLine,
        `"${profile.name}" has no entry in the actor directory (add one with profile: ${profile.id}); it is found by name only`,
      );
    yield;
  }

  const codes = new Set(actors.map((a) => a.code));
  for (const profile of profiles) {
    if (actorOfProfile.has(profile.id)) continue;
    const actor: CorpusActor = {
      code: freeCode(profile.id.toUpperCase(), codes),
      name: profile.name,
      kind: 'other',
      aliases: [],
      profileId: profile.id,
      inDirectory: false,
    };
    codes.add(actor.code);
    actors.push(actor);
    actorOfProfile.set(profile.id, actor);
    yield;
  }
  return { actors, actorOfProfile };
}

/** A profile id as words: `okaro-federation` → `okaro federation`. */
function idWords(profile: Profile): string {
  return profile.id.replace(/-/g, ' ');
}

/** A made-up actor never takes a code the directory (or another made-up actor) already uses. */
function freeCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
