// Layout for 'of' and 'toward' maps: the actor in the middle, the others in category groups stacked in
// a column on each side, one arrow per listed actor. Groups that do not fit keep a share of the rows
// and end in a "+N more" pill, so every category stays visible.
import { actorPill, actorPillLabel, actorPillWidth } from './actorPill.ts';
import { actorNode, arrow, chip, chipWidth, pill, pillWidth, titleLine } from './draw.ts';
import type { Group, Row } from './hubColumns.ts';
import {
  allocate,
  bestSplit,
  entriesFor,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  rowHeight,
  stack,
} from './hubColumns.ts';
import { legend } from './legend.ts';
import type { RelationsMapModel } from './model.ts';
import type { Category } from './prepare.ts';
import { actorLookup, distinctEdges, resolveCategories } from './prepare.ts';
import type { Scene, Shape } from './scene.ts';
import { CANVAS, CENTER_X, COLOURS, canvasHeight, TYPE } from './style.ts';
import { cleanText, fitText } from './text.ts';

type HubModel = Extract<RelationsMapModel, { kind: 'of' | 'toward' }>;

const CENTER_WIDTH = 270;
const CURVE_GAP = 96;
const MAIN_TOP = 92;
const LEFT_INNER = CENTER_X - CENTER_WIDTH / 2 - CURVE_GAP;
const RIGHT_INNER = CENTER_X + CENTER_WIDTH / 2 + CURVE_GAP;
const MAX_PILL_WIDTH = LEFT_INNER - CANVAS.margin;

