// The map as a PNG: laid out, painted by skia with only the bundled fonts, encoded by pngEncode.ts.
import type { RelationsMapModel } from './model.ts';
import { paintScene } from './paint.ts';
import { encodePng } from './pngEncode.ts';
import { relationsMapScene } from './render.ts';

export interface RenderedMap {
  png: Buffer;
  /** RGBA, row by row: for tests that look at the picture. */
  pixels: Buffer;
  width: number;
  height: number;
}

export function renderRelationsMapPng(model: RelationsMapModel): RenderedMap {
  const scene = relationsMapScene(model);
  const { pixels } = paintScene(scene);
  return {
    png: encodePng(pixels, scene.width, scene.height),
    pixels,
    width: scene.width,
    height: scene.height,
  };
}
