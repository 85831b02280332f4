// releaseBuffer frees only what the caller wholly owns: a large buffer of its own, never a part of a larger one
// or a small Buffer that may share Node's pool.
import { describe, expect, it } from 'vitest';
import { releaseBuffer } from '../../src/releaseBuffer.ts';

describe('releaseBuffer', () => {
  it('empties a large buffer of its own', () => {
    const numbers = new Int32Array(1 << 20);
    const other = new Uint8Array(numbers.buffer);
    releaseBuffer(numbers);
    expect(numbers.length).toBe(0);
    expect(other.byteLength).toBe(0);
  });

  it('leaves a view on part of a buffer, a small buffer and a pooled Buffer alone', () => {
    const whole = new Int32Array(1 << 20);
    const part = whole.subarray(10, 1 << 19);
    releaseBuffer(part);
    expect(whole.length).toBe(1 << 20);
    const small = new Int32Array(100);
    releaseBuffer(small);
    expect(small.length).toBe(100);
    const pooled = Buffer.from('pooled');
    const neighbour = Buffer.from('neighbour');
    releaseBuffer(pooled);
    expect(pooled.toString()).toBe('pooled');
    expect(neighbour.toString()).toBe('neighbour');
  });
});
