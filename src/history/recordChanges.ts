// Records what a successful load brought: reads the text of every loaded profile, compares it with the last
// state the database recorded, and writes one change set (or nothing, when nothing changed). The comparison
// runs a slice at a time beside the bot's answers; the write checks under the database's write lock that no
// other process (another shard loading the same data) recorded meanwhile, and compares again if one did.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../profiles/corpus.ts';
import { type ChangeSet, type Changes, isEmpty } from './changeSet.ts';
import { diffDirectory, diffProfilesInSlices, type ProfileSource } from './diffProfiles.ts';
import type { HistoryStore } from './historyStore.ts';

const READ_CONCURRENCY = 32;
/** Compare again at most this often when other processes keep recording first. */
const MAX_TRIES = 5;

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The text of every profile in the corpus, read from its file now. */
export async function readSources(dataDir: string, corpus: Corpus): Promise<Map<string, ProfileSource>> {
  const out = new Map<string, ProfileSource>();
  const profiles = corpus.profiles;
  for (let i = 0; i < profiles.length; i += READ_CONCURRENCY) {
    const batch = profiles.slice(i, i + READ_CONCURRENCY);
    const texts = await Promise.all(
      batch.map((p) => readFile(path.join(dataDir, p.file), 'utf8').catch(() => null)),
    );
    for (const [j, p] of batch.entries()) {
      const text = texts[j];
      // Gone since the load: the next load (the watcher's) records its removal.
      if (text === null || text === undefined) continue;
      out.set(p.id, { id: p.id, file: p.file, text, hash: hashText(text), name: p.name });
    }
  }
  return out;
}

/** Directory entries as canonical JSON (keys sorted), so that reordering a YAML map is no change. */
export function directorySnapshot(corpus: Corpus): {
  actor: Map<string, string>;
  category: Map<string, string>;
} {
  const canonical = (o: object) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))));
  return {
    actor: new Map(
      corpus.actors
        .filter((a) => a.inDirectory)
        .map(({ inDirectory: _i, profileId: _p, ...actor }) => [actor.code, canonical(actor)]),
    ),
    category: new Map(corpus.categories.map((c) => [c.name, canonical(c)])),
  };
}

export interface RecordInput {
  sources: ReadonlyMap<string, ProfileSource>;
  directory: ReturnType<typeof directorySnapshot>;
  categoryNames: readonly string[];
  reason: string;
  /** Queue a feed post of the change set to this channel. */
  feedChannelId?: string;
  now?: Date;
}

type Version = { profileId: string; file: string; text: string | null; hash: string | null };
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
    const written = store.writing(() => {
      if (store.lastChangeSetId() !== plan.against) return 'again' as const;
      return writePlan(store, plan, input);
    });
    if (written !== 'again') return written;
    if (attempt >= MAX_TRIES) throw new Error('other processes kept recording change sets first');
  }
}

async function planChangeSet(store: HistoryStore, input: RecordInput): Promise<Plan> {
  const against = store.lastChangeSetId();
  const baseline = against === null;
  const current = store.currentProfiles();
  const before = new Map<string, ProfileSource>();
  for (const [id, c] of current) {
    const next = input.sources.get(id);
    // Unchanged: the new text is the old one; no need to read it back.
    const text = next && next.hash === c.hash ? next.text : (store.textOf(c.versionId) ?? '');
    before.set(id, { id, file: c.file, text, hash: c.hash });
  }
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
    if (!c || c.hash !== s.hash || c.file !== s.file)
      versions.push({ profileId: s.id, file: s.file, text: s.text, hash: s.hash });
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

function writePlan(store: HistoryStore, plan: Plan, input: RecordInput): ChangeSet | null {
  if (!plan.baseline && isEmpty(plan.changes)) return null;
  const recordedAt = input.now ?? new Date();
  const profileCount = input.sources.size;
  const id = store.insertChangeSet({
    recordedAt,
    reason: input.reason,
    baseline: plan.baseline,
    profileCount,
    changes: plan.changes,
    versions: plan.versions,
    directory: plan.directory,
    feedChannelId: input.feedChannelId,
  });
  return {
    id,
    recordedAt,
    reason: input.reason,
    baseline: plan.baseline,
    profileCount,
    changes: plan.changes,
  };
}
