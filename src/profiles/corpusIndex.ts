// What the indexes built over a corpus share: each is filled an item at a time, a slice at a time, so that a reload
// of thousands of profiles never holds the event loop, and none is handed out before it is filled.
import { eachInSlices } from '../slices.ts';
import type { Corpus } from './corpus.ts';

export abstract class CorpusIndex<Item> {
  protected constructor(protected readonly corpus: Corpus) {}

  /** Adds one item of the corpus to the index. */
  protected abstract add(item: Item): void;

  /**
   * This index, answering for `corpus`, which must read exactly as the corpus it was built from wherever the index
   * looks (the engine checks): a reload that changed only what profiles say reuses what was built. A built index
   * never changes, so the two share their contents.
   */
  rebase(corpus: Corpus): this {
    return Object.assign(Object.create(Object.getPrototypeOf(this)) as this, this, { corpus });
  }

  /** Adds every item a slice at a time; a subclass's static `build` returns what this resolves to. */
  protected async fill(items: Iterable<Item>): Promise<this> {
    await eachInSlices(items, (item) => this.add(item));
    return this;
  }
}
