// Sentences of made-up words for the synthetic profiles: Zipf-ranked vocabulary, function words the index must
// skip, the odd number, and names of listed actors, as real summaries mention their neighbours.
import { intBetween, pick, type Random } from './random.ts';
import { capitalise, FUNCTION_WORDS } from './vocabulary.ts';

export class ProseWriter {
  private readonly rank = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly vocabulary: string[],
    private readonly nextWord: () => number,
  ) {
    for (const [i, w] of vocabulary.entries()) this.rank.set(w, i);
  }

  /** About `words` words in one or two paragraphs; sometimes names one of `mentions`, as summaries do. */
  paragraphs(words: number, mentions: string[]): string[] {
    const count = words > 200 && this.random() < 0.5 ? 2 : 1;
    const out: string[] = [];
    for (let p = 0; p < count; p++) {
      const sentences: string[] = [];
      let written = 0;
      while (written < words / count) {
        const length = intBetween(this.random, 8, 22);
        sentences.push(this.sentence(length, mentions));
        written += length;
      }
      out.push(sentences.join(' '));
    }
    return out;
  }

  title(): string {
    const first = capitalise(this.word());
    const r = this.random();
    if (r < 0.3) return first;
    if (r < 0.6) return `${first} of ${capitalise(this.word())}`;
    return `${first} ${capitalise(this.word())}`;
  }

  rarestWords(paragraphs: string[], n: number): string[] {
    const words = new Set(
      paragraphs
        .join(' ')
        .toLowerCase()
        .split(/[^a-z]+/),
    );
    return [...words]
      .filter((w) => this.rank.has(w))
      .sort((a, b) => this.rank.get(b)! - this.rank.get(a)!)
      .slice(0, n);
  }

  private sentence(length: number, mentions: string[]): string {
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      const r = this.random();
      if (r < 0.3) words.push(pick(this.random, FUNCTION_WORDS));
      else if (r < 0.32 && mentions.length > 0) words.push(pick(this.random, mentions));
      else if (r < 0.33) words.push(String(intBetween(this.random, 1, 2030)));
      else words.push(this.word());
    }
    words[0] = capitalise(words[0]!);
    return `${words.join(' ')}.`;
  }

  private word(): string {
    return this.vocabulary[this.nextWord()]!;
  }
}
