// A batch's postings must come back per word exactly as appended, in order, however the words interleave and
// however often their blocks move or a new chunk starts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchPostings } from '../../src/search/batchPostings.ts';

function readBack(batch: BatchPostings, t: number): number[] {
  const out = new Int32Array(batch.pairCount(t) * 2 + 3);
  batch.copyInto(t, out, 3);
  return Array.from(out.subarray(3));
}

function check(appends: readonly (readonly [number, number, number])[]): void {
  const batch = new BatchPostings();
  const expected = new Map<number, number[]>();
  for (const [t, key, tf] of appends) {
    batch.append(t, key, tf);
    if (!expected.has(t)) expected.set(t, []);
    expected.get(t)!.push(key, tf);
  }
  expect(batch.touched.length === 0).toBe(appends.length === 0);
  expect([...batch.touched].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
  for (const [t, pairs] of expected) {
    expect(batch.pairCount(t)).toBe(pairs.length / 2);
    expect(readBack(batch, t)).toEqual(pairs);
  }
  expect(batch.pairCount(1_000_000)).toBe(0);
}

describe('BatchPostings', () => {
  it('gives back each word its pairs in the order appended', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer(), fc.integer({ min: 1, max: 99 })), {
          maxLength: 3000,
        }),
        check,
      ),
      { numRuns: 60 },
    );
  });

  it('keeps them through many chunks: a few long lists beside many short ones', () => {
    const appends: [number, number, number][] = [];
    for (let i = 0; i < 400_000; i++) {
      const t = i % 3 === 0 ? i % 5 : 5 + ((i * 7919) % 20_000);
      appends.push([t, i, (i % 9) + 1]);
    }
    check(appends);
  });

  it('lets go of its chunks once released, and is empty then', () => {
    const batch = new BatchPostings();
    for (let i = 0; i < 50_000; i++) batch.append(i % 300, i, 1);
    const chunk = (batch as unknown as { chunks: Int32Array[] }).chunks[0]!;
    expect(chunk.buffer.byteLength).toBeGreaterThan(0);
    batch.release();
    // Detached: its memory went with the copy.
    expect(chunk.buffer.byteLength).toBe(0);
    expect(batch.touched.length === 0).toBe(true);
    expect(batch.pairCount(5)).toBe(0);
  });
});
