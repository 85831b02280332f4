// Re-ranks the index's best hits with what BM25 cannot see: whether the query's words stand together in a
// section's text as typed, and whether the section discusses the actors the query names (a relationships listing
// merely names them). A question about an actor's relationships puts that actor's
// Relationships section first; a query that only names an actor with a profile, its summary.
import type { ActorNames } from './findActorsInText.ts';
import type { QueryIntent } from './queryIntent.ts';
import type { SectionDocument } from './sectionDocuments.ts';
import type { SectionHit } from './sectionIndex.ts';

/** Weights of what is added to the index's score (scaled so the best hit has 1). Measured on the relevance set. */
export const WEIGHTS = { phrase: 1, mention: 0.5 };

export interface RerankInput {
  hits: readonly SectionHit[];
  /** The query's index terms, in order (stemmed, stop words dropped). */
  terms: readonly string[];
  intent: QueryIntent;
  names: ActorNames;
  /** The index terms of a piece of text, in order, as the index makes them. */
  termsOf: (text: string) => string[];
  /** A section by id, for a Relationships section the hits do not hold. */
  section: (id: string) => SectionDocument | undefined;
  /** Sections outside this profile are never added. */
  profileId?: string;
}

export function rerank(input: RerankInput): SectionHit[] {
  const { hits, terms, intent } = input;
  const best = Math.max(hits[0]?.score ?? 0, Number.MIN_VALUE);
  const scored = hits.map((hit, order) => {
    const value =
      hit.score / best +
      WEIGHTS.phrase * phrase(hit, terms, input.termsOf) +
      WEIGHTS.mention * mention(hit, intent, input.names);
    return { hit, value, order };
  });
  scored.sort((a, b) => b.value - a.value || a.order - b.order);
  const ranked = scored.map((s) => s.hit);
  if (intent.topicWords.length > 0) return ranked;
  return intent.asksRelations
    ? sectionFirst(ranked, input, 'relationships')
    : sectionFirst(ranked, input, 'summary');
}

/**
 * Share of the query's neighbouring word pairs that stand side by side, in order, in the section's text (typos
 * are left to the index: comparing every word of every hit's text for them costs more than it finds).
 */
function phrase(hit: SectionHit, terms: readonly string[], termsOf: (text: string) => string[]): number {
  if (terms.length < 2) return 0;
  // Which query terms each distinct word of the text is: a bit per term, worked out once per word.
  const masks = new Map<string, number>();
  const maskOf = (word: string) => {
    let mask = masks.get(word);
    if (mask === undefined) {
      mask = 0;
      for (let i = 0; i < terms.length && i < 31; i++) if (startsAs(terms[i]!, word)) mask |= 1 << i;
      masks.set(word, mask);
    }
    return mask;
  };
  const words = termsOf(`${hit.section.title}\n${hit.section.text}`).map(maskOf);
  const pairs = Math.min(terms.length, 31) - 1;
  let found = 0;
  for (let i = 0; i < pairs; i++) {
    const [a, b] = [1 << i, 1 << (i + 1)];
    for (let p = 0; p + 1 < words.length; p++) {
      if (words[p]! & a && words[p + 1]! & b) {
        found++;
        break;
      }
    }
  }
  return found / pairs;
}

/**
 * Share of the actors the query names that the section is about or discusses in its text. A Relationships
 * section lists actors without discussing them: only its own actor counts there.
 */
function mention(hit: SectionHit, intent: QueryIntent, names: ActorNames): number {
  if (intent.actors.length === 0) return 0;
  const own = (code: string) => hit.section.actor.split(' | ').includes(code);
  const text = `${hit.section.title}\n${hit.section.text}`;
  // Finding names in a text costs far more than a substring test: only texts that may name an actor are read.
  const lower = text.toLowerCase();
  const mayName = intent.actors.some(
    ({ actor }) =>
      text.includes(actor.code) ||
      [actor.name, ...actor.aliases].some((n) => lower.includes(n.toLowerCase().split(' ').at(-1)!)),
  );
  const inText =
    hit.section.kind === 'relationships' || !mayName
      ? new Set<string>()
      : new Set(names.find(text).map((a) => a.code));
  return (
    intent.actors.filter(({ actor }) => own(actor.code) || inText.has(actor.code)).length /
    intent.actors.length
  );
}

/** A query term and an index term are the same word, or the query's starts the index's (prefix search). */
function startsAs(query: string, term: string): boolean {
  return term === query || (query.length >= 4 && term.startsWith(query));
}

/**
 * For a query that only names actors, each named actor's summary first; for a question about their
 * relationships, their Relationships sections. In the order the query names them.
 */
function sectionFirst(
  ranked: SectionHit[],
  input: RerankInput,
  key: 'summary' | 'relationships',
): SectionHit[] {
  const first: SectionHit[] = [];
  for (const { actor } of input.intent.actors) {
    if (!actor.profileId) continue;
    if (input.profileId && input.profileId !== actor.profileId) continue;
    const id = `${actor.profileId}:${key}`;
    const hit = ranked.find((h) => h.section.id === id);
    if (hit) first.push(hit);
    else {
      const section = input.section(id);
      if (section) first.push({ section, score: 0, terms: [] });
    }
  }
  return [...first, ...ranked.filter((h) => !first.includes(h))];
}
