// What one change set says, written once as zod schemas: it is stored as JSON in the history database and read
// back through these schemas, so a row written by another version of Dossier is checked, never trusted.
import { z } from 'zod';

export const wordDeltaSchema = z.object({ added: z.number().int(), removed: z.number().int() });
export type WordDelta = z.infer<typeof wordDeltaSchema>;

/** Old and new text of something a button can open: null on the side where it does not exist. */
const beforeAfter = { before: z.string().nullable(), after: z.string().nullable() };

export const sectionChangeSchema = z.object({
  kind: z.literal('section'),
  /** `summary`, `name`, `image`, `interests-intro` or `section:<heading>`. */
  key: z.string(),
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  words: wordDeltaSchema,
  ...beforeAfter,
});

export const interestChangeSchema = z.object({
  kind: z.literal('interest'),
  change: z.enum(['added', 'removed', 'rewritten', 'retitled', 'renumbered']),
  number: z.number().int().nullable(),
  oldNumber: z.number().int().nullable(),
  title: z.string(),
  oldTitle: z.string().nullable(),
  words: wordDeltaSchema,
  ...beforeAfter,
});

export const relationshipChangeSchema = z.object({
  kind: z.literal('relationship'),
  code: z.string(),
  change: z.enum(['added', 'removed', 'moved']),
  /** Category before (moved, removed). */
  from: z.string().nullable(),
  /** Category after (moved, added). */
  to: z.string().nullable(),
});

export const profileDetailSchema = z.discriminatedUnion('kind', [
  sectionChangeSchema,
  interestChangeSchema,
  relationshipChangeSchema,
]);
export type ProfileDetail = z.infer<typeof profileDetailSchema>;
export type SectionChange = z.infer<typeof sectionChangeSchema>;
export type InterestChange = z.infer<typeof interestChangeSchema>;
export type RelationshipChange = z.infer<typeof relationshipChangeSchema>;

export const profileEntrySchema = z.object({
  change: z.enum(['added', 'removed', 'changed', 'renamed']),
  profileId: z.string(),
  name: z.string(),
  file: z.string(),
  /** Renamed: where the same text was before. */
  previousId: z.string().nullable(),
  previousFile: z.string().nullable(),
  details: z.array(profileDetailSchema),
});
export type ProfileEntry = z.infer<typeof profileEntrySchema>;

export const directoryChangeSchema = z.object({
  kind: z.enum(['actor', 'category']),
  /** Actor code or category name. */
  key: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** Changed: the fields that differ. */
  fields: z.array(z.string()),
});
export type DirectoryChange = z.infer<typeof directoryChangeSchema>;

export const changesSchema = z.object({
  profiles: z.array(profileEntrySchema),
  directory: z.array(directoryChangeSchema),
});
export type Changes = z.infer<typeof changesSchema>;

export interface ChangeSet {
  id: number;
  recordedAt: Date;
  /** Why the data was loaded: `start`, `console`, `data changed`, `SIGHUP`… */
  reason: string;
  /** The first record of the data: everything is new, so nothing is listed. */
  baseline: boolean;
  profileCount: number;
  changes: Changes;
}

export function isEmpty(changes: Changes): boolean {
  return changes.profiles.length === 0 && changes.directory.length === 0;
}

/** Everything a change set shows with a before-and-after button, in the order it shows them. */
export interface Viewable {
  entry: ProfileEntry;
  /** Null: the whole profile (added or removed). */
  detail: SectionChange | InterestChange | null;
}

export function viewables(changes: Changes): Viewable[] {
  const out: Viewable[] = [];
  for (const entry of changes.profiles) {
    if (entry.change === 'added' || entry.change === 'removed') out.push({ entry, detail: null });
    for (const detail of entry.details) if (hasText(detail)) out.push({ entry, detail });
  }
  return out;
}

export function hasText(detail: ProfileDetail): detail is SectionChange | InterestChange {
  return detail.kind !== 'relationship' && (detail.before !== null || detail.after !== null);
}

/** Actor codes and profile ids a change set is about: `/changes <actor>` filters on them. */
export function subjects(changes: Changes): Set<string> {
  const out = new Set<string>();
  for (const p of changes.profiles) {
    out.add(`profile:${p.profileId}`);
    if (p.previousId) out.add(`profile:${p.previousId}`);
    for (const d of p.details) if (d.kind === 'relationship') out.add(`code:${d.code}`);
  }
  for (const d of changes.directory) if (d.kind === 'actor') out.add(`code:${d.key}`);
  return out;
}
