// Rasterises the map with resvg using only the bundled fonts, so the picture looks the same on every host.
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { Resvg } from '@resvg/resvg-js';
import { BOLD_FONT_FILE, FONT_FAMILY, REGULAR_FONT_FILE } from './fonts.ts';
import type { RelationsMapModel } from './model.ts';
import { encodePng } from './pngEncode.ts';
import { renderRelationsMapSvg } from './render.ts';

const RESVG_OPTIONS: ResvgRenderOptions = {
  font: {
    loadSystemFonts: false,
    fontFiles: [REGULAR_FONT_FILE, BOLD_FONT_FILE],
    defaultFontFamily: FONT_FAMILY,
  },
  logLevel: 'off',
};

export interface RenderedMap {
  png: Buffer;
  width: number;
  height: number;
  svg: string;
}

/** Rasterises any SVG with the map's font setup; tests use it to look at the pixels. */
export function rasterizeSvg(svg: string): { png: Buffer; pixels: Buffer; width: number; height: number } {
  const image = new Resvg(svg, RESVG_OPTIONS).render();
  const { pixels, width, height } = image;
  return { png: encodePng(pixels, width, height), pixels, width, height };
}

export function renderRelationsMapPng(model: RelationsMapModel): RenderedMap {
  const svg = renderRelationsMapSvg(model);
  const { png, width, height } = rasterizeSvg(svg);
  return { png, width, height, svg };
}
