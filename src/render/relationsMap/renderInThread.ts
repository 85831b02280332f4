// What a render thread does with one model: the whole picture, layout to PNG, so the main thread only waits.
import type { RelationsMapModel } from './model.ts';
import { renderRelationsMapPng } from './png.ts';

export interface RenderedPng {
  png: Uint8Array;
  width: number;
  height: number;
}

export function renderMapInThread(model: RelationsMapModel): RenderedPng {
  const { png, width, height } = renderRelationsMapPng(model);
  return { png, width, height };
}
