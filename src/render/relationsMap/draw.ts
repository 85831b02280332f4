// Drawing pieces shared by the layouts: title line, actor pills, category chips and arrows.
import type { MapActor, MapCategory } from './model.ts';
import { num } from './numbers.ts';
import { displayName } from './prepare.ts';
import { CANVAS, COLOURS, polarityStroke, TYPE, textOn } from './style.ts';
import type { Shape } from './svg.ts';
import { cleanText, fitText, textWidth, wrapText } from './text.ts';

const ARROW_LENGTH = 15;
const ARROW_HALF_WIDTH = 7.5;
const LINE_WIDTH = 3;

/** Title on the left, optional summary on the right when both fit; the name part shrinks first. */
export function titleLine(name: string, suffix: string, summary: string): Shape[] {
  const maxWidth = CANVAS.width - 2 * CANVAS.margin;
  const suffixWidth = textWidth(suffix, TYPE.title, true);
  const title = fitText(name, Math.max(maxWidth - suffixWidth, maxWidth / 3), TYPE.title, true) + suffix;
  const shapes: Shape[] = [
    {
      kind: 'text',
      x: CANVAS.margin,
      y: 60,
      size: TYPE.title,
      bold: true,
      fill: COLOURS.text,
      runs: [{ text: title }],
    },
  ];
  const room = maxWidth - textWidth(title, TYPE.title, true) - 40;
  if (summary !== '' && textWidth(summary, TYPE.summary) <= room) {
    shapes.push({
      kind: 'text',
      x: CANVAS.width - CANVAS.margin,
      y: 58,
      size: TYPE.summary,
      anchor: 'end',
      fill: COLOURS.muted,
      runs: [{ text: summary }],
    });
  }
  return shapes;
}

export interface PillSpec {
  /** Left edge. */
  x: number;
  /** Vertical centre. */
  cy: number;
  text: string;
  size: number;
  height: number;
  border: string;
  fill: string;
  textFill: string;
  bold?: boolean;
  dashed?: boolean;
  title?: string;
}

export const PILL_PADDING = 16;

export function pillWidth(text: string, size: number, bold = false): number {
  return textWidth(text, size, bold) + 2 * PILL_PADDING;
}

export function pill(spec: PillSpec): Shape[] {
  const w = pillWidth(spec.text, spec.size, spec.bold);
  return [
    {
      kind: 'rect',
      x: spec.x,
      y: spec.cy - spec.height / 2,
      w,
      h: spec.height,
      r: spec.height / 2,
      fill: spec.fill,
      stroke: spec.border,
      strokeWidth: 2.5,
      ...(spec.dashed ? { dash: '7 5' } : {}),
    },
    {
      kind: 'text',
      x: spec.x + w / 2,
      // DejaVu's x-height sits a little above the middle of the em box, so nudge the baseline down.
      y: spec.cy + spec.size * 0.36,
      size: spec.size,
      anchor: 'middle',
      fill: spec.textFill,
      ...(spec.bold ? { bold: true } : {}),
      runs: [{ text: spec.text }],
      ...(spec.title === undefined ? {} : { title: spec.title }),
    },
  ];
}

/** A filled chip in the category colour, used for group headers and relation labels. */
export function chip(
  x: number,
  cy: number,
  text: string,
  colour: string,
  size: number = TYPE.header,
): Shape[] {
  return pill({
    x,
    cy,
    text,
    size,
    height: size + 13,
    border: colour,
    fill: colour,
    textFill: textOn(colour),
    bold: true,
  });
}

export function chipWidth(text: string, size: number = TYPE.header): number {
  return pillWidth(text, size, true);
}

function arrowHead(tipX: number, tipY: number, dx: number, dy: number, colour: string): Shape {
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const baseX = tipX - ux * ARROW_LENGTH;
  const baseY = tipY - uy * ARROW_LENGTH;
  return {
    kind: 'polygon',
    points: [
      [tipX, tipY],
      [baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH],
      [baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH],
    ],
    fill: colour,
  };
}

export interface ArrowSpec {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  colour: string;
  polarity: MapCategory['polarity'];
  width?: number;
}

/**
 * A horizontal S-curve from (x0, y0) to an arrowhead at (x1, y1). The line stops at the head's base so
 * dashes never show through the tip.
 */
export function arrow(spec: ArrowSpec): Shape[] {
  const direction = spec.x1 >= spec.x0 ? 1 : -1;
  const endX = spec.x1 - direction * (ARROW_LENGTH - 1);
  const pull = Math.abs(endX - spec.x0) * 0.55;
  const d =
    Math.abs(spec.y1 - spec.y0) < 0.5
      ? `M${num(spec.x0)} ${num(spec.y0)}H${num(endX)}`
      : `M${num(spec.x0)} ${num(spec.y0)}C${num(spec.x0 + direction * pull)} ${num(spec.y0)} ${num(endX - direction * pull)} ${num(spec.y1)} ${num(endX)} ${num(spec.y1)}`;
  return [
    {
      kind: 'path',
      d,
      stroke: spec.colour,
      width: spec.width ?? LINE_WIDTH,
      ...polarityStroke(spec.polarity),
    },
    arrowHead(spec.x1, spec.y1, direction, 0, spec.colour),
  ];
}

/** A short sample of an arrow for the legend. */
export function arrowSample(
  x: number,
  cy: number,
  length: number,
  colour: string,
  polarity: MapCategory['polarity'],
) {
  return arrow({ x0: x, y0: cy, x1: x + length, y1: cy, colour, polarity, width: 3.5 });
}

/** The dark block for the actor a map is about: name on up to two lines, code underneath. */
export function actorNode(
  actor: MapActor,
  cx: number,
  cy: number,
  width: number,
  minHeight: number,
): { shapes: Shape[]; height: number } {
  const lines = wrapText(displayName(actor, true), width - 32, TYPE.node, true, 2);
  const lineHeight = TYPE.node * 1.2;
  const code = fitText(cleanText(actor.code), width - 32, TYPE.nodeCode);
  const contentHeight = lines.length * lineHeight + TYPE.nodeCode * 1.5;
  const height = Math.max(contentHeight + 40, minHeight);
  const firstBaseline = cy - contentHeight / 2 + TYPE.node * 0.95;
  const shapes: Shape[] = [
    { kind: 'rect', x: cx - width / 2, y: cy - height / 2, w: width, h: height, r: 18, fill: COLOURS.node },
    ...lines.map(
      (line, i): Shape => ({
        kind: 'text',
        x: cx,
        y: firstBaseline + i * lineHeight,
        size: TYPE.node,
        anchor: 'middle',
        bold: true,
        fill: COLOURS.nodeText,
        runs: [{ text: line }],
        ...(i === 0 ? { title: actor.name } : {}),
      }),
    ),
    {
      kind: 'text',
      x: cx,
      y: firstBaseline + (lines.length - 1) * lineHeight + TYPE.nodeCode * 1.55,
      size: TYPE.nodeCode,
      anchor: 'middle',
      fill: COLOURS.nodeCode,
      runs: [{ text: code }],
    },
  ];
  return { shapes, height };
}
