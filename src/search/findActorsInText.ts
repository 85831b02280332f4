// Finds the actors a piece of text names: names and aliases in any case, codes only in capitals (so the word
// "us" is not the United States).
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import { CorpusIndex } from '../profiles/corpusIndex.ts';
import { normalizeKey } from './normalize.ts';

/** Longest name or alias, in words, worth looking for. */
const MAX_WORDS = 8;

export class ActorNames extends CorpusIndex<CorpusActor> {
  private readonly byKey = new Map<string, string[]>();

  static build(corpus: Corpus): Promise<ActorNames> {
    return new ActorNames(corpus).fill(corpus.actors);
  }

  protected add(actor: CorpusActor): void {
    // A profile titled otherwise than the directory names its actor ("Federation of Okaro") names it too.
    const title = actor.profileId ? this.corpus.profileById.get(actor.profileId)?.name : undefined;
    const named = title === undefined || title === actor.name || actor.aliases.includes(title);
    for (const text of named ? [actor.name, ...actor.aliases] : [actor.name, ...actor.aliases, title]) {
      const key = normalizeKey(text);
      if (key.length < 3) continue;
      const codes = this.byKey.get(key);
      if (codes?.includes(actor.code)) continue;
      if (codes) codes.push(actor.code);
      else this.byKey.set(key, [actor.code]);
    }
  }

  /** Actors in order of first mention. */
  find(text: string): CorpusActor[] {
    const found = new Set<string>();
    const tokens = text.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
    const keys = tokens.map((t) => normalizeKey(t));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === token.toUpperCase() && this.corpus.actorByCode.has(token)) found.add(token);
      let phrase = '';
      for (let n = 0; n < MAX_WORDS && i + n < keys.length; n++) {
        phrase = phrase ? `${phrase} ${keys[i + n]}` : keys[i + n]!;
        for (const code of this.byKey.get(phrase) ?? []) found.add(code);
      }
    }
    return [...found].map((code) => this.corpus.actorByCode.get(code)!);
  }
}
