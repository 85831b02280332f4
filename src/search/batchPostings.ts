// Where a batch of added documents puts its postings until the batch is settled. Growing one small typed array
// per word, as a build of 60,000 sections would, allocates hundreds of thousands of buffers through malloc, twice
// the final size in all: freed, they stay in the process's memory as holes (about 120 MB at 10,000 profiles)
// that the allocator never gives back. Here a batch writes into a few large chunks instead (a word whose block
// fills moves to a block twice its size further on), and the chunks are dropped whole when the batch settles;
// chunks past a few tens of megabytes are mapped on their own and go back to the system when freed.
import { releaseBuffer } from '../releaseBuffer.ts';

/** The first chunk, in numbers: an edit's batch of a few sections stays this small. */
const FIRST_CHUNK = 1 << 14;
/** The largest chunk, in numbers (36 MB): above glibc's largest mmap threshold (32 MB), so freeing it unmaps it. */
const LARGEST_CHUNK = 9 << 20;
/** A word's first block, in numbers: two (key, frequency) pairs. */
const FIRST_BLOCK = 4;

export class BatchPostings {
  private chunks: Int32Array[] = [];
  private top = 0;
  /** Per word id: its block's chunk (-1: none yet), start, size and how many numbers are used. */
  private chunkOf = new Int32Array(0);
  private startOf = new Int32Array(0);
  private sizeOf = new Int32Array(0);
  private usedOf = new Int32Array(0);
  /** Word ids with postings in this batch, in the order they first got one. */
  private words: number[] = [];

  /** Word ids with postings in the batch. */
  get touched(): readonly number[] {
    return this.words;
  }

  /** Appends one (key, frequency) pair to word `t`'s postings. */
  append(t: number, key: number, tf: number): void {
    if (t >= this.chunkOf.length) this.makeRoomForWord(t);
    let chunk = this.chunkOf[t]!;
    let used = this.usedOf[t]!;
    if (chunk < 0) {
      chunk = this.allocate(t, FIRST_BLOCK);
      used = 0;
      this.words.push(t);
    } else if (used + 2 > this.sizeOf[t]!) {
      const from = this.chunks[chunk]!;
      const start = this.startOf[t]!;
      chunk = this.allocate(t, this.sizeOf[t]! * 2);
      this.chunks[chunk]!.set(from.subarray(start, start + used), this.startOf[t]!);
    }
    const block = this.chunks[chunk]!;
    const at = this.startOf[t]! + used;
    block[at] = key;
    block[at + 1] = tf;
    this.usedOf[t] = used + 2;
  }

  /** The number of pairs word `t` has in the batch. */
  pairCount(t: number): number {
    return t < this.chunkOf.length && this.chunkOf[t]! >= 0 ? this.usedOf[t]! / 2 : 0;
  }

  /** Copies word `t`'s pairs into `target` from `at`. */
  copyInto(t: number, target: Int32Array, at: number): void {
    if (this.pairCount(t) === 0) return;
    const start = this.startOf[t]!;
    target.set(this.chunks[this.chunkOf[t]!]!.subarray(start, start + this.usedOf[t]!), at);
  }

  /** Gives the chunks' memory back now (see releaseBuffer), not at the next full garbage collection. */
  release(): void {
    for (const chunk of this.chunks) releaseBuffer(chunk);
    this.chunks = [];
    this.words = [];
    this.chunkOf = new Int32Array(0);
  }

  /** A new block of `size` numbers for word `t`, at the top of the last chunk or in a new one. */
  private allocate(t: number, size: number): number {
    let last = this.chunks.length - 1;
    if (last < 0 || this.top + size > this.chunks[last]!.length) {
      const previous = last < 0 ? FIRST_CHUNK / 2 : this.chunks[last]!.length;
      this.chunks.push(new Int32Array(Math.max(size, Math.min(LARGEST_CHUNK, previous * 2))));
      last++;
      this.top = 0;
    }
    this.chunkOf[t] = last;
    this.startOf[t] = this.top;
    this.sizeOf[t] = size;
    this.top += size;
    return last;
  }

  private makeRoomForWord(t: number): void {
    const length = Math.max(1024, t + 1, this.chunkOf.length * 2);
    const grow = (a: Int32Array, fill: number) => {
      const grown = new Int32Array(length).fill(fill);
      grown.set(a);
      return grown;
    };
    this.chunkOf = grow(this.chunkOf, -1);
    this.startOf = grow(this.startOf, 0);
    this.sizeOf = grow(this.sizeOf, 0);
    this.usedOf = grow(this.usedOf, 0);
  }
}
