// What changed between two loads of a data directory, by profile id: what a reload re-indexes, and what a team
// is told changed.
import type { Corpus } from './corpus.ts';
import type { LoadedFiles } from './loadCorpus.ts';

export interface DataChanges {
  /** Profile ids loaded now and not before, sorted. */
  added: string[];
  /** Profile ids loaded before and not now, sorted. */
  removed: string[];
  /** Profile ids loaded both times whose file changed (bytes, or which file holds the profile), sorted. */
  changed: string[];
  /** actors.yaml was added, removed or edited. */
  directoryChanged: boolean;
  /** teams.yaml was added, removed or edited. */
  teamsChanged: boolean;
}

/** Everything is new: the first load. */
export function everythingAdded(corpus: Corpus): DataChanges {
  return {
    added: corpus.profiles.map((p) => p.id).sort(),
    removed: [],
    changed: [],
    directoryChanged: true,
    teamsChanged: true,
  };
}

export function hasChanges(changes: DataChanges): boolean {
  return (
    changes.added.length + changes.removed.length + changes.changed.length > 0 ||
    changes.directoryChanged ||
    changes.teamsChanged
  );
}

export function dataChanges(
  before: { corpus: Corpus; files: LoadedFiles },
  after: { corpus: Corpus; files: LoadedFiles },
): DataChanges {
  const hashOf = (files: LoadedFiles, file: string) =>
    files.profiles.get(file.slice(file.indexOf('/') + 1))?.hash;
  const added: string[] = [];
  const changed: string[] = [];
  for (const profile of after.corpus.profiles) {
    const earlier = before.corpus.profileById.get(profile.id);
    // A file neither written nor moved gives back the very parse it gave before.
    if (earlier === profile) continue;
    if (!earlier) added.push(profile.id);
    else if (
      earlier.file !== profile.file ||
      hashOf(before.files, earlier.file) !== hashOf(after.files, profile.file)
    )
      changed.push(profile.id);
  }
  const removed = before.corpus.profiles.filter((p) => !after.corpus.profileById.has(p.id)).map((p) => p.id);
  return {
    added: added.sort(),
    removed: removed.sort(),
    changed: changed.sort(),
    directoryChanged: before.files.directory?.hash !== after.files.directory?.hash,
    teamsChanged: before.files.teams?.hash !== after.files.teams?.hash,
  };
}
