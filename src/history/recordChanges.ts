// Records what a successful load brought: reads the text of every new or changed profile, compares it with the last
// state the database recorded, and writes one change set (or nothing, when nothing changed). The comparison
// runs a slice at a time beside the bot's answers; the write checks under the database's write lock that no
// other process (another shard loading the same data) recorded meanwhile, and compares again if one did.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import type { Profile } from '../profiles/schema.ts';
import { eachInSlices } from '../slices.ts';
import { type ChangeSet, type Changes, isEmpty } from './changeSet.ts';
import { diffDirectory, diffProfilesInSlices, type ProfileSource } from './diffProfiles.ts';
import type { ChangeSetWrite, HistoryStore } from './historyStore.ts';

const READ_CONCURRENCY = 32;
/** Compare again at most this often when other processes keep recording first. */
const MAX_TRIES = 5;

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** What a profile's file held when it was last read for a record. */
export interface KnownSource {
  file: string;
  hash: string;
}

/**
 * Every profile in the corpus with the hash of its file's text; the text itself is read again when first asked
 * for, which recording does only for a profile whose text changed or that is gone, or for a baseline's write. A
 * profile object seen at an earlier record (`known`) was parsed from the same bytes (a load reuses a profile only
 * for an unchanged file): it is not read at all now. So a reload of one edited profile reads one file, not ten
 * thousand, and a start's record never holds every profile's text at once (60 MB at ten thousand profiles, kept
 * until a full garbage collection).
 */
export async function readSources(
  dataDir: string,
  corpus: Corpus,
  known: WeakMap<Profile, KnownSource> = new WeakMap(),
): Promise<Map<string, ProfileSource>> {
  const out = new Map<string, ProfileSource>();
  const toRead: Profile[] = [];
  const source = (p: Profile, hash: string) => {
    const full = path.join(dataDir, p.file);
    return lazySource({ id: p.id, file: p.file, hash, name: p.name }, () => readFileSync(full, 'utf8'));
  };
  await eachInSlices(corpus.profiles, (p) => {
    const seen = known.get(p);
    if (seen && seen.file === p.file) out.set(p.id, source(p, seen.hash));
    else toRead.push(p);
  });
  for (let i = 0; i < toRead.length; i += READ_CONCURRENCY) {
    const batch = toRead.slice(i, i + READ_CONCURRENCY);
    const texts = await Promise.all(
      batch.map((p) => readFile(path.join(dataDir, p.file), 'utf8').catch(() => null)),
    );
    for (const [j, p] of batch.entries()) {
      const text = texts[j];
      // Gone since the load: the next load (the watcher's) records its removal.
      if (text === null || text === undefined) continue;
      const hash = hashText(text);
      out.set(p.id, source(p, hash));
      known.set(p, { file: p.file, hash });
    }
  }
  return out;
}

/** A source whose text is read when first asked for (and kept then), or afresh with `readText`. */
export function lazySource(base: Omit<ProfileSource, 'text'>, read: () => string): ProfileSource {
  let text: string | undefined;
  return {
    ...base,
    get text() {
      text ??= read();
      return text;
    },
    readText: read,
  };
}

/** Directory entries as canonical JSON (keys sorted), so that reordering a YAML map is no change. */
export interface DirectorySnapshot {
  actor: Map<string, string>;
  category: Map<string, string>;
}

/** Worked out a slice at a time: ten thousand actors written out take longer than a turn should hold. */
export async function directorySnapshot(corpus: Corpus): Promise<DirectorySnapshot> {
  const actor = new Map<string, string>();
  await eachInSlices(corpus.actors, (a) => {
    if (a.inDirectory) actor.set(a.code, canonicalOf(a, withoutJoin));
  });
  return { actor, category: new Map(corpus.categories.map((c) => [c.name, canonicalOf(c, (o) => o)])) };
}

const canonical = (o: object) =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))));
const withoutJoin = ({ inDirectory: _i, profileId: _p, ...actor }: CorpusActor) => actor;

/**
 * Each entry's canonical JSON, worked out once per object: a reload that keeps the directory keeps its actor
 * objects, and ten thousand of them take tens of milliseconds to write out.
 */
const canonicals = new WeakMap<object, string>();
function canonicalOf<T extends object>(entry: T, fields: (entry: T) => object): string {
  let json = canonicals.get(entry);
  if (json === undefined) {
    json = canonical(fields(entry));
    canonicals.set(entry, json);
  }
  return json;
}

