// Splits the corpus into what full-text search finds: one document per section of every profile.
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import type { Paragraph, Profile } from '../profiles/schema.ts';

export type SectionKind = 'summary' | 'interest' | 'section' | 'relationships';

export interface SectionDocument {
  /** `<profile id>:<section key>`, unique in the corpus. */
  id: string;
  profileId: string;
  /** Stable key of the section inside its profile (`summary`, `interest-2`, `section-0`, `relationships`). */
  key: string;
  kind: SectionKind;
  title: string;
  text: string;
  /** Who the profile is about: its name, code and aliases, so "tajik narcotics" finds the right profile. */
  actor: string;
  /** The relationships block with every code spelled out as its name and aliases. */
  relations: string;
}

const joinParagraphs = (paragraphs: readonly Paragraph[]) => paragraphs.map((p) => p.text).join('\n\n');

export function sectionDocuments(corpus: Corpus, profile: Profile): SectionDocument[] {
  const subject = corpus.actorOfProfile.get(profile.id);
  const actor = [profile.name, subject?.code ?? '', ...(subject?.aliases ?? [])].join(' | ');
  const doc = (
    key: string,
    kind: SectionKind,
    title: string,
    text: string,
    relations = '',
  ): SectionDocument => ({
    id: `${profile.id}:${key}`,
    profileId: profile.id,
    key,
    kind,
    title,
    text,
    actor,
    relations,
  });
  const docs: SectionDocument[] = [];
  if (profile.summary)
    docs.push(
      doc(
        'summary',
        'summary',
        profile.summary.heading ?? 'Profile',
        joinParagraphs(profile.summary.paragraphs),
      ),
    );
  if (profile.interests) {
    if (profile.interests.intro.length > 0) {
      docs.push(
        doc('interests', 'section', profile.interests.heading, joinParagraphs(profile.interests.intro)),
      );
    }
    for (const item of profile.interests.items) {
      docs.push(
        doc(
          `interest-${item.number}`,
          'interest',
          `${item.number}. ${item.title}`,
          joinParagraphs(item.body),
        ),
      );
    }
  }
  profile.sections.forEach((s, i) => {
    docs.push(doc(`section-${i}`, 'section', s.heading, joinParagraphs(s.paragraphs)));
  });
  if (profile.relationships) {
    const lines = profile.relationships.categories.map((c) => {
      const names = c.codes.map(({ code }) => {
        const a = corpus.actorByCode.get(code);
        return a ? `${a.name} (${code})` : code;
      });
      return `${c.name}: ${names.length > 0 ? names.join(', ') : 'none listed'}`;
    });
    const expanded = profile.relationships.categories
      .flatMap((c) => c.codes.map(({ code }) => corpus.actorByCode.get(code)))
      .flatMap((a) => (a ? [a.name, ...a.aliases] : []))
      .join(' | ');
    docs.push(
      doc('relationships', 'relationships', profile.relationships.heading, lines.join('\n'), expanded),
    );
  }
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
