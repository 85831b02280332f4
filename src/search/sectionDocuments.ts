// Splits the corpus into what full-text search finds: one document per section of every profile.
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import type { Paragraph, Profile } from '../profiles/schema.ts';

export type SectionKind = 'summary' | 'interest' | 'section' | 'relationships';

export interface SectionDocument {
  /** `<profile id>:<section key>`, unique in the corpus. */
  readonly id: string;
  readonly profileId: string;
  /** Stable key of the section inside its profile (`summary`, `interest-2`, `section-0`, `relationships`). */
  readonly key: string;
  readonly kind: SectionKind;
  readonly title: string;
  readonly text: string;
  /** Who the profile is about: its name, code and aliases, so "tajik narcotics" finds the right profile. */
  readonly actor: string;
  /** The relationships block with every code spelled out as its name and aliases. */
  readonly relations: string;
}

const joinParagraphs = (paragraphs: readonly Paragraph[]) =>
  paragraphs.length === 1 ? paragraphs[0]!.text : paragraphs.map((p) => p.text).join('\n\n');

/**
 * What a profile's documents read besides the profile: its subject and the actors its relationships list, as
 * resolved when the documents were made. Not the corpus: a document kept in the index across reloads must not
 * keep an older corpus alive.
 */
class ProfileSource {
  private actorText: string | undefined;

  constructor(
    readonly profile: Profile,
    private readonly subject: CorpusActor | undefined,
    /** Per relationships category, the actor of each listed code (undefined: not in the corpus). */
    readonly listed: readonly (readonly (CorpusActor | undefined)[])[],
  ) {}

  /** Shared by the profile's documents, made once when first read. */
  get actor(): string {
    this.actorText ??= [this.profile.name, this.subject?.code ?? '', ...(this.subject?.aliases ?? [])].join(
      ' | ',
    );
    return this.actorText;
  }
}

type Part = 'summary' | 'intro' | 'interest' | 'section' | 'relationships';

/**
 * A section document whose title and texts are read from its profile when asked for, not copied: a restart makes
 * every document to match them to the saved index, and most of them are never read whole after that. The joined
 * text of a many-paragraph section is made anew at each read (indexing, a snippet, the re-rank): a few per search.
 */
class ProfileSection implements SectionDocument {
  readonly id: string;
  readonly profileId: string;

  constructor(
    private readonly source: ProfileSource,
    readonly key: string,
    readonly kind: SectionKind,
    private readonly part: Part,
    /** Which interest or section. */
    private readonly at = 0,
  ) {
    this.profileId = source.profile.id;
    this.id = `${this.profileId}:${key}`;
  }

  get title(): string {
    const { profile } = this.source;
    switch (this.part) {
      case 'summary':
        return profile.summary!.heading ?? 'Profile';
      case 'intro':
        return profile.interests!.heading;
      case 'interest': {
        const item = profile.interests!.items[this.at]!;
        return `${item.number}. ${item.title}`;
      }
      case 'section':
        return profile.sections[this.at]!.heading;
    }
    return profile.relationships!.heading;
  }

  get text(): string {
    const { profile } = this.source;
    switch (this.part) {
      case 'summary':
        return joinParagraphs(profile.summary!.paragraphs);
      case 'intro':
        return joinParagraphs(profile.interests!.intro);
      case 'interest':
        return joinParagraphs(profile.interests!.items[this.at]!.body);
      case 'section':
        return joinParagraphs(profile.sections[this.at]!.paragraphs);
    }
    return profile
      .relationships!.categories.map((c, i) => {
        const names = c.codes.map(({ code }, j) => {
          const a = this.source.listed[i]![j];
          return a ? `${a.name} (${code})` : code;
        });
        return `${c.name}: ${names.length > 0 ? names.join(', ') : 'none listed'}`;
      })
      .join('\n');
  }

  get actor(): string {
    return this.source.actor;
  }

  get relations(): string {
    if (this.part !== 'relationships') return '';
    return this.source.listed
      .flat()
      .flatMap((a) => (a ? [a.name, ...a.aliases] : []))
      .join(' | ');
  }

  /** The fields as plain data (a log line, a test's comparison). */
  toJSON(): SectionDocument {
    const { id, profileId, key, kind, title, text, actor, relations } = this;
    return { id, profileId, key, kind, title, text, actor, relations };
  }
}

export function sectionDocuments(corpus: Corpus, profile: Profile): SectionDocument[] {
  const listed = (profile.relationships?.categories ?? []).map((c) =>
    c.codes.map(({ code }) => corpus.actorByCode.get(code)),
  );
  const source = new ProfileSource(profile, corpus.actorOfProfile.get(profile.id), listed);
  const docs: SectionDocument[] = [];
  if (profile.summary) docs.push(new ProfileSection(source, 'summary', 'summary', 'summary'));
  if (profile.interests) {
    if (profile.interests.intro.length > 0)
      docs.push(new ProfileSection(source, 'interests', 'section', 'intro'));
    profile.interests.items.forEach((item, i) => {
      docs.push(new ProfileSection(source, `interest-${item.number}`, 'interest', 'interest', i));
    });
  }
  profile.sections.forEach((_, i) => {
    docs.push(new ProfileSection(source, `section-${i}`, 'section', 'section', i));
  });
  if (profile.relationships)
    docs.push(new ProfileSection(source, 'relationships', 'relationships', 'relationships'));
  return docs;
}

/** What of an actor the documents above read. */
const actorText = (a: CorpusActor | undefined): string =>
  a ? `${a.code}\u0001${a.name}\u0001${a.aliases.join('\u0001')}` : '';

/** Codes whose actor reads differently (or exists in one corpus only). */
export function changedActorCodes(before: Corpus, after: Corpus): Set<string> {
  const changed = new Set<string>();
  for (const [code, actor] of after.actorByCode) {
    const earlier = before.actorByCode.get(code);
    // A reload that reuses the join keeps the same actor objects: no need to compare their text.
    if (actor !== earlier && actorText(actor) !== actorText(earlier)) changed.add(code);
  }
  for (const code of before.actorByCode.keys()) if (!after.actorByCode.has(code)) changed.add(code);
  return changed;
}

/**
 * Whether a profile's documents, its own text unchanged, read differently in `after`: its subject or one of the
 * actors it lists changed. Keeps a reload from recomputing every profile's documents when one actor changes.
 */
export function documentActorsChanged(
  before: Corpus,
  after: Corpus,
  profile: Profile,
  changedCodes: ReadonlySet<string>,
): boolean {
  const [was, is] = [before.actorOfProfile.get(profile.id), after.actorOfProfile.get(profile.id)];
  if (was !== is && actorText(was) !== actorText(is)) return true;
  if (changedCodes.size === 0) return false;
  return (profile.relationships?.categories ?? []).some((c) =>
    c.codes.some(({ code }) => changedCodes.has(code)),
  );
}
