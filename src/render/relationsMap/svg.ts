// Turns the laid-out shapes into SVG markup. Every string that reaches the markup passes through here,
// so escaping and number formatting live in one place and the output is byte-stable.

import { fontFace } from './fontFace.ts';
import { FONT_FAMILY } from './fonts.ts';
import { num } from './numbers.ts';
import { escapeXml, placeGlyphs, xmlSafe } from './text.ts';

export interface TextRun {
  text: string;
  fill?: string;
  bold?: boolean;
}

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      r?: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: string;
    }
  | { kind: 'path'; d: string; stroke: string; width: number; dash?: string; roundCaps?: boolean }
  | { kind: 'polygon'; points: ReadonlyArray<readonly [number, number]>; fill: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  /** A square picture given as SVG markup (a flag). */
  | { kind: 'image'; x: number; y: number; size: number; svg: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      size: number;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      bold?: boolean;
      runs: TextRun[];
      /** Full, untruncated text kept as a tooltip so shortened labels lose nothing in the SVG. */
      title?: string;
    };

export interface Scene {
  width: number;
  height: number;
  background: string;
  shapes: Shape[];
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeXml(value)}"`;
}

/** Glyph outlines referenced by the picture, written once each into <defs>. */
class GlyphDefs {
  private readonly defs = new Map<string, string>();

  ref(glyph: number, bold: boolean): string {
    const id = `${bold ? 'b' : 'r'}${glyph}`;
    if (!this.defs.has(id)) this.defs.set(id, fontFace(bold).outline(glyph));
    return id;
  }

  markup(): string {
    const paths = [...this.defs].map(([id, d]) => `<path id="${id}" d="${d}"/>`);
    return paths.length === 0 ? '' : `<defs>${paths.join('')}</defs>`;
  }
}

function scaleOf(size: number, bold: boolean): string {
  return String(Number((size / fontFace(bold).unitsPerEm).toFixed(6)));
}

/**
 * Simple text becomes outlines placed with <use>; resvg then has no text to lay out. Anything that
 * needs shaping or bidi (Arabic, Hebrew, combining marks) stays a <text> element for resvg.
 */
function textShape(shape: Extract<Shape, { kind: 'text' }>, glyphs: GlyphDefs): string {
  const runs = shape.runs.map((run) => {
    const bold = run.bold ?? shape.bold ?? false;
    return { run, bold, placed: placeGlyphs(run.text, bold) };
  });
  const plain = runs.map((r) => r.run.text).join('');
  let body: string;
  if (runs.every((r) => r.placed)) {
    const widths = runs.map((r) => ((r.placed?.width ?? 0) / fontFace(r.bold).unitsPerEm) * shape.size);
    const total = widths.reduce((a, b) => a + b, 0);
    let x =
      shape.anchor === 'middle' ? shape.x - total / 2 : shape.anchor === 'end' ? shape.x - total : shape.x;
    body = runs
      .map((r, i) => {
        const uses = (r.placed?.glyphs ?? [])
          .map((g) => `<use xlink:href="#${glyphs.ref(g.glyph, r.bold)}"${g.x === 0 ? '' : ` x="${g.x}"`}/>`)
          .join('');
        const group = `<g transform="translate(${num(x)} ${num(shape.y)}) scale(${scaleOf(shape.size, r.bold)})"${attr('fill', r.run.fill ?? shape.fill)}>${uses}</g>`;
        x += widths[i] ?? 0;
        return group;
      })
      .join('');
  } else {
    const spans = shape.runs
      .map((run) => {
        const text = escapeXml(xmlSafe(run.text));
        if (run.fill === undefined && run.bold === undefined) return text;
        const weight = run.bold === undefined ? undefined : run.bold ? 'bold' : 'normal';
        return `<tspan${attr('fill', run.fill)}${attr('font-weight', weight)}>${text}</tspan>`;
      })
      .join('');
    const anchor = shape.anchor && shape.anchor !== 'start' ? shape.anchor : undefined;
    body = `<text x="${num(shape.x)}" y="${num(shape.y)}" font-size="${num(shape.size)}"${attr('fill', shape.fill)}${attr('text-anchor', anchor)}${attr('font-weight', shape.bold ? 'bold' : undefined)}>${spans}</text>`;
  }
  const title = shape.title === undefined ? '' : `<title>${escapeXml(xmlSafe(shape.title))}</title>`;
  return `<g${attr('aria-label', xmlSafe(plain))}>${title}${body}</g>`;
}

function shapeMarkup(shape: Shape, glyphs: GlyphDefs): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.w)}" height="${num(shape.h)}"${shape.r ? ` rx="${num(shape.r)}"` : ''}${attr('fill', shape.fill)}${attr('stroke', shape.stroke)}${shape.strokeWidth === undefined ? '' : ` stroke-width="${num(shape.strokeWidth)}"`}${attr('stroke-dasharray', shape.dash)}/>`;
    case 'path':
      return `<path d="${escapeXml(shape.d)}" fill="none"${attr('stroke', shape.stroke)} stroke-width="${num(shape.width)}"${attr('stroke-dasharray', shape.dash)}${shape.roundCaps ? ' stroke-linecap="round"' : ''}/>`;
    case 'polygon':
      return `<polygon points="${shape.points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}"${attr('fill', shape.fill)}/>`;
    case 'circle':
      return `<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}"${attr('fill', shape.fill)}/>`;
    case 'image':
      return `<image x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.size)}" height="${num(shape.size)}" xlink:href="data:image/svg+xml;base64,${Buffer.from(shape.svg).toString('base64')}"/>`;
    case 'text':
      return textShape(shape, glyphs);
  }
}

export function sceneToSvg(scene: Scene): string {
  const { width, height } = scene;
  const glyphs = new GlyphDefs();
  const body = scene.shapes.map((shape) => shapeMarkup(shape, glyphs));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    glyphs.markup(),
    `<rect width="${width}" height="${height}"${attr('fill', scene.background)}/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
