// Drawing pieces shared by the layouts: title line, actor pills, category chips and arrows.
import { flagSvg } from './flags.ts';
import type { MapActor, MapCategory } from './model.ts';
import { namedText, nameLabel } from './nameLabel.ts';
import { num } from './numbers.ts';
import type { Shape } from './scene.ts';
import { CANVAS, COLOURS, polarityStroke, TYPE, textOn } from './style.ts';
import { cleanText, fitText, textWidth } from './text.ts';

/** The node's name: two lines at the first size, three at a smaller one before anything is cut. */
const NODE_SIZES = [TYPE.node, 26, 22] as const;
/** The node has room to grow downwards, so the longest names take a fourth line rather than be cut. */
const NODE_MAX_LINES = 4;
const ARROW_LENGTH = 15;
const ARROW_HALF_WIDTH = 7.5;
const LINE_WIDTH = 3;

/**
 * Title on the left, optional summary on the right when both fit. `name`: an actor, named as fully as the line
 * allows (full name, short name, code) with the suffix kept, or text already fitted.
 */
export function titleLine(name: MapActor | string, suffix: string, summary: string): Shape[] {
  const maxWidth = CANVAS.width - 2 * CANVAS.margin;
  const title =
    typeof name === 'string'
      ? fitText(name, maxWidth - textWidth(suffix, TYPE.title, true), TYPE.title, true) + suffix
      : namedText([name], [([n]) => `${n}${suffix}`, ([n]) => `${n}`], maxWidth, TYPE.title, true);
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
  const summaryRoom = maxWidth - textWidth(title, TYPE.title, true) - 40;
  if (summary !== '' && textWidth(summary, TYPE.summary) <= summaryRoom) {
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
  /** Two lines instead of `text`, when a name was wrapped. */
  lines?: readonly string[];
  size: number;
  height: number;
  border: string;
  fill: string;
  textFill: string;
  bold?: boolean;
  dashed?: boolean;
  title?: string;
  /** SVG of a flag drawn before the text. */
  flag?: string | null;
  /** Room left and right of the text; PILL_PADDING unless given. */
  padding?: number;
}

export const PILL_PADDING = 16;
export const LINE_SPACING = 1.18;
const FLAG_GAP = 9;

function flagSize(size: number): number {
  return Math.round(size * 1.05);
}

/** What a flag adds to a pill's width at this type size. */
export function flagWidth(size: number, flag: string | null | undefined): number {
  return flag ? flagSize(size) + FLAG_GAP : 0;
}

export function pillWidth(
  text: string | readonly string[],
  size: number,
  bold = false,
  flag?: string | null,
  padding = PILL_PADDING,
): number {
  const lines = typeof text === 'string' ? [text] : text;
  const widest = Math.max(0, ...lines.map((line) => textWidth(line, size, bold)));
  return widest + 2 * padding + flagWidth(size, flag);
}

/** Height of a pill holding `lines` lines of text at `size`. */
export function pillHeight(lines: number, size: number, oneLine: number): number {
  return lines <= 1 ? oneLine : Math.round(oneLine + (lines - 1) * size * LINE_SPACING);
}

export function pill(spec: PillSpec): Shape[] {
  const lines = spec.lines ?? [spec.text];
  const w = pillWidth(lines, spec.size, spec.bold, spec.flag, spec.padding);
  const flagRoom = flagWidth(spec.size, spec.flag);
  const textCx = spec.x + flagRoom + (w - flagRoom) / 2;
  const lineHeight = spec.size * LINE_SPACING;
  // DejaVu's x-height sits a little above the middle of the em box, so nudge the baseline down.
  const firstBaseline = spec.cy - ((lines.length - 1) * lineHeight) / 2 + spec.size * 0.36;
  const shapes: Shape[] = [
    {
      kind: 'rect',
      x: spec.x,
      y: spec.cy - spec.height / 2,
      w,
      h: spec.height,
      r: Math.min(spec.height / 2, 23),
      fill: spec.fill,
      stroke: spec.border,
      strokeWidth: 2.5,
      ...(spec.dashed ? { dash: '7 5' } : {}),
    },
  ];
  if (spec.flag) {
    const size = flagSize(spec.size);
    shapes.push({
      kind: 'image',
      x: spec.x + (spec.padding ?? PILL_PADDING) - 2,
      y: spec.cy - size / 2,
      size,
      svg: spec.flag,
    });
  }
  lines.forEach((line, i) => {
    shapes.push({
      kind: 'text',
      x: textCx,
      y: firstBaseline + i * lineHeight,
      size: spec.size,
      anchor: 'middle',
      fill: spec.textFill,
      ...(spec.bold ? { bold: true } : {}),
      runs: [{ text: line }],
      ...(spec.title === undefined || i > 0 ? {} : { title: spec.title }),
    });
  });
  return shapes;
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

/** A filled triangle with its tip at (tipX, tipY), pointing along (dx, dy). */
export function arrowHead(tipX: number, tipY: number, dx: number, dy: number, colour: string): Shape {
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

/** The dark block for the actor a map is about: name on up to three lines, code underneath; `whole`: none cut. */
export function actorNode(
  actor: MapActor,
  cx: number,
  cy: number,
  width: number,
  minHeight: number,
): { shapes: Shape[]; height: number; whole: boolean } {
  const label = nameLabel(actor, width - 32, NODE_SIZES, true, NODE_MAX_LINES);
  const { lines, size } = label;
  const lineHeight = size * 1.2;
  const code = fitText(cleanText(actor.code), width - 32, TYPE.nodeCode);
  const contentHeight = lines.length * lineHeight + TYPE.nodeCode * 1.5;
  const height = Math.max(contentHeight + 40, minHeight);
  const firstBaseline = cy - contentHeight / 2 + size * 0.95;
  const shapes: Shape[] = [
    { kind: 'rect', x: cx - width / 2, y: cy - height / 2, w: width, h: height, r: 18, fill: COLOURS.node },
    ...lines.map(
      (line, i): Shape => ({
        kind: 'text',
        x: cx,
        y: firstBaseline + i * lineHeight,
        size,
        anchor: 'middle',
        bold: true,
        fill: COLOURS.nodeText,
        runs: [{ text: line }],
        ...(i === 0 ? { title: actor.name } : {}),
      }),
    ),
  ];
  // The flag, when there is one, sits before the code on the line under the name.
  const flag = flagSvg(actor.flag);
  const flagSize = flag ? Math.round(TYPE.nodeCode * 1.2) : 0;
  const codeBaseline = firstBaseline + (lines.length - 1) * lineHeight + TYPE.nodeCode * 1.55;
  const codeLeft = cx - (textWidth(code, TYPE.nodeCode) + (flag ? flagSize + 8 : 0)) / 2;
  if (flag) {
    shapes.push({
      kind: 'image',
      x: codeLeft,
      y: codeBaseline - TYPE.nodeCode * 0.36 - flagSize / 2,
      size: flagSize,
      svg: flag,
    });
  }
  shapes.push({
    kind: 'text',
    x: codeLeft + (flag ? flagSize + 8 : 0),
    y: codeBaseline,
    size: TYPE.nodeCode,
    fill: COLOURS.nodeCode,
    runs: [{ text: code }],
  });
  return { shapes, height, whole: label.whole };
}
