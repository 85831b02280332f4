// Large buffers that live through a long, sliced piece of work (a build's postings, a snapshot's parts) reach
// V8's old generation, and their memory is freed only at its next full collection: at 10,000 profiles that left
// 50 to 100 MB held for minutes after a load. Moving a buffer's memory into a copy that nothing holds frees it at
// the next minor collection, within moments.

/** Below this a buffer is left to the collector: small Buffers may share one pooled allocation. */
const RELEASED_FROM_BYTES = 64 << 10;

/**
 * Frees the memory under `view` soon, when `view` is the whole of a large buffer of its own (else does nothing).
 * Every view of that buffer is empty afterwards: call it only once nothing will read them again.
 */
export function releaseBuffer(view: ArrayBufferView): void {
  const { buffer } = view;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < RELEASED_FROM_BYTES) return;
  if (view.byteOffset !== 0 || view.byteLength !== buffer.byteLength) return;
  structuredClone(buffer, { transfer: [buffer] });
}
