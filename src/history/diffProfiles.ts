// Compares two recorded states of the data: which profiles were added, removed, renamed or changed, and within a
// changed profile which sections, interests and relationships changed. Pure: text in, change list out.
import { parseProfile } from '../profiles/parseProfile.ts';
import type { Interest, Profile } from '../profiles/schema.ts';
import { runSteps, runStepsInSlices } from '../slices.ts';
import type {
  DirectoryChange,
  InterestChange,
  ProfileDetail,
  ProfileEntry,
  RelationshipChange,
  SectionChange,
} from './changeSet.ts';
import { wordDelta } from './wordDelta.ts';

/** One profile as recorded: its file's text, and a hash of it to tell unchanged files apart cheaply. */
export interface ProfileSource {
  id: string;
  file: string;
  text: string;
  hash: string;
  /** Reads the text afresh, keeping nothing (a lazily read source): for writing it without holding it. */
  readText?: () => string;
  /** The profile's name, when already known (saves parsing an added profile just for it). */
  name?: string;
}

const byText = new Intl.Collator();

/** Synchronous, for tests and small data; a running bot uses diffProfilesInSlices. */
export function diffProfiles(
  before: ReadonlyMap<string, ProfileSource>,
  after: ReadonlyMap<string, ProfileSource>,
  categoryNames: readonly string[] = [],
): ProfileEntry[] {
  return runSteps(diffing(before, after, categoryNames));
}

/** The same, giving other work a turn every few milliseconds: thousands of changed profiles take a while. */
export async function diffProfilesInSlices(
  before: ReadonlyMap<string, ProfileSource>,
  after: ReadonlyMap<string, ProfileSource>,
  categoryNames: readonly string[] = [],
): Promise<ProfileEntry[]> {
  return runStepsInSlices(diffing(before, after, categoryNames));
}

/** The work of diffProfiles, pausing (`yield`) after each profile it parses. */
function* diffing(
  before: ReadonlyMap<string, ProfileSource>,
  after: ReadonlyMap<string, ProfileSource>,
  categoryNames: readonly string[],
): Generator<void, ProfileEntry[]> {
  const parse = (s: ProfileSource) =>
    parseProfile(s.text, { file: s.file, id: s.id, categoryNames }).profile ?? null;
  const nameOf = (s: ProfileSource) => s.name ?? parse(s)?.name ?? s.id;
  const removed = [...before.values()].filter((s) => !after.has(s.id));
  const added = [...after.values()].filter((s) => !before.has(s.id));
  const entries: ProfileEntry[] = [];

  // A file renamed with its text unchanged is one rename, not a removal and an addition.
  const removedByHash = new Map<string, ProfileSource[]>();
  for (const s of removed) removedByHash.set(s.hash, [...(removedByHash.get(s.hash) ?? []), s]);
  const renamedFrom = new Set<string>();
  for (const s of added) {
    const old = removedByHash.get(s.hash)?.shift();
    if (old) {
      renamedFrom.add(old.id);
      entries.push(entry('renamed', s, nameOf(s), { previousId: old.id, previousFile: old.file }));
    } else {
      // The whole text is in the version table: the change set only points at it.
      entries.push(entry('added', s, nameOf(s)));
    }
    yield;
  }
  for (const s of removed) {
    if (renamedFrom.has(s.id)) continue;
    entries.push(entry('removed', s, nameOf(s)));
    yield;
  }
  for (const next of after.values()) {
    const old = before.get(next.id);
    if (!old) continue;
    if (old.hash === next.hash) {
      // Same id and text under another file name (`Kesh.txt` → `kesh.txt`).
      if (old.file !== next.file)
        entries.push(entry('renamed', next, nameOf(next), { previousId: old.id, previousFile: old.file }));
      yield;
      continue;
    }
    const oldProfile = parse(old);
    const newProfile = parse(next);
    const details =
      oldProfile && newProfile ? profileDetails(oldProfile, newProfile) : [wholeText(old.text, next.text)];
    // No details when only white space or page chrome changed: the new text is still kept.
    entries.push({ ...entry('changed', next, newProfile?.name ?? nameOf(next)), details });
    yield;
  }
  return entries.sort((a, b) => byText.compare(a.name, b.name) || byText.compare(a.profileId, b.profileId));
}

function entry(
  change: ProfileEntry['change'],
  source: ProfileSource,
  name: string,
  extra: Partial<ProfileEntry> = {},
): ProfileEntry {
  return {
    change,
    profileId: source.id,
    name,
    file: source.file,
    previousId: null,
    previousFile: null,
    details: [],
    ...extra,
  };
}

function wholeText(before: string, after: string): SectionChange {
  return {
    kind: 'section',
    key: 'text',
    label: 'Text',
    change: 'changed',
    words: wordDelta(before, after),
    before,
    after,
  };
}

export function profileDetails(before: Profile, after: Profile): ProfileDetail[] {
  return [
    ...sectionChanges(before, after),
    ...interestChanges(before.interests?.items ?? [], after.interests?.items ?? []),
    ...relationshipChanges(before, after),
  ];
}

interface SectionText {
  key: string;
  label: string;
  text: string;
}

const paragraphs = (ps: readonly { text: string }[]) => ps.map((p) => p.text).join('\n\n');

