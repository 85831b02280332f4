// What a render thread does with one model: the whole picture, layout to PNG, so the main thread only waits.
// The PNG's memory is handed to the main thread rather than copied, so receiving a map costs it no copy.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { RelationsMapModel } from './model.ts';
import { renderRelationsMapPng } from './png.ts';

export interface RenderedPng {
  png: Uint8Array;
  width: number;
  height: number;
}

/** The PNG alone in its memory: a small Buffer can be a slice of Node's shared pool, which must not be handed over. */
function ownMemory(png: Uint8Array): Uint8Array {
  return png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : new Uint8Array(png);
}

export function renderMapInThread(model: RelationsMapModel): RenderedPng {
  const { png, width, height } = renderRelationsMapPng(model);
  const rendered: RenderedPng = { png: ownMemory(png), width, height };
  // Piscina sends `valueSymbol` to the main thread with `transferableSymbol` moved, not copied.
  return move({
    [transferableSymbol]: rendered.png.buffer,
    [valueSymbol]: rendered,
  }) as unknown as RenderedPng;
}