function groupsOf(model: HubModel, categories: Category[]): Group[] {
  const actor = actorLookup(model);
  const edges = distinctEdges(model.edges);
  return categories
    .map((category) => {
      const actors = edges
        .filter((e) => e.category === category.name)
        .map((e) => actor(model.kind === 'of' ? e.to : e.from));
      const labels = actors.map((a) => actorPillLabel(a, MAX_PILL_WIDTH));
      return { category, actors, labels };
    })
    .filter((g) => g.actors.length > 0);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function rowPill(row: Row, group: Group, x: (width: number) => number, cy: number): Shape[] {
  const { colour } = group.category;
  if (row.kind === 'more') {
    const text = row.namesShown ? `+${row.count} more` : `${row.count} listed`;
    return pill({
      x: x(pillWidth(text, TYPE.name, true)),
      cy,
      text,
      size: TYPE.name,
      height: ROW_HEIGHT,
      border: colour,
      fill: COLOURS.background,
      textFill: COLOURS.muted,
      bold: true,
      dashed: true,
    });
  }
  const { actor, label } = row;
  return actorPill({ actor, label, x: x(actorPillWidth(actor, label)), cy, height: rowHeight(row), colour });
}

export function hubScene(model: HubModel): Scene {
  const categories = resolveCategories(model);
  const groups = groupsOf(model, categories);
  const shapes: Shape[] = [];

  const distinct = new Set(groups.flatMap((g) => g.actors.map((a) => a.code))).size;
  const summary =
    groups.length === 0
      ? ''
      : model.kind === 'of'
        ? `${plural(distinct, 'actor', 'actors')} in ${plural(groups.length, 'category', 'categories')}`
        : `listed by ${plural(distinct, 'actor', 'actors')}`;
  shapes.push(
    ...titleLine(
      model.center,
      model.kind === 'of' ? ' — relationships as it lists them' : ' — how others list it',
      summary,
    ),
  );

  const noProfileShown = groups.some((g) => g.actors.some((a) => !a.hasProfile));
  const legendOptions = { categories, noProfileShown };
  const legendHeight = CANVAS.height - legend(legendOptions).top;
  const full = entriesFor(
    groups,
    groups.map((g) => g.actors.length),
  );
  // Taller rather than cut: the least height where every name fits with each group whole in one column.
  const height = canvasHeight((h) => Boolean(bestSplit(full, h - legendHeight - 12 - MAIN_TOP, false)));
  const key = legend(legendOptions, height);
  const bottom = key.top - 12;
  const capacity = bottom - MAIN_TOP;
  const midY = (MAIN_TOP + bottom) / 2;

  const allocation = allocate(groups, capacity);
  const split = bestSplit(entriesFor(groups, allocation.rows), capacity, allocation.allowInside) ?? {
    left: [],
    right: [],
    height: 0,
  };
  const rowsPerSide = Math.max(
    split.left.filter((e) => e.kind === 'row').length,
    split.right.filter((e) => e.kind === 'row').length,
  );
  // Arrowheads meet the node in 'toward' maps, so it grows until they sit side by side.
  const portSpacing = model.kind === 'toward' ? 15 : 9;
  const center = actorNode(
    model.center,
    CENTER_X,
    midY,
    CENTER_WIDTH,
    Math.min(30 + rowsPerSide * portSpacing, capacity),
  );
  const edgeShapes: Shape[] = [];
  const pillShapes: Shape[] = [];

  for (const [side, column] of [
    [-1, split.left],
    [1, split.right],
  ] as const) {
    const { tops, height } = stack(column);
    const top = Math.min(Math.max(midY - height / 2, MAIN_TOP), bottom - height);
    const inner = side < 0 ? LEFT_INNER : RIGHT_INNER;
    const place = (width: number) => (side < 0 ? inner - width : inner);
    const rowCount = column.filter((e) => e.kind === 'row').length;
    const step = rowCount > 1 ? Math.min(18, (center.height - 30) / (rowCount - 1)) : 0;
    const edgeX = CENTER_X + side * (CENTER_WIDTH / 2);
    let port = 0;
    column.forEach((entry, i) => {
      const group = groups[entry.group];
      if (!group) return;
      const y = top + (tops[i] ?? 0);
      if (entry.kind === 'header') {
        const label = entry.continued
          ? `${cleanText(group.category.name, true) || '?'} (cont.)`
          : `${cleanText(group.category.name, true) || '?'} · ${group.actors.length}`;
        const text = fitText(label, MAX_PILL_WIDTH - chipWidth(''), TYPE.header, true);
        pillShapes.push(...chip(place(chipWidth(text)), y + HEADER_HEIGHT / 2, text, group.category.colour));
        return;
      }
      const cy = y + rowHeight(entry.row) / 2;
      pillShapes.push(...rowPill(entry.row, group, place, cy));
      const portY = midY + (port - (rowCount - 1) / 2) * step;
      port++;
      const pillEdge = inner - side * 3;
      const ends =
        model.kind === 'of'
          ? { x0: edgeX, y0: portY, x1: pillEdge, y1: cy }
          : { x0: pillEdge, y0: cy, x1: edgeX + side * 3, y1: portY };
      edgeShapes.push(
        ...arrow({ ...ends, colour: group.category.colour, polarity: group.category.polarity }),
      );
    });
  }

  // Arrows go underneath so pills and the centre node stay crisp where lines meet them.
  shapes.push(...edgeShapes, ...center.shapes, ...pillShapes);

  if (groups.length === 0) {
    shapes.push({
      kind: 'text',
      x: CENTER_X,
      y: midY + center.height / 2 + 60,
      size: TYPE.message,
      anchor: 'middle',
      fill: COLOURS.muted,
      runs: [{ text: 'No relationships listed' }],
    });
  }
  const hidden = groups.filter((_, i) => (allocation.rows[i] ?? 0) === 0);
  if (hidden.length > 0) {
    const count = hidden.reduce((sum, g) => sum + g.actors.length, 0);
    shapes.push({
      kind: 'text',
      x: CENTER_X,
      y: bottom - 4,
      size: TYPE.header,
      anchor: 'middle',
      fill: COLOURS.muted,
      runs: [{ text: `+${count} more in ${plural(hidden.length, 'other category', 'other categories')}` }],
    });
  }
  shapes.push(...key.shapes);
  return { width: CANVAS.width, height, background: COLOURS.background, shapes };
}
