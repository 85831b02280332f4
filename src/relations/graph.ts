// The relations graph: each profile's listing of other actors, as directed edges labelled with the category.
// Queries answer "how X lists others", "who lists X" and "how X and Y see each other".
import { type Corpus, type CorpusActor, categoryInfo } from '../profiles/corpus.ts';
import { CorpusIndex } from '../profiles/corpusIndex.ts';
import type { Category } from '../profiles/directory.ts';
import type { Profile } from '../profiles/schema.ts';

export interface RelatedActor {
  code: string;
  /** Undefined when the directory does not know the code: it is then shown raw. */
  actor: CorpusActor | undefined;
}

export interface CategoryListing {
  /** As the profile writes it. */
  name: string;
  info: Category & { inDirectory: boolean };
  actors: RelatedActor[];
}

export interface RelationsOf {
  subject: CorpusActor;
  /** False when the actor has no profile, so it lists nobody. */
  hasProfile: boolean;
  categories: CategoryListing[];
}

export interface IncomingEdge {
  from: CorpusActor;
  profileId: string;
  category: string;
  info: Category & { inDirectory: boolean };
}

export interface RelationsToward {
  subject: CorpusActor;
  edges: IncomingEdge[];
}

export interface Stance {
  /** Categories in which the lister lists the other; empty when it does not list it. */
  categories: { name: string; info: Category & { inDirectory: boolean } }[];
  /** False when the lister has no profile, so its view is unknown rather than "not listed". */
  known: boolean;
}

export interface RelationsBetween {
  a: CorpusActor;
  b: CorpusActor;
  aToB: Stance;
  bToA: Stance;
  /** Both views are known and differ: a different category, or one side does not list the other. */
  asymmetric: boolean;
  /** Actors both list in the same category. */
  shared: { category: string; info: Category & { inDirectory: boolean }; actors: RelatedActor[] }[];
}

export class RelationsGraph extends CorpusIndex<Profile> {
  private readonly incoming = new Map<string, IncomingEdge[]>();

  static build(corpus: Corpus): Promise<RelationsGraph> {
    return new RelationsGraph(corpus).fill(corpus.profiles);
  }

  protected add(profile: Profile): void {
    const from = this.corpus.actorOfProfile.get(profile.id)!;
    for (const category of profile.relationships?.categories ?? []) {
      const info = categoryInfo(this.corpus, category.name);
      for (const { code } of category.codes) {
        const list = this.incoming.get(code) ?? [];
        list.push({ from, profileId: profile.id, category: category.name, info });
        this.incoming.set(code, list);
      }
    }
  }

  get edgeCount(): number {
    let n = 0;
    for (const list of this.incoming.values()) n += list.length;
    return n;
  }

  of(subject: CorpusActor, categoryFilter?: string): RelationsOf {
    const profile = subject.profileId ? this.corpus.profileById.get(subject.profileId) : undefined;
    const categories = (profile?.relationships?.categories ?? [])
      .filter((c) => !categoryFilter || c.name.toLowerCase() === categoryFilter.toLowerCase())
      .map((c) => ({
        name: c.name,
        info: categoryInfo(this.corpus, c.name),
        actors: c.codes.map(({ code }) => this.related(code)),
      }));
    return { subject, hasProfile: profile !== undefined, categories };
  }

  toward(subject: CorpusActor, categoryFilter?: string): RelationsToward {
    const edges = (this.incoming.get(subject.code) ?? []).filter(
      (e) => !categoryFilter || e.category.toLowerCase() === categoryFilter.toLowerCase(),
    );
    return { subject, edges };
  }

  between(a: CorpusActor, b: CorpusActor): RelationsBetween {
    const aToB = this.stance(a, b);
    const bToA = this.stance(b, a);
    const names = (s: Stance) =>
      s.categories
        .map((c) => c.name.toLowerCase())
        .sort()
        .join('|');
    const polarity = (s: Stance) =>
      s.categories
        .map((c) => c.info.polarity)
        .sort()
        .join('|');
    const asymmetric =
      aToB.known && bToA.known && (names(aToB) !== names(bToA) || polarity(aToB) !== polarity(bToA));

    const ofA = this.of(a).categories;
    const ofB = this.of(b).categories;
    const shared = ofA.flatMap((ca) => {
      const cb = ofB.find((c) => c.name.toLowerCase() === ca.name.toLowerCase());
      if (!cb) return [];
      const both = ca.actors.filter((x) => x.code !== b.code && cb.actors.some((y) => y.code === x.code));
      return both.length > 0 ? [{ category: ca.name, info: ca.info, actors: both }] : [];
    });
    return { a, b, aToB, bToA, asymmetric, shared };
  }

  private stance(lister: CorpusActor, other: CorpusActor): Stance {
    if (!lister.profileId) return { categories: [], known: false };
    const categories = (this.incoming.get(other.code) ?? [])
      .filter((e) => e.profileId === lister.profileId)
      .map((e) => ({ name: e.category, info: e.info }));
    return { categories, known: true };
  }

  private related(code: string): RelatedActor {
    return { code, actor: this.corpus.actorByCode.get(code) };
  }
}
