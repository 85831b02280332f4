// Finds the actors a piece of text names: names and aliases in any case, codes only in capitals (so the word
// "us" is not the United States).
import type { Corpus, CorpusActor } from '../profiles/corpus.ts';
import { normalizeKey } from './normalize.ts';

/** Longest name or alias, in words, worth looking for. */
const MAX_WORDS = 8;

export class ActorNames {
  private readonly byKey = new Map<string, string[]>();

  constructor(private readonly corpus: Corpus) {
    for (const actor of corpus.actors) {
      for (const text of [actor.name, ...actor.aliases]) {
        const key = normalizeKey(text);
        if (key.length < 3) continue;
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), actor.code]);
      }
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