export interface RecordInput {
  sources: ReadonlyMap<string, ProfileSource>;
  directory: DirectorySnapshot;
  categoryNames: readonly string[];
  reason: string;
  /** Queue a feed post of the change set to this channel. */
  feedChannelId?: string;
  now?: Date;
}

type Version = ChangeSetWrite['versions'][number];
type DirectoryWrite = { kind: 'actor' | 'category'; key: string; json: string | null };

interface Plan {
  /** The last change set the comparison was made against. */
  against: number | null;
  baseline: boolean;
  changes: Changes;
  versions: Version[];
  directory: DirectoryWrite[];
}

export async function recordChangeSet(store: HistoryStore, input: RecordInput): Promise<ChangeSet | null> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planChangeSet(store, input);
    const write = changeSetWrite(plan, input);
    const stale = () => store.lastChangeSetId() !== plan.against;
    // A baseline writes every profile's text: thousands of rows, more than one turn of the event loop should hold.
    const written =
      plan.baseline && write
        ? await store.writingInSlices(async () =>
            stale() ? ('again' as const) : recorded(await store.insertChangeSetInSlices(write), write),
          )
        : store.writing(() =>
            stale() ? ('again' as const) : write && recorded(store.insertChangeSet(write), write),
          );
    if (written !== 'again') return written;
    if (attempt >= MAX_TRIES) throw new Error('other processes kept recording change sets first');
  }
}

async function planChangeSet(store: HistoryStore, input: RecordInput): Promise<Plan> {
  const against = store.lastChangeSetId();
  const baseline = against === null;
  const current = store.currentProfiles();
  const before = new Map<string, ProfileSource>();
  await eachInSlices(current, ([id, c]) => {
    const next = input.sources.get(id);
    // Unchanged: the new text is the old one, and is read only if asked for (it seldom is).
    const base = { id, file: c.file, hash: c.hash };
    before.set(
      id,
      next && next.hash === c.hash
        ? lazySource(base, () => next.text)
        : { ...base, text: store.textOf(c.versionId) ?? '' },
    );
  });
  const profiles = baseline ? [] : await diffProfilesInSlices(before, input.sources, input.categoryNames);
  const oldDirectory = { actor: store.directory('actor'), category: store.directory('category') };
  const changes: Changes = {
    profiles,
    directory: baseline
      ? []
      : [
          ...diffDirectory('category', oldDirectory.category, input.directory.category),
          ...diffDirectory('actor', oldDirectory.actor, input.directory.actor),
        ],
  };

  const versions: Version[] = [];
  for (const s of input.sources.values()) {
    const c = current.get(s.id);
    if (!c || c.hash !== s.hash || c.file !== s.file) {
      // A baseline's texts are read as each is written; a change's are those the comparison read.
      const text = baseline && s.readText ? s.readText : s.text;
      versions.push({ profileId: s.id, file: s.file, text, hash: s.hash });
    }
  }
  for (const [id, c] of current)
    if (!input.sources.has(id)) versions.push({ profileId: id, file: c.file, text: null, hash: null });
  const directory: DirectoryWrite[] = [];
  for (const kind of ['actor', 'category'] as const) {
    const old = oldDirectory[kind];
    for (const [key, json] of input.directory[kind])
      if (old.get(key) !== json) directory.push({ kind, key, json });
    for (const key of old.keys())
      if (!input.directory[kind].has(key)) directory.push({ kind, key, json: null });
  }
  return { against, baseline, changes, versions, directory };
}

/** What writing `plan` adds to the database; null when it changes nothing (a baseline always writes). */
function changeSetWrite(plan: Plan, input: RecordInput): ChangeSetWrite | null {
  if (!plan.baseline && isEmpty(plan.changes)) return null;
  return {
    recordedAt: input.now ?? new Date(),
    reason: input.reason,
    baseline: plan.baseline,
    profileCount: input.sources.size,
    changes: plan.changes,
    versions: plan.versions,
    directory: plan.directory,
    feedChannelId: input.feedChannelId,
  };
}

function recorded(id: number, write: ChangeSetWrite): ChangeSet {
  const { recordedAt, reason, baseline, profileCount, changes } = write;
  return { id, recordedAt, reason, baseline, profileCount, changes };
}
