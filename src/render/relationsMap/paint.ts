// Draws a laid-out scene with skia (@napi-rs/canvas) and returns its RGBA pixels. The background is opaque, so
// the canvas's premultiplied pixels are the straight RGBA a PNG wants.
import { type Canvas, createCanvas, Image, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { canvasFont } from './fonts.ts';
import type { Scene, Shape } from './scene.ts';
import { textWidth } from './text.ts';

/** Flag pictures decoded once per size; there are a few hundred flags at most. */
const images = new Map<string, Image>();

function svgImage(svg: string, size: number): Image {
  const key = `${size}:${svg}`;
  let image = images.get(key);
  if (!image) {
    image = new Image();
    // Sized in the markup, so skia draws the vector at the size it is shown instead of scaling a bitmap.
    image.src = Buffer.from(svg.replace(/<svg\b/, `<svg width="${size}" height="${size}"`));
    images.set(key, image);
  }
  return image;
}

function dash(ctx: SKRSContext2D, pattern: string | undefined): void {
  ctx.setLineDash(pattern ? pattern.split(/[ ,]+/).map(Number) : []);
}

function drawText(ctx: SKRSContext2D, shape: Extract<Shape, { kind: 'text' }>): void {
  const runs = shape.runs.map((run) => ({ ...run, bold: run.bold ?? shape.bold ?? false }));
  const widths = runs.map((run) => textWidth(run.text, shape.size, run.bold));
  const total = widths.reduce((a, b) => a + b, 0);
  let x =
    shape.anchor === 'middle' ? shape.x - total / 2 : shape.anchor === 'end' ? shape.x - total : shape.x;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  runs.forEach((run, i) => {
    ctx.font = canvasFont(shape.size, run.bold);
    ctx.fillStyle = run.fill ?? shape.fill;
    ctx.fillText(run.text, x, shape.y);
    x += widths[i] ?? 0;
  });
}

function drawShape(ctx: SKRSContext2D, shape: Shape): void {
  switch (shape.kind) {
    case 'rect':
      ctx.beginPath();
      ctx.roundRect(shape.x, shape.y, shape.w, shape.h, shape.r ?? 0);
      ctx.fillStyle = shape.fill;
      ctx.fill();
      if (shape.stroke) {
        ctx.strokeStyle = shape.stroke;
        ctx.lineWidth = shape.strokeWidth ?? 1;
        ctx.lineCap = 'butt';
        dash(ctx, shape.dash);
        ctx.stroke();
      }
      return;
    case 'path':
      ctx.strokeStyle = shape.stroke;
      ctx.lineWidth = shape.width;
      ctx.lineCap = shape.roundCaps ? 'round' : 'butt';
      dash(ctx, shape.dash);
      ctx.stroke(new Path2D(shape.d));
      return;
    case 'polygon':
      ctx.beginPath();
      for (const [i, [x, y]] of shape.points.entries()) {
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.closePath();
      ctx.fillStyle = shape.fill;
      ctx.fill();
      return;
    case 'circle':
      ctx.beginPath();
      ctx.arc(shape.cx, shape.cy, shape.r, 0, 2 * Math.PI);
      ctx.fillStyle = shape.fill;
      ctx.fill();
      return;
    case 'image':
      ctx.drawImage(svgImage(shape.svg, Math.round(shape.size)), shape.x, shape.y, shape.size, shape.size);
      return;
    case 'text':
      drawText(ctx, shape);
      return;
  }
}

/**
 * Canvases kept by size and reused: a canvas is megabytes of native memory that only a garbage collection frees,
 * and the render process, making one per map, ran a full collection every third map.
 */
const canvases = new Map<string, Canvas>();
const KEPT_CANVASES = 2;

function canvasOf(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (canvas) canvases.delete(key);
  else canvas = createCanvas(width, height);
  canvases.set(key, canvas); // most recently used last
  if (canvases.size > KEPT_CANVASES) canvases.delete(canvases.keys().next().value!);
  return canvas;
}

/** The scene's pixels, RGBA row by row; a copy, so the canvas they were painted on can be painted again. */
export function paintScene(scene: Scene): { pixels: Buffer } {
  const canvas = canvasOf(scene.width, scene.height);
  const ctx = canvas.getContext('2d');
  ctx.reset(); // a reused canvas: its state and pixels back to a new one's
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (const shape of scene.shapes) drawShape(ctx, shape);
  return { pixels: canvas.data() };
}
