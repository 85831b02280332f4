// A fixed map, pixel by pixel, against a checked-in reference: a change to layout, fonts, colours or the
// painter shows here. The tolerance absorbs anti-aliasing differences between skia builds, not a moved label.
// The reference is written by scripts/renderExampleMap.ts after a deliberate change to the picture.
import { readFileSync } from 'node:fs';
import { createCanvas, Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { exampleOfModel } from '../../../scripts/exampleMaps.ts';
import { renderRelationsMapPng } from '../../../src/render/relationsMap/index.ts';

const REFERENCE_PNG = new URL('./reference/of-map.png', import.meta.url);

function decode(png: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
  const image = new Image();
  image.src = png;
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    data: ctx.getImageData(0, 0, image.width, image.height).data,
    width: image.width,
    height: image.height,
  };
}

/** Share of pixels where some channel differs by more than `threshold`. */
function differingShare(a: Uint8ClampedArray, b: Uint8ClampedArray, threshold: number): number {
  let differing = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((a[i + c] ?? 0) - (b[i + c] ?? 0)) > threshold) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.length / 4);
}

describe('relations map pixels', () => {
  it('matches the reference picture within a tolerance', () => {
    const reference = decode(readFileSync(REFERENCE_PNG));
    const drawn = decode(renderRelationsMapPng(exampleOfModel).png);
    expect({ width: drawn.width, height: drawn.height }).toEqual({
      width: reference.width,
      height: reference.height,
    });
    expect(differingShare(drawn.data, reference.data, 40)).toBeLessThan(0.002);
  });

  it('paints the same pixels on a reused canvas as on a new one', () => {
    const first = renderRelationsMapPng(exampleOfModel);
    // Another map of the same size, with other colours and dashes, painted on the canvas in between.
    const other = structuredClone(exampleOfModel);
    for (const c of other.categories) c.colour = '#101010';
    other.actors[0]!.name = 'A Much Longer Name For An Actor';
    const between = renderRelationsMapPng(other);
    expect({ width: between.width, height: between.height }).toEqual({
      width: first.width,
      height: first.height,
    });
    expect(between.pixels.equals(first.pixels)).toBe(false);
    const again = renderRelationsMapPng(exampleOfModel);
    expect(again.pixels.equals(first.pixels)).toBe(true);
    expect(again.png.equals(first.png)).toBe(true);
  });

  it('would notice a label moved or a colour changed', () => {
    const reference = decode(readFileSync(REFERENCE_PNG));
    const moved = structuredClone(exampleOfModel);
    moved.categories[0]!.colour = '#d23c3c';
    const drawn = decode(renderRelationsMapPng(moved).png);
    expect(differingShare(drawn.data, reference.data, 40)).toBeGreaterThan(0.002);
  });
});