/** The parts of a profile other than interests and relationships, each as one text. */
export function sectionTexts(profile: Profile): SectionText[] {
  const out: SectionText[] = [{ key: 'name', label: 'Name', text: profile.name }];
  if (profile.image) out.push({ key: 'image', label: 'Flag image', text: profile.image.file });
  if (profile.summary)
    out.push({
      key: 'summary',
      label: profile.summary.heading ?? 'Profile',
      text: paragraphs(profile.summary.paragraphs),
    });
  if (profile.interests && profile.interests.intro.length > 0)
    out.push({
      key: 'interests-intro',
      label: `${profile.interests.heading} (introduction)`,
      text: paragraphs(profile.interests.intro),
    });
  for (const s of profile.sections)
    out.push({ key: `section:${s.heading.toLowerCase()}`, label: s.heading, text: paragraphs(s.paragraphs) });
  return out;
}

function sectionChanges(before: Profile, after: Profile): SectionChange[] {
  const old = new Map(sectionTexts(before).map((s) => [s.key, s]));
  const next = sectionTexts(after);
  const out: SectionChange[] = [];
  for (const s of next) {
    const o = old.get(s.key);
    old.delete(s.key);
    if (o && o.text === s.text) continue;
    out.push({
      kind: 'section',
      key: s.key,
      label: s.label,
      change: o ? 'changed' : 'added',
      words: wordDelta(o?.text ?? '', s.text),
      before: o?.text ?? null,
      after: s.text,
    });
  }
  for (const o of old.values())
    out.push({
      kind: 'section',
      key: o.key,
      label: o.label,
      change: 'removed',
      words: wordDelta(o.text, ''),
      before: o.text,
      after: null,
    });
  return out;
}

export function interestText(interest: Interest): string {
  return [interest.title, paragraphs(interest.body)].filter(Boolean).join('\n\n');
}

const titleKey = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Interests are matched by title first (so one inserted at the top shows as the others renumbered, not as every
 * interest rewritten), then by number (a new title under the same number is a retitling).
 */
export function interestChanges(before: readonly Interest[], after: readonly Interest[]): InterestChange[] {
  const unmatchedOld = new Set(before);
  const pairs: [Interest | null, Interest | null][] = [];
  const unmatchedNew: Interest[] = [];
  for (const n of after) {
    const o = [...unmatchedOld].find((i) => titleKey(i.title) === titleKey(n.title));
    if (o) {
      unmatchedOld.delete(o);
      pairs.push([o, n]);
    } else unmatchedNew.push(n);
  }
  for (const n of unmatchedNew) {
    const o = [...unmatchedOld].find((i) => i.number === n.number);
    if (o) unmatchedOld.delete(o);
    pairs.push([o ?? null, n]);
  }
  for (const o of unmatchedOld) pairs.push([o, null]);

  const out: InterestChange[] = [];
  for (const [o, n] of pairs) {
    const oldText = o ? interestText(o) : null;
    const newText = n ? interestText(n) : null;
    const base = {
      kind: 'interest' as const,
      number: n?.number ?? null,
      oldNumber: o?.number ?? null,
      title: (n ?? o)!.title,
      oldTitle: o && n && o.title !== n.title ? o.title : null,
      words: wordDelta(o ? paragraphs(o.body) : '', n ? paragraphs(n.body) : ''),
      before: oldText,
      after: newText,
    };
    if (!o) out.push({ ...base, change: 'added' });
    else if (!n) out.push({ ...base, change: 'removed' });
    else if (o.title !== n.title) out.push({ ...base, change: 'retitled' });
    else if (paragraphs(o.body) !== paragraphs(n.body)) out.push({ ...base, change: 'rewritten' });
    else if (o.number !== n.number)
      // The text is the same: nothing to open, the numbers say it all.
      out.push({ ...base, change: 'renumbered', before: null, after: null });
  }
  return out.sort((a, b) => (a.number ?? a.oldNumber ?? 0) - (b.number ?? b.oldNumber ?? 0));
}

/** Code → the categories that list it, in the order the profile has them. */
function categoriesByCode(profile: Profile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of profile.relationships?.categories ?? [])
    for (const { code } of c.codes) {
      const list = out.get(code) ?? [];
      if (!list.includes(c.name)) list.push(c.name);
      out.set(code, list);
    }
  return out;
}

export function relationshipChanges(before: Profile, after: Profile): RelationshipChange[] {
  const old = categoriesByCode(before);
  const next = categoriesByCode(after);
  const out: RelationshipChange[] = [];
  const codes = [...new Set([...old.keys(), ...next.keys()])].sort();
  for (const code of codes) {
    const was = old.get(code) ?? [];
    const is = next.get(code) ?? [];
    const left = was.filter((c) => !is.includes(c));
    const joined = is.filter((c) => !was.includes(c));
    // A code that left one category and joined another moved between them.
    while (left.length > 0 && joined.length > 0)
      out.push({ kind: 'relationship', code, change: 'moved', from: left.shift()!, to: joined.shift()! });
    for (const from of left) out.push({ kind: 'relationship', code, change: 'removed', from, to: null });
    for (const to of joined) out.push({ kind: 'relationship', code, change: 'added', from: null, to });
  }
  return out;
}

/** Directory entries (actors by code, categories by name) as canonical JSON, compared field by field. */
export function diffDirectory(
  kind: DirectoryChange['kind'],
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): DirectoryChange[] {
  const out: DirectoryChange[] = [];
  for (const [key, json] of after) {
    const old = before.get(key);
    if (old === undefined) out.push({ kind, key, change: 'added', fields: [] });
    else if (old !== json) out.push({ kind, key, change: 'changed', fields: changedFields(old, json) });
  }
  for (const key of before.keys())
    if (!after.has(key)) out.push({ kind, key, change: 'removed', fields: [] });
  return out.sort((a, b) => byText.compare(a.key, b.key));
}

function changedFields(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}
