// What the indexes built over a corpus share: each is filled an item at a time, a slice at a time, so that a reload
// of thousands of profiles never holds the event loop, and none is handed out before it is filled.
import { eachInSlices } from '../slices.ts';
import type { Corpus } from './corpus.ts';

export abstract class CorpusIndex<Item> {
  protected constructor(protected readonly corpus: Corpus) {}

  /** Adds one item of the corpus to the index. */
  protected abstract add(item: Item): void;

  /** Adds every item a slice at a time; a subclass's static `build` returns what this resolves to. */
  protected async fill(items: Iterable<Item>): Promise<this> {
    await eachInSlices(items, (item) => this.add(item));
    return this;
  }
}
